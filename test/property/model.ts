/**
 * What the lifecycle property test needs besides the API: the catalog facts read straight from the
 * demo JSON (not through src/), the retention rule of DESIGN.md §2 computed independently, the
 * shapes of the API answers, and the operations with their fast-check arbitraries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

// ---------------------------------------------------------------------------------------------
// Catalog facts, from catalog/demo/products/*.json as written.

export interface OfferFacts {
  id: string;
  isAddOn: boolean;
  baseOfferIds: string[];
  isTrial: boolean;
  trial?: { days: number; maxQuantity: number; conversionTargetOfferIds: string[] };
  minimumQuantity: number;
  maximumQuantity: number;
  limit: number | null;
  limitUnitOfMeasure: 'none' | 'concurrent' | 'lifetime';
  policies: {
    cancellationWindowHours: number | null;
    quantityDecreaseWindowHours: number | null;
    retentionBaseDays?: number;
    retentionMaxDays?: number;
  };
}

const PRODUCTS_DIR = new URL('../../catalog/demo/products/', import.meta.url);

function loadOffers(): Map<string, OfferFacts> {
  const offers = new Map<string, OfferFacts>();
  for (const file of readdirSync(PRODUCTS_DIR).filter((f) => f.endsWith('.json'))) {
    const product = JSON.parse(readFileSync(new URL(file, PRODUCTS_DIR), 'utf8')) as {
      offers: OfferFacts[];
    };
    for (const offer of product.offers) offers.set(offer.id, offer);
  }
  return offers;
}

export const OFFERS: ReadonlyMap<string, OfferFacts> = loadOffers();

export function offerFacts(id: string): OfferFacts {
  const offer = OFFERS.get(id);
  if (!offer) throw new Error(`offer ${id} is not in the demo catalog`);
  return offer;
}

/**
 * The offers the test orders: two mail bases (default retention), a base with its own retention
 * (mail-kiosk: 60/90 days), a base without add-ons, a concurrent limit-1 offer with a P1Y-only
 * term, two lifetime-limited trials, and two add-ons of the mail bases (one with a 72 h cancel
 * window and no decrease window).
 */
export const OFFER_POOL = [
  'mail-basic',
  'mail-plus',
  'mail-kiosk',
  'office-apps-business',
  'security-compliance-center',
  'office-apps-business-trial',
  'security-endpoint-trial',
  'mail-extra-storage',
  'security-advanced-threat-protection',
] as const;

/**
 * Conversion targets to try: `own` stands for the trial's own conversion target; the others are
 * the two real targets (each wrong for the other trial) and one that is no trial's target.
 */
export const CONVERSION_TARGETS = ['office-apps-business', 'security-endpoint', 'mail-basic'];
export const OWN_TARGET = 'own';

// ---------------------------------------------------------------------------------------------
// Retention (DESIGN.md §2), computed here rather than with src/domain/retention.ts.

const midnight = (y: number, m: number, d: number) => Date.UTC(y, m, d);

/** The first partner billing day (1–28) on or after the UTC date the account was opened. */
export function firstBillingPeriodStart(accountOpenedAt: Date, billingDay: number): Date {
  const y = accountOpenedAt.getUTCFullYear();
  const m = accountOpenedAt.getUTCMonth();
  const d = accountOpenedAt.getUTCDate();
  return new Date(d <= billingDay ? midnight(y, m, billingDay) : midnight(y, m + 1, billingDay));
}

/** min(max, base + days from the opening's UTC date to the first billing period). */
export function retentionDays(
  offer: OfferFacts,
  accountOpenedAt: Date,
  firstBillingStart: Date,
): number {
  const opened = midnight(
    accountOpenedAt.getUTCFullYear(),
    accountOpenedAt.getUTCMonth(),
    accountOpenedAt.getUTCDate(),
  );
  const grace = Math.round((firstBillingStart.getTime() - opened) / DAY_MS);
  const base = offer.policies.retentionBaseDays ?? 90;
  const max = offer.policies.retentionMaxDays ?? 120;
  return Math.min(max, base + grace);
}

// ---------------------------------------------------------------------------------------------
// API answers, as far as the test reads them.

export interface ApiSubscription {
  id: string;
  offerId: string;
  parentSubscriptionId: string | null;
  orderId: string;
  status: 'active' | 'suspended' | 'expired' | 'deleted';
  quantity: number;
  friendlyName: string;
  autoRenewEnabled: boolean;
  isTrial: boolean;
  cancellationAllowedUntil: string | null;
  quantityDecreaseAllowedUntil: string | null;
  suspensionReasons: string[];
  suspendedAt: string | null;
  expiresAt: string | null;
  deletedAt: string | null;
  etag: string;
  actions: string[];
}

