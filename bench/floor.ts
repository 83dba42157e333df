import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH } from './config.js';
import { CustomerCycle } from './customers.js';
import { prepareFloorDatabase } from './floor-database.js';
import type { Synchronous } from './floor-store.js';

import { measureOrders, type Measurement } from './measure.js';
import { progress } from './progress.js';
import { startServer } from './processes.js';

const FLOOR_SERVER = fileURLToPath(new URL('floor-server.ts', import.meta.url));

/** The order load against the floor server on a fresh SQLite file in `workdir`. */
export async function benchFloor(synchronous: Synchronous, workdir: string): Promise<Measurement> {
  const path = join(workdir, `floor-${synchronous.toLowerCase()}.sqlite`);
  const customerIds = await progress(
    `floor (synchronous=${synchronous}): migrating and seeding ${BENCH.customers} customers`,
    () => prepareFloorDatabase(path, BENCH.customers),
  );
  const server = await startServer('the floor server', ['--import', 'tsx', FLOOR_SERVER], {
    FLOOR_DATABASE: path,
    FLOOR_SYNCHRONOUS: synchronous,
  });
  try {
    return await progress(`floor (synchronous=${synchronous}): orders`, () =>
      measureOrders(server, { url: server.url }, new CustomerCycle(customerIds)),
    );
  } finally {
    await server.stop();
  }
}
