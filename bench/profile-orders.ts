/**
 * `npm run bench:profile`: the built server under the order load with `node --cpu-prof`, and a
 * summary of where its CPU went (self time by function and by package). With
 * PSC_PROFILE_STATEMENTS=1 it times every SQLite statement instead (`bench/statement-timer.ts`)
 * and prints each SQL text's time per order. For finding what to make cheaper; the figures that
 * count are `npm run bench`'s.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH } from './config.js';
import { CustomerCycle } from './customers.js';
import { measureOrders } from './measure.js';
import { startServer } from './processes.js';
import { seedCustomersThroughApi } from './seed-customers.js';
import { monotonicMicros, summariseProfile, type Window } from './profile-summary.js';
import type { StatementTotals } from './statement-timer.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const TIMER = fileURLToPath(new URL('./statement-timer.ts', import.meta.url));
const workdir = mkdtempSync(join(tmpdir(), 'psc-profile-'));
const profileDir = process.env.PSC_PROFILE_DIR ?? join(workdir, 'profile');
const statementTimes = join(workdir, 'statements.json');
const statements = process.env.PSC_PROFILE_STATEMENTS === '1';
const token = randomBytes(32).toString('hex');
const server = await startServer(
  'the built server',
  statements
    ? ['--import', 'tsx', '--import', TIMER, MAIN]
    : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, MAIN],
  {
    DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${join(workdir, 'profile.sqlite')}`,
    LOG_LEVEL: 'warn',
    PSC_BOOTSTRAP_TOKEN: token,
    PSC_STATEMENT_TIMES: statementTimes,
  },
);
let window: Window;
try {
  const target = { url: server.url, token };
  const customers = await seedCustomersThroughApi(target, 2_000, BENCH.seedConcurrency);
  // Includes measureOrders' warm-up: the profile counts the load, not the start and the seeding.
  const from = monotonicMicros();
  const orders = await measureOrders(server, target, new CustomerCycle(customers));
  window = { from, to: monotonicMicros() };
  process.stdout.write(
    `${orders.rate.toFixed(0)} orders/s, ${orders.serverCpuMs.toFixed(2)} CPU ms/order\n`,
  );
} finally {
  await server.stop();
}
if (statements) {
  process.stdout.write(
    perOrder(JSON.parse(readFileSync(statementTimes, 'utf8')) as StatementTotals),
  );
} else {
  const [profile] = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
  if (profile === undefined) throw new Error(`no profile in ${profileDir}`);
  process.stdout.write(summariseProfile(join(profileDir, profile), window));
  process.stdout.write(`profile: ${join(profileDir, profile)}\n`);
}
if (process.env.PSC_PROFILE_DIR === undefined) rmSync(workdir, { recursive: true, force: true });

/**
 * Each statement's time per order (the seeding's and warm-up's included, divided by every order
 * inserted, warm-up's too), the most costly first.
 */
function perOrder(totals: StatementTotals): string {
  const entries = Object.entries(totals);
  const orders = entries.find(([sql]) => sql.startsWith('insert into "orders"'))?.[1].calls ?? 0;
  if (orders === 0) return 'no orders were inserted\n';
  const lines = entries
    .sort(([, a], [, b]) => b.micros - a.micros)
    .slice(0, 20)
    .map(
      ([sql, { calls, micros }]) =>
        `${(micros / orders).toFixed(1).padStart(7)} µs/order ${(calls / orders).toFixed(2).padStart(6)} calls/order ${(micros / calls).toFixed(1).padStart(7)} µs/call  ${sql.replace(/\s+/g, ' ').slice(0, 100)}`,
    );
  const sum = entries.reduce((all, [, { micros }]) => all + micros, 0);
  return [
    `${orders} orders; all statements ${(sum / orders).toFixed(1)} µs/order`,
    ...lines,
    '',
  ].join('\n');
}
