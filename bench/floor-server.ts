/**
 * The SQLite floor server: bare Fastify and bare better-sqlite3, no Kysely, no auth, no validation
 * beyond JSON parsing. It answers `POST /v1/customers/:customerId/orders` by writing the rows the
 * real service writes, so the bench can tell what the full stack costs on top of the writes.
 *
 * Run by bench/floor.ts as `node --import tsx bench/floor-server.ts` with FLOOR_DATABASE (a file
 * migrated and seeded by floor-database.ts), FLOOR_SYNCHRONOUS (FULL or NORMAL), PORT and HOST.
 */
import { serveFloor } from './floor-app.js';
import { readFloorCatalog } from './floor-offers.js';
import { FloorStore, type Synchronous } from './floor-store.js';

const path = process.env.FLOOR_DATABASE;
const synchronous = process.env.FLOOR_SYNCHRONOUS;
if (path === undefined || (synchronous !== 'FULL' && synchronous !== 'NORMAL')) {
  process.stderr.write('floor-server: set FLOOR_DATABASE and FLOOR_SYNCHRONOUS=FULL|NORMAL\n');
  process.exit(2);
}
const store = new FloorStore(path, synchronous satisfies Synchronous, readFloorCatalog());
await serveFloor(
  (customerId, request) => store.placeOrder(customerId, request),
  () => store.close(),
);
