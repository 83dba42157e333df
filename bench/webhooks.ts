/**
 * `npm run bench:webhooks`: how many webhooks the dispatcher delivers per second, and how long an
 * event takes from its commit to the receiver at a steady rate, on SQLite (a temporary file,
 * durable as the product runs it) and on PostgreSQL (a scratch database `psc_bench_<random>` on
 * PSC_BENCH_PG_URL, by default postgres://postgres@127.0.0.1:5432/postgres, dropped at the end).
 *
 * Each database gets the product's context and dispatcher (poll interval and per-endpoint
 * concurrency from the configuration's defaults, or PSC_WEBHOOK_POLL_MS / PSC_WEBHOOK_CONCURRENCY),
 * one partner with one endpoint for every event type, and a receiver on loopback in its own
 * process. Events are `subscription.updated`, written by appendEvents in a transaction, which
 * writes their deliveries in the same transaction. Two phases of PSC_BENCH_WEBHOOK_EVENTS events
 * (default 10,000): all committed as fast as possible in transactions of 50, then 500 events/s
 * (PSC_BENCH_WEBHOOK_RATE), 50 every 100 ms. PSC_BENCH_WEBHOOK_DATABASES=sqlite or =postgres runs
 * one. See docs/performance.md, "Webhooks".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { dispatcherOptions } from '../src/jobs/webhook-dispatcher.js';
import { parseDatabaseUrl } from '../src/store/database-url.js';
import { cleanupOnExit, runBench } from './cleanup.js';
import { createScratchDatabase, describeServer } from './postgres.js';
import { benchWebhooks, type DatabaseFigures, type WebhookBenchOptions } from './webhooks/run.js';

/** The target on this 2-core machine, on both databases. */
const TARGET = { deliveriesPerSecond: 500, p99Ms: 2000 } as const;

const EVENTS = positive('PSC_BENCH_WEBHOOK_EVENTS', 10_000);
const RATE = positive('PSC_BENCH_WEBHOOK_RATE', 500);
const PG_URL = process.env.PSC_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASES = (process.env.PSC_BENCH_WEBHOOK_DATABASES ?? 'sqlite,postgres')
  .split(',')
  .map((name) => name.trim());

const cleanup = cleanupOnExit();

async function main(): Promise<void> {
  for (const name of DATABASES) {
    if (name !== 'sqlite' && name !== 'postgres') {
      throw new Error(`PSC_BENCH_WEBHOOK_DATABASES names sqlite and postgres, not "${name}"`);
    }
  }
  const loadBefore = loadavg();
  // The dispatcher's settings as the server would take them: defaults, or PSC_WEBHOOK_* if set.
  const dispatcher = dispatcherOptions(loadConfig(webhookVariables()));
  const options: WebhookBenchOptions = {
    events: EVENTS,
    batch: 50,
    rate: RATE,
    tickMs: 100,
    warmup: 500,
    dispatcher,
    stallMs: 30_000,
    log: (line) => process.stderr.write(`bench: ${line}\n`),
  };
  const results: DatabaseFigures[] = [];
  let databaseServer: string | undefined;
  if (DATABASES.includes('sqlite')) {
    const workdir = mkdtempSync(join(tmpdir(), 'psc-bench-webhooks-'));
    cleanup.defer('remove the temporary directory', () =>
      rmSync(workdir, { recursive: true, force: true }),
    );
    const target = parseDatabaseUrl(`sqlite:${join(workdir, 'webhooks.sqlite')}`);
    if (!target) throw new Error('no SQLite target');
    results.push(await benchWebhooks('SQLite', target, options));
  }
  if (DATABASES.includes('postgres')) {
    const scratch = await createScratchDatabase(PG_URL);
    cleanup.defer('drop the scratch database', () => scratch.drop());
    const target = parseDatabaseUrl(scratch.url);
    if (target?.dialect !== 'postgres') throw new Error(`not a PostgreSQL URL: ${scratch.url}`);
    databaseServer = await describeServer(PG_URL);
    results.push(await benchWebhooks('PostgreSQL', target, options));
  }
  process.stdout.write(
    report(results, { dispatcher, loadBefore, loadAfter: loadavg(), databaseServer }),
  );
}

