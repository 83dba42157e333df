import { randomBytes } from 'node:crypto';
import { addHours } from '../domain/calendar.js';
import { fixedClock } from '../domain/clock.js';
import { DomainError } from '../domain/errors.js';
import {
  afterFailedSignIn,
  assertAcceptablePassword,
  isLocked,
  normalizeEmail,
  SESSION_HOURS,
  type User,
} from '../domain/user.js';
import { appendEvents } from '../store/events.js';
import { findPartner } from '../store/partners.js';
import {
  deleteSession,
  deleteUserSessions,
  findSessionByHash,
  insertSession,
} from '../store/sessions.js';
import { inTransaction } from '../store/transaction.js';
import { findUser, findUserByEmail, setPasswordHash, updateUser } from '../store/users.js';
import type { Authenticated } from './authenticate-token.js';
import type { AppContext, CallerContext } from './context.js';
import { callerEvent, systemEvent } from './events.js';
import { newId } from './ids.js';
import { hashPassword, verifyNothing, verifyPassword } from './password-hash.js';
import { hashTokenSecret } from './token-secret.js';

export interface SignedIn {
  user: User;
  /** The session cookie's value: shown to the browser once, stored only as a hash. */
  sessionToken: string;
  /** Sent back in X-CSRF-Token with every write made with the cookie. */
  csrfToken: string;
  expiresAt: Date;
}

const wrongCredentials = () =>
  new DomainError('invalid_credentials', 'The email or the password is wrong.');

/**
 * Signs a partner user in. Unknown emails, disabled users and wrong passwords get the same answer
 * in the same time; repeated wrong passwords lock the account for a while.
 */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string },
): Promise<SignedIn> {
  const found = await findUserByEmail(ctx.db, normalizeEmail(input.email));
  if (!found) {
    await verifyNothing(input.password);
    throw wrongCredentials();
  }
  const { user, passwordHash } = found;
  const now = ctx.clock.now();
  if (isLocked(user, now)) {
    throw new DomainError(
      'account_locked',
      `Too many wrong passwords: try again after ${user.lockedUntil?.toISOString() ?? 'a while'}.`,
    );
  }
  const correct = await verifyPassword(passwordHash, input.password);
  if (!correct || user.disabledAt !== null) {
    if (!correct) await recordFailure(ctx, user, now);
    throw wrongCredentials();
  }
  const sessionToken = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = addHours(now, SESSION_HOURS);
  const signedIn = { ...user, failedSignIns: 0, lockedUntil: null };
  await inTransaction(ctx.db, async (trx) => {
    await updateUser(trx, signedIn);
    await insertSession(trx, {
      id: newId(),
      token_hash: hashTokenSecret(sessionToken),
      csrf_token: csrfToken,
      user_id: user.id,
      partner_id: user.partnerId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    });
    await appendEvents(trx, [
      {
        ...systemEvent(user.partnerId, now, { type: 'user.signed_in', data: { userId: user.id } }),
        actor: { type: 'user', id: user.id, name: user.displayName },
      },
    ]);
  });
  return { user: signedIn, sessionToken, csrfToken, expiresAt };
}

async function recordFailure(ctx: AppContext, user: User, now: Date): Promise<void> {
  const next = afterFailedSignIn(user, now);
  await inTransaction(ctx.db, async (trx) => {
    await updateUser(trx, { ...user, ...next });
    if (next.lockedUntil) {
      await appendEvents(trx, [
        systemEvent(user.partnerId, now, {
          type: 'user.locked_out',
          data: { userId: user.id, lockedUntil: next.lockedUntil.toISOString() },
        }),
      ]);
    }
  });
}

export interface SessionCaller extends Authenticated {
  sessionId: string;
  csrfToken: string;
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
  };
}

export async function signOut(ctx: AppContext, sessionId: string): Promise<void> {
  await deleteSession(ctx.db, sessionId);
}

/** A signed-in user changes their password; their other sessions end. */
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
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx.db, async (trx) => {
    await setPasswordHash(trx, found.user.id, passwordHash);
    await deleteUserSessions(trx, found.user.id, input.sessionId);
    await appendEvents(trx, [
      callerEvent(ctx, ctx.clock.now(), {
        type: 'user.password_changed',
        data: { userId: found.user.id },
      }),
    ]);
  });
}
