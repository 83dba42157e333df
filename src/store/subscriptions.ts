import type { Customer } from '../domain/customer.js';
import { instantText } from '../domain/instant-text.js';
import type { BillingCycle, TermDuration, UnitType } from '../domain/offer.js';
import type { Subscription, SubscriptionStatus, SuspensionReason } from '../domain/subscription.js';
import { assignedLicenseCount, type ListedSubscription } from './assigned-license-count.js';
import { dialectOf } from './dialects/dialect-of.js';
import { insertRows } from './insert-rows.js';
import { compiledPerShape, type ShapeValues } from './compiled-once.js';
import { decodeCursor } from './cursor.js';
import { customerNameKey } from './customer-name-key.js';
import { pageOfRows } from './keyset-page.js';
import type { Page } from './page.js';
import type { Db, SubscriptionsTable } from './tables.js';

/**
 * Inserts subscriptions of one customer, each with the customer's name key (the order of the list
 * across customers). Subscriptions of another customer are a mistake of the caller's.
 */
export async function insertSubscriptions(
  db: Db,
  customer: Pick<Customer, 'id' | 'companyName'>,
  subscriptions: readonly Subscription[],
) {
  if (subscriptions.length === 0) return;
  const nameKey = customerNameKey(customer.companyName);
  const rows = subscriptions.map((subscription): SubscriptionsTable => {
    if (subscription.customerId !== customer.id) {
      throw new Error(`subscription ${subscription.id} is not of customer ${customer.id}`);
    }
    return { ...toRow(subscription), customer_name_key: nameKey };
  });
  await insertRows(db, 'subscriptions', rows);
}

/**
 * Writes the changed subscription; false when its version moved on meanwhile. Given the row as
 * read (`before`), only the columns that differ and the version are set: a row's every index
 * rewritten for one changed column costs about three times the update of that column alone.
 */
