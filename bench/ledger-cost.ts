/**
 * `npm run bench:ledger`: what the money ledger costs the order path. The built server of this
 * checkout and the built server of the last commit before the money work (PSC_BENCH_BASE, default
 * f67ebda, built in a temporary git worktree) take the same order load as `npm run bench`, on the
 * same machine, one after the other, alternating which goes first, PSC_BENCH_ROUNDS times each
 * (default 3). Each run has a fresh database and its own 10,000 customers. The medians give the
 * cost in %. With DATABASE_URL=postgres://… each run gets a scratch database on that server.
 * See docs/performance.md, "Money (issue 12)".
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDatabaseUrl } from '../src/store/database-url.js';
import { cleanupOnExit, runBench } from './cleanup.js';
import { BENCH } from './config.js';
import { CustomerCycle } from './customers.js';
import { measureOrders, type Measurement } from './measure.js';
import { createScratchDatabase, describeServer } from './postgres.js';
import { progress } from './progress.js';
import { startServer } from './processes.js';
import { seedCustomersThroughApi } from './seed-customers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BASE = process.env.PSC_BENCH_BASE ?? 'f67ebda';
const ROUNDS = Number(process.env.PSC_BENCH_ROUNDS ?? 3);
const WORKTREE = process.env.PSC_BENCH_WORKTREE ?? join(tmpdir(), 'psc-before-money');
/** The issue's limit: the ledger may cost at most 10 % of the orders per second. */
const MAX_COST_PERCENT = 10;

interface Build {
  label: string;
  main: string;
}

const cleanup = cleanupOnExit();

async function main(): Promise<void> {
  if (!Number.isInteger(ROUNDS) || ROUNDS < 1)
    throw new Error('PSC_BENCH_ROUNDS must be 1 or more');
  const loadBefore = loadavg();
  const now = await progress('building this checkout (tsc -p tsconfig.build.json)', () =>
    Promise.resolve(build(ROOT)),
  );
  const before = await progress(`building ${BASE} in the worktree ${WORKTREE}`, () =>
    Promise.resolve(build(worktreeAt(BASE))),
  );
  const builds: Build[] = [
    { label: `before money (${BASE})`, main: before },
    { label: 'with the ledger (this checkout)', main: now },
  ];
  const workdir = mkdtempSync(join(tmpdir(), 'psc-bench-ledger-'));
  cleanup.defer('remove the temporary directory', () =>
    rmSync(workdir, { recursive: true, force: true }),
  );
  const serverUrl = postgresServer();
  const results = new Map<string, Measurement[]>(builds.map((b) => [b.label, []]));
  for (let round = 1; round <= ROUNDS; round += 1) {
    // Alternate who goes first, so a machine getting busier or quieter hurts both alike.
    const order = round % 2 === 1 ? builds : [...builds].reverse();
    for (const build of order) {
      const database = await freshDatabase(workdir, serverUrl, `${round}-${builds.indexOf(build)}`);
      try {
        const measurement = await ordersOf(build, database.url, `round ${round}/${ROUNDS}`);
        results.get(build.label)?.push(measurement);
      } finally {
        await database.drop();
      }
    }
  }
  const databaseServer = serverUrl === undefined ? undefined : await describeServer(serverUrl);
  process.stdout.write(
    report(builds, results, {
      database: serverUrl === undefined ? 'SQLite (durable: WAL, synchronous=FULL)' : 'PostgreSQL',
      databaseServer,
      loadBefore,
      loadAfter: loadavg(),
    }),
  );
}

/** Builds the server of the checkout at `dir` and answers its dist/main.js. */
function build(dir: string): string {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: dir,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  return join(dir, 'dist/main.js');
}

/**
 * A detached worktree of `commit` sharing this checkout's node_modules (a symlink); nothing in it
 * is committed. One this run made is removed at the end unless PSC_BENCH_KEEP_WORKTREE=1; one
 * that was there already (at the right commit) is used and left alone.
 */
function worktreeAt(commit: string): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const wanted = git('rev-parse', '--verify', `${commit}^{commit}`).trim();
  if (existsSync(WORKTREE)) {
    const at = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: WORKTREE, encoding: 'utf8' });
    if (at.trim() !== wanted) {
      throw new Error(
        `${WORKTREE} is at ${at.trim()}, not ${wanted}: remove it or set PSC_BENCH_WORKTREE`,
      );
    }
  } else {
    git('worktree', 'add', '--detach', WORKTREE, wanted);
    if (process.env.PSC_BENCH_KEEP_WORKTREE !== '1') {
      cleanup.defer('remove the worktree', () => {
        git('worktree', 'remove', '--force', WORKTREE);
      });
    }
  }
  const modules = join(WORKTREE, 'node_modules');
  if (!existsSync(modules)) symlinkSync(join(ROOT, 'node_modules'), modules, 'dir');
  return WORKTREE;
}

