import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.js';
import type { Subscription } from '../../src/domain/subscription.js';
import { dueChange } from '../../src/domain/verbs/due.js';
import { issueDueInvoices } from '../../src/services/billing/issue-invoices.js';
import type { AppContext } from '../../src/services/context.js';
import { newId } from '../../src/services/ids.js';
import { offerOf } from '../../src/services/offer-of.js';
import {
  emptyCounts,
  runPartnerDueWork,
  type DueWorkCounts,
} from '../../src/services/run-due-work.js';
import { processDueSubscription } from '../../src/services/subscriptions/process-due-subscription.js';
import { processDueBatch } from '../../src/services/subscriptions/process-due-batch.js';
import { dueCandidates, subscriptionsWithIds } from '../../src/store/due-subscriptions.js';
import { setSandboxNow } from '../../src/store/partners.js';
import { findSubscriptionById, insertSubscriptions } from '../../src/store/subscriptions.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DUE_ITEMS_CREATED, dueItemsOwner } from '../helpers/due-items.js';
import { subscriptionFixture } from '../helpers/subscriptions.js';
import { DIALECTS, openTestStore } from '../helpers/stores.js';

// Sandbox partners at their own clock in 2020: no other test's data is due for them.
const CREATED = DUE_ITEMS_CREATED;
const NOW = new Date('2020-06-01T00:00:00.000Z');
const WORKER_ITEMS = 1_000;
const run = promisify(execFile);

describe.each(DIALECTS)('the scheduler in batches on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: fixedClock(CREATED) });
  });
  afterAll(() => t.close());

  it('counts, writes and charges as one transaction per item does', async () => {
    const batched = await seedMix(t);
    const perItem = await seedMix(t);

    const counts = await runPartnerDueWork(t.ctx, batched.partnerId);
    const expected = await perItemPass(t.ctx, perItem.partnerId);
    // The pass as it was checked the add-on's candidate row after its base had renewed it along
    // and counted it 'nothing' under the lock; a batch checks its candidates before it starts.
    expect(counts).toEqual({ ...expected, nothing: expected.nothing - 1 });
    expect(counts).toMatchObject({
      deprovisioned: 6,
      warned: 2,
      renewed: 2,
      charged: 1,
      busy: 0,
      nothing: 0,
    });

    expect(await outcome(t, batched.ids)).toEqual(await outcome(t, perItem.ids));
    const again = await runPartnerDueWork(t.ctx, batched.partnerId);
    expect({ ...again, issued: 0 }).toEqual(emptyCounts());
  });

  it('writes a batch in one transaction, leaving out what another worker holds', async () => {
    const { ids } = await seedMix(t);
    const due = await subscriptionsWithIds(t.store.db, ids.slice(0, 8));
    const held = dialect === 'postgres' ? await holdRow(t, ids[0] ?? '') : undefined;
    const batch = await processDueBatch(t.ctx, [...due.values()], NOW).finally(held);

    const deprovisioned = dialect === 'postgres' ? 3 : 4;
    expect(batch.outcomes.toSorted()).toEqual([
      ...(dialect === 'postgres' ? ['busy'] : []),
      ...Array<string>(deprovisioned).fill('deprovisioned'),
      'warned',
      'warned',
    ]);
    // Their charges go into the customer's invoice: each in a transaction of its own.
    expect(batch.deferred.map((sub) => sub.id).toSorted()).toEqual([ids[4], ids[5]].toSorted());
    expect(batch.changed).toHaveLength(deprovisioned + 2);
  });

  it('does each item once with three workers at once', { timeout: 120_000 }, async () => {
    const { partnerId, ids } = await seed(t, (sub) =>
      Array.from({ length: WORKER_ITEMS }, (_, n) => sub(n)),
    );
    const runs = await Promise.all([1, 2, 3].map(() => worker(t, partnerId)));
    // A SQLite worker process also does what earlier tests here left due for other partners.
    const processed = runs.reduce((sum, counts) => sum + counts.deprovisioned, 0);
    if (dialect === 'postgres') expect(processed).toBe(ids.length);
    const events = await t.store.db
      .selectFrom('events')
      .select('subscription_id')
      .where('partner_id', '=', partnerId)
      .where('type', '=', 'subscription.deprovisioned')
      .execute();
    expect(events).toHaveLength(ids.length);
    expect(new Set(events.map((e) => e.subscription_id))).toEqual(new Set(ids));
  });

  it('does the others when one item fails', async () => {
    const { partnerId, ids } = await seedMix(t);
    const broken = ids[2] ?? '';
    await t.store.db
      .updateTable('subscriptions')
      .set({ offer_id: 'gone-from-the-catalog' })
      .where('id', '=', broken)
      .execute();

    await expect(runPartnerDueWork(t.ctx, partnerId)).rejects.toThrow(/missing from the catalog/);
    const done = await t.store.db
      .selectFrom('subscriptions')
      .select('id')
      .where('partner_id', '=', partnerId)
      .where('status', '=', 'deleted')
      .execute();
    expect(done.map((row) => row.id).sort()).toEqual(
      [ids[0], ids[1], ids[3], ids[4], ids[5]].sort(),
    );
    expect((await findSubscriptionById(t.store.db, broken))?.status).toBe('suspended');
  });
});

