/**
 * Issue 12 §4: over random operation sequences and clock moves, through the HTTP API on both
 * databases, the charges of a subscription add up, period by period, to the closed-form amount
 * for the days and quantities it was active: round half-even (unit price × Σ quantity of each
 * counted day ÷ days of the period), computed here day by day from what the API accepted, with
 * this file's own calendar arithmetic. PSC_LEDGER_RUNS sets the number of runs (default 12 per
 * database); replay a failure with PSC_PROPERTY_SEED.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { newCustomerBody } from '../helpers/customers.js';
import { DIALECTS } from '../helpers/stores.js';

type Api = ReturnType<typeof client>;

const RUNS = Number(process.env.PSC_LEDGER_RUNS ?? 12);
const SEED = process.env.PSC_PROPERTY_SEED;
const DAY = 86_400_000;

/** mail-basic's USD costs per billing cycle and term (catalog/demo/products/mail.json). */
const PLANS = [
  { billingCycle: 'monthly', termDuration: 'P1M', termMonths: 1, periodMonths: 1, cost: 480n },
  { billingCycle: 'monthly', termDuration: 'P1Y', termMonths: 12, periodMonths: 1, cost: 400n },
  { billingCycle: 'annual', termDuration: 'P1Y', termMonths: 12, periodMonths: 12, cost: 4560n },
] as const;
type Plan = (typeof PLANS)[number];

const MARKUPS = ['0', '20', '12.5', '33.3333'] as const;

type Op =
  | { kind: 'advance'; days: number; hours: number }
  | { kind: 'quantity'; to: number }
  | { kind: 'cancel' }
  | { kind: 'autoRenew'; on: boolean }
  | { kind: 'markup'; to: (typeof MARKUPS)[number] };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      days: fc.integer({ min: 0, max: 45 }),
      hours: fc.integer({ min: 0, max: 23 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('quantity' as const),
      to: fc.integer({ min: 1, max: 60 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('autoRenew' as const), on: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('markup' as const), to: fc.constantFrom(...MARKUPS) }),
  },
);

const runArb = fc.record({
  plan: fc.constantFrom(...PLANS),
  startDay: fc.integer({ min: 0, max: 730 }),
  startHour: fc.integer({ min: 0, max: 23 }),
  markup: fc.constantFrom(...MARKUPS),
  quantity: fc.integer({ min: 1, max: 60 }),
  ops: fc.array(opArb, { minLength: 1, maxLength: 10 }),
});

// --- This file's own calendar: dates are YYYY-MM-DD strings, UTC. ---

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (date: string) => Date.parse(`${date}T00:00:00.000Z`);
const plusDays = (date: string, days: number) => dateOf(msOf(date) + days * DAY);
function plusMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return dateOf(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
}

/** Half-even rounding of a non-negative fraction. */
function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twice = 2n * (numerator % denominator);
  if (twice < denominator) return quotient;
  if (twice > denominator) return quotient + 1n;
  return quotient % 2n === 0n ? quotient : quotient + 1n;
}

function priceOf(cost: bigint, markup: string): bigint {
  const [whole = '0', fraction = ''] = markup.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const percent = BigInt(whole + fraction);
  return roundHalfEven(cost * (100n * scale + percent), 100n * scale);
}

const cents = (amount: string) => {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return negative ? -value : value;
};

/** What the model knows: each accepted change with its day, and the terms as they renewed. */
interface Model {
  plan: Plan;
  quantities: { from: string; quantity: number }[];
  cancelledOn: string | null;
  terms: { start: string; end: string; price: bigint }[];
  expired: boolean;
}

/** Amount owed per billing period: every day of every period begun, at that day's quantity. */
function expectedByPeriod(model: Model, today: string): Map<string, bigint> {
  const owed = new Map<string, bigint>();
  for (const term of model.terms) {
    for (let k = 0; ; k += 1) {
      const start = plusMonths(term.start, k * model.plan.periodMonths);
      if (start > term.end || start > today) break;
      if (model.cancelledOn !== null && start > model.cancelledOn) break;
      const wholeEnd = plusDays(plusMonths(term.start, (k + 1) * model.plan.periodMonths), -1);
      const end = wholeEnd < term.end ? wholeEnd : term.end;
      const periodDays = BigInt(Math.round((msOf(wholeEnd) - msOf(start)) / DAY) + 1);
      let unitDays = 0n;
      for (let day = start; day <= end; day = plusDays(day, 1)) {
        if (model.cancelledOn !== null && day >= model.cancelledOn) break;
        const quantity = model.quantities.filter((q) => q.from <= day).at(-1)?.quantity ?? 0;
        unitDays += BigInt(quantity);
      }
      owed.set(start, roundHalfEven(term.price * unitDays, periodDays));
    }
  }
  return owed;
}

