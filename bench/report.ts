import { cpus } from 'node:os';
import { BENCH } from './config.js';
import type { FullStackResult } from './full-stack.js';
import type { Measurement } from './measure.js';

export interface BenchReport {
  database: 'SQLite' | 'PostgreSQL';
  full: FullStackResult;
  durableFloor: Measurement;
  normalFloor: Measurement;
  /** One-minute load averages when the bench started and when it ended. */
  loadAverage: { before: number; after: number };
  /** For PostgreSQL: its version and durability settings. */
  databaseServer?: string;
}

/** The target of issue 3: the full stack at 0.7 × the durable floor's orders/s or better. */
export const TARGET_RATIO = 0.7;

/** The bench's answer as plain text: the machine, the order table, the ratios, the reads. */
export function formatReport(report: BenchReport): string {
  const { full, durableFloor, normalFloor } = report;
  const durableRatio = full.orders.rate / durableFloor.rate;
  const normalRatio = full.orders.rate / normalFloor.rate;
  const fullLabel = `full stack (${report.database}${report.database === 'SQLite' ? ', FULL' : ''})`;
  const rows = [
    ['', 'orders/s', 'p50 ms', 'p99 ms', 'CPU ms/order', 'orders', 'other answers'],
    orderRow(fullLabel, full.orders),
    orderRow('floor (SQLite, FULL)', durableFloor),
    orderRow('floor (SQLite, NORMAL)', normalFloor),
  ];
  const reads = full.reads;
  return [
    '',
    `${new Date().toISOString()}  Node ${process.version}  ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
    `load average (1 min): ${report.loadAverage.before.toFixed(2)} before, ${report.loadAverage.after.toFixed(2)} after${report.loadAverage.before > 0.5 ? '  (the machine was busy: figures are noisy)' : ''}`,
    ...(report.databaseServer === undefined ? [] : [report.databaseServer]),
    '',
    `Orders: POST /v1/customers/{id}/orders with 2 line items, a different customer per request`,
    `(${count(BENCH.customers)} customers), ${BENCH.orderConnections} connections, ${BENCH.orderSeconds} s after a ${BENCH.warmupSeconds} s warm-up; only 201s count.`,
    '',
    ...table(rows),
    `CPU ms/order: user + system CPU of the server process per order${report.database === 'PostgreSQL' ? " (the full stack's excludes PostgreSQL's own)" : ''}.`,
    '',
    `full stack / durable floor  ${durableRatio.toFixed(2)}  (target ≥ ${TARGET_RATIO}: ${durableRatio >= TARGET_RATIO ? 'met' : 'NOT met'})`,
    `full stack / NORMAL floor   ${normalRatio.toFixed(2)}`,
    '',
    `Reads: GET /v1/customers/{id}/subscriptions?limit=${BENCH.readPageSize} for one customer with ${count(BENCH.readCustomerSubscriptions)}+ subscriptions,`,
    `${count(full.subscriptions)} subscriptions in the database, ${BENCH.readConnections} connections, ${BENCH.readSeconds} s after a ${BENCH.warmupSeconds} s warm-up.`,
    '',
    `  p50 ${ms(reads.p50)} ms   p99 ${ms(reads.p99)} ms   ${reads.rate.toFixed(0)} reads/s   server CPU ${ms(reads.serverCpuMs, 2)} ms/read   other answers: ${others(reads)}`,
    '',
  ].join('\n');
}

function orderRow(label: string, result: Measurement): string[] {
  return [
    label,
    result.rate.toFixed(0),
    ms(result.p50),
    ms(result.p99),
    ms(result.serverCpuMs, 2),
    count(result.succeeded),
    others(result),
  ];
}

function others(result: Measurement): string {
  const parts = Object.entries(result.otherStatuses).map(([status, n]) => `${status}×${n}`);
  if (result.errors > 0) parts.push(`connection errors×${result.errors}`);
  return parts.length === 0 ? 'none' : parts.join(', ');
}

/** Left-aligned first column, right-aligned figures, the last column left-aligned. */
function table(rows: readonly string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((row) =>
    row
      .map((cell, c) => {
        const width = widths[c] ?? 0;
        return c === 0 || c === row.length - 1 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('   ')
      .trimEnd(),
  );
}

const ms = (value: number, digits = 1) => value.toFixed(digits);
const count = (value: number) => value.toLocaleString('en-US');