export interface ApiEvent {
  id: string;
  type: string;
  occurredAt: string;
  subscriptionId: string | null;
  orderId: string | null;
  reason: string | null;
  data: Record<string, unknown>;
}

export function versionOf(sub: ApiSubscription): number {
  const match = /^"(\d+)"$/.exec(sub.etag);
  if (!match?.[1]) throw new Error(`etag ${sub.etag} of ${sub.id} is not "<version>"`);
  return Number(match[1]);
}

// ---------------------------------------------------------------------------------------------
// Operations. Targets are indexes into the customer's current subscriptions, the ones the
// operation is most likely to apply to first (see orderFor in the test), modulo their number.

export const SUSPENSION_REASONS = ['customer_request', 'nonpayment', 'fraud', 'other'] as const;
export type BillingCycle = 'monthly' | 'annual';

export interface OrderLineOp {
  offerId: string;
  quantity: number;
  termDuration?: 'P1M' | 'P1Y';
  /** For add-ons: index of the base among the customer's subscriptions. */
  parent?: number;
}

export type Op =
  | { kind: 'order'; billingCycle: BillingCycle; lines: OrderLineOp[] }
  /** Orders one more of the target's offer, same quantity, on the same base: limits under test. */
  | { kind: 'reorder'; target: number; billingCycle: BillingCycle }
  | { kind: 'quantity'; target: number; quantity: number; ifMatch: 'none' | 'current' | 'stale' }
  | { kind: 'suspend'; target: number; reason?: (typeof SUSPENSION_REASONS)[number] }
  | { kind: 'reactivate'; target: number }
  | { kind: 'cancel'; target: number }
  | {
      kind: 'convert';
      target: number;
      targetOfferId: string;
      quantity: number;
      billingCycle: BillingCycle;
    }
  | { kind: 'details'; target: number; autoRenewEnabled: boolean }
  | { kind: 'advance'; hours: number }
  /** Moves the clock to just before, exactly at, or just after a subscription's window end. */
  | { kind: 'advanceTo'; edge: Edge; target: number; offsetMs: -1 | 0 | 1 };

export const EDGES = {
  cancel: 'cancellationAllowedUntil',
  decrease: 'quantityDecreaseAllowedUntil',
  expiry: 'expiresAt',
} as const;
export type Edge = keyof typeof EDGES;

export const isClockStep = (op: Op) => op.kind === 'advance' || op.kind === 'advanceTo';

/** Mostly the first few candidates, sometimes any subscription at all. */
const target = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.nat({ max: 3 }) },
  { weight: 1, arbitrary: fc.nat({ max: 40 }) },
);

/**
 * Mostly small quantities, valid for every pooled offer but the limit-1 one; sometimes the edges of
 * the pooled ranges (0 is refused by the schema), sometimes anything up to 2500.
 */
const quantity = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 2, 25, 26, 300, 301, 1000, 1001, 2000, 2001) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2500 }) },
);

const billingCycle = fc.constantFrom<BillingCycle>('monthly', 'annual');

/** Drops the keys whose value is undefined, so counterexamples print as the requests read. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Usually absent (the default), sometimes one of `values`. */
function sometimes<T>(values: readonly T[], weight = 1): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight, arbitrary: fc.constantFrom(...values) },
  );
}

/** Any pooled offer; the limited ones (limit-1 offer, trials) more often than the others. */
const pooledOffer = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('mail-basic', 'mail-plus', 'mail-kiosk', 'office-apps-business'),
  },
  { weight: 2, arbitrary: fc.constant('security-compliance-center') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('office-apps-business-trial', 'security-endpoint-trial'),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('mail-extra-storage', 'security-advanced-threat-protection'),
  },
);

const orderLine: fc.Arbitrary<OrderLineOp> = fc
  .record({
    offerId: pooledOffer,
    quantity,
    termDuration: sometimes(['P1M', 'P1Y'] as const),
    parent: target,
  })
  // Only add-ons name a parent; a base with a parent is refused (not_an_add_on), not worth trying.
  .map(({ parent, ...line }) =>
    compact({ ...line, parent: offerFacts(line.offerId).isAddOn ? parent : undefined }),
  );

