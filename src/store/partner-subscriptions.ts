import { sql, type Expression, type SqlBool } from 'kysely';
import type { Customer } from '../domain/customer.js';
import type { Subscription, SubscriptionStatus } from '../domain/subscription.js';
import { isCalendarDateText, isInstantText } from '../domain/text-formats.js';
import { assignedLicenseCount, type ListedSubscription } from './assigned-license-count.js';
import { compiledPerShape, type ShapeValues } from './compiled-once.js';
import { decodeCursor } from './cursor.js';
import { pageOfRows } from './keyset-page.js';
import { toSubscription } from './subscriptions.js';
import type { Db, SubscriptionsTable } from './tables.js';

/** What a list across customers can be sorted by; `-` in front of one sorts it descending. */
export const PARTNER_SUBSCRIPTION_SORTS = [
  'customerName',
  'offerName',
  'commitmentEndDate',
  'trialEndDate',
  'expiresAt',
  'creationDate',
  'quantity',
] as const;
export type PartnerSubscriptionSort = (typeof PARTNER_SUBSCRIPTION_SORTS)[number];

type KeyKind = 'text' | 'date' | 'instant' | 'integer';

/** Each sort's column, the kind of value it holds (to check a cursor's), and whether it may be null. */
const SORT_KEYS: Record<
  PartnerSubscriptionSort,
  { ref: string; kind: KeyKind; nullable: boolean; value: (row: Row) => string | number | null }
> = {
  customerName: {
    ref: 's.customer_name_key',
    kind: 'text',
    nullable: false,
    value: (row) => row.customer_name_key,
  },
  offerName: { ref: 's.offer_name', kind: 'text', nullable: false, value: (row) => row.offer_name },
  commitmentEndDate: {
    ref: 's.commitment_end_date',
    kind: 'date',
    nullable: false,
    value: (row) => row.commitment_end_date,
  },
  trialEndDate: {
    ref: 's.trial_end_date',
    kind: 'date',
    nullable: true,
    value: (row) => row.trial_end_date,
  },
  expiresAt: {
    ref: 's.expires_at',
    kind: 'instant',
    nullable: true,
    value: (row) => row.expires_at,
  },
  creationDate: {
    ref: 's.creation_date',
    kind: 'instant',
    nullable: false,
    value: (row) => row.creation_date,
  },
  quantity: { ref: 's.quantity', kind: 'integer', nullable: false, value: (row) => row.quantity },
};

type Row = SubscriptionsTable & {
  customer_name: string;
  customer_account_opened_at: string;
  customer_first_billing_period_start: string;
  assigned_licenses: number;
};

export interface PartnerSubscriptionQuery {
  statuses?: readonly SubscriptionStatus[];
  offerId?: string;
  customerId?: string;
  /** Case-insensitive substring of the customer's name, the friendly name or the offer name. */
  q?: string;
  /** Active, renewing automatically, with the term ending before this date. */
  renewsBefore?: string;
  /** Auto-renew off, not ended, with the term ending before this date. */
  expiresBefore?: string;
  /** Trials whose trial ends before this date. */
  trialEndsBefore?: string;
  /** Suspended, with the data deleted before this date (UTC midnight). */
  deletedBefore?: string;
  sort: PartnerSubscriptionSort;
  descending: boolean;
  limit: number;
  cursor?: string;
}

export interface PartnerSubscriptionRow extends ListedSubscription<Subscription> {
  customerName: string;
  /** What a suspension preview needs of the customer, from the same statement. */
  customer: Pick<Customer, 'id' | 'accountOpenedAt' | 'firstBillingPeriodStart'>;
}

/**
 * The partner's subscriptions across its customers, each with its customer's name, filtered and
 * in the asked order (nulls last, ties by id) with keyset paging. Null when the cursor is not one
 * this list gave for this order.
 */
