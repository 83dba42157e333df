import type { AssignedUser, LicenseAssignment } from '../domain/customer-user.js';
import { toCustomerUser } from './customer-users.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Page } from './page.js';
import type { Db, LicenseAssignmentsTable } from './tables.js';

export async function insertLicenseAssignment(
  db: Db,
  partnerId: string,
  assignment: LicenseAssignment,
): Promise<void> {
  await db
    .insertInto('license_assignments')
    .values({
      partner_id: partnerId,
      subscription_id: assignment.subscriptionId,
      customer_user_id: assignment.customerUserId,
      assigned_at: assignment.assignedAt.toISOString(),
    })
    .execute();
}

export async function findLicenseAssignment(
  db: Db,
  partnerId: string,
  subscriptionId: string,
  customerUserId: string,
): Promise<LicenseAssignment | undefined> {
  const row = await db
    .selectFrom('license_assignments')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('subscription_id', '=', subscriptionId)
    .where('customer_user_id', '=', customerUserId)
    .executeTakeFirst();
  return row && toAssignment(row);
}

/** Removes one assignment; false when there was none. */
export async function deleteLicenseAssignment(
  db: Db,
  partnerId: string,
  subscriptionId: string,
  customerUserId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('license_assignments')
    .where('partner_id', '=', partnerId)
    .where('subscription_id', '=', subscriptionId)
    .where('customer_user_id', '=', customerUserId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The licenses held by one user, oldest subscription first. */
export async function assignmentsOfUser(
  db: Db,
  partnerId: string,
  customerUserId: string,
): Promise<LicenseAssignment[]> {
  const rows = await db
    .selectFrom('license_assignments')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('customer_user_id', '=', customerUserId)
    .orderBy('subscription_id')
    .execute();
  return rows.map(toAssignment);
}

export async function deleteAssignmentsOfUser(
  db: Db,
  partnerId: string,
  customerUserId: string,
): Promise<void> {
  await db
    .deleteFrom('license_assignments')
    .where('partner_id', '=', partnerId)
    .where('customer_user_id', '=', customerUserId)
    .execute();
}

/** How many licenses of each subscription are assigned, in one grouped query; absent means 0. */
export async function assignedCounts(
  db: Db,
  partnerId: string,
  subscriptionIds: readonly string[],
): Promise<Map<string, number>> {
  if (subscriptionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('license_assignments')
    .select((eb) => ['subscription_id', eb.fn.countAll<number>().as('count')])
    .where('partner_id', '=', partnerId)
    .where('subscription_id', 'in', [...new Set(subscriptionIds)])
    .groupBy('subscription_id')
    .execute();
  return new Map(rows.map((r) => [r.subscription_id, r.count]));
}

export async function assignedCount(
  db: Db,
  partnerId: string,
  subscriptionId: string,
): Promise<number> {
  return (await assignedCounts(db, partnerId, [subscriptionId])).get(subscriptionId) ?? 0;
}

export interface LicenseListQuery {
  limit: number;
  cursor?: string;
}

/** The users holding a license of the subscription, in email order. Null for a foreign cursor. */
export async function listAssignedUsers(
  db: Db,
  partnerId: string,
  subscriptionId: string,
  query: LicenseListQuery,
): Promise<Page<AssignedUser> | null> {
  let select = db
    .selectFrom('license_assignments as a')
    .innerJoin('customer_users as u', 'u.id', 'a.customer_user_id')
    .selectAll('u')
    .select(['a.subscription_id', 'a.assigned_at'])
    .where('a.partner_id', '=', partnerId)
    .where('a.subscription_id', '=', subscriptionId);
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor, ['text']);
    if (!after) return null;
    select = select.where('u.email', '>', after[0] as string);
  }
  const rows = await select
    .orderBy('u.email')
    .limit(query.limit + 1)
    .execute();
  const items = rows.slice(0, query.limit).map(({ subscription_id, assigned_at, ...user }) => ({
    assignment: {
      subscriptionId: subscription_id,
      customerUserId: user.id,
      assignedAt: new Date(assigned_at),
    },
    user: toCustomerUser(user),
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.user.email]) : null,
  };
}

function toAssignment(row: LicenseAssignmentsTable): LicenseAssignment {
  return {
    subscriptionId: row.subscription_id,
    customerUserId: row.customer_user_id,
    assignedAt: new Date(row.assigned_at),
  };
}
