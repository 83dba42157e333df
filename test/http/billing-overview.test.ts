import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowed, ROLES } from '../../src/domain/permissions.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { newCustomerBody } from '../helpers/customers.js';
import { tokenWithRole } from '../helpers/roles.js';
import { DIALECTS } from '../helpers/stores.js';

type Api = ReturnType<typeof client>;
interface Overview {
  asOf: string;
  recurring: { currency: string; revenue: string; cost: string; margin: string }[];
  periods: {
    periodStart: string;
    periodEnd: string;
    currency: string;
    invoiced: string;
    cost: string;
    margin: string;
  }[];
}

const JP = { country: 'JP', billingProfile: jpProfile() };
const TW = { country: 'TW', billingProfile: { ...jpProfile(), address: twAddress() } };

function jpProfile() {
  return {
    firstName: 'Aiko',
    lastName: 'Sato',
    email: 'billing@example.jp',
    address: { line1: '1-1 Marunouchi', city: 'Tokyo', postalCode: '100-0005', country: 'JP' },
  };
}
function twAddress() {
  return { line1: '7 Xinyi Rd', city: 'Taipei', postalCode: '110', country: 'TW' };
}

describe.each(DIALECTS)('GET /v1/billing/overview, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: new TestClock('2026-06-01T00:00:00.000Z') });
  });
  afterAll(() => t.close());

  async function sandboxPartner(input: { billingDay?: number } = {}) {
    const { partner, token } = await t.newPartner({ isSandbox: true, ...input });
    const api = client(t.app, token);
    await move(api, '2027-03-10T10:00:00.000Z');
    const book = await api.put('/v1/price-book', { defaultMarkupPercent: '17', rules: [] });
    expect(book.statusCode, book.body).toBe(200);
    return { partner, api };
  }

  async function move(api: Api, to: string) {
    const moved = await api.post('/v1/sandbox/clock', { to });
    expect(moved.statusCode, moved.body).toBe(200);
  }

  async function customer(api: Api, overrides: Record<string, unknown> = {}) {
    const created = await api.post('/v1/customers', newCustomerBody(overrides));
    expect(created.statusCode, created.body).toBe(201);
    return `/v1/customers/${created.json<{ id: string }>().id}`;
  }

  async function order(api: Api, base: string, cycle: string, offerId: string, quantity: number) {
    const placed = await api.post(`${base}/orders`, {
      billingCycle: cycle,
      lineItems: [{ offerId, quantity, ...(cycle === 'annual' ? { termDuration: 'P1Y' } : {}) }],
    });
    expect(placed.statusCode, placed.body).toBe(201);
    return `${base}/subscriptions/${placed.json<{ lineItems: { subscriptionId: string }[] }>().lineItems[0]!.subscriptionId}`;
  }

  async function overview(api: Api): Promise<Overview> {
    const answer = await api.get('/v1/billing/overview');
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json<Overview>();
  }

  /**
   * A partner with a 17 % markup and, on 2027-03-10:
   * - US customer A: mail-basic monthly × 10 at 5.62 (cost 4.80): 56.20 / 48.00 a month;
   * - US customer B: mail-basic annual × 1 at 53.35 (cost 45.60): 4.4458… / 3.80 a month;
   * - US customer C: mail-basic monthly × 2 at 5.62: 11.24 / 9.60, suspended;
   * - JP customer D: mail-basic monthly × 3 at 842 yen (cost 720): 2,526 / 2,160 a month, and
   *   mail-plus annual × 1 at 16,006 (cost 13,680): 1,333.83… / 1,140 a month;
   * - TW customer E with nothing.
   */
  async function partnerWithCustomers() {
    const { api } = await sandboxPartner();
    await order(api, await customer(api), 'monthly', 'mail-basic', 10);
    await order(api, await customer(api), 'annual', 'mail-basic', 1);
    const suspended = await order(api, await customer(api), 'monthly', 'mail-basic', 2);
    const patched = await api.patch(suspended, {
      status: 'suspended',
      suspensionReason: 'nonpayment',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const japanese = await customer(api, JP);
    await order(api, japanese, 'monthly', 'mail-basic', 3);
    await order(api, japanese, 'annual', 'mail-plus', 1);
    await customer(api, TW);
    return { api, suspended };
  }

  it("adds up a partner's recurring revenue and its invoices, per currency, by hand", async () => {
    const { api, suspended } = await partnerWithCustomers();
    // Another partner's money never shows.
    const other = await sandboxPartner();
    await order(other.api, await customer(other.api), 'monthly', 'mail-plus', 50);

    const march = await overview(api);
    expect(march.asOf).toBe('2027-03-10');
    // USD: 56.20 + 53.35 / 12 = 60.6458… → 60.65; cost 48.00 + 3.80; C is suspended, not counted.
    // JPY: 2,526 + 16,006 / 12 = 3,859.83… → 3,860; cost 2,160 + 1,140.
    expect(march.recurring).toEqual([
      { currency: 'JPY', revenue: '3860', cost: '3300', margin: '560' },
      { currency: 'USD', revenue: '60.65', cost: '51.80', margin: '8.85' },
    ]);
    expect(march.periods).toHaveLength(36);
    expect(march.periods.slice(0, 3)).toEqual([
      zero('2026-04-01', '2026-04-30', 'JPY', '0'),
      zero('2026-04-01', '2026-04-30', 'TWD', '0.00'),
      zero('2026-04-01', '2026-04-30', 'USD', '0.00'),
    ]);
    // March's drafts: a period is charged in advance, the annual term's whole year at once;
    // the suspended subscription's charge stays.
    expect(march.periods.slice(-3)).toEqual([
      money('2027-03-01', '2027-03-31', 'JPY', '18532', '15840', '2692'),
      zero('2027-03-01', '2027-03-31', 'TWD', '0.00'),
      money('2027-03-01', '2027-03-31', 'USD', '120.79', '103.20', '17.59'),
    ]);
    expect(march.periods.slice(3, -3).every((p) => Number(p.invoiced) === 0)).toBe(true);

    // C comes back, and the monthly terms renew on 2027-04-10 with a charge each; March is issued.
    expect((await api.patch(suspended, { status: 'active' })).statusCode).toBe(200);
    await move(api, '2027-04-12T00:00:00.000Z');
    const april = await overview(api);
    expect(april.asOf).toBe('2027-04-12');
    // USD: 56.20 + 4.4458… + 11.24 = 71.8858… → 71.89; cost 48.00 + 3.80 + 9.60.
    expect(april.recurring).toEqual([
      { currency: 'JPY', revenue: '3860', cost: '3300', margin: '560' },
      { currency: 'USD', revenue: '71.89', cost: '61.40', margin: '10.49' },
    ]);
    expect(april.periods[0]!.periodStart).toBe('2026-05-01');
    expect(april.periods.slice(-6)).toEqual([
      money('2027-03-01', '2027-03-31', 'JPY', '18532', '15840', '2692'),
      zero('2027-03-01', '2027-03-31', 'TWD', '0.00'),
      money('2027-03-01', '2027-03-31', 'USD', '120.79', '103.20', '17.59'),
      money('2027-04-01', '2027-04-30', 'JPY', '2526', '2160', '366'),
      zero('2027-04-01', '2027-04-30', 'TWD', '0.00'),
      money('2027-04-01', '2027-04-30', 'USD', '67.44', '57.60', '9.84'),
    ]);
    const issued = await api.get('/v1/invoices?periodStart=2027-03-01&status=issued');
    expect(issued.json<{ items: unknown[] }>().items).toHaveLength(4);
  });

  it('follows the billing day: periods start on it, the last one holds today', async () => {
    const { api } = await sandboxPartner({ billingDay: 15 });
    await order(api, await customer(api), 'monthly', 'mail-basic', 1);
    const { asOf, periods } = await overview(api);
    expect(asOf).toBe('2027-03-10');
    expect(periods.map((p) => [p.periodStart, p.periodEnd])).toEqual(
      Array.from({ length: 12 }, (_, i) => {
        const start = new Date(Date.UTC(2026, 2 + i, 15));
        const end = new Date(Date.UTC(2026, 3 + i, 14));
        return [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)];
      }),
    );
    expect(periods.at(-1)).toEqual(
      money('2027-02-15', '2027-03-14', 'USD', '5.62', '4.80', '0.82'),
    );
  });

  it("uses the server's clock for a partner that is not a sandbox, and is empty without customers", async () => {
    const { token } = await t.newPartner();
    expect(await overview(client(t.app, token))).toEqual({
      asOf: '2026-06-01',
      recurring: [],
      periods: [],
    });
  });

  it('answers billing readers only', async () => {
    const { partner } = await sandboxPartner();
    for (const role of ROLES) {
      const api = client(t.app, await tokenWithRole(t, partner.id, role));
      const answer = await api.get('/v1/billing/overview');
      if (isAllowed(role, 'billing.read')) {
        expect(answer.statusCode, role).toBe(200);
      } else {
        expect(answer.statusCode, role).toBe(403);
        expect(answer.json().code).toBe('forbidden');
      }
    }
    expect(ROLES.filter((role) => isAllowed(role, 'billing.read'))).toEqual([
      'global_admin',
      'admin_agent',
      'billing_admin',
    ]);
    const anonymous = await t.app.inject({ method: 'GET', url: '/v1/billing/overview' });
    expect(anonymous.statusCode).toBe(401);
  });
});

function money(
  periodStart: string,
  periodEnd: string,
  currency: string,
  invoiced: string,
  cost: string,
  margin: string,
) {
  return { periodStart, periodEnd, currency, invoiced, cost, margin };
}

function zero(periodStart: string, periodEnd: string, currency: string, nothing: string) {
  return money(periodStart, periodEnd, currency, nothing, nothing, nothing);
}
