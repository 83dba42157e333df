import { sql } from 'kysely';
import type { Role } from '../domain/permissions.js';
import type { User } from '../domain/user.js';
import type { Db, UsersTable } from './tables.js';

export async function insertUser(db: Db, user: User, passwordHash: string): Promise<void> {
  await db
    .insertInto('users')
    .values({ ...toRow(user), password_hash: passwordHash })
    .execute();
}

export async function updateUser(db: Db, user: User): Promise<void> {
  const { id, partner_id, ...changes } = toRow(user);
  await db
    .updateTable('users')
    .set(changes)
    .where('partner_id', '=', partner_id)
    .where('id', '=', id)
    .execute();
}

/**
 * Counts one wrong password in a single statement, so that parallel failures on any node each
 * count. The failure that reaches `maxFailures` locks the account until `lockUntil` and starts the
 * count again; it is told so (`locked`), to record the lockout once.
 */
export async function recordFailedSignIn(
  db: Db,
  userId: string,
  rule: { maxFailures: number; lockUntil: Date },
): Promise<{ locked: boolean }> {
  const reachesLimit = sql<boolean>`failed_sign_ins + 1 >= ${rule.maxFailures}`;
  const row = await db
    .updateTable('users')
    .set({
      failed_sign_ins: sql<number>`case when ${reachesLimit} then 0 else failed_sign_ins + 1 end`,
      locked_until: sql<string>`case when ${reachesLimit} then ${rule.lockUntil.toISOString()} else locked_until end`,
    })
    .where('id', '=', userId)
    .returning('failed_sign_ins')
    .executeTakeFirst();
  return { locked: row !== undefined && row.failed_sign_ins === 0 };
}

/**
 * Starts the failure count again after a right password, unless the account is locked at `now`
 * (a parallel failure may have locked it since it was read): false then.
 */
export async function clearFailedSignIns(db: Db, userId: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({ failed_sign_ins: 0, locked_until: null })
    .where('id', '=', userId)
    .where((eb) =>
      eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now.toISOString())]),
    )
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Replaces the user's password: one they chose (`mustChange` false) or a temporary one they must
 * change at their next sign-in. A temporary one also lifts a lockout, so it can be used at once.
 */
export async function setPassword(
  db: Db,
  userId: string,
  password: { hash: string; mustChange: boolean },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: password.hash,
      must_change_password: password.mustChange ? 1 : 0,
      ...(password.mustChange ? { failed_sign_ins: 0, locked_until: null } : {}),
    })
    .where('id', '=', userId)
    .execute();
}

export async function findUser(db: Db, partnerId: string, userId: string) {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return row && withHash(row);
}

/** For sign-in, which knows only the email: emails are unique across partners. */
export async function findUserByEmail(db: Db, email: string) {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
  return row && withHash(row);
}

export async function listUsers(db: Db, partnerId: string): Promise<User[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .orderBy('email')
    .execute();
  return rows.map(toUser);
}

function withHash(row: UsersTable): { user: User; passwordHash: string } {
  return { user: toUser(row), passwordHash: row.password_hash };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toRow(user: User): Omit<UsersTable, 'password_hash'> {
  return {
    id: user.id,
    partner_id: user.partnerId,
    email: user.email,
    display_name: user.displayName,
    role: user.role,
    disabled_at: iso(user.disabledAt),
    failed_sign_ins: user.failedSignIns,
    locked_until: iso(user.lockedUntil),
    must_change_password: user.mustChangePassword ? 1 : 0,
    created_at: user.createdAt.toISOString(),
  };
}

function toUser(row: UsersTable): User {
  return {
    id: row.id,
    partnerId: row.partner_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    disabledAt: row.disabled_at === null ? null : new Date(row.disabled_at),
    failedSignIns: row.failed_sign_ins,
    lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
    mustChangePassword: row.must_change_password === 1,
    createdAt: new Date(row.created_at),
  };
}
