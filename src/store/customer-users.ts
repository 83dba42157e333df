import type { CustomerUser } from '../domain/customer-user.js';
import { keysetPage } from './keyset-page.js';
import type { Page } from './page.js';
import type { CustomerUsersTable, Db } from './tables.js';

export async function insertCustomerUser(db: Db, user: CustomerUser): Promise<void> {
  await db.insertInto('customer_users').values(toRow(user)).execute();
}

export async function updateCustomerUser(db: Db, user: CustomerUser): Promise<void> {
  await db
    .updateTable('customer_users')
    .set({ display_name: user.displayName, is_admin: user.isAdmin ? 1 : 0 })
    .where('partner_id', '=', user.partnerId)
    .where('id', '=', user.id)
    .execute();
}

export async function deleteCustomerUser(db: Db, partnerId: string, userId: string) {
  await db
    .deleteFrom('customer_users')
    .where('partner_id', '=', partnerId)
    .where('id', '=', userId)
    .execute();
}

export async function findCustomerUser(
  db: Db,
  partnerId: string,
  customerId: string,
  userId: string,
): Promise<CustomerUser | undefined> {
  const row = await db
    .selectFrom('customer_users')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('customer_id', '=', customerId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return row && toCustomerUser(row);
}

export async function customerUserEmailExists(
  db: Db,
  partnerId: string,
  customerId: string,
  email: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('customer_users')
    .select('id')
    .where('partner_id', '=', partnerId)
    .where('customer_id', '=', customerId)
    .where('email', '=', email)
    .executeTakeFirst();
  return row !== undefined;
}

export interface CustomerUserListQuery {
  limit: number;
  cursor?: string;
}

/** A customer's users in email order. Null when the cursor is not one this list gave. */
export async function listCustomerUsers(
  db: Db,
  partnerId: string,
  customerId: string,
  query: CustomerUserListQuery,
): Promise<Page<CustomerUser> | null> {
  const select = db
    .selectFrom('customer_users')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('customer_id', '=', customerId);
  const page = await keysetPage(select, { column: 'email', holds: 'text' }, query);
  return page && { items: page.rows.map(toCustomerUser), nextCursor: page.nextCursor };
}

function toRow(user: CustomerUser): CustomerUsersTable {
  return {
    id: user.id,
    partner_id: user.partnerId,
    customer_id: user.customerId,
    email: user.email,
    display_name: user.displayName,
    is_admin: user.isAdmin ? 1 : 0,
    created_at: user.createdAt.toISOString(),
  };
}

export function toCustomerUser(row: CustomerUsersTable): CustomerUser {
  return {
    id: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    email: row.email,
    displayName: row.display_name,
    isAdmin: row.is_admin === 1,
    createdAt: new Date(row.created_at),
  };
}
