import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type TestApp } from '../helpers/app.js';
import { newCustomerBody } from '../helpers/customers.js';
import { tokenWithRole } from '../helpers/roles.js';
import { DIALECTS } from '../helpers/stores.js';
import { listeningApp, psc, recordingProxy, tempHome } from './remote-harness.js';

interface Customer {
  id: string;
  companyName: string;
  domain: string;
}
interface Subscription {
  id: string;
  status: string;
  quantity: number;
  autoRenewEnabled: boolean;
  expiresAt: string | null;
  etag: string;
}
interface Order {
  id: string;
  lineItems: { offerId: string; quantity: number; subscriptionId: string }[];
}

function customerFlags(body: Record<string, unknown>): string[] {
  const contact = body.billingProfile as Record<string, unknown>;
  const address = contact.address as Record<string, string>;
  return [
    ...['--company-name', body.companyName as string, '--domain', body.domain as string],
    ...['--country', body.country as string, '--segment', body.segment as string],
    ...['--first-name', contact.firstName as string, '--last-name', contact.lastName as string],
    ...['--email', contact.email as string, '--address-line1', address.line1 ?? ''],
    ...['--city', address.city ?? '', '--postal-code', address.postalCode ?? ''],
  ];
}

/** Where column `header` starts in a table's header line, and the cell there in `line`. */
function cell(table: string, header: string, line: string): string {
  const start = (table.split('\n')[0] ?? '').indexOf(header);
  return line.slice(start).split(/\s{2,}/)[0] ?? '';
}

