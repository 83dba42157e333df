/**
 * The PostgreSQL floor server: bare Fastify and bare `pg` (floor-pg-store.ts), the same HTTP side
 * as the SQLite floor. Run by bench/floor.ts as `node --import tsx bench/floor-pg-server.ts` with
 * FLOOR_DATABASE_URL (a scratch database migrated and seeded by floor-database.ts), PORT and HOST.
 */
import { serveFloor } from './floor-app.js';
import { readFloorCatalog } from './floor-offers.js';
import { FloorPgStore } from './floor-pg-store.js';

const url = process.env.FLOOR_DATABASE_URL;
if (url === undefined) {
  process.stderr.write('floor-pg-server: set FLOOR_DATABASE_URL\n');
  process.exit(2);
}
const store = new FloorPgStore(url, readFloorCatalog());
await serveFloor(
  (customerId, request) => store.placeOrder(customerId, request),
  () => store.close(),
);