function report(
  results: readonly DatabaseFigures[],
  context: {
    dispatcher: { pollIntervalMs: number; concurrencyPerEndpoint: number };
    loadBefore: number[];
    loadAfter: number[];
    databaseServer: string | undefined;
  },
): string {
  const load = (values: readonly number[]) => values.map((v) => v.toFixed(2)).join(' ');
  const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '—');
  const rows = results.flatMap((db) =>
    db.phases.map((p) => [
      db.database,
      p.phase === 'throughput' ? 'as fast as possible' : `${p.targetRate ?? '?'}/s`,
      p.writtenPerSecond.toFixed(0),
      p.deliveriesPerSecond.toFixed(0),
      ms(p.latency.p50),
      ms(p.latency.p95),
      ms(p.latency.p99),
      ms(p.latency.max),
      `${p.received}/${p.events}`,
      String(p.duplicates),
      `${p.succeeded}/${p.attempts}`,
      `${p.cpuMsPerDelivery.benchProcess.toFixed(2)} / ${p.cpuMsPerDelivery.receiver.toFixed(2)}`,
    ]),
  );
  const header = [
    'database',
    'events written',
    'written/s',
    'deliveries/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'received',
    'duplicates',
    'succeeded/attempts',
    'CPU ms/delivery bench / receiver',
  ];
  const verdicts = results.map((db) => {
    const throughput = db.phases.find((p) => p.phase === 'throughput');
    const rate = db.phases.find((p) => p.phase === 'rate');
    const fast = (throughput?.deliveriesPerSecond ?? 0) >= TARGET.deliveriesPerSecond;
    const prompt = (rate?.latency.p99 ?? Infinity) < TARGET.p99Ms;
    const whole = db.phases.every((p) => p.missing === 0);
    return {
      database: db.database,
      met: fast && prompt && whole,
      line: `${db.database}: ${fast ? 'met' : 'NOT met'} ≥ ${TARGET.deliveriesPerSecond} deliveries/s (${throughput?.deliveriesPerSecond.toFixed(0) ?? '?'}); ${prompt ? 'met' : 'NOT met'} p99 < ${TARGET.p99Ms} ms at ${RATE}/s (${rate ? ms(rate.latency.p99) : '?'} ms); ${whole ? 'every event received' : 'events MISSING'}; signatures verified on a sample: ${db.signatures.verified}/${db.signatures.checked}; dispatcher errors: ${db.dispatcherErrors}; load ${load(db.loadAverage.before)} → ${load(db.loadAverage.after)}`,
    };
  });
  const lines = [
    '',
    `${new Date().toISOString()}  Node ${process.version}  ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
    `load average (1, 5, 15 min): ${load(context.loadBefore)} before, ${load(context.loadAfter)} after`,
    ...(context.databaseServer === undefined ? [] : [context.databaseServer]),
    `Webhooks: ${EVENTS.toLocaleString('en-US')} subscription.updated events per phase, one endpoint ["*"] on a loopback receiver (its own process);`,
    `dispatcher in the writing process, poll ${context.dispatcher.pollIntervalMs} ms, ${context.dispatcher.concurrencyPerEndpoint} per endpoint; SQLite durable (WAL, synchronous=FULL).`,
    'Latency: commit of the event to its first receipt. deliveries/s: distinct events received, first commit to last receipt.',
    '',
    ...table([header, ...rows]),
    '',
    ...verdicts.map((v) => v.line),
    '',
    `target (≥ ${TARGET.deliveriesPerSecond}/s and p99 < ${TARGET.p99Ms} ms on both databases): ${verdicts.length > 0 && verdicts.every((v) => v.met) ? 'met' : 'NOT met'}`,
    '',
    JSON.stringify({
      bench: 'webhooks',
      at: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      loadAverage: { before: context.loadBefore, after: context.loadAfter },
      dispatcher: context.dispatcher,
      events: EVENTS,
      rate: RATE,
      results,
    }),
    '',
  ];
  return lines.join('\n');
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  '),
  );
}

/** Only the PSC_WEBHOOK_* variables: nothing else of the environment decides the dispatcher. */
function webhookVariables(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name.startsWith('PSC_WEBHOOK_')),
  );
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return value;
}

await runBench(main, cleanup);
