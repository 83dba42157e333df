import { createHash, randomBytes } from 'node:crypto';
import { addHours } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import {
  SIGN_IN_ATTEMPTS_PER_ACCOUNT,
  SIGN_IN_ATTEMPTS_PER_ADDRESS,
  signInWindow,
  type SignInWindow,
} from '../domain/sign-in-limits.js';
import {
  isLocked,
  lockoutEnd,
  MAX_FAILED_SIGN_INS,
  normalizeEmail,
  SESSION_HOURS,
  type User,
} from '../domain/user.js';
import { appendEvents } from '../store/events.js';
import { insertSession } from '../store/sessions.js';
import { countSignInAttempt, refundSignInAttempt } from '../store/sign-in-attempts.js';
import { inTransaction } from '../store/transaction.js';
import { clearFailedSignIns, findUserByEmail, recordFailedSignIn } from '../store/users.js';
import type { AppContext } from './context.js';
import { systemEvent } from './events.js';
import { newId } from './ids.js';
import { verifyNothing, verifyPassword } from './password-hash.js';
import { hashTokenSecret } from './token-secret.js';

export interface SignedIn {
  user: User;
  /** The session cookie's value: shown to the browser once, stored only as a hash. */
  sessionToken: string;
  /** Sent back in X-CSRF-Token with every write made with the cookie. */
  csrfToken: string;
  expiresAt: Date;
}

export interface SignInInput {
  email: string;
  password: string;
  /** The client's address, as far as the server can tell (behind a trusted proxy, forwarded). */
  clientAddress: string;
}

/**
 * One answer for every refusal: an unknown email, a disabled user, a wrong password and a locked
 * account look the same and take the same time, so no answer tells whether an email has an
 * account or that it is locked.
 */
const wrongCredentials = () =>
  new DomainError(
    'invalid_credentials',
    'The email or the password is wrong. After several failed attempts an account is locked for a while.',
  );

/** Signs a partner user in; repeated wrong passwords lock the account for a while. */
export async function signIn(ctx: AppContext, input: SignInInput): Promise<SignedIn> {
  const now = ctx.clock.now();
  const email = normalizeEmail(input.email);
  const attempts = await admitAttempt(ctx, now, [
    { key: `address:${input.clientAddress}`, limit: SIGN_IN_ATTEMPTS_PER_ADDRESS },
    {
      key: `account:${createHash('sha256').update(email).digest('hex')}`,
      limit: SIGN_IN_ATTEMPTS_PER_ACCOUNT,
    },
  ]);
  const found = await findUserByEmail(ctx.db, email);
  if (!found) {
    await verifyNothing(input.password);
    throw wrongCredentials();
  }
  const { user, passwordHash } = found;
  const correct = await verifyPassword(passwordHash, input.password);
  // Every refusal of an account does the same work (a verification and a counted failure), so
  // neither the answer nor its timing tells a locked or disabled account, or a right password
  // given to one, from a wrong password. Failures while locked count too, and lock again.
  if (!correct || isLocked(user, now) || user.disabledAt !== null) {
    await recordFailure(ctx, user, now);
    throw wrongCredentials();
  }
  const signedIn = await startSession(ctx, user, now);
  await attempts.refund();
  return signedIn;
}

/**
 * Counts the attempt against every limit before any work; over a limit it is refused at once.
 * Counting first (rather than checking, then counting failures) makes parallel attempts each
 * take their place in the count.
 */
async function admitAttempt(
  ctx: AppContext,
  now: Date,
  limits: { key: string; limit: number }[],
): Promise<{ refund(): Promise<void> }> {
  const window = signInWindow(now);
  const counts = await Promise.all(
    limits.map(({ key }) => countSignInAttempt(ctx.db, key, window.start)),
  );
  if (counts.some((count, i) => count > (limits[i]?.limit ?? 0))) throw tooManyAttempts(window);
  return {
    async refund() {
      for (const { key } of limits) await refundSignInAttempt(ctx.db, key, window.start);
    },
  };
}

function tooManyAttempts(window: SignInWindow): DomainError {
  return new DomainError(
    'rate_limited',
    `Too many sign-in attempts; try again in ${window.secondsLeft} seconds.`,
    [],
    { retryAfterSeconds: window.secondsLeft },
  );
}

async function recordFailure(ctx: AppContext, user: User, now: Date): Promise<void> {
  const lockedUntil = lockoutEnd(now);
  await inTransaction(ctx.db, async (trx) => {
    const { locked } = await recordFailedSignIn(trx, user.id, {
      maxFailures: MAX_FAILED_SIGN_INS,
      lockUntil: lockedUntil,
    });
    if (!locked) return;
    await appendEvents(trx, [
      systemEvent(user.partnerId, now, {
        type: 'user.locked_out',
        data: { userId: user.id, lockedUntil: lockedUntil.toISOString() },
      }),
    ]);
  });
}

async function startSession(ctx: AppContext, user: User, now: Date): Promise<SignedIn> {
  const sessionToken = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = addHours(now, SESSION_HOURS);
  await inTransaction(ctx.db, async (trx) => {
    // A failure on another node may have locked the account since it was read.
    if (!(await clearFailedSignIns(trx, user.id, now))) throw wrongCredentials();
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
  return {
    user: { ...user, failedSignIns: 0, lockedUntil: null },
    sessionToken,
    csrfToken,
    expiresAt,
  };
}
