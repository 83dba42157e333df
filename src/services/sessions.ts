import { fixedClock } from '../domain/clock.js';
import { DomainError } from '../domain/errors.js';
import { assertAcceptablePassword, assertNewPassword } from '../domain/user.js';
import { appendEvents } from '../store/events.js';
import { findPartner } from '../store/partners.js';
import { deleteSession, deleteUserSessions, findSessionByHash } from '../store/sessions.js';
import { inTransaction } from '../store/transaction.js';
import { findUser, setPassword } from '../store/users.js';
import type { Authenticated } from './authenticate-token.js';
import type { AppContext, CallerContext } from './context.js';
import { callerEvent } from './events.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { hashTokenSecret } from './token-secret.js';

export interface SessionCaller extends Authenticated {
  sessionId: string;
  csrfToken: string;
  /** The user signed in with a temporary password and has not changed it yet. */
  mustChangePassword: boolean;
}

/** The user a session cookie stands for, or null when it is unknown, expired or disabled. */
export async function authenticateSession(
  ctx: AppContext,
  sessionToken: string,
): Promise<SessionCaller | null> {
  const session = await findSessionByHash(ctx.db, hashTokenSecret(sessionToken));
  if (!session || new Date(session.expires_at).getTime() <= ctx.clock.now().getTime()) return null;
  const found = await findUser(ctx.db, session.partner_id, session.user_id);
  const partner = await findPartner(ctx.db, session.partner_id);
  if (!found || !partner || found.user.disabledAt !== null) return null;
  const { user } = found;
  return {
    partner,
    actor: { type: 'user', id: user.id, name: user.displayName },
    role: user.role,
    clock: partner.sandboxNow ? fixedClock(partner.sandboxNow) : ctx.clock,
    sessionId: session.id,
    csrfToken: session.csrf_token,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function signOut(ctx: AppContext, sessionId: string): Promise<void> {
  await deleteSession(ctx.db, sessionId);
}

/**
 * A signed-in user changes their password; their other sessions end. A temporary password is
 * changed this way too, for a new one: keeping it would leave it known to whoever handed it over.
 */
export async function changePassword(
  ctx: CallerContext,
  input: { currentPassword: string; newPassword: string; sessionId?: string },
): Promise<void> {
  if (ctx.actor.type !== 'user') {
    throw new DomainError('forbidden', 'Only a signed-in user changes their password.');
  }
  assertAcceptablePassword(input.newPassword, '/newPassword');
  const found = await findUser(ctx.db, ctx.partner.id, ctx.actor.id);
  if (!found || !(await verifyPassword(found.passwordHash, input.currentPassword))) {
    throw new DomainError('invalid_credentials', 'The current password is wrong.');
  }
  if (found.user.mustChangePassword) assertNewPassword(input);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx.db, async (trx) => {
    await setPassword(trx, found.user.id, { hash: passwordHash, mustChange: false });
    await deleteUserSessions(trx, found.user.id, input.sessionId);
    await appendEvents(trx, [
      callerEvent(ctx, ctx.clock.now(), {
        type: 'user.password_changed',
        data: { userId: found.user.id },
      }),
    ]);
  });
}
