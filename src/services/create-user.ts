import { randomBytes } from 'node:crypto';
import { DomainError } from '../domain/errors.js';
import { authorize, type Role } from '../domain/permissions.js';
import { assertAcceptablePassword, normalizeEmail, type User } from '../domain/user.js';
import { dialectOf } from '../store/dialects/dialect-of.js';
import { appendEvents } from '../store/events.js';
import { inTransaction } from '../store/transaction.js';
import { findUserByEmail, insertUser } from '../store/users.js';
import type { AppContext, CallerContext } from './context.js';
import { callerEvent, systemEvent } from './events.js';
import { newId } from './ids.js';
import { hashPassword } from './password-hash.js';

export interface NewUserInput {
  email: string;
  displayName: string;
  role: Role;
  /** When left out, a temporary password is made and shown once. */
  password?: string;
}

export interface CreatedUser {
  user: User;
  /** Set when the password was generated here: shown once, to hand to the person. */
  temporaryPassword?: string;
}

/** A global admin invites a user of the partner. */
export function inviteUser(ctx: CallerContext, input: NewUserInput): Promise<CreatedUser> {
  authorize(ctx.role, 'users.manage');
  return createUser(ctx, ctx.partner.id, input, (user) =>
    callerEvent(ctx, user.createdAt, userCreated(user)),
  );
}

/** The first user of a partner, made by the system (first start, command line). */
export function createFirstUser(
  ctx: AppContext,
  partnerId: string,
  input: NewUserInput,
): Promise<CreatedUser> {
  return createUser(ctx, partnerId, input, (user) =>
    systemEvent(partnerId, user.createdAt, userCreated(user)),
  );
}

function userCreated(user: User) {
  return {
    type: 'user.created' as const,
    data: { userId: user.id, email: user.email, role: user.role },
  };
}

async function createUser(
  ctx: AppContext,
  partnerId: string,
  input: NewUserInput,
  event: (user: User) => ReturnType<typeof systemEvent>,
): Promise<CreatedUser> {
  const temporaryPassword =
    input.password === undefined ? randomBytes(18).toString('base64url') : undefined;
  const password = input.password ?? temporaryPassword ?? '';
  assertAcceptablePassword(password);
  const user: User = {
    id: newId(),
    partnerId,
    email: normalizeEmail(input.email),
    displayName: input.displayName.trim(),
    role: input.role,
    disabledAt: null,
    failedSignIns: 0,
    lockedUntil: null,
    createdAt: ctx.clock.now(),
  };
  const taken = () =>
    new DomainError('user_email_taken', `A user with email ${user.email} exists.`, [
      { field: '/email', code: 'user_email_taken', detail: `${user.email} is taken.` },
    ]);
  const passwordHash = await hashPassword(password);
  try {
    await inTransaction(ctx.db, async (trx) => {
      if (await findUserByEmail(trx, user.email)) throw taken();
      await insertUser(trx, user, passwordHash);
      await appendEvents(trx, [event(user)]);
    });
  } catch (error) {
    if (dialectOf(ctx.db).isUniqueViolation(error)) throw taken();
    throw error;
  }
  return { user, ...(temporaryPassword === undefined ? {} : { temporaryPassword }) };
}
