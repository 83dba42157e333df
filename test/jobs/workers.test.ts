import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.js';
import type { AppContext } from '../../src/services/context.js';
import { runDueWork, type DueWorkCounts } from '../../src/services/run-due-work.js';
import type { DialectName, Store } from '../../src/store/db.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { deprovisionedEvents, seedDueItems } from '../helpers/due-items.js';
import { openTestStore } from '../helpers/stores.js';

const run = promisify(execFile);

// Long before any other test's data is due, so that only this test's items are due for these
// workers while other test files share the PostgreSQL database.
const WORKER_NOW = new Date('2020-06-01T00:00:00.000Z');
// Each item writes its charges into the one customer's invoices, so the workers queue on those rows.
const ITEMS: Record<DialectName, number> = { postgres: 4_000, sqlite: 300 };

describe.each(['postgres', 'sqlite'] as const)('three lifecycle workers on %s', (dialect) => {
  let t: TestApp;
  const workerStores: Store[] = [];
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: fixedClock(new Date('2020-01-01T00:00:00.000Z')) });
  });
  afterAll(async () => {
    await Promise.all(workerStores.map((s) => s.close()));
    await t.close();
  });

  it('process every due item exactly once', { timeout: 240_000 }, async () => {
    const { partner, ids } = await seedDueItems(t, ITEMS[dialect], { billed: true });
    const count = ids.length;

    const workers = await Promise.all(
      [1, 2, 3].map(async () => {
        if (t.store.target.dialect === 'sqlite') {
          // SQLite's writers are processes: three `psc worker --once` beside each other.
          return workerProcess(t.store.target.path);
        }
        const store = await openTestStore(dialect, t.store);
        workerStores.push(store);
        const ctx: AppContext = { ...t.ctx, db: store.db, clock: fixedClock(WORKER_NOW) };
        return runDueWork(ctx, { sandboxes: false, batchSize: 250 });
      }),
    );
    const processed = workers.reduce((sum, c) => sum + c.deprovisioned, 0);
    expect(processed).toBe(count);
    // In-process PostgreSQL workers start together, so each must have taken a share; SQLite worker
    // processes start one after another and the first may finish before the last begins.
    if (dialect === 'postgres') expect(workers.every((c) => c.deprovisioned > 0)).toBe(true);

    const events = await deprovisionedEvents(t, partner.id);
    expect(events).toHaveLength(count);
    expect(new Set(events)).toEqual(new Set(ids));
    const left = await t.store.db
      .selectFrom('subscriptions')
      .select('id')
      .where('partner_id', '=', partner.id)
      .where('status', '<>', 'deleted')
      .execute();
    expect(left).toEqual([]);

    // Each owed its periods until its retention ended, charged once by exactly one worker, each
    // in the invoice of the period the charge is dated in.
    const charges = await t.store.db
      .selectFrom('charges as c')
      .innerJoin('invoices as i', 'i.id', 'c.invoice_id')
      .select(['c.subscription_id', 'c.period_start', 'c.date', 'i.period_start as invoice_start'])
      .where('c.partner_id', '=', partner.id)
      .execute();
    const owed = (n: number) =>
      ['2020-02-01', '2020-03-01', '2020-04-01'].filter(
        (start) =>
          Date.parse(`${start}T00:00:00.000Z`) < Date.parse('2020-04-01T00:00:00.000Z') + n,
      );
    expect(charges.map((c) => `${c.subscription_id} ${c.period_start}`).sort()).toEqual(
      ids.flatMap((id, n) => owed(n).map((start) => `${id} ${start}`)).sort(),
    );
    expect(charges.filter((c) => c.invoice_start !== c.date.slice(0, 8) + '01')).toEqual([]);

    // A second pass finds nothing to do.
    const again = await runDueWork(
      { ...t.ctx, clock: fixedClock(WORKER_NOW) },
      { sandboxes: false },
    );
    expect(again.deprovisioned).toBe(0);
  });
});

/** A `psc worker --once` process on the SQLite file; its counts, from its output. */
export async function workerProcess(path: string): Promise<DueWorkCounts> {
  const { stdout } = await run(process.execPath, ['bin/psc.js', 'worker', '--once'], {
    env: { ...process.env, DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: 'warn' },
  });
  return JSON.parse(stdout) as DueWorkCounts;
}