/**
 * A worker of its own: on PostgreSQL a pass on a connection pool of its own, on SQLite (whose
 * writers are processes) a `psc worker --once` process, which also does the sandbox partners.
 */
async function worker(t: TestApp, partnerId: string): Promise<DueWorkCounts> {
  if (t.store.target.dialect === 'sqlite') {
    const { stdout } = await run(process.execPath, ['bin/psc.js', 'worker', '--once'], {
      env: { ...process.env, DATABASE_URL: `sqlite:${t.store.target.path}`, LOG_LEVEL: 'warn' },
    });
    return JSON.parse(stdout) as DueWorkCounts;
  }
  const store = await openTestStore('postgres', t.store);
  try {
    return await runPartnerDueWork({ ...t.ctx, db: store.db }, partnerId);
  } finally {
    await store.close();
  }
}

/** Locks the row in a transaction of another connection, until the returned function is called. */
async function holdRow(t: TestApp, id: string): Promise<() => Promise<void>> {
  let release: (() => void) | undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked: (() => void) | undefined;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = t.store.db.transaction().execute(async (trx) => {
    await findSubscriptionById(trx, id, 'update');
    locked?.();
    await released;
  });
  await isLocked;
  return async () => {
    release?.();
    await holder;
  };
}

/**
 * A sandbox partner at NOW with, in id order: four retention deletions without charges and two
 * with the periods they owe (the batch does the first, defers the others), two warnings, a renewing
 * base with its add-on, and an annual term owing three monthly periods.
 */
async function seedMix(t: TestApp) {
  return seed(t, (sub) => {
    const warnAt = new Date('2020-06-04T00:00:00.000Z');
    const base = sub(8, active('2020-05-01', '2020-05-31'));
    return [
      ...[0, 1, 2, 3].map((n) => sub(n)),
      sub(4, { nextChargeDate: '2020-02-01' }),
      sub(5, { nextChargeDate: '2020-03-01' }),
      sub(6, { expiresAt: warnAt }),
      sub(7, { expiresAt: warnAt }),
      base,
      sub(9, {
        ...active('2020-05-01', '2020-05-31'),
        offerId: 'mail-extra-storage',
        parentSubscriptionId: base.id,
      }),
      sub(10, {
        ...active('2020-01-01', '2020-12-31'),
        termDuration: 'P1Y',
        nextChargeDate: '2020-04-01',
      }),
    ];
  });
}

type Row = (n: number, changes?: Partial<Subscription>) => Subscription;

