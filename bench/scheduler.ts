/**
 * The lifecycle scheduler's throughput: N suspended subscriptions past their expiresAt, processed
 * by one `runDueWork` pass (batches claimed, checked, updated with their events, one commit each),
 * against a floor of one bare UPDATE per item in its own transaction on the same database.
 */
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { createContext } from '../src/create-context.js';
import { fixedClock } from '../src/domain/clock.js';
import { systemActor } from '../src/domain/event.js';
import type { Subscription } from '../src/domain/subscription.js';
import { createCustomer } from '../src/services/create-customer.js';
import { createPartner } from '../src/services/create-partner.js';
import { newId } from '../src/services/ids.js';
import { runDueWork } from '../src/services/run-due-work.js';
import type { DatabaseTarget } from '../src/store/database-url.js';
import type { Store } from '../src/store/db.js';
import { insertOrder } from '../src/store/orders.js';
import { insertSubscriptions } from '../src/store/subscriptions.js';

export interface SchedulerFigures {
  items: number;
  itemsPerSecond: number;
  floorPerSecond: number;
  /** CPU time of this process per item (the database server's, on PostgreSQL, is not in it). */
  cpuMsPerItem: number;
  floorCpuMsPerItem: number;
}

// Due in mid-2020, and processed at a clock there, so nothing else in the database is due.
const PASS_AT = new Date('2020-06-01T00:00:00.000Z');
const CREATED = new Date('2020-01-01T00:00:00.000Z');

export async function benchScheduler(
  target: DatabaseTarget,
  items: number,
): Promise<SchedulerFigures> {
  const { ctx, store, close } = await createContext({
    database: target,
    clock: fixedClock(CREATED),
  });
  try {
    const scheduled = await seedDue(store, ctx, items);
    // Planner statistics for the rows just written, as autovacuum takes them after a bulk load:
    // without them PostgreSQL plans the due candidates as if none of the seeded items existed.
    if (store.dialect === 'postgres') await sql`analyze subscriptions`.execute(store.db);
    const pass = await timed(() =>
      runDueWork({ ...ctx, clock: fixedClock(PASS_AT) }, { sandboxes: false }),
    );
    if (pass.result.deprovisioned !== scheduled.length) {
      throw new Error(`scheduler processed ${pass.result.deprovisioned} of ${scheduled.length}`);
    }
    const floorIds = await seedDue(store, ctx, items);
    const floor = await bareUpdates(target, floorIds);
    return {
      items,
      itemsPerSecond: items / pass.seconds,
      floorPerSecond: items / floor.seconds,
      cpuMsPerItem: pass.cpuMs / items,
      floorCpuMsPerItem: floor.cpuMs / items,
    };
  } finally {
    await close();
  }
}

/** Wall-clock seconds and this process's CPU milliseconds (user and system) of `work`. */
async function timed<T>(work: () => Promise<T>) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  return { result, seconds, cpuMs: (user + system) / 1000 };
}

async function seedDue(store: Store, ctx: Parameters<typeof createPartner>[0], count: number) {
  const partner = await createPartner(ctx, { name: 'Scheduler bench', instance: 'global' });
  const customer = await createCustomer(
    { ...ctx, partner, actor: systemActor, role: 'global_admin', serverClock: ctx.clock },
    {
      companyName: 'Bench Co',
      domain: `bench-${partner.id.slice(-12)}.example`,
      country: 'US',
      segment: 'commercial',
      accountOpenedAt: new Date('2019-12-01T00:00:00.000Z'),
      billingProfile: {
        firstName: 'B',
        lastName: 'C',
        email: 'b@c.example',
        address: { line1: '1 St', city: 'X', postalCode: '1', country: 'US' },
      },
    },
  );
  const orderId = newId();
  await insertOrder(store.db, {
    id: orderId,
    partnerId: partner.id,
    customerId: customer.id,
    billingCycle: 'monthly',
    status: 'completed',
    creationDate: CREATED,
    currency: 'USD',
    lineItems: [],
  });
  const ids: string[] = [];
  for (let start = 0; start < count; start += 5000) {
    await store.db.transaction().execute(async (trx) => {
      for (let chunk = start; chunk < Math.min(count, start + 5000); chunk += 500) {
        const rows = Array.from({ length: Math.min(500, count - chunk) }, () =>
          suspended(partner.id, customer.id, orderId),
        );
        ids.push(...rows.map((r) => r.id));
        await insertSubscriptions(trx, customer, rows);
      }
    });
  }
  return ids;
}

/** The floor: one UPDATE per item, each committed on its own with the same durability. */
async function bareUpdates(target: DatabaseTarget, ids: readonly string[]) {
  const deletedAt = PASS_AT.toISOString();
  if (target.dialect === 'sqlite') {
    const db = new SqliteDatabase(target.path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const update = db.prepare(
      "update subscriptions set status = 'deleted', deleted_at = ?, version = version + 1 where id = ?",
    );
    const updates = await timed(() => {
      for (const id of ids) update.run(deletedAt, id);
      return Promise.resolve();
    });
    db.close();
    return updates;
  }
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    return await timed(async () => {
      for (const id of ids) {
        await client.query({
          name: 'floor-update',
          text: "update subscriptions set status = 'deleted', deleted_at = $1, version = version + 1 where id = $2",
          values: [deletedAt, id],
        });
      }
    });
  } finally {
    await client.end();
  }
}

function suspended(partnerId: string, customerId: string, orderId: string): Subscription {
  return {
    id: newId(),
    partnerId,
    customerId,
    offerId: 'mail-basic',
    offerName: 'Mail Basic',
    friendlyName: 'Mailbox',
    quantity: 1,
    unitType: 'licenses',
    parentSubscriptionId: null,
    orderId,
    status: 'suspended',
    billingCycle: 'monthly',
    termDuration: 'P1M',
    autoRenewEnabled: true,
    isTrial: false,
    trialEndDate: null,
    creationDate: CREATED,
    effectiveStartDate: '2020-01-01',
    commitmentEndDate: '2020-12-31',
    cancellationAllowedUntil: null,
    quantityDecreaseAllowedUntil: null,
    suspensionReasons: ['nonpayment'],
    suspendedAt: CREATED,
    expiresAt: new Date('2020-04-01T00:00:00.000Z'),
    deletedAt: null,
    unitPrice: '4.00',
    unitCost: '4.00',
    currency: 'USD',
    nextChargeDate: null,
    version: 1,
    expiringSoonWarnedFor: null,
  };
}

export function formatSchedulerFigures(label: string, figures: SchedulerFigures): string {
  return [
    `Scheduler on ${label}: ${figures.items.toLocaleString('en')} suspended subscriptions past expiresAt, one pass`,
    `  scheduler pass     ${figures.itemsPerSecond.toFixed(0)} items/s`,
    `  floor (1 UPDATE)   ${figures.floorPerSecond.toFixed(0)} items/s`,
    `  scheduler / floor  ${(figures.itemsPerSecond / figures.floorPerSecond).toFixed(2)}`,
    `  CPU per item       ${figures.cpuMsPerItem.toFixed(3)} ms (floor ${figures.floorCpuMsPerItem.toFixed(3)} ms, this process)`,
    '',
  ].join('\n');
}
