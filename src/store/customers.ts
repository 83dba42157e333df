import type { Customer, Segment } from '../domain/customer.js';
import { sql } from 'kysely';
import { compiledOnce } from './compiled-once.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { customerNameKey } from './customer-name-key.js';
import { dialectOf } from './dialects/dialect-of.js';
import type { Page } from './page.js';
import type { CustomersTable, Db } from './tables.js';

export async function insertCustomer(db: Db, customer: Customer): Promise<void> {
  const { billingProfile: bp } = customer;
  await db
    .insertInto('customers')
    .values({
      id: customer.id,
      partner_id: customer.partnerId,
      company_name: customer.companyName,
      company_name_key: customerNameKey(customer.companyName),
      domain: customer.domain,
      country: customer.country,
      segment: customer.segment,
      billing_first_name: bp.firstName,
      billing_last_name: bp.lastName,
      billing_email: bp.email,
      billing_line1: bp.address.line1,
      billing_city: bp.address.city,
      billing_postal_code: bp.address.postalCode,
      billing_country: bp.address.country,
      account_opened_at: customer.accountOpenedAt.toISOString(),
      first_billing_period_start: customer.firstBillingPeriodStart,
      created_at: customer.createdAt.toISOString(),
    })
    .execute();
}

/**
 * Writes what a partner may change of a customer: its name, domain and billing profile. A new
 * name's key goes to the customer's subscriptions too (the list across customers sorts by it);
 * run it in the transaction that holds the customer's row lock, as an order does, so that no
 * order inserts subscriptions with the old key after this has rewritten them.
 */
export async function updateCustomer(db: Db, customer: Customer): Promise<void> {
  const { billingProfile: bp } = customer;
  const nameKey = customerNameKey(customer.companyName);
  await db
    .updateTable('subscriptions')
    .set({ customer_name_key: nameKey })
    .where('partner_id', '=', customer.partnerId)
    .where('customer_id', '=', customer.id)
    .where('customer_name_key', '<>', nameKey)
    .execute();
  await db
    .updateTable('customers')
    .set({
      company_name: customer.companyName,
      company_name_key: nameKey,
      domain: customer.domain,
      billing_first_name: bp.firstName,
      billing_last_name: bp.lastName,
      billing_email: bp.email,
      billing_line1: bp.address.line1,
      billing_city: bp.address.city,
      billing_postal_code: bp.address.postalCode,
      billing_country: bp.address.country,
    })
    .where('partner_id', '=', customer.partnerId)
    .where('id', '=', customer.id)
    .execute();
}

const customerById = compiledOnce((db: Db, partnerId: string, customerId: string) =>
  db
    .selectFrom('customers')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('id', '=', customerId),
);

export async function findCustomer(
  db: Db,
  partnerId: string,
  customerId: string,
): Promise<Customer | undefined> {
  const [row] = await customerById(db, partnerId, customerId);
  return row && toCustomer(row);
}

/** The company names of these customers of the partner, by id; unknown ids are left out. */
export async function customerNamesByIds(
  db: Db,
  partnerId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'company_name'])
    .where('partner_id', '=', partnerId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.company_name]));
}

/** These customers of the partner, by id; unknown ids are left out. */
export async function findCustomersByIds(
  db: Db,
  partnerId: string,
  ids: readonly string[],
): Promise<Map<string, Customer>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, toCustomer(row)]));
}

/**
 * Reads the customer and, on PostgreSQL, locks its row until the transaction ends: every write
 * that checks a per-customer limit goes through here first, so such writes happen one at a time.
 */
export async function lockCustomer(
  db: Db,
  partnerId: string,
  customerId: string,
): Promise<Customer | undefined> {
  const select = db
    .selectFrom('customers')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('id', '=', customerId);
  const row = await dialectOf(db).lockForUpdate(select).executeTakeFirst();
  return row && toCustomer(row);
}

export async function customerDomainExists(
  db: Db,
  partnerId: string,
  domain: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('customers')
    .select('id')
    .where('partner_id', '=', partnerId)
    .where('domain', '=', domain)
    .executeTakeFirst();
  return row !== undefined;
}

export interface CustomerListQuery {
  /** Case-insensitive substring of the company name or the domain. */
  q?: string;
  limit: number;
  cursor?: string;
}

/** Customers in company-name order. Returns null when the cursor is not one this list gave. */
export async function listCustomers(
  db: Db,
  partnerId: string,
  query: CustomerListQuery,
): Promise<Page<Customer> | null> {
  let select = db.selectFrom('customers').selectAll().where('partner_id', '=', partnerId);
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    if (!after) return null;
    const [nameKey, id] = after as [string, string];
    select = select.where((eb) =>
      eb.or([
        eb('company_name_key', '>', nameKey),
        eb.and([eb('company_name_key', '=', nameKey), eb('id', '>', id)]),
      ]),
    );
  }
  if (query.q !== undefined && query.q.length > 0) {
    const pattern = `%${escapeLike(query.q.toLowerCase())}%`;
    select = select.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('company_name_key')} like ${pattern} escape '\\'`,
        sql<boolean>`${eb.ref('domain')} like ${pattern} escape '\\'`,
      ]),
    );
  }
  const rows = await select
    .orderBy('company_name_key')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor([last.company_name_key, last.id]) : null;
  return { items: items.map(toCustomer), nextCursor };
}

/** `like` treats % and _ as wildcards; a search for them means the characters themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toCustomer(row: CustomersTable): Customer {
  return {
    id: row.id,
    partnerId: row.partner_id,
    companyName: row.company_name,
    domain: row.domain,
    country: row.country,
    segment: row.segment as Segment,
    billingProfile: {
      firstName: row.billing_first_name,
      lastName: row.billing_last_name,
      email: row.billing_email,
      address: {
        line1: row.billing_line1,
        city: row.billing_city,
        postalCode: row.billing_postal_code,
        country: row.billing_country,
      },
    },
    accountOpenedAt: new Date(row.account_opened_at),
    firstBillingPeriodStart: row.first_billing_period_start,
    createdAt: new Date(row.created_at),
  };
}