export async function listPartnerSubscriptions(
  db: Db,
  partnerId: string,
  query: PartnerSubscriptionQuery,
): Promise<{ items: PartnerSubscriptionRow[]; nextCursor: string | null } | null> {
  const key = SORT_KEYS[query.sort];
  const sortName = `${query.descending ? '-' : ''}${query.sort}`;
  let after: { value: string | number | null; id: string } | undefined;
  if (query.cursor !== undefined) {
    after = decodeAfter(query.cursor, sortName, key) ?? undefined;
    if (!after) return null;
  }
  const statuses = query.statuses ?? [];
  const shape: PageShape = {
    sort: query.sort,
    descending: query.descending,
    after: after === undefined ? 'none' : after.value === null ? 'null' : 'value',
    statuses: statuses.length,
    given: FILTERS.filter((filter) =>
      filter === 'q' ? (query.q ?? '').length > 0 : query[filter] !== undefined,
    ),
  };
  const values: PageValues = {
    partnerId,
    size: query.limit + 1,
    ...Object.fromEntries(statuses.map((status, index) => [`status${index}`, status])),
    ...Object.fromEntries(shape.given.map((filter) => [filter, filterValue(query, filter)])),
    ...(after && { afterValue: after.value, afterId: after.id }),
  };
  const rows = (await pageQuery(db, shape, values)) as Row[];
  const page = pageOfRows(rows, query.limit, (last) => [
    sortName,
    cursorText(key.value(last)),
    last.id,
  ]);
  return {
    items: page.rows.map((row) => ({
      subscription: toSubscription(row),
      customerName: row.customer_name,
      customer: {
        id: row.customer_id,
        accountOpenedAt: new Date(row.customer_account_opened_at),
        firstBillingPeriodStart: row.customer_first_billing_period_start,
      },
      assignedLicenses: row.assigned_licenses,
    })),
    nextCursor: page.nextCursor,
  };
}

/** The filters that add a condition when given, in the order their conditions are written. */
const FILTERS = [
  'offerId',
  'customerId',
  'q',
  'renewsBefore',
  'expiresBefore',
  'trialEndsBefore',
  'deletedBefore',
] as const;
type Filter = (typeof FILTERS)[number];

/** What decides the page's SQL: the order, where the cursor is, and which filters are given. */
interface PageShape {
  sort: PartnerSubscriptionSort;
  descending: boolean;
  /** No cursor, or one past a row without a value for the sort (`null`), or with one. */
  after: 'none' | 'null' | 'value';
  statuses: number;
  given: readonly Filter[];
}

/** What the page's SQL binds: the partner, the page size, each status and given filter, the cursor. */
type PageValues = ShapeValues;

/** The value a filter binds, as its condition compares it. */
function filterValue(query: PartnerSubscriptionQuery, filter: Filter): unknown {
  switch (filter) {
    case 'q':
      return `%${escapeLike((query.q ?? '').toLowerCase())}%`;
    case 'deletedBefore':
      return `${query.deletedBefore ?? ''}T00:00:00.000Z`;
    default:
      return query[filter];
  }
}

/**
 * The page's rows, its query built once per shape. In an order an index gives (a column that is
 * never null, or one customer's subscriptions by name), the page is one range of that index,
 * each row read whole with its customer as it comes. In a nullable column's order, the page's
 * ids come first, from two runs of the index (see below), and only those rows are read whole.
 */
