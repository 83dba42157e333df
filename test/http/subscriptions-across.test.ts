import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { newCustomerBody } from '../helpers/customers.js';
import { orderLine } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';

interface Item {
  id: string;
  customerId: string;
  customerName: string;
  offerId: string;
  offerName: string;
  friendlyName: string;
  status: string;
  quantity: number;
  autoRenewEnabled: boolean;
  isTrial: boolean;
  trialEndDate: string | null;
  commitmentEndDate: string;
  expiresAt: string | null;
  creationDate: string;
  actions: string[];
  etag: string;
}

type Api = ReturnType<typeof client>;

const SORTS = [
  'customerName',
  'offerName',
  'commitmentEndDate',
  'trialEndDate',
  'expiresAt',
  'creationDate',
  'quantity',
] as const;

const keyOf: Record<(typeof SORTS)[number], (item: Item) => string | number | null> = {
  customerName: (item) => item.customerName.toLowerCase(),
  offerName: (item) => item.offerName,
  commitmentEndDate: (item) => item.commitmentEndDate,
  trialEndDate: (item) => item.trialEndDate,
  expiresAt: (item) => item.expiresAt,
  creationDate: (item) => item.creationDate,
  quantity: (item) => item.quantity,
};

/** The contract's order: by the key (nulls last in both directions), ties by id. */
function expectedOrder(items: Item[], sort: (typeof SORTS)[number], descending: boolean): string[] {
  const sign = descending ? -1 : 1;
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...items]
    .sort((a, b) => {
      const [ka, kb] = [keyOf[sort](a), keyOf[sort](b)];
      if (ka === null || kb === null) {
        if (ka !== kb) return ka === null ? 1 : -1;
      } else if (ka !== kb) {
        return sign * compare(ka, kb);
      }
      return sign * compare(a.id, b.id);
    })
    .map((item) => item.id);
}

