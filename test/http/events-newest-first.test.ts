import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { orderLine, seedCustomer } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';

const DAY = 24 * 60 * 60 * 1000;

interface EventItem {
  id: string;
  type: string;
  data: Record<string, unknown>;
}
interface EventPage {
  items: EventItem[];
  nextCursor: string | null;
}

describe.each(DIALECTS)('histories newest first on %s', (dialect) => {
  let t: TestApp;
  const clock = new TestClock('2026-03-01T00:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(() => t.close());

  /** A subscription with three changes after its creation, a day apart. */
  async function changedSubscription() {
    const seeded = await seedCustomer(t);
    const { api, base } = seeded;
    const id = await orderLine(api, base, { offerId: 'mail-basic', quantity: 10 });
    clock.advance(DAY);
    await api.patch(`${base}/subscriptions/${id}`, { quantity: 12 });
    clock.advance(DAY);
    await api.patch(`${base}/subscriptions/${id}`, { autoRenewEnabled: false });
    clock.advance(DAY);
    await api.patch(`${base}/subscriptions/${id}`, {
      status: 'suspended',
      suspensionReason: 'other',
    });
    return { ...seeded, id };
  }

  /** Every item, following nextCursor page by page. */
  async function everyPage(get: (cursor: string | null) => Promise<EventPage>) {
    const seen: EventItem[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(cursor);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  it("lists a subscription's history newest first, paged, with what changed", async () => {
    const { api, base, id } = await changedSubscription();
    const url = `${base}/subscriptions/${id}/events`;
    const oldest = (await api.get(url)).json<EventPage>().items;
    const newest = await api.get(`${url}?order=newest`);
    expect(newest.statusCode, newest.body).toBe(200);
    const items = newest.json<EventPage>().items;
    const lifecycle = items.filter((e) => e.type.startsWith('subscription.'));
    expect(lifecycle.map((e) => e.type)).toEqual([
      'subscription.suspended',
      'subscription.updated',
      'subscription.quantity_changed',
      'subscription.created',
    ]);
    expect(items.map((e) => e.id)).toEqual(oldest.map((e) => e.id).reverse());
    expect(lifecycle[2]!.data).toEqual({ from: 10, to: 12 });

    const paged = await everyPage(async (cursor) =>
      (await api.get(`${url}?order=newest&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json(),
    );
    expect(paged.map((e) => e.id)).toEqual(items.map((e) => e.id));
  });

  it('lists the audit log newest first, filtered and paged; oldest first stays the default', async () => {
    const { api, customer } = await changedSubscription();
    const url = `/v1/events?customerId=${customer.id}`;
    const oldest = (await api.get(url)).json<EventPage>().items;
    expect(oldest[0]!.type).toBe('customer.created');
    const explicit = (await api.get(`${url}&order=oldest`)).json<EventPage>().items;
    expect(explicit.map((e) => e.id)).toEqual(oldest.map((e) => e.id));
    const newest = (await api.get(`${url}&order=newest`)).json<EventPage>().items;
    expect(newest.map((e) => e.id)).toEqual(oldest.map((e) => e.id).reverse());
    const paged = await everyPage(async (cursor) =>
      (await api.get(`${url}&order=newest&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json(),
    );
    expect(paged.map((e) => e.id)).toEqual(newest.map((e) => e.id));
    const typed = (
      await api.get(`${url}&order=newest&type=subscription.quantity_changed`)
    ).json<EventPage>();
    expect(typed.items.map((e) => e.data)).toEqual([{ from: 10, to: 12 }]);
  });

  it('refuses an unknown order and a forged cursor with a 400 problem', async () => {
    const { api, base, id } = await changedSubscription();
    for (const url of [
      `/v1/events?order=sideways`,
      `${base}/subscriptions/${id}/events?order=NEWEST`,
      `/v1/events?order=newest&cursor=bm9wZQ`,
      `${base}/subscriptions/${id}/events?order=newest&cursor=%00`,
    ]) {
      const response = await api.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});
