import type { User } from '../../api/client';
import type { paths } from '../../api/schema';

export type { User };
export type Role = User['role'];
export type NewUser = paths['/v1/users']['post']['requestBody']['content']['application/json'];
export type UserPatch = NonNullable<
  paths['/v1/users/{userId}']['patch']['requestBody']
>['content']['application/json'];

/** Most powerful first, as Partner Center lists them. */
export const ROLES: readonly Role[] = [
  'global_admin',
  'admin_agent',
  'sales_agent',
  'helpdesk_agent',
  'billing_admin',
];

/** The server's rule (src/domain/user.ts): length is what makes a password strong. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export const USERS_KEY = ['users'] as const;
