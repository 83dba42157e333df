import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { deprovisionedEvents, seedDueItems } from '../helpers/due-items.js';

// A worker killed mid-pass with SIGKILL, then a new one: no item lost, none done twice. SQLite
// only: a worker process works at real time, and on the shared PostgreSQL database of the test
// run it would also take other tests' data; three PostgreSQL workers are in workers.test.ts.
describe('a lifecycle worker killed mid-pass on sqlite', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { clock: fixedClock(new Date('2020-01-01T00:00:00.000Z')) });
  });
  afterAll(() => t.close());

  it('loses nothing and repeats nothing', { timeout: 120_000 }, async () => {
    // Enough that the kill lands mid-pass: the scheduler commits 50 items at once.
    const { partner, ids } = await seedDueItems(t, 4000);
    const { path } = t.store.target as { path: string };
    const env = { ...process.env, DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: 'warn' };

    const doomed = spawn(process.execPath, ['bin/psc.js', 'worker', '--once'], { env });
    const exited = new Promise((resolve) => doomed.on('exit', resolve));
    for (let i = 0; i < 600; i += 1) {
      if ((await deprovisionedEvents(t, partner.id)).length >= 20) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    doomed.kill('SIGKILL');
    await exited;
    const before = await deprovisionedEvents(t, partner.id);
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(ids.length);

    const again = spawn(process.execPath, ['bin/psc.js', 'worker', '--once'], { env });
    expect(await new Promise((resolve) => again.on('exit', resolve))).toBe(0);
    const after = await deprovisionedEvents(t, partner.id);
    expect(after).toHaveLength(ids.length);
    expect(new Set(after)).toEqual(new Set(ids));
  });
});
