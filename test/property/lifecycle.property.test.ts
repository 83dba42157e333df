/**
 * Issue 3 §7: random sequences of operations on one customer, through the HTTP API, on both
 * databases. After every step the customer's subscriptions and events are read back and checked
 * against DESIGN.md §2 (see checkStep and checkState). The hand-written SCENARIOS run first, then
 * PSC_PROPERTY_RUNS random sequences (default 60); replay a failure with PSC_PROPERTY_SEED (the
 * seed fast-check prints). PSC_PROPERTY_TRACE=1 prints every run's steps, PSC_PROPERTY_STATS=1 a
 * tally of answers and events per dialect.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { newCustomerBody } from '../helpers/customers.js';
import { DIALECTS } from '../helpers/stores.js';
import {
  DAY_MS,
  EDGES,
  HOUR_MS,
  OFFERS,
  OWN_TARGET,
  account,
  firstBillingPeriodStart,
  isClockStep,
  offerFacts,
  ops,
  retentionDays,
  versionOf,
  type AccountFacts,
  type BillingCycle,
  type OrderLineOp,
  type ApiEvent,
  type ApiSubscription,
  type Op,
} from './model.js';
import {
  canCancel,
  canChangeQuantityTo,
  canConvert,
  canReactivate,
  canSuspend,
  expectedActions,
  type Snapshot,
} from './rules.js';
import { SCENARIOS } from './scenarios.js';

const NUM_RUNS = Number(process.env.PSC_PROPERTY_RUNS ?? 60);
const SEED = process.env.PSC_PROPERTY_SEED;
/** PSC_PROPERTY_TRACE=1 prints every run's steps. */
const TRACE = process.env.PSC_PROPERTY_TRACE === '1';
/** PSC_PROPERTY_STATS=1 prints how often each operation was accepted, refused or skipped. */
const STATS = process.env.PSC_PROPERTY_STATS === '1' ? new Map<string, number>() : undefined;

type Api = ReturnType<typeof client>;
type Reply = Awaited<ReturnType<Api['get']>>;

interface Customer {
  api: Api;
  id: string;
  base: string;
  openedAt: Date;
  firstBilling: Date;
}

interface State extends Snapshot {
  events: ApiEvent[];
}

/** What a step did: the request (for the trace), its answer, and what it was aimed at. */
interface Outcome {
  request: string;
  reply?: Reply;
  /** The targeted subscription as it was before the step. */
  target?: ApiSubscription;
  /** For conversions: the offer asked for. */
  targetOfferId?: string;
  /** For orders: the lines, and the base chosen for each (add-ons only). */
  lines?: OrderLineOp[];
  parents?: (ApiSubscription | undefined)[];
  /**
   * What DESIGN.md §2 says must happen: `changes` (accepted, and the target changes), `refused`
   * (4xx), or `either` (asking for what already is: refused, or accepted without a change).
   */
  expected?: 'changes' | 'refused' | 'either';
}

/** An answer in one line: the status, and for a refusal its code and detail. */
function brief(reply: Reply): string {
  if (reply.statusCode < 400) return String(reply.statusCode);
  const problem = reply.json<{ code?: string; detail?: string }>();
  return `${reply.statusCode} ${problem.code ?? '?'}: ${problem.detail ?? reply.body}`;
}

const short = (id: string | null) => (id === null ? '-' : id.slice(-6));
const isLive = (s: ApiSubscription) => s.status === 'active' || s.status === 'suspended';
const label = (s: ApiSubscription) => `${short(s.id)} ${s.offerId}(${s.status})`;
/** The stored subscription, without what is derived from the time of reading (actions, preview). */
const withoutActions = (s: ApiSubscription) => ({
  ...s,
  actions: undefined,
  suspensionPreview: undefined,
});
const sameReasons = (s: ApiSubscription, reasons: string[]) =>
  JSON.stringify(s.suspensionReasons) === JSON.stringify(reasons);