const pageQuery = compiledPerShape(
  (shape: PageShape) =>
    [shape.sort, shape.descending, shape.after, shape.statuses, ...shape.given].join(' '),
  (db: Db, shape: PageShape, values: PageValues) => {
    const key = SORT_KEYS[shape.sort];
    const column = sortColumn(shape);
    const size = values.size as number;
    const past = () =>
      pastCursor(column, shape.after === 'null', values.afterValue, values.afterId, shape);
    if (!key.nullable || oneCustomerByName(shape)) {
      const byId = oneCustomerByName(shape);
      const rows = db
        .selectFrom('subscriptions as s')
        .crossJoin('customers as c')
        .selectAll('s')
        .select(PAGE_COLUMNS)
        .whereRef('c.id', '=', 's.customer_id')
        .where('s.partner_id', '=', values.partnerId as string)
        .where((eb) => eb.and(filtersOf(shape, values)));
      const beyond = byId ? pastCursor(column, true, null, values.afterId, shape) : past();
      return (shape.after === 'none' ? rows : rows.where(beyond))
        .orderBy(runOrder(byId ? undefined : column, shape.descending))
        .limit(size);
    }
    const matching = db
      .selectFrom('subscriptions as s')
      .select('s.id')
      .where('s.partner_id', '=', values.partnerId as string)
      .where((eb) => eb.and(filtersOf(shape, values)));
    /** One run of the list in the index's order: the rows with a value, or those without. */
    const run = (withValue: boolean) => {
      const own = matching.where(
        sql<SqlBool>`${column} ${sql.raw(withValue ? 'is not' : 'is')} null`,
      );
      const rest =
        shape.after !== 'none' && (shape.after === 'null') !== withValue ? own.where(past()) : own;
      return rest.orderBy(runOrder(withValue ? column : undefined, shape.descending)).limit(size);
    };
    // Nulls last: the rows with a value in the index's order, then those without in id order;
    // one `order by` over both would sort every row of the partner.
    const ids =
      shape.after === 'null'
        ? run(false)
        : db
            .selectFrom(run(true).as('valued'))
            .select('valued.id')
            .unionAll(db.selectFrom(run(false).as('unvalued')).select('unvalued.id'));
    return db
      .selectFrom(ids.as('page'))
      .crossJoin('subscriptions as s')
      .crossJoin('customers as c')
      .selectAll('s')
      .select(PAGE_COLUMNS)
      .whereRef('s.id', '=', 'page.id')
      .whereRef('c.id', '=', 's.customer_id')
      .orderBy(nullsLastOrder(column, shape.descending))
      .limit(size);
  },
);

/** What a page's row carries beside the subscription: its customer's columns and its licenses. */
const PAGE_COLUMNS = [
  'c.company_name as customer_name',
  'c.account_opened_at as customer_account_opened_at',
  'c.first_billing_period_start as customer_first_billing_period_start',
  assignedLicenseCount('s').as('assigned_licenses'),
] as const;

/** A nullable key's order as one `order by` list: nulls last in both directions, ties by id. */
function nullsLastOrder(column: Expression<unknown>, descending: boolean) {
  const direction = sql.raw(descending ? 'desc' : 'asc');
  return sql.join([
    sql`case when ${column} is null then 1 else 0 end`,
    sql`${column} ${direction}`,
    sql`s.id ${direction}`,
  ]);
}

/** One run's order: by the key (none for the run of nulls), ties by id. */
function runOrder(column: Expression<unknown> | undefined, descending: boolean) {
  const direction = sql.raw(descending ? 'desc' : 'asc');
  return sql.join([
    ...(column === undefined ? [] : [sql`${column} ${direction}`]),
    sql`s.id ${direction}`,
  ]);
}

/**
 * The sort's column as the page's SQL orders and compares it. Within one customer's
 * subscriptions it is wrapped (`coalesce(column, null)`, the same value) so that no index matches
 * it: SQLite, which plans without statistics, otherwise walked the partner's whole (column, id)
 * index for the customer's rows, 170 ms for a customer with 19 of 200,000 subscriptions, where
 * reading the customer's own rows and sorting them took 0.2 ms. PostgreSQL, which keeps the
 * wrapper too, then reads the customer's rows the same way.
 */
function sortColumn(shape: PageShape): Expression<unknown> {
  const column = sql.ref(SORT_KEYS[shape.sort].ref);
  return shape.given.includes('customerId') && !oneCustomerByName(shape)
    ? sql`coalesce(${column}, null)`
    : column;
}

/**
 * One customer's subscriptions by its name: the name is one value for all of them, so the page is
 * the customer's subscriptions in id order, a range of the (partner, customer, id) index, and the
 * cursor's id alone says where the next page starts. Asked for the order by name and id, both
 * databases read every subscription of the customer and sorted them.
 */
function oneCustomerByName(shape: PageShape): boolean {
  return shape.sort === 'customerName' && shape.given.includes('customerId');
}

