/**
 * `npm run bench:profile`: the built server under the order load with `node --cpu-prof`, and a
 * summary of where its CPU went (self time by function and by package). For finding what to make
 * cheaper; the figures that count are `npm run bench`'s.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH } from './config.js';
import { CustomerCycle } from './customers.js';
import { measureOrders } from './measure.js';
import { startServer } from './processes.js';
import { seedCustomersThroughApi } from './seed-customers.js';
import { monotonicMicros, summariseProfile, type Window } from './profile-summary.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const workdir = mkdtempSync(join(tmpdir(), 'psc-profile-'));
const profileDir = process.env.PSC_PROFILE_DIR ?? join(workdir, 'profile');
const token = randomBytes(32).toString('hex');
const server = await startServer(
  'the built server',
  ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, MAIN],
  {
    DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${join(workdir, 'profile.sqlite')}`,
    LOG_LEVEL: 'warn',
    PSC_BOOTSTRAP_TOKEN: token,
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
const [profile] = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
if (profile === undefined) throw new Error(`no profile in ${profileDir}`);
process.stdout.write(summariseProfile(join(profileDir, profile), window));
process.stdout.write(`profile: ${join(profileDir, profile)}\n`);
if (process.env.PSC_PROFILE_DIR === undefined) rmSync(workdir, { recursive: true, force: true });