export async function updateSubscription(
  db: Db,
  subscription: Subscription,
  expectedVersion: number,
  before?: Subscription,
): Promise<boolean> {
  const { id, partner_id, ...row } = toRow(subscription);
  const changes = before ? changedColumns(toRow(before), row) : row;
  const result = await db
    .updateTable('subscriptions')
    .set(changes)
    .where('partner_id', '=', partner_id)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A subscription's own columns: the customer's name key is the customer's to write. */
type SubscriptionColumns = Omit<SubscriptionsTable, 'customer_name_key'>;
type RowChanges = Omit<SubscriptionColumns, 'id' | 'partner_id'>;

function changedColumns(before: SubscriptionColumns, after: RowChanges): Partial<RowChanges> {
  const changed: Record<string, unknown> = { version: after.version };
  for (const column of Object.keys(after) as (keyof RowChanges)[]) {
    if (before[column] !== after[column]) changed[column] = after[column];
  }
  return changed;
}

export async function findSubscription(
  db: Db,
  partnerId: string,
  customerId: string,
  subscriptionId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Subscription | undefined> {
  const select = db
    .selectFrom('subscriptions')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('customer_id', '=', customerId)
    .where('id', '=', subscriptionId);
  const locked = options.forUpdate === true ? dialectOf(db).lockForUpdate(select) : select;
  const row = await locked.executeTakeFirst();
  return row && toSubscription(row);
}

/** By id alone, for the scheduler, which works across partners. */
export async function findSubscriptionById(
  db: Db,
  id: string,
  lock: 'none' | 'update' | 'skip_locked' = 'none',
): Promise<Subscription | undefined> {
  let select = db.selectFrom('subscriptions').selectAll().where('id', '=', id);
  if (lock === 'update') select = dialectOf(db).lockForUpdate(select);
  if (lock === 'skip_locked') select = dialectOf(db).skipLocked(select);
  const row = await select.executeTakeFirst();
  return row && toSubscription(row);
}

/** The customer's subscriptions of these offers, or with these ids: what an order's rules need. */
export async function subscriptionsForOrder(
  db: Db,
  partnerId: string,
  customerId: string,
  offerIds: readonly string[],
  subscriptionIds: readonly string[],
): Promise<Subscription[]> {
  if (offerIds.length === 0 && subscriptionIds.length === 0) return [];
  const rows = await db
    .selectFrom('subscriptions')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('customer_id', '=', customerId)
    .where((eb) =>
      eb.or([
        ...(offerIds.length > 0 ? [eb('offer_id', 'in', [...offerIds])] : []),
        ...(subscriptionIds.length > 0 ? [eb('id', 'in', [...subscriptionIds])] : []),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map(toSubscription);
}

/** Every subscription of the customer: availability of the whole catalog needs them all. */
export async function customerSubscriptions(
  db: Db,
  partnerId: string,
  customerId: string,
): Promise<Subscription[]> {
  const rows = await db
    .selectFrom('subscriptions')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .execute();
  return rows.map(toSubscription);
}

export async function subscriptionsByIds(
  db: Db,
  partnerId: string,
  ids: readonly string[],
): Promise<Subscription[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('subscriptions')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map(toSubscription);
}

export async function addOnsOf(
  db: Db,
  partnerId: string,
  baseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Subscription[]> {
  const select = db
    .selectFrom('subscriptions')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('parent_subscription_id', '=', baseId);
  const locked = options.forUpdate === true ? dialectOf(db).lockForUpdate(select) : select;
  const rows = await locked.orderBy('id').execute();
  return rows.map(toSubscription);
}

export interface SubscriptionListQuery {
  status?: SubscriptionStatus;
  offerId?: string;
  limit: number;
  cursor?: string;
}

/**
 * A customer's subscriptions, oldest first, each with its assigned licenses, in keyset pages by
 * id. Null when the cursor is not one this list gave.
 */
export async function listSubscriptions(
  db: Db,
  partnerId: string,
  customerId: string,
  query: SubscriptionListQuery,
): Promise<Page<ListedSubscription<Subscription>> | null> {
  let afterId: string | undefined;
  if (query.cursor !== undefined) {
    afterId = decodeCursor(query.cursor, ['uuid'])?.[0];
    if (afterId === undefined) return null;
  }
  const shape = {
    status: query.status !== undefined,
    offerId: query.offerId !== undefined,
    after: afterId !== undefined,
  };
  const rows = await customerPage(db, shape, {
    partnerId,
    customerId,
    size: query.limit + 1,
    ...(query.status !== undefined && { status: query.status }),
    ...(query.offerId !== undefined && { offerId: query.offerId }),
    ...(afterId !== undefined && { afterId }),
  });
  const page = pageOfRows(rows, query.limit, (last) => [last.id]);
  return {
    items: page.rows.map((row) => ({
      subscription: toSubscription(row),
      assignedLicenses: row.assigned_licenses,
    })),
    nextCursor: page.nextCursor,
  };
}

/** A page of the customer's list: its query built once for each combination of filters. */
const customerPage = compiledPerShape(
  (shape: { status: boolean; offerId: boolean; after: boolean }) =>
    `${shape.status} ${shape.offerId} ${shape.after}`,
  (db: Db, shape: { status: boolean; offerId: boolean; after: boolean }, values: ShapeValues) => {
    let select = db
      .selectFrom('subscriptions')
      .selectAll()
      .select(assignedLicenseCount('subscriptions').as('assigned_licenses'))
      .where('partner_id', '=', values.partnerId as string)
      .where('customer_id', '=', values.customerId as string);
    if (shape.status) select = select.where('status', '=', values.status as string);
    if (shape.offerId) select = select.where('offer_id', '=', values.offerId as string);
    if (shape.after) select = select.where('id', '>', values.afterId as string);
    return select.orderBy('id').limit(values.size as number);
  },
);

const iso = (date: Date | null) => (date === null ? null : instantText(date));
const date = (text: string | null) => (text === null ? null : new Date(text));

function toRow(s: Subscription): SubscriptionColumns {
  return {
    id: s.id,
    partner_id: s.partnerId,
    customer_id: s.customerId,
    offer_id: s.offerId,
    offer_name: s.offerName,
    friendly_name: s.friendlyName,
    quantity: s.quantity,
    unit_type: s.unitType,
    parent_subscription_id: s.parentSubscriptionId,
    order_id: s.orderId,
    status: s.status,
    billing_cycle: s.billingCycle,
    term_duration: s.termDuration,
    auto_renew_enabled: s.autoRenewEnabled ? 1 : 0,
    is_trial: s.isTrial ? 1 : 0,
    trial_end_date: s.trialEndDate,
    creation_date: instantText(s.creationDate),
    effective_start_date: s.effectiveStartDate,
    commitment_end_date: s.commitmentEndDate,
    cancellation_allowed_until: iso(s.cancellationAllowedUntil),
    quantity_decrease_allowed_until: iso(s.quantityDecreaseAllowedUntil),
    suspension_reasons: JSON.stringify(s.suspensionReasons),
    suspended_at: iso(s.suspendedAt),
    expires_at: iso(s.expiresAt),
    deleted_at: iso(s.deletedAt),
    unit_price: s.unitPrice,
    unit_cost: s.unitCost,
    currency: s.currency,
    next_charge_date: s.nextChargeDate,
    version: s.version,
    expiring_soon_warned_for: iso(s.expiringSoonWarnedFor),
  };
}

export function toSubscription(row: SubscriptionsTable): Subscription {
  return {
    id: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    offerId: row.offer_id,
    offerName: row.offer_name,
    friendlyName: row.friendly_name,
    quantity: row.quantity,
    unitType: row.unit_type as UnitType,
    parentSubscriptionId: row.parent_subscription_id,
    orderId: row.order_id,
    status: row.status as SubscriptionStatus,
    billingCycle: row.billing_cycle as BillingCycle,
    termDuration: row.term_duration as TermDuration,
    autoRenewEnabled: row.auto_renew_enabled === 1,
    isTrial: row.is_trial === 1,
    trialEndDate: row.trial_end_date,
    creationDate: new Date(row.creation_date),
    effectiveStartDate: row.effective_start_date,
    commitmentEndDate: row.commitment_end_date,
    cancellationAllowedUntil: date(row.cancellation_allowed_until),
    quantityDecreaseAllowedUntil: date(row.quantity_decrease_allowed_until),
    suspensionReasons: JSON.parse(row.suspension_reasons) as SuspensionReason[],
    suspendedAt: date(row.suspended_at),
    expiresAt: date(row.expires_at),
    deletedAt: date(row.deleted_at),
    unitPrice: row.unit_price,
    unitCost: row.unit_cost,
    currency: row.currency,
    nextChargeDate: row.next_charge_date,
    version: row.version,
    expiringSoonWarnedFor: date(row.expiring_soon_warned_for),
  };
}
