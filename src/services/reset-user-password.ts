import { notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { assertResetOfAnother, type User } from '../domain/user.js';
import { appendEvents } from '../store/events.js';
import { deleteUserSessions } from '../store/sessions.js';
import { inTransaction } from '../store/transaction.js';
import { findUser, setPassword } from '../store/users.js';
import type { CallerContext } from './context.js';
import { callerEvent } from './events.js';
import { hashPassword } from './password-hash.js';
import { newTemporaryPassword } from './temporary-password.js';

export interface PasswordReset {
  user: User;
  /** Shown once, to hand to the person; they must change it at their next sign-in. */
  temporaryPassword: string;
}

/**
 * A global admin gives a user who lost their password a temporary one. The old password stops
 * working and the user's sessions end at once; a lockout is lifted.
 */
export async function resetUserPassword(
  ctx: CallerContext,
  userId: string,
): Promise<PasswordReset> {
  authorize(ctx.role, 'users.manage');
  assertResetOfAnother(ctx.actor.type === 'user' ? ctx.actor.id : null, userId);
  const temporaryPassword = newTemporaryPassword();
  const hash = await hashPassword(temporaryPassword);
  const user = await inTransaction(ctx.db, async (trx) => {
    const found = await findUser(trx, ctx.partner.id, userId);
    if (!found) throw notFound('User', userId);
    await setPassword(trx, userId, { hash, mustChange: true });
    await deleteUserSessions(trx, userId);
    await appendEvents(trx, [
      callerEvent(ctx, ctx.clock.now(), { type: 'user.password_reset', data: { userId } }),
    ]);
    return { ...found.user, mustChangePassword: true, failedSignIns: 0, lockedUntil: null };
  });
  return { user, temporaryPassword };
}
