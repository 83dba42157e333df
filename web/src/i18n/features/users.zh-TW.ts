import type { usersEn } from './users.en';

/** 繁體中文 messages of the users page. */
export const usersZhTW: typeof usersEn = {
  title: 'TODO',
};
