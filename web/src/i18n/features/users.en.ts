/** English messages of the users page. */
export const usersEn = {
  title: 'TODO',
};