function postgresServer(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url !== undefined && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

/** An empty database for one run: a new SQLite file, or a scratch PostgreSQL database. */
async function freshDatabase(
  workdir: string,
  serverUrl: string | undefined,
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (serverUrl === undefined) {
    const path = join(workdir, `run-${name}-${randomBytes(4).toString('hex')}.sqlite`);
    return {
      url: `sqlite:${path}`,
      drop: () => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
        return Promise.resolve();
      },
    };
  }
  const scratch = await createScratchDatabase(serverUrl);
  cleanup.defer('drop the scratch database', () => scratch.drop());
  if (parseDatabaseUrl(scratch.url)?.dialect !== 'postgres') {
    throw new Error(`not a PostgreSQL URL: ${scratch.url}`);
  }
  return { url: scratch.url, drop: () => scratch.drop() };
}

/** One run: the built server on an empty database, customers through the API, the order load. */
async function ordersOf(build: Build, databaseUrl: string, round: string): Promise<Measurement> {
  const token = randomBytes(32).toString('hex');
  const server = await startServer(build.label, [build.main], {
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    PSC_BOOTSTRAP_TOKEN: token,
  });
  try {
    const target = { url: server.url, token };
    const customerIds = await progress(
      `${round} ${build.label}: seeding ${BENCH.customers} customers through the API`,
      () => seedCustomersThroughApi(target, BENCH.customers, BENCH.seedConcurrency),
    );
    return await progress(`${round} ${build.label}: orders`, () =>
      measureOrders(server, target, new CustomerCycle(customerIds)),
    );
  } finally {
    await server.stop();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

function report(
  builds: readonly Build[],
  results: Map<string, Measurement[]>,
  context: {
    database: string;
    databaseServer: string | undefined;
    loadBefore: number[];
    loadAfter: number[];
  },
): string {
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ');
  const lines = [
    '',
    `${new Date().toISOString()}  Node ${process.version}  ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
    `load average (1, 5, 15 min): ${load(context.loadBefore)} before, ${load(context.loadAfter)} after`,
    `database: ${context.database}`,
    ...(context.databaseServer === undefined ? [] : [context.databaseServer]),
    `Orders: POST /v1/customers/{id}/orders with 2 line items, ${BENCH.orderConnections} connections, ${BENCH.orderSeconds} s after a ${BENCH.warmupSeconds} s warm-up,`,
    `${BENCH.customers.toLocaleString('en-US')} customers per run; ${ROUNDS} runs each, alternating; each run a fresh database.`,
    '',
  ];
  const medians = new Map<string, { rate: number; cpu: number }>();
  for (const build of builds) {
    const runs = results.get(build.label) ?? [];
    const rate = median(runs.map((r) => r.rate));
    const cpu = median(runs.map((r) => r.serverCpuMs));
    medians.set(build.label, { rate, cpu });
    lines.push(
      build.label,
      `  orders/s per run: ${runs.map((r) => r.rate.toFixed(0)).join(', ')}   median ${rate.toFixed(0)}`,
      `  CPU ms/order per run: ${runs.map((r) => r.serverCpuMs.toFixed(2)).join(', ')}   median ${cpu.toFixed(2)}`,
      `  p50 / p99 ms per run: ${runs.map((r) => `${r.p50.toFixed(0)} / ${r.p99.toFixed(0)}`).join(', ')}`,
      `  other answers: ${runs.map(others).join('; ')}`,
    );
  }
  const [first, second] = builds.map((b) => medians.get(b.label));
  if (first && second) {
    const cost = (1 - second.rate / first.rate) * 100;
    const cpuCost = (second.cpu / first.cpu - 1) * 100;
    lines.push(
      '',
      `ledger cost: ${cost.toFixed(1)} % fewer orders/s (limit ${MAX_COST_PERCENT} %: ${cost <= MAX_COST_PERCENT ? 'met' : 'NOT met'}), ${cpuCost.toFixed(1)} % more CPU per order`,
      '',
    );
  }
  return lines.join('\n');
}

function others(result: Measurement): string {
  const parts = Object.entries(result.otherStatuses).map(([status, n]) => `${status}×${n}`);
  if (result.errors > 0) parts.push(`connection errors×${result.errors}`);
  return parts.length === 0 ? 'none' : parts.join(', ');
}

await runBench(main, cleanup);
