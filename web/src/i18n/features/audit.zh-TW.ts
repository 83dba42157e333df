import type { auditEn } from './audit.en';

/** 繁體中文 messages of the audit page. */
export const auditZhTW: typeof auditEn = {
  title: 'TODO',
};
