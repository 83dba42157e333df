import { cpus } from 'node:os';
import { BENCH } from './config.js';
import type { FullStackResult } from './full-stack.js';
import type { Measurement } from './measure.js';
import { formatReadLine } from './reads.js';

export interface SqliteReport {
  full: FullStackResult;
  durableFloor: Measurement;
  normalFloor: Measurement;
  /** The scheduler bench's figures, as formatSchedulerFigures prints them. */
  scheduler: string;
}

export interface PostgresReport {
  full: FullStackResult;
  floor: Measurement;
  scheduler: string;
  /** Its version and durability settings. */
  server: string;
}

export interface BenchReport {
  sqlite?: SqliteReport;
  /** The PostgreSQL part, or why it was skipped. */
  postgres?: PostgresReport | { skipped: string };
  /** One-minute load averages when the bench started and when it ended. */
  loadAverage: { before: number; after: number };
}

/** Issue 15's targets: durable orders at 1.0 × the durable floor and 0.5 × the NORMAL floor. */
export const TARGETS = { durableFloor: 1.0, normalFloor: 0.5 } as const;

const HEADER = ['', 'orders/s', 'p50 ms', 'p99 ms', 'CPU ms/order', 'orders', 'other answers'];

/** The bench's answer as plain text: the machine, each database's orders, ratios, reads, scheduler. */
export function formatReport(report: BenchReport): string {
  const { before, after } = report.loadAverage;
  return [
    '',
    `${new Date().toISOString()}  Node ${process.version}  ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
    `load average (1 min): ${before.toFixed(2)} before, ${after.toFixed(2)} after${Math.max(before, after) > 0.5 ? '  (the machine was busy: figures are noisy)' : ''}`,
    '',
    `Orders: POST /v1/customers/{id}/orders with 2 line items, a different customer per request`,
    `(${count(BENCH.customers)} customers per run), ${BENCH.orderConnections} connections, ${BENCH.orderSeconds} s after a ${BENCH.warmupSeconds} s warm-up; only 201s count.`,
    `CPU ms/order: user + system CPU of the server process(es) per order; on PostgreSQL without the database server's own.`,
    ...(report.sqlite ? sqliteSection(report.sqlite) : []),
    ...postgresSection(report.postgres),
  ].join('\n');
}

function sqliteSection({ full, durableFloor, normalFloor, scheduler }: SqliteReport): string[] {
  const durable = full.orders.rate / durableFloor.rate;
  const normal = full.orders.rate / normalFloor.rate;
  return [
    '',
    'SQLite',
    '',
    ...table([
      HEADER,
      orderRow('full stack (durable)', full.orders),
      orderRow('floor (synchronous=FULL)', durableFloor),
      orderRow('floor (synchronous=NORMAL)', normalFloor),
    ]),
    '',
    `full stack / durable floor  ${ratio(durable, TARGETS.durableFloor)}`,
    `full stack / NORMAL floor   ${ratio(normal, TARGETS.normalFloor)}`,
    '',
    ...readsLines(full),
    scheduler.trimEnd(),
  ];
}

function postgresSection(postgres: BenchReport['postgres']): string[] {
  if (postgres === undefined) return [];
  if ('skipped' in postgres) return ['', `PostgreSQL: skipped: ${postgres.skipped}`, ''];
  const { full, floor, scheduler, server } = postgres;
  const twoNodes = full.twoNodes;
  const half = BENCH.orderConnections / 2;
  return [
    '',
    server,
    '',
    ...table([
      [...HEADER.slice(0, -2), 'PostgreSQL CPU ms/order', ...HEADER.slice(-2)],
      withDatabaseCpu(orderRow('full stack, one node', full.orders), full.orders),
      ...(twoNodes
        ? [
            withDatabaseCpu(
              orderRow(`full stack, two nodes (${half} + ${half} connections)`, twoNodes),
              twoNodes,
            ),
          ]
        : []),
      withDatabaseCpu(orderRow('floor (bare Fastify + pg)', floor), floor),
    ]),
    `PostgreSQL CPU ms/order: its backends serving the database, from /proc (nan when the server is on another machine).`,
    ...(twoNodes
      ? [
          `two nodes: CPU ms/order is both nodes'; the psc worker beside them used ${ms(twoNodes.workerCpuMs, 2)} ms/order more.`,
        ]
      : []),
    '',
    `full stack / floor          ${(full.orders.rate / floor.rate).toFixed(2)}`,
    ...(twoNodes
      ? [`two nodes / one node        ${(twoNodes.rate / full.orders.rate).toFixed(2)}`]
      : []),
    '',
    ...readsLines(full),
    scheduler.trimEnd(),
    '',
  ];
}

function readsLines({ reads, subscriptions }: FullStackResult): string[] {
  return [
    `Reads: the first page (limit=${BENCH.readPageSize}) of each subscription list, for one customer with ${count(BENCH.readCustomerSubscriptions)}+ subscriptions,`,
    `${count(subscriptions)} subscriptions in the database, ${BENCH.readConnections} connections, ${BENCH.readSeconds} s after a ${BENCH.warmupSeconds} s warm-up.`,
    ...reads.map((read) => `  ${formatReadLine(read)}`.trimEnd()),
    `CPU/read is the server's; database, its backends' (PostgreSQL); machine, every process's and the kernel's (the load's client included).`,
    '',
  ];
}

function ratio(value: number, target: number): string {
  return `${value.toFixed(2)}  (target ≥ ${target.toFixed(1)}: ${value >= target ? 'met' : 'NOT met'})`;
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

/** The row with the database's CPU per order before its last two cells (orders, others). */
function withDatabaseCpu(row: string[], result: Measurement): string[] {
  return [...row.slice(0, -2), ms(result.databaseCpuMs ?? Number.NaN, 2), ...row.slice(-2)];
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
