import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '../src/store/database-url.js';
import { openStore } from '../src/store/db.js';
import { BENCH } from './config.js';
import { CustomerCycle } from './customers.js';
import { measureOrders, type Measurement } from './measure.js';
import { benchTwoNodes, type TwoNodesResult } from './nodes.js';
import { backendsCpu } from './postgres.js';
import { progress } from './progress.js';
import { benchReads, readRoutes, type ReadMeasurement } from './reads.js';
import { startServer } from './processes.js';
import { seedCustomersThroughApi } from './seed-customers.js';
import { seedSubscriptions } from './seed-subscriptions.js';

export interface FullStackDatabase {
  label: 'SQLite' | 'PostgreSQL';
  /** DATABASE_URL for the server. */
  url: string;
  target: DatabaseTarget;
}

export interface FullStackResult {
  orders: Measurement;
  /** PostgreSQL only: two nodes and a `psc worker` on the same database, the same order load. */
  twoNodes?: TwoNodesResult;
  /** Each subscription list's first page under the read load (reads.ts). */
  reads: ReadMeasurement[];
  /** Subscriptions in the database while reads were measured. */
  subscriptions: number;
}

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/**
 * The built server (`node dist/main.js`) on an empty database: customers through the API, the
 * order load, then subscriptions topped up directly in the database and the read load. On
 * PostgreSQL the order load runs again on two nodes (nodes.ts) before the top-up, for customers
 * of their own, so that every order of both runs is its customer's first.
 */
export async function benchFullStack(database: FullStackDatabase): Promise<FullStackResult> {
  const token = randomBytes(32).toString('hex');
  const server = await startServer('the built server', [MAIN], {
    DATABASE_URL: database.url,
    LOG_LEVEL: 'warn',
    PSC_BOOTSTRAP_TOKEN: token,
  });
  try {
    const target = { url: server.url, token };
    const onNodes = database.label === 'PostgreSQL';
    const seeded = BENCH.customers * (onNodes ? 2 : 1);
    const customerIds = await progress(
      `full stack (${database.label}): seeding ${seeded} customers through the API`,
      () => seedCustomersThroughApi(target, seeded, BENCH.seedConcurrency),
    );
    const orders = await progress(`full stack (${database.label}): orders`, () =>
      measureOrders(
        server,
        target,
        new CustomerCycle(customerIds.slice(0, BENCH.customers)),
        onNodes ? backendsCpu(database.url) : undefined,
      ),
    );
    const twoNodes = onNodes
      ? await progress(`full stack (${database.label}): orders on two nodes`, () =>
          benchTwoNodes(database.url, token, new CustomerCycle(customerIds.slice(BENCH.customers))),
        )
      : undefined;
    const readCustomerId = customerIds[0] as string;
    const subscriptions = await progress(
      `full stack (${database.label}): topping subscriptions up to ${BENCH.subscriptionsForReads}`,
      async () => {
        const store = openStore(database.target);
        try {
          return await seedSubscriptions(store, {
            customerIds,
            readCustomerId,
            readCustomerCount: BENCH.readCustomerSubscriptions,
            total: BENCH.subscriptionsForReads,
          });
        } finally {
          await store.close();
        }
      },
    );
    const reads = await progress(`full stack (${database.label}): subscription list reads`, () =>
      benchReads(server, target, readRoutes(readCustomerId), {
        ...(onNodes && { database: backendsCpu(database.url) }),
      }),
    );
    return { orders, ...(twoNodes === undefined ? {} : { twoNodes }), reads, subscriptions };
  } finally {
    await server.stop();
  }
}
