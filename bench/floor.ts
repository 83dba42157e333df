import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cleanup } from './cleanup.js';
import { BENCH } from './config.js';
import { CustomerCycle } from './customers.js';
import { prepareFloorDatabase } from './floor-database.js';
import type { Synchronous } from './floor-store.js';
import { measureOrders, type CpuMeter, type Measurement } from './measure.js';
import { backendsCpu, createScratchDatabase } from './postgres.js';
import { progress } from './progress.js';
import { startServer } from './processes.js';

const FLOOR_SERVER = fileURLToPath(new URL('floor-server.ts', import.meta.url));
const FLOOR_PG_SERVER = fileURLToPath(new URL('floor-pg-server.ts', import.meta.url));

/** The order load against the SQLite floor server on a fresh file in `workdir`. */
export async function benchFloor(synchronous: Synchronous, workdir: string): Promise<Measurement> {
  const path = join(workdir, `floor-${synchronous.toLowerCase()}.sqlite`);
  return floorOrders(
    `floor (SQLite, synchronous=${synchronous})`,
    () => prepareFloorDatabase({ dialect: 'sqlite', path }, BENCH.customers),
    [FLOOR_SERVER],
    { FLOOR_DATABASE: path, FLOOR_SYNCHRONOUS: synchronous },
  );
}

/**
 * The order load against the PostgreSQL floor server on a scratch database of `serverUrl`'s
 * server, dropped by `cleanup` (durable: the server's own synchronous_commit).
 */
export async function benchPgFloor(serverUrl: string, cleanup: Cleanup): Promise<Measurement> {
  const scratch = await createScratchDatabase(serverUrl);
  cleanup.defer('drop the PostgreSQL floor database', () => scratch.drop());
  return floorOrders(
    'floor (PostgreSQL)',
    () =>
      prepareFloorDatabase({ dialect: 'postgres', connectionString: scratch.url }, BENCH.customers),
    [FLOOR_PG_SERVER],
    { FLOOR_DATABASE_URL: scratch.url },
    backendsCpu(scratch.url),
  );
}

async function floorOrders(
  label: string,
  prepare: () => Promise<string[]>,
  script: readonly string[],
  env: Record<string, string>,
  database?: CpuMeter,
): Promise<Measurement> {
  const customerIds = await progress(
    `${label}: migrating and seeding ${BENCH.customers} customers`,
    prepare,
  );
  const server = await startServer(`the ${label} server`, ['--import', 'tsx', ...script], env);
  try {
    return await progress(`${label}: orders`, () =>
      measureOrders(server, { url: server.url }, new CustomerCycle(customerIds), database),
    );
  } finally {
    await server.stop();
  }
}
