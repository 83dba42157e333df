import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { newCustomerBody } from '../helpers/customers.js';
import { adminQuery } from '../helpers/pg-admin.js';
import {
  call as callAs,
  patch,
  post,
  spawnNode,
  startServerProcess as startNode,
  stopProcess as stop,
  type Answer,
  type ServerProcess as NodeProcess,
} from '../helpers/server-processes.js';

// Two server processes and a worker on one database. SQLite is one file that a single process
// writes (its nodes would be one machine's processes queueing on one lock, not nodes), so this
// runs on PostgreSQL only; every store and API test covers SQLite on its own.

const TOKEN = randomBytes(32).toString('hex');
const LIMITED_OFFER = 'security-compliance-center';

describe('two nodes and a psc worker on one PostgreSQL database', () => {
  const adminUrl = inject('pgUrl');
  const name = `psc_test_${randomBytes(5).toString('hex')}`;
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const processes: ChildProcess[] = [];
  const nodes: NodeProcess[] = [];
  const database = new pg.Client({ connectionString: databaseUrl });

  beforeAll(async () => {
    await adminQuery(adminUrl, `create database ${name}`);
    const env = { DATABASE_URL: databaseUrl, PSC_BOOTSTRAP_TOKEN: TOKEN };
    // One after the other: the first start migrates and loads the demo data.
    for (let i = 0; i < 2; i += 1) {
      nodes.push(await startNode({ ...env, PSC_SCHEDULER: 'off' }, processes));
    }
    const worker = spawnNode(['bin/psc.js', 'worker', '--interval-ms', '200'], env, processes);
    await worker.printed(/worker started/);
    await database.connect();
  });

  afterAll(async () => {
    await database.end().catch(() => undefined);
    await Promise.all(processes.map((child) => stop(child)));
    await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  });

  it('holds a one-per-customer limit when orders race through both nodes', async () => {
    const customer = await newCustomer();
    const order = { billingCycle: 'monthly', lineItems: [{ offerId: LIMITED_OFFER, quantity: 1 }] };
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        onNode(i, `/v1/customers/${customer}/orders`, post(order)),
      ),
    );
    expect(
      answers.filter((a) => a.status === 201),
      JSON.stringify(answers),
    ).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 201)) {
      expect(refused.status, JSON.stringify(refused.body)).toBe(409);
      expect(refused.body.errors).toEqual([expect.objectContaining({ code: 'limit_reached' })]);
    }
    const held = await database.query(
      'select count(*)::int as n from subscriptions where customer_id = $1 and offer_id = $2',
      [customer, LIMITED_OFFER],
    );
    expect(held.rows[0]).toEqual({ n: 1 });
  });

  it('lets exactly one of two PATCHes with the same If-Match win across the nodes', async () => {
    const customer = await newCustomer();
    const subscription = await orderMail(customer);
    const url = `/v1/customers/${customer}/subscriptions/${subscription}`;
    for (let round = 0; round < 5; round += 1) {
      const current = await onNode(round, url, {});
      const etag = String(current.body.etag);
      const quantities = [10 + round * 2, 11 + round * 2];
      const answers = await Promise.all(
        quantities.map((quantity, i) => onNode(i, url, patch({ quantity }, { 'if-match': etag }))),
      );
      const won = answers.filter((a) => a.status === 200);
      const lost = answers.filter((a) => a.status !== 200);
      expect(won, JSON.stringify(answers)).toHaveLength(1);
      expect(lost.map((a) => [a.status, a.body.code])).toEqual([[412, 'etag_mismatch']]);
      const after = await onNode(round + 1, url, {});
      expect(after.body.quantity).toBe(won[0]?.body.quantity);
      expect(after.body.etag).toBe(won[0]?.body.etag);
    }
  });

  it('creates one order for one Idempotency-Key sent to both nodes at once', async () => {
    const customer = await newCustomer();
    const key = `two-nodes-${randomBytes(8).toString('hex')}`;
    const order = { billingCycle: 'monthly', lineItems: [{ offerId: 'mail-basic', quantity: 3 }] };
    const answers = await Promise.all(
      [0, 1].map((i) =>
        onNode(i, `/v1/customers/${customer}/orders`, post(order, { 'idempotency-key': key })),
      ),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created.length, JSON.stringify(answers)).toBeGreaterThanOrEqual(1);
    // Both answered with the order (one of them replayed), or the later one was refused while
    // the first still ran.
    for (const other of answers.filter((a) => a.status !== 201)) {
      expect([other.status, other.body.code]).toEqual([409, 'idempotency_key_in_use']);
    }
    expect(new Set(created.map((a) => JSON.stringify(a.body))).size).toBe(1);
    const orders = await database.query(
      'select count(*)::int as n from orders where customer_id = $1',
      [customer],
    );
    expect(orders.rows[0]).toEqual({ n: 1 });
    // A retry after both gets the same order, replayed, from either node.
    const retry = await onNode(
      1,
      `/v1/customers/${customer}/orders`,
      post(order, { 'idempotency-key': key }),
    );
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(retry.body).toEqual(created[0]?.body);
  });

  it('leaves due work to the worker while both nodes serve', async () => {
    const customer = await newCustomer();
    const subscription = await orderMail(customer);
    const url = `/v1/customers/${customer}/subscriptions/${subscription}`;
    const suspended = await onNode(
      0,
      url,
      patch({ status: 'suspended', suspensionReason: 'nonpayment' }),
    );
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    // Its retention ended a minute ago: due now, for the worker (the nodes run no scheduler).
    await database.query(
      "update subscriptions set expires_at = now() - interval '1 minute' where id = $1",
      [subscription],
    );
    const others = await newCustomer();
    let status = 'suspended';
    // The worker looks every 200 ms; meanwhile both nodes take orders.
    for (let i = 0; status !== 'deleted' && i < 200; i += 1) {
      const order = await onNode(
        i,
        `/v1/customers/${others}/orders`,
        post({ billingCycle: 'monthly', lineItems: [{ offerId: 'mail-basic', quantity: 1 }] }),
      );
      expect(order.status, JSON.stringify(order.body)).toBe(201);
      status = String((await onNode(i + 1, url, {})).body.status);
      await sleep(50);
    }
    expect(status).toBe('deleted');
    const events = await database.query(
      "select count(*)::int as n from events where subscription_id = $1 and type = 'subscription.deprovisioned'",
      [subscription],
    );
    expect(events.rows[0]).toEqual({ n: 1 });
  }, 60_000);

  /** The request through node `i % 2`. */
  function onNode(i: number, path: string, init: RequestInit): Promise<Answer> {
    const node = nodes[i % nodes.length];
    if (!node) throw new Error('the nodes are not running');
    return call(node.url, path, init);
  }

  async function newCustomer(): Promise<string> {
    const created = await onNode(0, '/v1/customers', post(newCustomerBody()));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return String(created.body.id);
  }

  async function orderMail(customer: string): Promise<string> {
    const order = { billingCycle: 'monthly', lineItems: [{ offerId: 'mail-basic', quantity: 5 }] };
    const placed = await onNode(1, `/v1/customers/${customer}/orders`, post(order));
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const [line] = placed.body.lineItems as { subscriptionId: string }[];
    return String(line?.subscriptionId);
  }
});

const call = (base: string, path: string, init: RequestInit) => callAs(base, TOKEN, path, init);
