import { PARTNER_SUBSCRIPTION_SORTS } from '../src/store/partner-subscriptions.js';
import { BENCH } from './config.js';
import type { ApiTarget } from './load.js';
import { warmThenMeasure, type CpuMeter, type Measurement } from './measure.js';
import type { ServerProcess } from './processes.js';

/** One list the read load asks for again and again: a label and its first page's path. */
export interface ReadRoute {
  label: string;
  path: string;
}

export interface ReadMeasurement extends Measurement {
  label: string;
  path: string;
}

/**
 * The first page of each subscription list the issue names: the customer's own list, the
 * partner-wide list in its default order, and the partner-wide list filtered to the customer.
 * With `sorts`, also the partner-wide list in every other order, ascending and descending.
 */
export function readRoutes(customerId: string, options: { sorts?: boolean } = {}): ReadRoute[] {
  const limit = `limit=${BENCH.readPageSize}`;
  const routes = [
    { label: 'customer list', path: `/v1/customers/${customerId}/subscriptions?${limit}` },
    { label: 'partner-wide', path: `/v1/subscriptions?${limit}` },
    {
      label: 'partner-wide, customerId',
      path: `/v1/subscriptions?${limit}&customerId=${customerId}`,
    },
  ];
  if (!options.sorts) return routes;
  return [
    ...routes,
    ...OTHER_SORTS.flatMap((sort) =>
      [sort, `-${sort}`].map((order) => ({
        label: `partner-wide, sort=${order}`,
        path: `/v1/subscriptions?${limit}&sort=${order}`,
      })),
    ),
  ];
}

const OTHER_SORTS = PARTNER_SUBSCRIPTION_SORTS.filter((sort) => sort !== 'customerName');

/**
 * Each route in turn under the read load (10 connections), with a warm-up before each; `database`
 * counts the CPU of the database's backends (PostgreSQL) beside the server's.
 */
export async function benchReads(
  server: ServerProcess,
  target: ApiTarget,
  routes: readonly ReadRoute[],
  options: { database?: CpuMeter; onEach?: (result: ReadMeasurement) => void } = {},
): Promise<ReadMeasurement[]> {
  const results: ReadMeasurement[] = [];
  for (const route of routes) {
    const measured = await warmThenMeasure(
      server,
      target,
      {
        method: 'GET',
        path: () => route.path,
        expectedStatus: 200,
        connections: BENCH.readConnections,
        seconds: BENCH.readSeconds,
      },
      options.database,
    ).catch((error: unknown) => failed(error));
    const result = { ...measured, ...route };
    options.onEach?.(result);
    results.push(result);
  }
  return results;
}

/** A list too slow to answer within the run (or failing) shows as such, not as a crash. */
function failed(error: unknown): Measurement {
  return {
    succeeded: 0,
    rate: 0,
    p50: Number.NaN,
    p99: Number.NaN,
    otherStatuses: { [String(error)]: 1 },
    errors: 0,
    seconds: BENCH.readSeconds,
    serverCpuMs: Number.NaN,
    machineCpuMs: Number.NaN,
  };
}

/**
 * One line per route: p50, p99, reads/s, and the CPU per read of the server, of the database's
 * backends (when counted) and of the whole machine.
 */
export function formatReadLine(result: ReadMeasurement): string {
  const others = Object.keys(result.otherStatuses).length + result.errors;
  return [
    result.label.padEnd(36),
    `p50 ${result.p50.toFixed(1).padStart(6)} ms`,
    `p99 ${result.p99.toFixed(1).padStart(6)} ms`,
    `${result.rate.toFixed(0).padStart(5)} reads/s`,
    `${result.serverCpuMs.toFixed(2)} ms CPU/read`,
    result.databaseCpuMs === undefined ? '' : `database ${result.databaseCpuMs.toFixed(2)} ms`,
    `machine ${result.machineCpuMs.toFixed(2)} ms`,
    others > 0
      ? `other answers ${JSON.stringify(result.otherStatuses)}, ${result.errors} errors`
      : '',
  ].join('  ');
}
