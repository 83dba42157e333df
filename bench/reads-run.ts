/**
 * `npm run bench:reads`: the subscription lists alone, without the order load, on a temporary
 * SQLite file or, with DATABASE_URL=postgres://…, on a scratch database of that server. A first
 * server (`node --import tsx src/main.ts`) creates a few customers and one order through the API;
 * the bench copies customers and subscriptions straight into the database up to the bench's shape
 * (10,000 customers, 200,000 subscriptions, 1,000 of them one customer's); then a fresh server on
 * that database answers the read load of each list's first page.
 * PSC_BENCH_READ_SORTS=0 leaves out the other sorts; PSC_BENCH_READ_ONLY=<label> measures only
 * that list ('customer list', …); PSC_BENCH_CPU_PROF=<dir> runs the measured server under
 * `--cpu-prof` and writes its profile there; PSC_BENCH_MAIN=<path of main.ts> measures another
 * checkout's server (a baseline in a git worktree) on the same machine at the same time of day.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDatabaseUrl } from '../src/store/database-url.js';
import { openStore } from '../src/store/db.js';
import { BENCH, ORDER_BODY } from './config.js';
import { copyCustomers } from './copy-customers.js';
import type { ApiTarget } from './load.js';
import { backendsCpu, createScratchDatabase } from './postgres.js';
import { startServer, type ServerProcess } from './processes.js';
import { progress } from './progress.js';
import { benchReads, formatReadLine, readRoutes } from './reads.js';
import { seedCustomersThroughApi } from './seed-customers.js';
import { seedSubscriptions } from './seed-subscriptions.js';

const CUSTOMERS_THROUGH_API = 16;
const MAIN =
  process.env.PSC_BENCH_MAIN ?? fileURLToPath(new URL('../src/main.ts', import.meta.url));

const workdir = mkdtempSync(join(tmpdir(), 'psc-bench-reads-'));
const serverUrl = process.env.DATABASE_URL;
const profileDir = process.env.PSC_BENCH_CPU_PROF;
const only = process.env.PSC_BENCH_READ_ONLY;
const token = randomBytes(32).toString('hex');
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
let drop: (() => Promise<void>) | undefined;
try {
  const loadBefore = load();
  let url = `sqlite:${join(workdir, 'reads.sqlite')}`;
  let label = 'SQLite';
  if (serverUrl !== undefined && /^postgres(ql)?:\/\//.test(serverUrl)) {
    const scratch = await createScratchDatabase(serverUrl);
    drop = () => scratch.drop();
    url = scratch.url;
    label = 'PostgreSQL';
  }
  const start = (flags: string[] = []) =>
    startServer('the server', [...flags, '--import', 'tsx', MAIN], {
      DATABASE_URL: url,
      LOG_LEVEL: 'warn',
      PSC_BOOTSTRAP_TOKEN: token,
    });
  const readCustomerId = await withServer(start(), (api) => seed(api, url, label));
  const profiling = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  const routes = readRoutes(readCustomerId, {
    sorts: process.env.PSC_BENCH_READ_SORTS !== '0',
  }).filter((route) => only === undefined || route.label === only);
  await withServer(start(profiling), (api, server) =>
    benchReads(server, api, routes, {
      ...(label === 'PostgreSQL' && { database: backendsCpu(url) }),
      onEach: (result) => process.stdout.write(`${label}  ${formatReadLine(result)}\n`),
    }),
  );
  process.stdout.write(`load average before ${loadBefore}, after ${load()}\n`);
} finally {
  await drop?.();
  rmSync(workdir, { recursive: true, force: true });
}

async function withServer<T>(
  starting: Promise<ServerProcess>,
  work: (api: Required<ApiTarget>, server: ServerProcess) => Promise<T>,
): Promise<T> {
  const server = await starting;
  try {
    return await work({ url: server.url, token }, server);
  } finally {
    await server.stop();
  }
}

/** Customers and one order through the API, then the rest copied in; the read customer's id. */
async function seed(api: Required<ApiTarget>, url: string, label: string): Promise<string> {
  const customerIds = await seedCustomersThroughApi(api, CUSTOMERS_THROUGH_API, 8);
  const readCustomerId = customerIds[0] as string;
  await placeOneOrder(api, readCustomerId);
  const target = parseDatabaseUrl(url);
  if (!target) throw new Error(`not a database URL: ${url}`);
  const store = openStore(target);
  try {
    const copied = await progress(`${label}: copying customers up to ${BENCH.customers}`, () =>
      copyCustomers(store, readCustomerId, { from: customerIds.length, to: BENCH.customers }),
    );
    const total = await progress(
      `${label}: subscriptions up to ${BENCH.subscriptionsForReads}`,
      () =>
        seedSubscriptions(store, {
          customerIds: [...customerIds, ...copied],
          readCustomerId,
          readCustomerCount: BENCH.readCustomerSubscriptions,
          total: BENCH.subscriptionsForReads,
        }),
    );
    process.stdout.write(`${label}: ${total} subscriptions\n`);
  } finally {
    await store.close();
  }
  return readCustomerId;
}

async function placeOneOrder(api: Required<ApiTarget>, customerId: string): Promise<void> {
  const response = await fetch(`${api.url}/v1/customers/${customerId}/orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(ORDER_BODY),
  });
  if (response.status !== 201) {
    throw new Error(`POST …/orders answered ${response.status}: ${await response.text()}`);
  }
}
