import { signInWindow } from '../domain/sign-in-limits.js';
import { deleteSignInAttemptsBefore } from '../store/sign-in-attempts.js';
import type { AppContext } from './context.js';

/** Forgets the sign-in counts of windows that have ended: only the current one limits. */
export function purgeSignInAttempts(ctx: AppContext): Promise<number> {
  return deleteSignInAttemptsBefore(ctx.db, signInWindow(ctx.clock.now()).start);
}
