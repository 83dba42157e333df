import type { Session } from '../../api/client';
import { useSession } from '../../session';
import type { Role } from './model';

export type PasswordLength = Session['passwordLength'];

/** The password lengths the API accepts, from the session; unknown only before it has loaded. */
export function usePasswordLength(): PasswordLength | undefined {
  return useSession().data?.passwordLength;
}

/** Every role a user can have, most powerful first, from the session. */
export function useRoles(): readonly Role[] {
  return useSession().data?.roles ?? [];
}
