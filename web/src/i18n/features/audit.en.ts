/** English messages of the audit page. */
export const auditEn = {
  title: 'TODO',
};
