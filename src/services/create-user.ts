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
import { newTemporaryPassword } from './temporary-password.js';

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

/**
 * A global admin invites a user of the partner. A temporary password made here must be changed
 * at the first sign-in: the admin has seen it.
 */
export function inviteUser(ctx: CallerContext, input: NewUserInput): Promise<CreatedUser> {
  authorize(ctx.role, 'users.manage');
  return createUser(ctx, ctx.partner.id, input, {
    event: (user) => callerEvent(ctx, user.createdAt, userCreated(user)),
    temporaryMustChange: true,
  });
}

/**
 * The first user of a partner, made by the system (first start, command line). The operator who
 * runs it hands the password over as the first start or the command prints it; it is not forced
 * to change.
 */
export function createFirstUser(
  ctx: AppContext,
  partnerId: string,
  input: NewUserInput,
): Promise<CreatedUser> {
  return createUser(ctx, partnerId, input, {
    event: (user) => systemEvent(partnerId, user.createdAt, userCreated(user)),
    temporaryMustChange: false,
  });
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
  how: { event: (user: User) => ReturnType<typeof systemEvent>; temporaryMustChange: boolean },
): Promise<CreatedUser> {
  const temporaryPassword = input.password === undefined ? newTemporaryPassword() : undefined;
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
    mustChangePassword: temporaryPassword !== undefined && how.temporaryMustChange,
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
      await appendEvents(trx, [how.event(user)]);
    });
  } catch (error) {
    if (dialectOf(ctx.db).isUniqueViolation(error)) throw taken();
    throw error;
  }
  return { user, ...(temporaryPassword === undefined ? {} : { temporaryPassword }) };
}