function filtersOf(shape: PageShape, values: PageValues): Expression<SqlBool>[] {
  const filters: Expression<SqlBool>[] = [];
  const where = (ref: string, op: string, value: unknown) =>
    sql<SqlBool>`${sql.ref(ref)} ${sql.raw(op)} ${value}`;
  if (shape.statuses > 0) {
    const statuses = Array.from({ length: shape.statuses }, (_, index) => values[`status${index}`]);
    filters.push(sql<SqlBool>`s.status in (${sql.join(statuses)})`);
  }
  for (const filter of shape.given) {
    const value = values[filter];
    switch (filter) {
      case 'offerId':
        filters.push(where('s.offer_id', '=', value));
        break;
      case 'customerId':
        filters.push(where('s.customer_id', '=', value));
        break;
      case 'q':
        filters.push(
          sql<SqlBool>`(s.customer_name_key like ${value} escape '\\'
            or lower(s.friendly_name) like ${value} escape '\\'
            or lower(s.offer_name) like ${value} escape '\\')`,
        );
        break;
      case 'renewsBefore':
        filters.push(
          sql<SqlBool>`(s.status = 'active' and s.auto_renew_enabled = 1)`,
          where('s.commitment_end_date', '<', value),
        );
        break;
      case 'expiresBefore':
        filters.push(
          sql<SqlBool>`(s.status in ('active', 'suspended') and s.auto_renew_enabled = 0)`,
          where('s.commitment_end_date', '<', value),
        );
        break;
      case 'trialEndsBefore':
        filters.push(sql<SqlBool>`s.is_trial = 1`, where('s.trial_end_date', '<', value));
        break;
      case 'deletedBefore':
        filters.push(sql<SqlBool>`s.status = 'suspended'`, where('s.expires_at', '<', value));
        break;
    }
  }
  return filters;
}

/**
 * Within one run (the rows with a value, or those without), the rows after the cursor's: a row
 * value comparison, which both databases read as a range of the (key, id) index.
 */
function pastCursor(
  column: Expression<unknown>,
  afterNull: boolean,
  afterValue: unknown,
  afterId: unknown,
  shape: { descending: boolean },
): Expression<SqlBool> {
  const beyond = sql.raw(shape.descending ? '<' : '>');
  if (afterNull) return sql<SqlBool>`s.id ${beyond} ${afterId}`;
  return sql<SqlBool>`(${column}, s.id) ${beyond} (${afterValue}, ${afterId})`;
}

/**
 * The cursor's (value, id) when it was given for this same order and its value has the shape of
 * the column's, so the database compares it instead of failing a cast. An empty value is null.
 */
function decodeAfter(
  cursor: string,
  sortName: string,
  key: { kind: KeyKind; nullable: boolean },
): { value: string | number | null; id: string } | null {
  const parts = decodeCursor(cursor, ['text', 'text', 'uuid']);
  if (!parts) return null;
  const [sort, value, id] = parts as [string, string, string];
  if (sort !== sortName) return null;
  if (value === '') return key.nullable ? { value: null, id } : null;
  if (!fitsKind(value, key.kind)) return null;
  return { value: boundValue(value, key.kind), id };
}

/**
 * The cursor's value as the page binds it: a count as a number, since SQLite compares a number
 * with text by type (every number before any text) wherever the column's affinity does not apply,
 * as in the wrapped key of one customer's page (sortColumn); an instant in the stored form.
 */
function boundValue(value: string, kind: KeyKind): string | number {
  if (kind === 'integer') return Number(value);
  return kind === 'instant' ? new Date(value).toISOString() : value;
}

function fitsKind(value: string, kind: KeyKind): boolean {
  switch (kind) {
    case 'text':
      return true;
    case 'date':
      return isCalendarDateText(value);
    case 'instant':
      return isInstantText(value);
    case 'integer':
      return /^\d{1,9}$/.test(value);
  }
}

function cursorText(value: string | number | null): string {
  return value === null ? '' : String(value);
}

/** `like` treats % and _ as wildcards; a search for them means the characters themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