describe.each(DIALECTS)('the ledger against its closed form, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: new TestClock('2026-06-01T00:00:00.000Z') });
  });
  afterAll(() => t.close());

  async function chargesOf(api: Api, base: string, subscriptionId: string) {
    const all: { periodStart: string; amount: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: typeof all; nextCursor: string | null } = (
        await api.get(
          `${base}/charges?subscriptionId=${subscriptionId}&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return all;
  }

  it('charges each period exactly the closed-form amount, to the cent', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async (run) => {
        const { token } = await t.newPartner({ isSandbox: true });
        const api = client(t.app, token);
        let now = Date.UTC(2030, 0, 1) + run.startDay * DAY + run.startHour * 3_600_000;
        const moveTo = async (ms: number) => {
          const moved = await api.post('/v1/sandbox/clock', { to: new Date(ms).toISOString() });
          expect(moved.statusCode, moved.body).toBe(200);
          now = ms;
        };
        await moveTo(now);
        let markup: string = run.markup;
        const setMarkup = async (to: string) => {
          const put = await api.put('/v1/price-book', { defaultMarkupPercent: to, rules: [] });
          expect(put.statusCode, put.body).toBe(200);
          markup = to;
        };
        await setMarkup(markup);
        const customer = (await api.post('/v1/customers', newCustomerBody())).json<{
          id: string;
        }>();
        const base = `/v1/customers/${customer.id}`;
        const { plan } = run;
        const placed = await api.post(`${base}/orders`, {
          billingCycle: plan.billingCycle,
          lineItems: [
            { offerId: 'mail-basic', quantity: run.quantity, termDuration: plan.termDuration },
          ],
        });
        expect(placed.statusCode, placed.body).toBe(201);
        const id = placed.json().lineItems[0].subscriptionId as string;
        const url = `${base}/subscriptions/${id}`;
        const start = dateOf(now);
        const model: Model = {
          plan,
          quantities: [{ from: start, quantity: run.quantity }],
          cancelledOn: null,
          terms: [
            {
              start,
              end: plusDays(plusMonths(start, plan.termMonths), -1),
              price: priceOf(plan.cost, markup),
            },
          ],
          expired: false,
        };
        let autoRenew = true;
        let quantity = run.quantity;

        for (const op of run.ops) {
          if (op.kind === 'advance') {
            const target = now + op.days * DAY + op.hours * 3_600_000;
            // The terms that end on the way renew (auto-renew on) at the price of that moment.
            for (;;) {
              const term = model.terms.at(-1);
              if (!term || model.expired || model.cancelledOn !== null) break;
              const ends = msOf(plusDays(term.end, 1));
              if (ends > target) break;
              if (!autoRenew) {
                model.expired = true;
                break;
              }
              const next = plusDays(term.end, 1);
              model.terms.push({
                start: next,
                end: plusDays(plusMonths(next, plan.termMonths), -1),
                price: priceOf(plan.cost, markup),
              });
            }
            await moveTo(target);
            continue;
          }
          if (model.expired || model.cancelledOn !== null) continue;
          if (op.kind === 'markup') {
            await setMarkup(op.to);
          } else if (op.kind === 'autoRenew') {
            const answer = await api.patch(url, { autoRenewEnabled: op.on });
            expect(answer.statusCode, answer.body).toBe(200);
            autoRenew = op.on;
          } else if (op.kind === 'quantity') {
            const answer = await api.patch(url, { quantity: op.to });
            if (answer.statusCode === 200) {
              if (op.to !== quantity) model.quantities.push({ from: dateOf(now), quantity: op.to });
              quantity = op.to;
            } else {
              expect(answer.json().code).toBe('quantity_decrease_not_allowed');
            }
          } else {
            const answer = await api.patch(url, { status: 'deleted' });
            if (answer.statusCode === 200) model.cancelledOn = dateOf(now);
            else expect(answer.json().code).toBe('cancellation_window_expired');
          }
        }

        const charged = new Map<string, bigint>();
        for (const charge of await chargesOf(api, base, id)) {
          charged.set(
            charge.periodStart,
            (charged.get(charge.periodStart) ?? 0n) + cents(charge.amount),
          );
        }
        expect(Object.fromEntries(charged)).toEqual(
          Object.fromEntries(expectedByPeriod(model, dateOf(now))),
        );
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: Number(SEED) }) },
    );
  });
});
