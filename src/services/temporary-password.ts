import { randomBytes } from 'node:crypto';

/** A password made for a person to sign in once with (an invite's, a reset's): 24 characters. */
export function newTemporaryPassword(): string {
  return randomBytes(18).toString('base64url');
}