// Each step runs the real psc in a child process: a few seconds apiece on a busy machine.
describe.each(DIALECTS)('psc over the API on %s', { timeout: 180_000 }, (dialect) => {
  let t: TestApp;
  let env: Record<string, string>;
  let token: string;
  let partnerId: string;

  beforeAll(async () => {
    const started = await listeningApp(dialect);
    t = started.t;
    const made = await t.newPartner();
    token = made.token;
    partnerId = made.partner.id;
    env = { ...tempHome(), PSC_URL: started.url, PSC_TOKEN: token };
  });
  afterAll(() => t.close());

  it('creates, lists, finds and shows customers, as a table and as JSON', async () => {
    const first = newCustomerBody({ companyName: 'Northwind Traders' });
    const second = newCustomerBody({ companyName: '台灣科技 Fabrikam' });
    const created = await psc(['customers', 'create', ...customerFlags(first), '--json'], env);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const northwind = JSON.parse(created.stdout) as Customer;
    expect(northwind).toMatchObject({ companyName: 'Northwind Traders', domain: first.domain });

    const shown = await psc(['customers', 'create', ...customerFlags(second)], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Company: +台灣科技 Fabrikam$/m);
    expect(shown.stdout).toMatch(/^Billing contact: +Avery Howard <billing@contoso\.example>$/m);

    const [table, search, onePage, everything, got] = await Promise.all([
      psc(['customers', 'list'], env),
      psc(['customers', 'list', '--search', 'northwind', '--json'], env),
      psc(['customers', 'list', '--limit', '1'], env),
      psc(['customers', 'list', '--limit', '1', '--all', '--json'], env),
      psc(['customers', 'get', northwind.id], env),
    ]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +COMPANY +DOMAIN +COUNTRY +SEGMENT +OPENED$/);
    expect(lines).toHaveLength(3);
    const row = lines.find((line) => line.startsWith(northwind.id)) ?? '';
    expect(cell(table.stdout, 'COMPANY', row)).toBe('Northwind Traders');
    expect(cell(table.stdout, 'DOMAIN', row)).toBe(first.domain);
    // Each wide character takes two columns of a terminal, and the next column still lines up.
    const wide = lines.find((line) => line.includes('台灣科技')) ?? '';
    const before = wide.slice(0, wide.indexOf(String(second.domain)));
    const columns = Array.from(before).reduce(
      (width, char) => width + (/[\u4e00-\u9fff]/u.test(char) ? 2 : 1),
      0,
    );
    expect(columns).toBe((lines[0] ?? '').indexOf('DOMAIN'));
    expect(cell(table.stdout, 'COUNTRY', row)).toBe('US');

    const found = JSON.parse(search.stdout) as { items: Customer[]; nextCursor: string | null };
    expect(found.items.map((c) => c.id)).toEqual([northwind.id]);

    expect(onePage.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(onePage.stderr).toMatch(/^more: --cursor \S+ \(or --all for every page\)$/m);
    const all = JSON.parse(everything.stdout) as { items: Customer[]; nextCursor: null };
    expect(all.items).toHaveLength(2);
    expect(all.nextCursor).toBeNull();

    expect(got.code).toBe(0);
    expect(got.stdout).toMatch(/^Company: +Northwind Traders$/m);
    // --json is the API's answer as it is.
    const asJson = await psc(['customers', 'get', northwind.id, '--json'], env);
    const direct = await client(t.app, token).get(`/v1/customers/${northwind.id}`);
    expect(JSON.parse(asJson.stdout)).toEqual(direct.json());
    expect(got.stdout).toMatch(/^Address: +1 Main St, 98052 Redmond, US$/m);
  });

  it('prints problems to stderr with exit codes that say what failed', async () => {
    const taken = newCustomerBody();
    expect((await psc(['customers', 'create', ...customerFlags(taken)], env)).code).toBe(0);
    const invalid = newCustomerBody({
      billingProfile: { ...(newCustomerBody().billingProfile as object), email: 'nope' },
    });
    const unknown = '0190d1a2-0000-7000-8000-000000000000';
    const [again, bad, missing, usage, noToken] = await Promise.all([
      psc(['customers', 'create', ...customerFlags(taken)], env),
      psc(['customers', 'create', ...customerFlags(invalid)], env),
      psc(['customers', 'get', unknown], env),
      psc(['customers', 'get'], env),
      psc(['customers', 'list'], { ...env, PSC_TOKEN: 'psc_not-a-real-token' }),
    ]);
    expect(again.code).toBe(5);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/^error: .+ \[customer_domain_taken\]$/m);

    expect(bad.code).toBe(5);
    expect(bad.stderr).toMatch(/^error: .+ \[validation_failed\]$/m);
    expect(bad.stderr).toMatch(/^ {2}- \/billingProfile\/email: .+ \[\w+\]$/m);

    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/^error: .+ \[not_found\]$/m);
    expect(missing.stderr).toContain(unknown);

    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('CUSTOMER_ID is missing');
    expect(usage.stderr).toContain('Usage: psc customers get CUSTOMER_ID');

    expect(noToken.code).toBe(3);
    expect(noToken.stderr).toMatch(/^error: .+ \[unauthorized\]$/m);

    const salesToken = await tokenWithRole(t, partnerId, 'sales_agent');
    const forbidden = await psc(['webhooks', 'list'], { ...env, PSC_TOKEN: salesToken });
    expect(forbidden.code).toBe(3);
    expect(forbidden.stderr).toMatch(/^error: .+ \[forbidden\]$/m);
  });

  it('orders, and changes subscriptions with the ETag it read and an Idempotency-Key', async () => {
    const api = client(t.app, token);
    const customer = (await api.post('/v1/customers', newCustomerBody())).json<Customer>();
    const proxy = await recordingProxy(env.PSC_URL ?? '');
    const via = { ...env, PSC_URL: proxy.url };
    const order1 = [
      'orders',
      'create',
      '--customer',
      customer.id,
      '--offer',
      'mail-basic',
      '--quantity',
      '5',
      '--name',
      'Mail for sales',
      '--line',
      'backup-server:2',
      '--idempotency-key',
      'order-1',
    ];
    try {
      const ordered = await psc([...order1, '--json'], via);
      expect(ordered.stderr).toBe('');
      const order = JSON.parse(ordered.stdout) as Order;
      expect(order.lineItems.map((l) => [l.offerId, l.quantity])).toEqual([
        ['mail-basic', 5],
        ['backup-server', 2],
      ]);
      const orderPost = proxy.requests.find((r) => r.method === 'POST');
      expect(orderPost?.headers['idempotency-key']).toBe('order-1');

      // The same key again is a replay: the same order, not a second one.
      const replayed = await psc(order1, via);
      expect(replayed.code).toBe(0);
      expect(replayed.stdout).toMatch(new RegExp(`^Order: +${order.id}$`, 'm'));
      expect(replayed.stdout).toMatch(/^# +OFFER +QTY +TERM +SUBSCRIPTION +UNIT PRICE +AMOUNT$/m);
      expect(replayed.stdout).toMatch(/mail-basic +5 +P1M +\S+ +\d+\.\d{2} USD +\d+\.\d{2} USD$/m);

      const mail = order.lineItems[0]?.subscriptionId ?? '';
      const ids = [mail, '--customer', customer.id];
      const run = async (args: string[]) => {
        const result = await psc(['subscriptions', ...args, '--json'], via);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        return JSON.parse(result.stdout) as Subscription;
      };

      const shown = await psc(['subscriptions', 'get', ...ids], via);
      expect(shown.stdout).toMatch(/^Name: +Mail for sales$/m);
      expect(shown.stdout).toMatch(/^Unit price: +\d+\.\d{2} USD$/m);
      const read = await run(['get', ...ids]);

      proxy.requests.length = 0;
      const changed = await run(['set-quantity', ...ids, '--quantity', '7']);
      expect(changed.quantity).toBe(7);
      const [get, patch] = proxy.requests;
      expect(get?.method).toBe('GET');
      expect(patch?.method).toBe('PATCH');
      expect(patch?.headers['if-match']).toBe(read.etag);
      expect(patch?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);

      const suspended = await run(['suspend', ...ids, '--reason', 'customer_request']);
      expect(suspended.status).toBe('suspended');
      expect(suspended.expiresAt).not.toBeNull();
      expect((await run(['reactivate', ...ids])).status).toBe('active');
      expect((await run(['set-auto-renew', ...ids, '--off'])).autoRenewEnabled).toBe(false);
      expect((await run(['set-auto-renew', ...ids, '--on'])).autoRenewEnabled).toBe(true);

      // A change made between psc's read and its write: the ETag no longer matches.
      proxy.hooks.before = async (request) => {
        if (request.method !== 'PATCH') return;
        proxy.hooks.before = undefined;
        await api.patch(`/v1/customers/${customer.id}/subscriptions/${mail}`, {
          friendlyName: 'Raced',
        });
      };
      const stale = await psc(['subscriptions', 'set-quantity', ...ids, '--quantity', '8'], via);
      expect(stale.code).toBe(5);
      expect(stale.stderr).toMatch(/^error: .+ \[etag_mismatch\]$/m);

      expect((await run(['cancel', ...ids])).status).toBe('deleted');
      const refused = await psc(['subscriptions', 'reactivate', ...ids], via);
      expect(refused.code).toBe(5);
      expect(refused.stderr).toMatch(/^error: .+ \[\w+\]$/m);

      const usage = await psc(['subscriptions', 'set-auto-renew', ...ids], via);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('say either --on or --off');

      // A server that fails is exit 6, as one that cannot be reached.
      proxy.hooks.answer = () => ({
        status: 503,
        body: {
          type: 'urn:psc:problem:unavailable',
          title: 'Unavailable',
          status: 503,
          detail: 'Down for maintenance.',
          code: 'unavailable',
        },
      });
      const down = await psc(['subscriptions', 'get', ...ids], via);
      expect(down.code).toBe(6);
      expect(down.stderr).toMatch(
        /^error: Unavailable \[unavailable\]\n {2}Down for maintenance\.$/m,
      );

      // A proxy's error page instead of a problem: its status in words, still exit 6.
      proxy.hooks.answer = () => ({
        status: 502,
        body: '<html>Bad Gateway</html>',
        contentType: 'text/html',
      });
      const gateway = await psc(['subscriptions', 'get', ...ids], via);
      expect(gateway.code).toBe(6);
      expect(gateway.stderr).toMatch(
        /^error: HTTP 502 Bad Gateway\n {2}<html>Bad Gateway<\/html>$/m,
      );

      // An answer psc cannot read is a failure it did not expect: exit 1, said as such.
      proxy.hooks.answer = () => ({
        status: 200,
        body: '{"items": [',
        contentType: 'application/json',
      });
      const garbled = await psc(['subscriptions', 'get', ...ids], via);
      expect(garbled.code).toBe(1);
      expect(garbled.stdout).toBe('');
      expect(garbled.stderr).toMatch(/^psc subscriptions get: unexpected error: SyntaxError/m);
    } finally {
      await proxy.close();
    }
  });

  it('renames a customer and lists subscriptions across customers', async () => {
    const { token: own } = await t.newPartner();
    const mine = { ...env, PSC_TOKEN: own };
    const api = client(t.app, own);
    const alpha = (
      await api.post('/v1/customers', newCustomerBody({ companyName: 'Alpha Ltd' }))
    ).json<Customer>();
    const zeta = (
      await api.post('/v1/customers', newCustomerBody({ companyName: 'Zeta Inc' }))
    ).json<Customer>();
    for (const [customer, quantity] of [
      [alpha, 4],
      [zeta, 9],
    ] as const) {
      const order = await api.post(`/v1/customers/${customer.id}/orders`, {
        billingCycle: 'monthly',
        lineItems: [
          { offerId: 'mail-basic', quantity, friendlyName: `Mail of ${customer.companyName}` },
        ],
      });
      expect(order.statusCode, order.body).toBe(201);
    }

    const renamed = await psc(
      [
        'customers',
        'update',
        alpha.id,
        '--company-name',
        'Alpha Holdings',
        '--city',
        'Taipei',
        '--json',
      ],
      mine,
    );
    expect(renamed.stderr).toBe('');
    const updated = JSON.parse(renamed.stdout) as Customer & {
      billingProfile: { address: { city: string; line1: string } };
    };
    expect(updated.companyName).toBe('Alpha Holdings');
    expect(updated.domain).toBe(alpha.domain);
    expect(updated.billingProfile.address).toMatchObject({ city: 'Taipei', line1: '1 Main St' });
    const [taken, nothing] = await Promise.all([
      psc(['customers', 'update', alpha.id, '--domain', zeta.domain], mine),
      psc(['customers', 'update', alpha.id], mine),
    ]);
    expect(taken.code).toBe(5);
    expect(taken.stderr).toMatch(/^error: .+ \[customer_domain_taken\]$/m);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('say what to change');

    const [table, search, sorted, paged] = await Promise.all([
      psc(['subscriptions', 'list'], mine),
      psc(
        ['subscriptions', 'list', '--search', 'zeta', '--status', 'active,suspended', '--json'],
        mine,
      ),
      psc(['subscriptions', 'list', '--sort', '-quantity', '--json'], mine),
      psc(['subscriptions', 'list', '--limit', '1', '--all', '--json'], mine),
    ]);
    expect(table.stderr).toBe('');
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^ID +CUSTOMER +NAME +OFFER +QTY +STATUS +BILLING +TERM END +AUTO-RENEW +UNIT PRICE$/,
    );
    expect(lines.slice(1).map((line) => cell(table.stdout, 'CUSTOMER', line))).toEqual([
      'Alpha Holdings',
      'Zeta Inc',
    ]);
    expect(lines[1]).toMatch(/ 4 +active +monthly +\d{4}-\d{2}-\d{2} +yes +\d+\.\d{2} USD$/);

    type Page = { items: { customerName: string; quantity: number }[]; nextCursor: string | null };
    const found = JSON.parse(search.stdout) as Page;
    expect(found.items.map((s) => s.customerName)).toEqual(['Zeta Inc']);
    expect((JSON.parse(sorted.stdout) as Page).items.map((s) => s.quantity)).toEqual([9, 4]);
    const all = JSON.parse(paged.stdout) as Page;
    expect(all.items.map((s) => s.customerName)).toEqual(['Alpha Holdings', 'Zeta Inc']);
    expect(all.nextCursor).toBeNull();

    const forged = await psc(['subscriptions', 'list', '--cursor', 'not-a-cursor'], mine);
    expect(forged.code).toBe(5);
    expect(forged.stderr).toMatch(/^error: .+ \[\w+\]$/m);
  });

  it('lists and shows invoices, and lists webhooks without their secrets', async () => {
    const api = client(t.app, token);
    const customer = (
      await api.post('/v1/customers', newCustomerBody({ companyName: 'Invoiced Ltd' }))
    ).json<Customer>();
    const order = await api.post(`/v1/customers/${customer.id}/orders`, {
      billingCycle: 'monthly',
      lineItems: [{ offerId: 'mail-basic', quantity: 3 }],
    });
    expect(order.statusCode, order.body).toBe(201);
    const webhook = await api.post('/v1/webhooks', {
      url: 'https://93.184.216.34/psc-hooks',
      eventTypes: ['subscription.suspended'],
      description: 'ERP',
    });
    expect(webhook.statusCode, webhook.body).toBe(201);
    const { secret } = webhook.json<{ secret: string }>();

    const [mine, partners, hooks, hooksJson] = await Promise.all([
      psc(['invoices', 'list', '--customer', customer.id, '--json'], env),
      psc(['invoices', 'list', '--status', 'draft'], env),
      psc(['webhooks', 'list'], env),
      psc(['webhooks', 'list', '--json'], env),
    ]);
    const invoices = JSON.parse(mine.stdout) as {
      items: { id: string; total: string; currency: string }[];
    };
    expect(invoices.items).toHaveLength(1);
    const invoice = invoices.items[0]!;
    const row = partners.stdout.split('\n').find((line) => line.startsWith(invoice.id)) ?? '';
    expect(cell(partners.stdout, 'CUSTOMER', row)).toBe('Invoiced Ltd');
    expect(cell(partners.stdout, 'STATUS', row)).toBe('draft');
    expect(row).toContain(`${invoice.total} ${invoice.currency}`);

    const shown = await psc(['invoices', 'get', invoice.id, '--customer', customer.id], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(
      new RegExp(`^Total: +${invoice.total.replace('.', '\\.')} ${invoice.currency}$`, 'm'),
    );
    expect(shown.stdout).toMatch(/^DATE +TYPE +SUBSCRIPTION +QTY +DAYS +UNIT PRICE +AMOUNT$/m);
    expect(shown.stdout).toMatch(/period +\S+ +3 +\d+\/\d+ +\d+\.\d{2} USD +\d+\.\d{2} USD$/m);

    expect(hooks.stdout).toMatch(/^ID +URL +EVENTS +STATE +DESCRIPTION +CREATED$/m);
    expect(hooks.stdout).toMatch(
      /https:\/\/93\.184\.216\.34\/psc-hooks +subscription\.suspended +enabled +ERP/,
    );
    const listed = JSON.parse(hooksJson.stdout) as { items: { url: string }[] };
    expect(listed.items.map((w) => w.url)).toEqual(['https://93.184.216.34/psc-hooks']);
    expect(hooks.stdout + hooksJson.stdout).not.toContain(secret);
  });
});
