/**
 * `npm run bench`: in one run, SQLite (the built server against the durable and the NORMAL floor)
 * and PostgreSQL (the built server on one node and on two, against the PostgreSQL floor), each
 * with subscription reads and the scheduler. PostgreSQL is DATABASE_URL's server, else the local
 * one; the run says so and goes on without it when none answers. See docs/performance.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { cleanupOnExit, runBench } from './cleanup.js';
import { benchFloor, benchPgFloor } from './floor.js';
import { benchFullStack } from './full-stack.js';
import { createScratchDatabase, describeServer } from './postgres.js';
import { formatReport, type PostgresReport, type SqliteReport } from './report.js';
import { benchScheduler, formatSchedulerFigures } from './scheduler.js';

/** Suspended subscriptions past expiresAt for the scheduler bench (PSC_BENCH_SCHEDULER_ITEMS). */
const SCHEDULER_ITEMS = Number(process.env.PSC_BENCH_SCHEDULER_ITEMS ?? 20_000);
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
/** PSC_BENCH_DATABASES=sqlite or =postgres runs one of them; both by default. */
const DATABASES = (process.env.PSC_BENCH_DATABASES ?? 'sqlite,postgres').split(',');
if (DATABASES.some((name) => name !== 'sqlite' && name !== 'postgres')) {
  process.stderr.write('bench: PSC_BENCH_DATABASES takes sqlite, postgres or sqlite,postgres\n');
  process.exit(2);
}

const cleanup = cleanupOnExit();

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] ?? 0;
  const workdir = mkdtempSync(join(tmpdir(), 'psc-bench-'));
  cleanup.defer('remove the temporary directory', () =>
    rmSync(workdir, { recursive: true, force: true }),
  );
  const sqlite = DATABASES.includes('sqlite') ? await benchSqlite(workdir) : undefined;
  let postgres: Awaited<ReturnType<typeof benchPostgres>> | undefined;
  let failure: Error | undefined;
  try {
    postgres = DATABASES.includes('postgres') ? await benchPostgres() : undefined;
  } catch (error) {
    // The SQLite figures are still worth printing; the failure follows them.
    failure = error instanceof Error ? error : new Error(String(error));
    postgres = { skipped: 'the PostgreSQL part failed (see below)' };
  }
  process.stdout.write(
    formatReport({
      ...(sqlite ? { sqlite } : {}),
      ...(postgres ? { postgres } : {}),
      loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
    }),
  );
  if (failure !== undefined) throw failure;
}

async function benchSqlite(workdir: string): Promise<SqliteReport> {
  const path = join(workdir, 'full.sqlite');
  const full = await benchFullStack({
    label: 'SQLite',
    url: `sqlite:${path}`,
    target: { dialect: 'sqlite', path },
  });
  const durableFloor = await benchFloor('FULL', workdir);
  const normalFloor = await benchFloor('NORMAL', workdir);
  const scheduler = await benchScheduler(
    { dialect: 'sqlite', path: join(workdir, 'scheduler.sqlite') },
    SCHEDULER_ITEMS,
  );
  return {
    full,
    durableFloor,
    normalFloor,
    scheduler: formatSchedulerFigures('SQLite', scheduler),
  };
}

/** On a scratch database of DATABASE_URL's server (or the local one); skipped when none answers. */
async function benchPostgres(): Promise<PostgresReport | { skipped: string }> {
  const given = process.env.DATABASE_URL;
  const serverUrl =
    given !== undefined && /^postgres(ql)?:\/\//.test(given) ? given : LOCAL_POSTGRES;
  const unreachable = await whyUnreachable(serverUrl);
  if (unreachable !== undefined) {
    const skipped = `no PostgreSQL answers at ${redacted(serverUrl)} (${unreachable}); set DATABASE_URL=postgres://… to bench one`;
    process.stderr.write(`bench: PostgreSQL skipped: ${skipped}\n`);
    return { skipped };
  }
  const scratch = await createScratchDatabase(serverUrl);
  cleanup.defer('drop the scratch database', () => scratch.drop());
  const target = { dialect: 'postgres', connectionString: scratch.url } as const;
  const full = await benchFullStack({ label: 'PostgreSQL', url: scratch.url, target });
  const floor = await benchPgFloor(serverUrl, cleanup);
  const scheduler = await benchScheduler(target, SCHEDULER_ITEMS);
  return {
    full,
    floor,
    scheduler: formatSchedulerFigures('PostgreSQL', scheduler),
    server: await describeServer(serverUrl),
  };
}

async function whyUnreachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

await runBench(main, cleanup);