export const orderOp: fc.Arbitrary<Op> = fc.record({
  kind: fc.constant('order' as const),
  billingCycle,
  lines: fc.array(orderLine, { minLength: 1, maxLength: 3 }),
});

/** One add-on on a base picked by index (mostly an active mail base). */
const addOnOrderOp: fc.Arbitrary<Op> = fc.record({
  kind: fc.constant('order' as const),
  // mail-extra-storage is billed monthly only.
  billingCycle: fc.oneof(
    { weight: 3, arbitrary: fc.constant<BillingCycle>('monthly') },
    { weight: 1, arbitrary: fc.constant<BillingCycle>('annual') },
  ),
  lines: fc.tuple(
    fc.record({
      offerId: fc.constantFrom(...OFFER_POOL.filter((id) => offerFacts(id).isAddOn)),
      quantity,
      parent: target,
    }),
  ),
});

export const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: orderOp },
  { weight: 2, arbitrary: addOnOrderOp },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('reorder' as const), target, billingCycle }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('quantity' as const),
      target,
      quantity,
      ifMatch: fc.constantFrom('none' as const, 'current' as const, 'stale' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        kind: fc.constant('suspend' as const),
        target,
        // Without a reason a suspension is refused (suspension_reason_required): one in seven.
        reason: fc.oneof(
          { weight: 1, arbitrary: fc.constant(undefined) },
          { weight: 6, arbitrary: fc.constantFrom(...SUSPENSION_REASONS) },
        ),
      })
      .map(compact),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reactivate' as const), target }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), target }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('convert' as const),
      target,
      targetOfferId: fc.oneof(
        { weight: 3, arbitrary: fc.constant(OWN_TARGET) },
        { weight: 1, arbitrary: fc.constantFrom(...CONVERSION_TARGETS) },
      ),
      quantity,
      billingCycle,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('details' as const),
      target,
      autoRenewEnabled: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      // From an hour (inside the 72 h and 168 h windows) to 130 days (past any retention).
      hours: fc.oneof(
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 49, max: 400 }),
        fc.integer({ min: 60 * 24, max: 130 * 24 }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('advanceTo' as const),
      edge: fc.constantFrom<Edge>('cancel', 'decrease', 'expiry'),
      target,
      offsetMs: fc.constantFrom<-1 | 0 | 1>(-1, 0, 1),
    }),
  },
);

/**
 * The first step: an order that usually goes through, of a mail base (which takes add-ons) and
 * maybe another base (trials included), so that the steps after it have something to act on.
 */
const firstOrder: fc.Arbitrary<Op> = fc.record({
  kind: fc.constant('order' as const),
  billingCycle,
  lines: fc
    .tuple(
      fc.constantFrom('mail-basic', 'mail-plus'),
      fc.array(
        pooledOffer.filter((id) => !offerFacts(id).isAddOn),
        { maxLength: 1 },
      ),
    )
    .map(([mail, others]) => [mail, ...others].map((offerId) => ({ offerId, quantity: 1 }))),
});

/** A sequence of up to 15 steps, starting with an order. */
export const ops: fc.Arbitrary<Op[]> = fc
  .tuple(firstOrder, fc.array(op, { maxLength: 14, size: 'max' }))
  .map(([first, rest]) => [first, ...rest]);

/** One customer per run: the partner's billing day and when the account was opened. */
export interface AccountFacts {
  billingDay: number;
  accountOpenedAt: string;
  /** Where the clock starts for this run. */
  startAt: string;
}

const RUN_START = Date.parse('2026-03-01T00:00:00.000Z');

export const account: fc.Arbitrary<AccountFacts> = fc.oneof(
  // The seed's example: billing day 1, opened 2026-01-10, so 112 days of retention.
  fc.constant({
    billingDay: 1,
    accountOpenedAt: '2026-01-10T15:30:00.000Z',
    startAt: '2026-03-01T00:00:00.000Z',
  }),
  fc
    .record({
      billingDay: fc.integer({ min: 1, max: 28 }),
      // Opened up to 150 days before the run starts, at any minute of the day.
      openedMinutesBefore: fc.integer({ min: 0, max: 150 * 24 * 60 }),
      startHours: fc.integer({ min: 0, max: 23 }),
    })
    .map(({ billingDay, openedMinutesBefore, startHours }) => ({
      billingDay,
      accountOpenedAt: new Date(RUN_START - openedMinutesBefore * 60_000).toISOString(),
      startAt: new Date(RUN_START + startHours * HOUR_MS).toISOString(),
    })),
);