async function everyPage(api: Api, query: string, limit: number): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages += 1) {
    const url: string = `/v1/subscriptions?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await api.get(url);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<{ items: Item[]; nextCursor: string | null }>();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === null) return items;
  }
  throw new Error('more pages than a test makes');
}

const ids = (items: Item[]) => items.map((item) => item.id);

describe.each(DIALECTS)('subscriptions across customers on %s', (dialect) => {
  let t: TestApp;
  let api: Api;
  let all: Item[];
  const made: Record<string, string> = {};
  const customers: Record<string, string> = {};
  let otherCustomerId: string;
  const clock = new TestClock('2026-03-01T00:00:00.000Z');

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    const { token } = await t.newPartner();
    api = client(t.app, token);
    const create = async (name: string, body: Record<string, unknown> = {}) => {
      const response = await api.post(
        '/v1/customers',
        newCustomerBody({ companyName: name, accountOpenedAt: '2026-01-10T15:30:00Z', ...body }),
      );
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    };
    customers.zeta = await create('Zeta Works');
    customers.alpha = await create('alpha 100%_co');
    const zeta = `/v1/customers/${customers.zeta}`;
    const alpha = `/v1/customers/${customers.alpha}`;

    made.zetaMail = await orderLine(api, zeta, {
      offerId: 'mail-basic',
      quantity: 10,
      friendlyName: 'Sales mail',
    });
    clock.set('2026-03-01T01:00:00.000Z');
    made.zetaPlus = await orderLine(api, zeta, { offerId: 'mail-plus', quantity: 3 }, 'annual');
    await api.patch(`${zeta}/subscriptions/${made.zetaPlus}`, { autoRenewEnabled: false });
    clock.set('2026-03-01T02:00:00.000Z');
    made.zetaTrial = await orderLine(api, zeta, {
      offerId: 'office-apps-business-trial',
      quantity: 1,
    });
    clock.set('2026-03-01T03:00:00.000Z');
    made.alphaMail = await orderLine(api, alpha, { offerId: 'mail-basic', quantity: 5 });
    const suspended = await api.patch(`${alpha}/subscriptions/${made.alphaMail}`, {
      status: 'suspended',
      suspensionReason: 'nonpayment',
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    made.alphaEndpoint = await orderLine(api, alpha, {
      offerId: 'security-endpoint',
      quantity: 10,
      friendlyName: 'Endpoints_2026',
    });
    made.alphaBackup = await orderLine(api, alpha, { offerId: 'backup-server', quantity: 2 });

    // Another partner whose customer has a name that every search below would match.
    const other = client(t.app, (await t.newPartner()).token);
    const response = await other.post(
      '/v1/customers',
      newCustomerBody({ companyName: 'Zeta Works alpha 100%_co' }),
    );
    otherCustomerId = response.json<{ id: string }>().id;
    await orderLine(other, `/v1/customers/${otherCustomerId}`, {
      offerId: 'mail-basic',
      quantity: 10,
      friendlyName: 'Sales mail',
    });

    all = (await api.get('/v1/subscriptions?limit=200')).json<{ items: Item[] }>().items;
  });
  afterAll(() => t.close());

  it("lists every subscription of the partner's customers, each with its customer's name", () => {
    expect(new Set(ids(all))).toEqual(new Set(Object.values(made)));
    const mail = all.find((item) => item.id === made.zetaMail)!;
    expect(mail).toMatchObject({
      customerId: customers.zeta,
      customerName: 'Zeta Works',
      offerId: 'mail-basic',
      friendlyName: 'Sales mail',
      status: 'active',
      etag: '"1"',
      actions: expect.arrayContaining(['suspend', 'change_quantity']),
    });
    expect(all.find((item) => item.id === made.zetaTrial)).toMatchObject({
      isTrial: true,
      trialEndDate: '2026-03-30',
      autoRenewEnabled: false,
    });
    expect(all.find((item) => item.id === made.alphaMail)).toMatchObject({
      customerName: 'alpha 100%_co',
      status: 'suspended',
      expiresAt: '2026-06-21T03:00:00.000Z',
    });
  });

  it('answers each item as the customer’s own list does, plus customerName', async () => {
    const own = (await api.get(`/v1/customers/${customers.zeta}/subscriptions`)).json<{
      items: Item[];
    }>().items;
    for (const item of own) {
      expect(item).not.toHaveProperty('customerName');
      expect(all.find((across) => across.id === item.id)).toEqual({
        ...item,
        customerName: 'Zeta Works',
      });
    }
  });

  it.each(SORTS.flatMap((sort) => [sort, `-${sort}`]))(
    'sorts by %s, nulls last and ties by id, paging without gaps or repeats',
    async (sort) => {
      const descending = sort.startsWith('-');
      const name = (descending ? sort.slice(1) : sort) as (typeof SORTS)[number];
      const expected = expectedOrder(all, name, descending);
      for (const limit of [1, 2, 4]) {
        expect(ids(await everyPage(api, `sort=${sort}`, limit))).toEqual(expected);
      }
    },
  );

  it('sorts by customer name by default', async () => {
    const first = (await api.get('/v1/subscriptions')).json<{ items: Item[] }>().items;
    expect(ids(first)).toEqual(expectedOrder(all, 'customerName', false));
    expect(first[0]!.customerName).toBe('alpha 100%_co');
  });

  it.each([
    ['status=suspended', ['alphaMail']],
    ['status=active,suspended&customerId={alpha}', ['alphaMail', 'alphaEndpoint', 'alphaBackup']],
    ['offerId=mail-basic', ['zetaMail', 'alphaMail']],
    ['customerId={zeta}', ['zetaMail', 'zetaPlus', 'zetaTrial']],
    ['q=ZETA', ['zetaMail', 'zetaPlus', 'zetaTrial']],
    ['q=sales%20MAIL', ['zetaMail']],
    ['q=mail%20plus', ['zetaPlus']],
    ['q=100%25_', ['alphaMail', 'alphaEndpoint', 'alphaBackup']],
    ['q=%25', ['alphaMail', 'alphaEndpoint', 'alphaBackup']],
    ['q=s_2', ['alphaEndpoint']],
    ['q=nothing-like-this', []],
    ['renewsBefore=2026-04-01', ['zetaMail', 'alphaEndpoint', 'alphaBackup']],
    ['renewsBefore=2026-03-31', []],
    ['expiresBefore=2027-03-01', ['zetaPlus', 'zetaTrial']],
    ['expiresBefore=2026-04-01', ['zetaTrial']],
    ['trialEndsBefore=2026-04-01', ['zetaTrial']],
    ['trialEndsBefore=2026-03-30', []],
    ['deletedBefore=2026-06-22', ['alphaMail']],
    ['deletedBefore=2026-06-21', []],
    ['q=mail&status=active&renewsBefore=2026-04-01', ['zetaMail']],
  ])('filters %s', async (query, expected) => {
    const url = `/v1/subscriptions?limit=200&${query
      .replace('{alpha}', customers.alpha!)
      .replace('{zeta}', customers.zeta!)}`;
    const response = await api.get(url);
    expect(response.statusCode, response.body).toBe(200);
    expect(new Set(ids(response.json<{ items: Item[] }>().items))).toEqual(
      new Set(expected.map((name) => made[name])),
    );
  });

  it('pages a filtered list with the same cursor rules', async () => {
    const filtered = await everyPage(api, 'status=active&sort=-quantity', 1);
    expect(ids(filtered)).toEqual(
      expectedOrder(
        all.filter((item) => item.status === 'active'),
        'quantity',
        true,
      ),
    );
  });

  it.each(['customerName', '-customerName', 'offerName', 'quantity', '-quantity', 'expiresAt'])(
    "pages one customer's list in each order (sort=%s)",
    async (sort) => {
      const name = sort.replace('-', '') as (typeof SORTS)[number];
      const zetas = all.filter((item) => item.customerId === customers.zeta);
      const paged = await everyPage(api, `customerId=${customers.zeta}&sort=${sort}`, 1);
      expect(ids(paged)).toEqual(expectedOrder(zetas, name, sort.startsWith('-')));
    },
  );

  it("never shows another partner's subscriptions, even asked for its customer", async () => {
    const asked = await api.get(`/v1/subscriptions?customerId=${otherCustomerId}`);
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toEqual({ items: [], nextCursor: null });
    const searched = await api.get('/v1/subscriptions?q=zeta%20works%20alpha');
    expect(searched.json().items).toEqual([]);
  });

  it.each([
    ['status=bogus', 'status'],
    ['status=active,', 'status'],
    ['sort=price', 'sort'],
    ['sort=--quantity', 'sort'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['renewsBefore=2026-02-30', 'renewsBefore'],
    ['deletedBefore=tomorrow', 'deletedBefore'],
    ['customerId=not-a-uuid', 'customerId'],
    ['q=a%00b', 'q'],
    ['q=' + 'x'.repeat(201), 'q'],
    ['unknown=1&q=%00', 'q'],
  ])('refuses %s with 400 naming the field', async (query, field) => {
    const response = await api.get(`/v1/subscriptions?${query}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: expect.arrayContaining([expect.objectContaining({ field })]),
    });
  });

  it('refuses forged cursors and cursors of another sort with 400 invalid_cursor', async () => {
    const first = (await api.get('/v1/subscriptions?sort=quantity&limit=1')).json<{
      nextCursor: string;
    }>();
    const cursor = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const someId = made.zetaMail!;
    for (const [sort, forged] of [
      ['commitmentEndDate', first.nextCursor],
      ['-quantity', first.nextCursor],
      ['quantity', 'not a cursor'],
      ['quantity', cursor(['quantity', 'abc', someId])],
      ['quantity', cursor(['quantity', '', someId])],
      ['quantity', cursor(['quantity', '5', 'not-an-id'])],
      ['commitmentEndDate', cursor(['commitmentEndDate', '2026-02-30', someId])],
      ['expiresAt', cursor(['expiresAt', 'yesterday', someId])],
      ['customerName', cursor(['customerName', 'a\u0000b', someId])],
      ['customerName', cursor(['customerName', 'a', someId, 'extra'])],
      ['customerName', cursor({ sort: 'customerName' })],
    ] as const) {
      const response = await api.get(
        `/v1/subscriptions?sort=${sort}&cursor=${encodeURIComponent(forged)}`,
      );
      expect(response.statusCode, `${sort} ${forged}: ${response.body}`).toBe(400);
      expect(response.json().code).toBe('invalid_cursor');
    }
    const nullKey = await api.get(
      `/v1/subscriptions?sort=expiresAt&cursor=${cursor(['expiresAt', '', someId])}`,
    );
    expect(nullKey.statusCode).toBe(200);
  });

  // Last: it adds a customer that the lists above do not expect.
  it("moves a renamed customer's subscriptions to the new name's place, in order and search", async () => {
    const response = await api.post(
      '/v1/customers',
      newCustomerBody({ companyName: 'Middle Co', accountOpenedAt: '2026-01-10T15:30:00Z' }),
    );
    const middle = response.json<{ id: string }>().id;
    const path = `/v1/customers/${middle}`;
    const subscriptions = [
      await orderLine(api, path, { offerId: 'mail-basic', quantity: 1 }),
      await orderLine(api, path, { offerId: 'backup-server', quantity: 1 }),
    ].sort();
    const byName = async () => ids(await everyPage(api, 'sort=customerName', 2));
    const zetas = ids(all.filter((item) => item.customerId === customers.zeta));
    const alphas = ids(all.filter((item) => item.customerId === customers.alpha));
    expect(await byName()).toEqual([...alphas, ...subscriptions, ...zetas]);

    const renamed = await api.patch(path, { companyName: 'ZZ Top Co' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await byName()).toEqual([...alphas, ...zetas, ...subscriptions]);
    const found = async (q: string) =>
      ids((await api.get(`/v1/subscriptions?q=${q}`)).json<{ items: Item[] }>().items);
    expect(await found('zz%20top')).toEqual(subscriptions);
    expect(await found('middle')).toEqual([]);
    const own = await everyPage(api, `customerId=${middle}&sort=-customerName`, 1);
    expect(own.map((item) => item.customerName)).toEqual(['ZZ Top Co', 'ZZ Top Co']);
  });
});
