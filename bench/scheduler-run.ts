/**
 * `npm run bench:scheduler`: the scheduler alone, on a temporary SQLite file or, with
 * DATABASE_URL=postgres://…, on a scratch database of that server. PSC_BENCH_SCHEDULER_ITEMS sets
 * the number of due items (default 100,000). See docs/performance.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDatabaseUrl } from '../src/store/database-url.js';
import { createScratchDatabase } from './postgres.js';
import { benchScheduler, formatSchedulerFigures } from './scheduler.js';

const items = Number(process.env.PSC_BENCH_SCHEDULER_ITEMS ?? 100_000);
const workdir = mkdtempSync(join(tmpdir(), 'psc-bench-scheduler-'));
const serverUrl = process.env.DATABASE_URL;
let drop: (() => Promise<void>) | undefined;
try {
  let target = parseDatabaseUrl(`sqlite:${join(workdir, 'scheduler.sqlite')}`);
  let label = 'SQLite';
  if (serverUrl !== undefined && /^postgres(ql)?:\/\//.test(serverUrl)) {
    const scratch = await createScratchDatabase(serverUrl);
    drop = () => scratch.drop();
    target = parseDatabaseUrl(scratch.url);
    label = 'PostgreSQL';
  }
  if (!target) throw new Error('no database');
  const figures = await benchScheduler(target, items);
  process.stdout.write(formatSchedulerFigures(label, figures));
} finally {
  await drop?.();
  rmSync(workdir, { recursive: true, force: true });
}
