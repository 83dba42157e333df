import type { User } from '../../api/client';
import type { paths } from '../../api/schema';

export type { User };
export type Role = User['role'];
export type NewUser = paths['/v1/users']['post']['requestBody']['content']['application/json'];
export type UserPatch = NonNullable<
  paths['/v1/users/{userId}']['patch']['requestBody']
>['content']['application/json'];

export const USERS_KEY = ['users'] as const;