/** A sandbox partner at NOW, one customer and one order, with the subscriptions `rows` makes. */
async function seed(t: TestApp, rows: (sub: Row) => Subscription[]) {
  const { partner } = await t.newPartner({ isSandbox: true });
  await setSandboxNow(t.store.db, partner.id, NOW);
  const { customer, orderId } = await dueItemsOwner(t, partner);
  const made = rows((n, changes = {}) => ({
    ...suspended(partner.id, customer.id, orderId, n),
    ...changes,
  }));
  for (let start = 0; start < made.length; start += 500) {
    await insertSubscriptions(t.store.db, customer, made.slice(start, start + 500));
  }
  return { partnerId: partner.id, ids: made.map((row) => row.id) };
}

function active(effectiveStartDate: string, commitmentEndDate: string): Partial<Subscription> {
  return {
    status: 'active',
    suspensionReasons: [],
    suspendedAt: null,
    expiresAt: null,
    effectiveStartDate,
    commitmentEndDate,
  };
}

function suspended(
  partnerId: string,
  customerId: string,
  orderId: string,
  n: number,
): Subscription {
  return subscriptionFixture({
    id: newId(),
    partnerId,
    customerId,
    orderId,
    offerId: 'mail-basic',
    friendlyName: `Item ${n}`,
    quantity: 2,
    status: 'suspended',
    creationDate: CREATED,
    effectiveStartDate: '2020-01-01',
    commitmentEndDate: '2020-12-31',
    cancellationAllowedUntil: null,
    quantityDecreaseAllowedUntil: null,
    suspensionReasons: ['nonpayment'],
    suspendedAt: CREATED,
    expiresAt: new Date('2020-04-15T00:00:00.000Z'),
    unitPrice: '4.00',
    unitCost: '3.00',
  });
}

/** The pass as it was: each candidate's steps, each in its own transaction. */
async function perItemPass(ctx: AppContext, partnerId: string) {
  const counts = emptyCounts();
  for (const candidate of await dueCandidates(ctx.db, { partnerId }, NOW, { limit: 100 })) {
    let sub = candidate;
    for (;;) {
      const base =
        sub.parentSubscriptionId === null
          ? undefined
          : await findSubscriptionById(ctx.db, sub.parentSubscriptionId);
      if (!dueChange(sub, { offer: offerOf(ctx, sub), base, addOns: [], now: NOW })) break;
      const outcomes = await processDueSubscription(ctx, sub.id, NOW);
      for (const outcome of outcomes) counts[outcome] += 1;
      const next = await findSubscriptionById(ctx.db, sub.id);
      if (!next || outcomes.includes('busy') || outcomes.includes('nothing')) break;
      sub = next;
    }
  }
  counts.issued += await issueDueInvoices(ctx, { partnerId }, NOW, 200);
  return counts;
}

/** Each item's state, events and charges, by its place in the seed. */
async function outcome(t: TestApp, ids: readonly string[]) {
  const place = (id: string | null) => ids.indexOf(id ?? '');
  const subs = await t.store.db
    .selectFrom('subscriptions')
    .select(['id', 'status', 'version', 'next_charge_date', 'commitment_end_date'])
    .where('id', 'in', [...ids])
    .execute();
  const events = await t.store.db
    .selectFrom('events')
    .select(['subscription_id', 'type', 'reason'])
    .where('subscription_id', 'in', [...ids])
    .orderBy('id')
    .execute();
  const charges = await t.store.db
    .selectFrom('charges')
    .select(['subscription_id', 'type', 'period_start', 'date', 'amount', 'cost'])
    .where('subscription_id', 'in', [...ids])
    .execute();
  return {
    subs: subs.map(({ id, ...rest }) => ({ at: place(id), ...rest })).sort((a, b) => a.at - b.at),
    events: ids.map((id) =>
      events.filter((e) => e.subscription_id === id).map((e) => `${e.type} ${e.reason}`),
    ),
    charges: charges
      .map(({ subscription_id, ...rest }) => ({ at: place(subscription_id), ...rest }))
      .sort((a, b) => a.at - b.at || a.period_start.localeCompare(b.period_start)),
  };
}