describe('the retention rule as this test computes it', () => {
  it('gives the seed example: opened 2026-01-10, billing day 1, so 112 days', () => {
    const opened = new Date('2026-01-10T15:30:00Z');
    const first = firstBillingPeriodStart(opened, 1);
    expect(first.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(retentionDays(offerFacts('mail-basic'), opened, first)).toBe(112);
    expect(new Date(Date.parse('2026-03-01T00:00:00Z') + 112 * DAY_MS).toISOString()).toBe(
      '2026-06-21T00:00:00.000Z',
    );
    // mail-kiosk keeps data 60 days (+22), at most 90.
    expect(retentionDays(offerFacts('mail-kiosk'), opened, first)).toBe(82);
    // Opened on the billing day: no grace. Opened the day after: nearly a month of grace.
    const onTheDay = new Date('2026-01-28T23:59:00Z');
    expect(
      retentionDays(offerFacts('mail-basic'), onTheDay, firstBillingPeriodStart(onTheDay, 28)),
    ).toBe(90);
    const dayAfter = new Date('2026-01-29T00:00:00Z');
    expect(firstBillingPeriodStart(dayAfter, 28).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(
      retentionDays(offerFacts('mail-basic'), dayAfter, firstBillingPeriodStart(dayAfter, 28)),
    ).toBe(120);
    expect(
      retentionDays(offerFacts('mail-kiosk'), dayAfter, firstBillingPeriodStart(dayAfter, 28)),
    ).toBe(90);
  });
});

describe.each(DIALECTS)('the subscription lifecycle under random operations on %s', (dialect) => {
  const clock = new TestClock('2026-03-01T00:00:00.000Z');
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(async () => {
    await t.close();
    if (STATS) {
      const lines = [...STATS].sort(([a], [b]) => a.localeCompare(b));
      console.log(`${dialect}:\n${lines.map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
      STATS.clear();
    }
  });

  it('keeps every rule after every step', async () => {
    await fc.assert(
      fc.asyncProperty(account, ops, (facts, sequence) => runSequence(t, clock, facts, sequence)),
      {
        // The scenarios count as runs: fast-check runs them first, then NUM_RUNS random ones.
        numRuns: SCENARIOS.length + NUM_RUNS,
        examples: SCENARIOS,
        ...(SEED === undefined ? {} : { seed: Number(SEED) }),
      },
    );
  }, 600_000);
});

async function runSequence(
  t: TestApp,
  clock: TestClock,
  facts: AccountFacts,
  sequence: Op[],
): Promise<void> {
  clock.set(facts.startAt);
  const customer = await newCustomer(t, facts);
  const trace: string[] = [];
  let before = await read(customer);
  checkState(customer, before, clock.now());
  for (const [index, op] of sequence.entries()) {
    const step = `step ${index + 1}`;
    try {
      const outcome = await apply(customer, clock, op, before);
      const after = await read(customer);
      if (STATS) count(STATS, op, outcome, before, after);
      trace.push(`${step}: ${traceLine(outcome, before, after)}`);
      checkStep(op, outcome, before, after, clock.now());
      checkState(customer, after, clock.now());
      before = after;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${step} failed: ${message}\n` +
          `customer: billing day ${facts.billingDay}, opened ${facts.accountOpenedAt}, clock ${clock.now().toISOString()}\n` +
          trace.join('\n'),
        { cause: error },
      );
    }
  }
  if (TRACE)
    console.log(
      `billing day ${facts.billingDay}, opened ${facts.accountOpenedAt}\n${trace.join('\n')}`,
    );
}

async function newCustomer(t: TestApp, facts: AccountFacts): Promise<Customer> {
  const { token } = await t.newPartner({ billingDay: facts.billingDay });
  const api = client(t.app, token);
  const reply = await api.post(
    '/v1/customers',
    newCustomerBody({ accountOpenedAt: facts.accountOpenedAt }),
  );
  expect(reply.statusCode, reply.body).toBe(201);
  const body = reply.json<{ id: string; firstBillingPeriodStart: string }>();
  const openedAt = new Date(facts.accountOpenedAt);
  const firstBilling = firstBillingPeriodStart(openedAt, facts.billingDay);
  expect(body.firstBillingPeriodStart).toBe(firstBilling.toISOString().slice(0, 10));
  return { api, id: body.id, base: `/v1/customers/${body.id}`, openedAt, firstBilling };
}

async function read(c: Customer): Promise<State> {
  const subs = await c.api.get(`${c.base}/subscriptions?limit=500`);
  expect(subs.statusCode, subs.body).toBe(200);
  const events = await c.api.get(`/v1/events?customerId=${c.id}&limit=500`);
  expect(events.statusCode, events.body).toBe(200);
  const subPage = subs.json<{ items: ApiSubscription[]; nextCursor: string | null }>();
  const eventPage = events.json<{ items: ApiEvent[]; nextCursor: string | null }>();
  expect(subPage.nextCursor).toBeNull();
  expect(eventPage.nextCursor).toBeNull();
  return {
    subscriptions: subPage.items,
    byId: new Map(subPage.items.map((s) => [s.id, s])),
    events: eventPage.items,
  };
}

/** Tallies what the steps did, for tuning the arbitraries (PSC_PROPERTY_STATS=1). */
function count(
  stats: Map<string, number>,
  op: Op,
  outcome: Outcome,
  before: State,
  after: State,
): void {
  const add = (key: string) => stats.set(key, (stats.get(key) ?? 0) + 1);
  const reply = outcome.reply;
  if (!reply) add(`${op.kind}${isClockStep(op) ? '' : ' skipped'}`);
  else {
    const body = reply.json<{ code?: string; errors?: { code: string }[] }>();
    add(`${op.kind} ${reply.statusCode}${reply.statusCode >= 400 ? ` ${body.code ?? ''}` : ''}`);
    for (const e of body.errors ?? []) add(`${op.kind} ${reply.statusCode} … ${e.code}`);
  }
  const seen = new Set(before.events.map((e) => e.id));
  for (const e of after.events.filter((e) => !seen.has(e.id))) {
    add(`event ${e.type}${e.reason === null ? '' : ` (${e.reason})`}`);
  }
}

/**
 * The `index`-th subscription (modulo their number), newest first, counting those `prefer` picks
 * before the others: index 0 is the newest one the operation applies to, if there is one.
 */
function pick(
  subs: readonly ApiSubscription[],
  index: number,
  prefer: (s: ApiSubscription) => boolean,
): ApiSubscription | undefined {
  const newest = [...subs].reverse();
  const candidates = [...newest.filter(prefer), ...newest.filter((s) => !prefer(s))];
  return candidates.length === 0 ? undefined : candidates[index % candidates.length];
}

async function apply(c: Customer, clock: TestClock, op: Op, before: State): Promise<Outcome> {
  const subs = before.subscriptions;
  const now = clock.now();
  if (op.kind === 'advance') {
    clock.advance(op.hours * HOUR_MS);
    return { request: `advance ${op.hours} h to ${clock.now().toISOString()}` };
  }
  if (op.kind === 'advanceTo') {
    const field = EDGES[op.edge];
    const ahead = (s: ApiSubscription) => {
      const edge = s[field];
      return edge !== null && Date.parse(edge) + op.offsetMs > now.getTime();
    };
    const target = pick(subs, op.target, ahead);
    if (!target || !ahead(target)) return { request: `advance to a ${field}: none ahead` };
    clock.set(new Date(Date.parse(target[field]!) + op.offsetMs));
    const offset = op.offsetMs === 0 ? '' : ` ${op.offsetMs > 0 ? '+' : '−'}1 ms`;
    return {
      request: `advance to ${field}${offset} of ${label(target)}: ${clock.now().toISOString()}`,
    };
  }
  if (op.kind === 'order') {
    const parents = op.lines.map((line) =>
      line.parent === undefined
        ? undefined
        : pick(
            subs,
            line.parent,
            (s) =>
              s.status === 'active' && offerFacts(line.offerId).baseOfferIds.includes(s.offerId),
          ),
    );
    return placeOrder(c, op.billingCycle, op.lines, parents);
  }
  if (op.kind === 'reorder') {
    // Limited ones first: one-at-a-time and once-ever offers, and add-ons (one per base).
    const limited = (s: ApiSubscription) => {
      const offer = offerFacts(s.offerId);
      return offer.limitUnitOfMeasure !== 'none' || offer.isAddOn;
    };
    const target = pick(subs, op.target, limited);
    if (!target) return { request: 'reorder: no subscription yet, skipped' };
    const parent = subs.find((s) => s.id === target.parentSubscriptionId);
    const line = { offerId: target.offerId, quantity: target.quantity };
    return { ...(await placeOrder(c, op.billingCycle, [line], [parent])), target };
  }
  const prefer: Record<typeof op.kind, (s: ApiSubscription) => boolean> = {
    quantity: (s) => s.status === 'active' && !s.isTrial,
    suspend: (s) => s.status === 'active',
    reactivate: (s) => s.status === 'suspended',
    cancel: isLive,
    convert: (s) => s.status === 'active' && s.isTrial,
    details: (s) => s.status === 'active',
  };
  const target = pick(subs, op.target, prefer[op.kind]);
  if (!target) return { request: `${op.kind}: no subscription yet, skipped` };
  const url = `${c.base}/subscriptions/${target.id}`;
  const snap: Snapshot = before;
  switch (op.kind) {
    case 'quantity': {
      const headers =
        op.ifMatch === 'none'
          ? undefined
          : { 'if-match': op.ifMatch === 'current' ? target.etag : `"${versionOf(target) - 1}"` };
      const reply = await c.api.patch(url, { quantity: op.quantity }, headers);
      const expected =
        op.ifMatch === 'stale' || op.quantity < 1
          ? 'refused'
          : op.quantity === target.quantity
            ? 'either'
            : canChangeQuantityTo(target, op.quantity, now)
              ? 'changes'
              : 'refused';
      return {
        request: `quantity ${label(target)} ${target.quantity}→${op.quantity} if-match:${op.ifMatch}`,
        reply,
        target,
        expected,
      };
    }
    case 'suspend': {
      const reply = await c.api.patch(url, {
        status: 'suspended',
        ...(op.reason === undefined ? {} : { suspensionReason: op.reason }),
      });
      const expected =
        target.status === 'suspended'
          ? 'either'
          : op.reason !== undefined && canSuspend(target, snap)
            ? 'changes'
            : 'refused';
      return {
        request: `suspend ${label(target)} reason:${op.reason ?? 'none'}`,
        reply,
        target,
        expected,
      };
    }
    case 'reactivate': {
      const reply = await c.api.patch(url, { status: 'active' });
      const expected =
        target.status === 'active'
          ? 'either'
          : canReactivate(target, snap, now)
            ? 'changes'
            : 'refused';
      return { request: `reactivate ${label(target)}`, reply, target, expected };
    }
    case 'cancel': {
      const reply = await c.api.patch(url, { status: 'deleted' });
      const expected =
        target.status === 'deleted' ? 'either' : canCancel(target, now) ? 'changes' : 'refused';
      return { request: `cancel ${label(target)}`, reply, target, expected };
    }
    case 'convert': {
      const targetOfferId =
        op.targetOfferId === OWN_TARGET
          ? (offerFacts(target.offerId).trial?.conversionTargetOfferIds[0] ?? 'mail-basic')
          : op.targetOfferId;
      const reply = await c.api.post(`${url}/conversions`, {
        targetOfferId,
        quantity: op.quantity,
        billingCycle: op.billingCycle,
      });
      const expected =
        op.quantity >= 1 && canConvert(target, targetOfferId, op.quantity) ? 'changes' : 'refused';
      return {
        request: `convert ${label(target)} to ${targetOfferId}×${op.quantity} ${op.billingCycle}`,
        targetOfferId,
        reply,
        target,
        expected,
      };
    }
    case 'details': {
      const reply = await c.api.patch(url, { autoRenewEnabled: op.autoRenewEnabled });
      const ended = target.status === 'deleted' || target.status === 'expired';
      const cannotRenew = target.isTrial; // the demo's paid offers all renew; trials never do
      // The value it already has is no change, in any status, like a quantity or status it has.
      const expected =
        op.autoRenewEnabled === target.autoRenewEnabled
          ? 'either'
          : ended
            ? 'refused'
            : target.status === 'suspended'
              ? 'either'
              : op.autoRenewEnabled && cannotRenew
                ? 'refused'
                : 'changes';
      return {
        request: `auto-renew ${label(target)} → ${op.autoRenewEnabled}`,
        reply,
        target,
        expected,
      };
    }
  }
}

async function placeOrder(
  c: Customer,
  billingCycle: BillingCycle,
  lines: OrderLineOp[],
  parents: (ApiSubscription | undefined)[],
): Promise<Outcome> {
  const lineItems = lines.map((line, i) => ({
    offerId: line.offerId,
    quantity: line.quantity,
    ...(line.termDuration === undefined ? {} : { termDuration: line.termDuration }),
    ...(parents[i] === undefined ? {} : { parentSubscriptionId: parents[i].id }),
  }));
  const request = `order ${billingCycle} ${lineItems
    .map(
      (l, i) =>
        `${l.offerId}×${l.quantity}${l.termDuration ? ` ${l.termDuration}` : ''}${parents[i] ? ` on ${label(parents[i])}` : ''}`,
    )
    .join(', ')}`;
  const reply = await c.api.post(`${c.base}/orders`, { billingCycle, lineItems });
  return { request, reply, lines, parents };
}

/** The trace line of one step: what was sent, the answer, and what changed. */
function traceLine(outcome: Outcome, before: State, after: State): string {
  const answer = outcome.reply
    ? ` → ${outcome.reply.statusCode}${outcome.reply.statusCode >= 400 ? ` ${outcome.reply.json<{ code?: string }>().code ?? ''}` : ''}`
    : '';
  const changes = after.subscriptions.flatMap((s) => {
    const was = before.byId.get(s.id);
    if (!was) return [`+${label(s)}×${s.quantity}`];
    if (was.etag === s.etag) return [];
    return [`${short(s.id)} ${was.status}→${s.status} q${was.quantity}→${s.quantity}`];
  });
  return `${outcome.request}${answer}${changes.length > 0 ? `; ${changes.join(', ')}` : ''}`;
}

/** The event type a change of one subscription must be recorded with, from what changed. */
function eventTypeFor(was: ApiSubscription | undefined, is: ApiSubscription): string | undefined {
  if (!was) return 'subscription.created';
  if (was.status === 'active' && is.status === 'suspended') return 'subscription.suspended';
  if (was.status === 'suspended' && is.status === 'active') return 'subscription.reactivated';
  if (was.status !== 'deleted' && is.status === 'deleted') return 'subscription.cancelled';
  if (was.status === 'active' && is.status === 'expired' && is.isTrial) {
    return 'subscription.converted';
  }
  if (was.status !== is.status) return undefined;
  if (was.quantity !== is.quantity) return 'subscription.quantity_changed';
  if (was.autoRenewEnabled !== is.autoRenewEnabled || was.friendlyName !== is.friendlyName) {
    return 'subscription.updated';
  }
  return undefined;
}

/** The rules about one step: refusals change nothing, and every change is the expected one. */
function checkStep(op: Op, outcome: Outcome, before: State, after: State, now: Date): void {
  const nowIso = now.toISOString();
  const reply = outcome.reply;
  const target = outcome.target;

  // Nothing disappears; a subscription that did not change is exactly as it was.
  for (const was of before.subscriptions) {
    const is = after.byId.get(was.id);
    expect(is, `subscription ${short(was.id)} disappeared`).toBeDefined();
    if (is && is.etag === was.etag) {
      expect(withoutActions(is), `${label(is)} changed without a new etag`).toEqual(
        withoutActions(was),
      );
    }
  }
  const created = after.subscriptions.filter((s) => !before.byId.has(s.id));
  const changed = after.subscriptions.filter((s) => {
    const was = before.byId.get(s.id);
    return was !== undefined && was.etag !== s.etag;
  });
  for (const s of changed) {
    expect(versionOf(s), `${label(s)}: one change, one version`).toBe(
      versionOf(before.byId.get(s.id)!) + 1,
    );
  }
  const touched = [...created, ...changed];
  const seen = new Set(before.events.map((e) => e.id));
  const fresh = after.events.filter((e) => !seen.has(e.id));

  if (!reply && !isClockStep(op)) {
    // Skipped: there was nothing to aim at, and nothing happened.
    expect(after.subscriptions).toEqual(before.subscriptions);
    expect(fresh).toEqual([]);
    return;
  }
  if (reply) {
    const status = reply.statusCode;
    expect(status, `never a 5xx: ${reply.body}`).toBeLessThan(500);
    if (status >= 400) {
      expect([400, 409, 412, 422], `refused with ${status}: ${brief(reply)}`).toContain(status);
      expect(reply.json<{ code?: unknown }>().code, brief(reply)).toEqual(expect.any(String));
      // A refusal changes nothing at all (the clock did not move, so even the actions are equal).
      expect(after.subscriptions, `refused (${brief(reply)}) but subscriptions changed`).toEqual(
        before.subscriptions,
      );
      expect(fresh, `refused (${brief(reply)}) but events were written`).toEqual([]);
    } else {
      expect(status, brief(reply)).toBe(
        op.kind === 'order' || op.kind === 'reorder' || op.kind === 'convert' ? 201 : 200,
      );
    }
    if (outcome.expected === 'changes') {
      expect(status, `must be accepted: ${brief(reply)}`).toBeLessThan(300);
      expect(
        touched.map((s) => s.id),
        'the target must change',
      ).toContain(target?.id);
    } else if (outcome.expected === 'refused') {
      expect(status, `must be refused, was accepted: ${brief(reply)}`).toBeGreaterThanOrEqual(400);
    } else if (outcome.expected === 'either' && status < 300) {
      expect(touched.map(label), 'asking for what already is changes nothing').toEqual([]);
    }
    if (op.kind === 'quantity' && op.ifMatch === 'stale') {
      // A body the schema refuses is 400 before the ETag is compared; any other, 412.
      expect(status, brief(reply)).toBe(op.quantity < 1 ? 400 : 412);
    }
    if (op.kind === 'quantity' && op.ifMatch === 'current')
      expect(status, brief(reply)).not.toBe(412);
    if (status >= 400) return;
  }

  // One event per change: every created or changed subscription has exactly one new event naming
  // it, of the type its change calls for; the only other event is order.created, once per order.
  // Charges (issue 12) are written with the change that causes them, and a billing period charged
  // on its first day is a change of its own (its next charge date moves), told by its charge only.
  for (const e of fresh) expect(e.occurredAt, `${e.type} happened now`).toBe(nowIso);
  const charges = fresh.filter((e) => e.type === 'charge.created');
  const bySubscription = fresh.filter(
    (e) => e.subscriptionId !== null && e.type !== 'charge.created',
  );
  const touchedIds = touched.map((s) => s.id);
  for (const c of charges) {
    expect(touchedIds, `a charge for an untouched ${short(c.subscriptionId)}`).toContain(
      c.subscriptionId,
    );
  }
  const chargedOnly = touchedIds.filter(
    (id) =>
      !bySubscription.some((e) => e.subscriptionId === id) &&
      charges.some((c) => c.subscriptionId === id && c.reason === 'period'),
  );
  if (!isClockStep(op)) expect(chargedOnly, 'only time charges a period alone').toEqual([]);
  expect(
    bySubscription.map((e) => e.subscriptionId).sort(),
    `one event per changed subscription: ${fresh.map((e) => `${e.type}(${short(e.subscriptionId)})`).join(', ')}`,
  ).toEqual(touchedIds.filter((id) => !chargedOnly.includes(id)).sort());
  for (const e of bySubscription) {
    const is = after.byId.get(e.subscriptionId!)!;
    const type = eventTypeFor(before.byId.get(is.id), is);
    if (isClockStep(op)) expect(e.type).toMatch(/^subscription\./);
    else expect(e.type, `event for ${label(is)}`).toBe(type);
    if (e.type === 'subscription.quantity_changed') {
      expect(e.data).toEqual({ from: before.byId.get(is.id)!.quantity, to: is.quantity });
    }
    if (e.type === 'subscription.suspended') expect(e.data.expiresAt).toBe(is.expiresAt);
  }
  const others = fresh.filter((e) => e.subscriptionId === null);
  const ordered =
    (op.kind === 'order' || op.kind === 'reorder' || op.kind === 'convert') && reply !== undefined;
  expect(others.map((e) => e.type)).toEqual(ordered ? ['order.created'] : []);

  const eventOf = (id: string) => bySubscription.find((e) => e.subscriptionId === id)!;
  const ids = (list: ApiSubscription[]) => list.map((s) => short(s.id)).sort();
  const addOnsOf = (base: ApiSubscription, which: (s: ApiSubscription) => boolean) =>
    before.subscriptions.filter((s) => s.parentSubscriptionId === base.id && which(s));

  switch (op.kind) {
    case 'advance':
    case 'advanceTo':
      return;
    case 'order':
    case 'reorder': {
      const lines = outcome.lines!;
      const order = reply!.json<{ id: string; lineItems: { subscriptionId: string }[] }>();
      expect(changed.map(label), 'an order changes no existing subscription').toEqual([]);
      expect(created.length, 'one subscription per line item').toBe(lines.length);
      expect(others[0]?.orderId).toBe(order.id);
      lines.forEach((line, i) => {
        const sub = after.byId.get(order.lineItems[i]?.subscriptionId ?? '');
        expect(sub, `line ${i}`).toMatchObject({
          offerId: line.offerId,
          quantity: line.quantity,
          status: 'active',
          orderId: order.id,
          parentSubscriptionId: outcome.parents?.[i]?.id ?? null,
        });
        const parent = outcome.parents?.[i];
        if (parent) expect(parent.actions, `add-on on ${label(parent)}`).toContain('add_addon');
      });
      return;
    }
    case 'convert': {
      const paid = reply!.json<ApiSubscription>();
      expect(target!.actions, 'a conversion was accepted').toContain('convert');
      expect(ids(changed), 'a conversion changes the trial only').toEqual(ids([target!]));
      expect(after.byId.get(target!.id)!.status).toBe('expired');
      expect(created.map((s) => s.id)).toEqual([paid.id]);
      expect(paid).toMatchObject({
        offerId: outcome.targetOfferId,
        quantity: op.quantity,
        status: 'active',
        isTrial: false,
        parentSubscriptionId: null,
      });
      expect(eventOf(target!.id).data.convertedToSubscriptionId).toBe(paid.id);
      return;
    }
    default:
      break;
  }

  // PATCH steps.
  const t = target!;
  if (touched.length === 0) return;
  const is = after.byId.get(t.id)!;
  expect(created).toEqual([]);
  switch (op.kind) {
    case 'quantity':
      expect(t.actions).toContain('change_quantity');
      expect(ids(changed), 'only the target changes').toEqual(ids([t]));
      expect(is.quantity).toBe(op.quantity);
      return;
    case 'details':
      expect(ids(changed), 'only the target changes').toEqual(ids([t]));
      expect(is.autoRenewEnabled).toBe(op.autoRenewEnabled);
      return;
    case 'suspend': {
      expect(t.actions).toContain('suspend');
      // The active add-ons follow, with the base's dates; nothing else changes.
      const followers = addOnsOf(t, (s) => s.status === 'active');
      expect(ids(changed), 'the target and the add-ons that follow it change').toEqual(
        ids([t, ...followers]),
      );
      expect(is).toMatchObject({
        status: 'suspended',
        suspendedAt: nowIso,
        suspensionReasons: [op.reason],
      });
      expect(eventOf(t.id).reason).toBe(op.reason);
      for (const f of followers) {
        expect(after.byId.get(f.id)).toMatchObject({
          status: 'suspended',
          suspendedAt: nowIso,
          expiresAt: is.expiresAt,
          suspensionReasons: ['parent_suspended'],
        });
        expect(eventOf(f.id).reason).toBe('parent_suspended');
      }
      return;
    }
    case 'reactivate': {
      expect(t.actions).toContain('reactivate');
      // The add-ons suspended only because of it come back; one suspended on its own stays.
      const followers = addOnsOf(
        t,
        (s) => s.status === 'suspended' && sameReasons(s, ['parent_suspended']),
      );
      expect(ids(changed), 'the target and the add-ons that follow it change').toEqual(
        ids([t, ...followers]),
      );
      for (const s of [t, ...followers]) {
        expect(after.byId.get(s.id)).toMatchObject({
          status: 'active',
          suspendedAt: null,
          expiresAt: null,
          suspensionReasons: [],
        });
      }
      for (const f of followers) expect(eventOf(f.id).reason).toBe('parent_reactivated');
      return;
    }
    case 'cancel': {
      expect(t.actions).toContain('cancel');
      const followers = addOnsOf(t, isLive);
      expect(ids(changed), 'the target and the add-ons that follow it change').toEqual(
        ids([t, ...followers]),
      );
      for (const s of [t, ...followers]) {
        expect(after.byId.get(s.id)).toMatchObject({ status: 'deleted', deletedAt: nowIso });
      }
      for (const f of followers) expect(eventOf(f.id).reason).toBe('parent_cancelled');
      return;
    }
  }
}

/** The rules about any state: quantities, add-ons, limits, retention and actions. */
function checkState(c: Customer, state: State, now: Date): void {
  const { subscriptions, byId } = state;
  for (const s of subscriptions) {
    const offer = offerFacts(s.offerId);
    const where = label(s);
    expect(s.isTrial, where).toBe(offer.isTrial);

    // Quantities within the offer's range; trials within the trial's maximum.
    expect(s.quantity, `${where} quantity`).toBeGreaterThanOrEqual(offer.minimumQuantity);
    expect(s.quantity, `${where} quantity`).toBeLessThanOrEqual(offer.maximumQuantity);
    if (offer.trial)
      expect(s.quantity, `${where} trial quantity`).toBeLessThanOrEqual(offer.trial.maxQuantity);

    // Add-ons: on a base of a listed offer; never active under a base that is not active, and
    // never alive under one that is gone.
    if (s.parentSubscriptionId === null) {
      expect(offer.isAddOn, `${where} is an add-on without a base`).toBe(false);
    } else {
      const base = byId.get(s.parentSubscriptionId);
      expect(base, `${where}: its base is the customer's`).toBeDefined();
      expect(offer.baseOfferIds, where).toContain(base!.offerId);
      if (s.status === 'active') {
        expect(base!.status, `add-on ${where} is active under ${label(base!)}`).toBe('active');
      }
      if (isLive(s)) expect(isLive(base!), `add-on ${where} outlives ${label(base!)}`).toBe(true);
    }

    // Status fields; retention exactly per the rule.
    if (s.status === 'active') {
      expect(s, where).toMatchObject({ suspendedAt: null, expiresAt: null, suspensionReasons: [] });
    }
    if (s.status === 'deleted') expect(s.deletedAt, where).not.toBeNull();
    if (s.status === 'suspended') {
      expect(s.suspendedAt, where).not.toBeNull();
      expect(s.suspensionReasons.length, where).toBeGreaterThan(0);
      if (sameReasons(s, ['parent_suspended'])) {
        // Suspended with its base: same dates as the base, which is suspended.
        const base = byId.get(s.parentSubscriptionId ?? '');
        expect(base?.status, `${where} suspended with its base`).toBe('suspended');
        expect(s.suspendedAt, where).toBe(base?.suspendedAt);
        expect(s.expiresAt, `${where} expires with its base`).toBe(base?.expiresAt);
      } else {
        const days = retentionDays(offer, c.openedAt, c.firstBilling);
        const expected = new Date(Date.parse(s.suspendedAt!) + days * DAY_MS).toISOString();
        expect(s.expiresAt, `${where}: suspendedAt + ${days} days`).toBe(expected);
      }
    }

    // Actions: only what would be accepted now, and all of it.
    const listed = s.actions;
    if (s.status === 'deleted' || s.status === 'expired') expect(listed, where).toEqual([]);
    if (listed.includes('reactivate')) {
      expect(s.status, where).toBe('suspended');
      expect(now.getTime(), `${where} lists reactivate after expiresAt`).toBeLessThan(
        Date.parse(s.expiresAt!),
      );
    }
    for (const a of ['change_quantity', 'suspend', 'add_addon', 'convert']) {
      if (listed.includes(a)) expect(s.status, `${where} lists ${a}`).toBe('active');
    }
    if (listed.includes('convert')) expect(s.isTrial, where).toBe(true);
    expect(listed, `${where} actions at ${now.toISOString()}`).toEqual(
      expectedActions(s, state, now),
    );
  }

  // Limits: concurrent = live ones of the offer; lifetime = all ever.
  for (const offer of OFFERS.values()) {
    if (offer.limit === null || offer.limitUnitOfMeasure === 'none') continue;
    const counted = subscriptions.filter(
      (s) => s.offerId === offer.id && (offer.limitUnitOfMeasure === 'lifetime' || isLive(s)),
    );
    expect(
      counted.length,
      `${offer.id}: ${offer.limitUnitOfMeasure} limit ${offer.limit}`,
    ).toBeLessThanOrEqual(offer.limit);
  }

  // One live add-on of an offer per base (already_owns_offer).
  const pairs = subscriptions
    .filter((s) => s.parentSubscriptionId !== null && isLive(s))
    .map((s) => `${s.parentSubscriptionId}/${s.offerId}`);
  expect(new Set(pairs).size, 'one live add-on of an offer per base').toBe(pairs.length);
}
