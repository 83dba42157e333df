import { fileURLToPath } from 'node:url';
import { BENCH } from './config.js';
import type { CustomerCycle } from './customers.js';
import { runLoadOnEach } from './load.js';
import { orderLoad, type Measurement } from './measure.js';
import { backendsCpu } from './postgres.js';
import {
  machineCpuSeconds,
  startBackground,
  startServer,
  type BenchProcess,
  type ServerProcess,
} from './processes.js';

export interface TwoNodesResult extends Measurement {
  /** CPU time of the `psc worker` process per order, in milliseconds (serverCpuMs is both nodes'). */
  workerCpuMs: number;
}

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const PSC = fileURLToPath(new URL('../dist/cli/psc.js', import.meta.url));

/**
 * Two built servers on one PostgreSQL database with `PSC_SCHEDULER=off` and one `psc worker`
 * beside them, as docs/operations.md runs many nodes. The order load is split between the nodes:
 * one autocannon per node with half the connections, at the same time, their answers summed.
 */
export async function benchTwoNodes(
  databaseUrl: string,
  token: string,
  customers: CustomerCycle,
): Promise<TwoNodesResult> {
  const env = { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', PSC_BOOTSTRAP_TOKEN: token };
  const started: BenchProcess[] = [];
  try {
    const nodes: ServerProcess[] = [];
    for (const name of ['node 1', 'node 2']) {
      const node = await startServer(name, [MAIN], { ...env, PSC_SCHEDULER: 'off' });
      started.push(node);
      nodes.push(node);
    }
    const worker = await startBackground('psc worker', [PSC, 'worker'], env);
    started.push(worker);
    const targets = nodes.map((node) => ({ url: node.url, token }));
    const spec = orderLoad(customers, BENCH.orderConnections / nodes.length);
    await runLoadOnEach(targets, { ...spec, seconds: BENCH.freshNodeWarmupSeconds });
    const nodesCpu = () => nodes.reduce((sum, node) => sum + node.cpuSeconds(), 0);
    const databaseSince = await backendsCpu(databaseUrl)();
    const [nodesBefore, workerBefore, machineBefore] = [
      nodesCpu(),
      worker.cpuSeconds(),
      machineCpuSeconds(),
    ];
    const result = await runLoadOnEach(targets, spec);
    const [nodesAfter, workerAfter, machineAfter] = [
      nodesCpu(),
      worker.cpuSeconds(),
      machineCpuSeconds(),
    ];
    const databaseSeconds = await databaseSince();
    const perOrder = (seconds: number) => (seconds * 1000) / result.succeeded;
    if (result.succeeded === 0) {
      throw new Error(`two nodes answered no 201 at all: ${JSON.stringify(result.otherStatuses)}`);
    }
    return {
      ...result,
      serverCpuMs: perOrder(nodesAfter - nodesBefore),
      workerCpuMs: perOrder(workerAfter - workerBefore),
      databaseCpuMs: perOrder(databaseSeconds),
      machineCpuMs: perOrder(machineAfter - machineBefore),
    };
  } finally {
    await Promise.all(started.map((process) => process.stop()));
  }
}
