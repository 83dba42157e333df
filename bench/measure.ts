import { BENCH, ORDER_BODY } from './config.js';
import type { CustomerCycle } from './customers.js';
import { runLoad, type ApiTarget, type LoadResult, type LoadSpec } from './load.js';
import { machineCpuSeconds, type ServerProcess } from './processes.js';

export interface Measurement extends LoadResult {
  /** CPU time the server process used per successful answer, in milliseconds. */
  serverCpuMs: number;
  /** On PostgreSQL, when measured: CPU time of the database's backends per answer, in ms. */
  databaseCpuMs?: number;
  /**
   * CPU time of the whole machine per answer, in ms: the server, the database, the load's client
   * (autocannon, in the bench's process) and the kernel. On a machine of two cores, more answers
   * per second than 2,000 / this figure cannot be had however the work is spread.
   */
  machineCpuMs: number;
}

/**
 * Starts counting the CPU time of something beside the server process (a database's backends);
 * the function it gives back tells the seconds used since.
 */
export type CpuMeter = () => Promise<() => Promise<number>>;

/**
 * The order load: `POST /v1/customers/{id}/orders` with two line items, each request for the next
 * customer of the cycle. A warm-up run at the same load comes first and is not counted.
 */
export function measureOrders(
  server: ServerProcess,
  target: ApiTarget,
  customers: CustomerCycle,
  database?: CpuMeter,
): Promise<Measurement> {
  return warmThenMeasure(server, target, orderLoad(customers, BENCH.orderConnections), database);
}

/** The order load's spec, with `connections` connections. */
export function orderLoad(customers: CustomerCycle, connections: number): LoadSpec {
  return {
    method: 'POST',
    path: () => `/v1/customers/${customers.next()}/orders`,
    body: ORDER_BODY,
    expectedStatus: 201,
    connections,
    seconds: BENCH.orderSeconds,
  };
}

/** The read load: one customer's first page of subscriptions, again and again. */
export function measureReads(
  server: ServerProcess,
  target: ApiTarget,
  customerId: string,
): Promise<Measurement> {
  const path = `/v1/customers/${customerId}/subscriptions?limit=${BENCH.readPageSize}`;
  return warmThenMeasure(server, target, {
    method: 'GET',
    path: () => path,
    expectedStatus: 200,
    connections: BENCH.readConnections,
    seconds: BENCH.readSeconds,
  });
}

/** A warm-up run of `spec` (not counted), then the measured run with the server's CPU per answer. */
export async function warmThenMeasure(
  server: ServerProcess,
  target: ApiTarget,
  spec: LoadSpec,
  database?: CpuMeter,
): Promise<Measurement> {
  await runLoad(target, { ...spec, seconds: BENCH.warmupSeconds });
  const databaseSince = await database?.();
  const cpuBefore = server.cpuSeconds();
  const machineBefore = machineCpuSeconds();
  const result = await runLoad(target, spec);
  const cpuSeconds = server.cpuSeconds() - cpuBefore;
  const machineSeconds = machineCpuSeconds() - machineBefore;
  const databaseSeconds = await databaseSince?.();
  if (result.succeeded === 0) {
    throw new Error(
      `${spec.method} answered no ${spec.expectedStatus} at all: ${JSON.stringify(result.otherStatuses)}, ${result.errors} connection errors`,
    );
  }
  const perAnswer = (seconds: number) => (seconds * 1000) / result.succeeded;
  return {
    ...result,
    serverCpuMs: perAnswer(cpuSeconds),
    machineCpuMs: perAnswer(machineSeconds),
    ...(databaseSeconds === undefined ? {} : { databaseCpuMs: perAnswer(databaseSeconds) }),
  };
}
