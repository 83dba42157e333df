import { addInstantDays } from './calendar.js';
import { DomainError, validationFailed } from './errors.js';
import type { Role } from './permissions.js';

/** A person of the partner who signs in to the portal. */
export interface User {
  id: string;
  partnerId: string;
  email: string;
  displayName: string;
  role: Role;
  disabledAt: Date | null;
  failedSignIns: number;
  lockedUntil: Date | null;
  /**
   * Set while the user signs in with a temporary password (an invite's or a reset's): until they
   * choose their own, a session may only read itself, change the password and sign out.
   */
  mustChangePassword: boolean;
  createdAt: Date;
}

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
/** Wrong passwords in a row before the account locks. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;
/** How long a portal session lasts without signing in again. */
export const SESSION_HOURS = 12;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Length is what makes a password strong; composition rules only make it harder to remember. */
export function assertAcceptablePassword(password: string, field = '/password'): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw validationFailed([
      {
        field,
        code: 'weak_password',
        detail: `A password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`,
      },
    ]);
  }
}

/**
 * Your own password you change yourself, knowing the current one, so a stolen session cannot take
 * over the account by resetting it.
 */
export function assertResetOfAnother(actorUserId: string | null, userId: string): void {
  if (actorUserId === userId) {
    throw new DomainError(
      'cannot_reset_own_password',
      'You cannot reset your own password; change it with POST /v1/session/password.',
    );
  }
}

/** A temporary password is replaced by another one, not kept. */
export function assertNewPassword(input: { currentPassword: string; newPassword: string }): void {
  if (input.newPassword === input.currentPassword) {
    throw validationFailed([
      {
        field: '/newPassword',
        code: 'password_unchanged',
        detail: 'Choose a new password: the temporary one must be replaced.',
      },
    ]);
  }
}

export function isLocked(user: Pick<User, 'lockedUntil'>, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
}

/** Until when a failure that reaches MAX_FAILED_SIGN_INS locks the account. */
export function lockoutEnd(now: Date): Date {
  return addInstantDays(now, LOCKOUT_MINUTES / (24 * 60));
}
