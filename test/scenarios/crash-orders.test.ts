import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialectName, Store } from '../../src/store/db.js';
import { newCustomerBody } from '../helpers/customers.js';
import {
  call,
  post,
  startServerProcess,
  stopProcess,
  type Answer,
} from '../helpers/server-processes.js';
import { DIALECTS, openTestStore } from '../helpers/stores.js';

const TOKEN = randomBytes(32).toString('hex');
const CUSTOMERS = 10;
const CLIENTS = 8;
/** Orders acknowledged before the server is killed; more are in flight when it is. */
const ACKNOWLEDGED_BEFORE_KILL = 60;
const LINES = [
  { offerId: 'mail-basic', quantity: 5 },
  { offerId: 'office-apps-business', quantity: 3 },
];

// The server is killed (SIGKILL) while it takes orders; the clients then retry every order they
// sent with its Idempotency-Key on a new server, as a client must after a lost answer. Each order
// acknowledged before the kill is found exactly once with the same id, and every order in the
// database is whole: its subscriptions, line items, charges and events, or nothing.
describe.each(DIALECTS)('a server killed under the order load on %s', (dialect: DialectName) => {
  const processes: ChildProcess[] = [];
  let store: Store;
  let databaseUrl: string;

  beforeAll(async () => {
    store = await openTestStore(dialect, undefined, { ownDatabase: true });
    const { target } = store;
    // The servers open their own connections; this one only reads at the end.
    databaseUrl = target.dialect === 'sqlite' ? `sqlite:${target.path}` : target.connectionString;
  });
  afterAll(async () => {
    await Promise.all(processes.map((child) => stopProcess(child, 'SIGKILL')));
    await store.close();
  });

  it(
    'keeps every acknowledged order exactly once, and none partial',
    { timeout: 180_000 },
    async () => {
      const env = { DATABASE_URL: databaseUrl, PSC_BOOTSTRAP_TOKEN: TOKEN, LOG_LEVEL: 'warn' };
      const first = await startServerProcess({ ...env, LOG_LEVEL: 'info' }, processes);
      const customers: string[] = [];
      for (let i = 0; i < CUSTOMERS; i += 1) {
        const created = await call(first.url, TOKEN, '/v1/customers', post(newCustomerBody()));
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        customers.push(String(created.body.id));
      }
      const orderOf = (n: number) => ({
        path: `/v1/customers/${customers[n % CUSTOMERS]}/orders`,
        key: `crash-${n}`,
      });
      const send = (url: string, n: number) => {
        const { path, key } = orderOf(n);
        return call(
          url,
          TOKEN,
          path,
          post({ billingCycle: 'monthly', lineItems: LINES }, { 'idempotency-key': key }),
        );
      };

      const sent: number[] = [];
      const acknowledged = new Map<number, string>();
      let next = 0;
      const load = { killed: false };
      const kill = () => {
        if (load.killed) return;
        load.killed = true;
        first.child.kill('SIGKILL');
      };
      const client = async () => {
        while (!load.killed) {
          const n = next++;
          sent.push(n);
          const answer = await send(first.url, n).catch(() => undefined);
          if (answer?.status === 201) acknowledged.set(n, String(answer.body.id));
          else if (answer !== undefined) throw new Error(`order ${n}: ${JSON.stringify(answer)}`);
          if (acknowledged.size >= ACKNOWLEDGED_BEFORE_KILL) kill();
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, client));
      expect(acknowledged.size).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);

      const second = await startServerProcess({ ...env, LOG_LEVEL: 'info' }, processes);
      const retried: Answer[] = [];
      for (const n of sent) retried[n] = await send(second.url, n);
      for (const n of sent) {
        expect(retried[n]?.status, JSON.stringify(retried[n]?.body)).toBe(201);
        const known = acknowledged.get(n);
        if (known !== undefined) expect(retried[n]?.body.id).toBe(known);
      }
      await stopProcess(second.child);

      const orderIds = sent.map((n) => String(retried[n]?.body.id));
      expect(new Set(orderIds).size).toBe(sent.length);
      const orders = await store.db
        .selectFrom('orders')
        .select('id')
        .where('customer_id', 'in', customers)
        .execute();
      expect(orders.map((o) => o.id).sort()).toEqual([...orderIds].sort());
      for (const id of orderIds) expect(await rowsOf(store, id)).toEqual(WHOLE_ORDER);
    },
  );
});

const WHOLE_ORDER = { subscriptions: 2, lineItems: 2, charges: 2, orderCreated: 1 };

/** How many rows of each kind an order left: its subscriptions, line items, charges and event. */
async function rowsOf(store: Store, orderId: string) {
  const { db } = store;
  const subscriptions = await db
    .selectFrom('subscriptions')
    .select('id')
    .where('order_id', '=', orderId)
    .execute();
  const [lineItems, charges, orderCreated] = await Promise.all([
    db.selectFrom('order_line_items').select('order_id').where('order_id', '=', orderId).execute(),
    db
      .selectFrom('charges')
      .select('id')
      .where(
        'subscription_id',
        'in',
        subscriptions.map((s) => s.id),
      )
      .execute(),
    db
      .selectFrom('events')
      .select('id')
      .where('order_id', '=', orderId)
      .where('type', '=', 'order.created')
      .execute(),
  ]);
  return {
    subscriptions: subscriptions.length,
    lineItems: lineItems.length,
    charges: charges.length,
    orderCreated: orderCreated.length,
  };
}
