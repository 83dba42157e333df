/**
 * `npm run bench`: the built server against the floor, on orders and on subscription reads.
 * With DATABASE_URL=postgres://… the full stack runs on a scratch database of that server; the
 * floor is always SQLite. See docs/performance.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDatabaseUrl } from '../src/store/database-url.js';
import { cleanupOnExit, runBench } from './cleanup.js';
import { benchFloor } from './floor.js';
import { benchFullStack, type FullStackDatabase } from './full-stack.js';
import { createScratchDatabase, describeServer } from './postgres.js';
import { formatReport } from './report.js';
import { benchScheduler, formatSchedulerFigures } from './scheduler.js';

/** Suspended subscriptions past expiresAt for the scheduler bench (PSC_BENCH_SCHEDULER_ITEMS). */
const SCHEDULER_ITEMS = Number(process.env.PSC_BENCH_SCHEDULER_ITEMS ?? 100_000);

const cleanup = cleanupOnExit();

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] ?? 0;
  const workdir = mkdtempSync(join(tmpdir(), 'psc-bench-'));
  cleanup.defer('remove the temporary directory', () =>
    rmSync(workdir, { recursive: true, force: true }),
  );
  const database = await fullStackDatabase(workdir);
  const full = await benchFullStack(database);
  const durableFloor = await benchFloor('FULL', workdir);
  const normalFloor = await benchFloor('NORMAL', workdir);
  const scheduler = await benchScheduler(
    database.label === 'PostgreSQL'
      ? database.target
      : { dialect: 'sqlite', path: join(workdir, 'scheduler.sqlite') },
    SCHEDULER_ITEMS,
  );
  const databaseServer =
    database.label === 'PostgreSQL' ? await describeServer(database.url) : undefined;
  process.stdout.write(`${formatSchedulerFigures(database.label, scheduler)}\n`);
  process.stdout.write(
    formatReport({
      database: database.label,
      full,
      durableFloor,
      normalFloor,
      loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
      ...(databaseServer === undefined ? {} : { databaseServer }),
    }),
  );
}

/** SQLite in the temporary directory, or a scratch database on DATABASE_URL's PostgreSQL. */
async function fullStackDatabase(workdir: string): Promise<FullStackDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl === undefined || !/^postgres(ql)?:\/\//.test(serverUrl)) {
    const url = `sqlite:${join(workdir, 'full.sqlite')}`;
    return {
      label: 'SQLite',
      url,
      target: { dialect: 'sqlite', path: join(workdir, 'full.sqlite') },
    };
  }
  const scratch = await createScratchDatabase(serverUrl);
  cleanup.defer('drop the scratch database', () => scratch.drop());
  const target = parseDatabaseUrl(scratch.url);
  if (target?.dialect !== 'postgres') throw new Error(`not a PostgreSQL URL: ${scratch.url}`);
  return { label: 'PostgreSQL', url: scratch.url, target };
}

await runBench(main, cleanup);
