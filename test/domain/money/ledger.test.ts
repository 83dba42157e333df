import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.js';
import { formatMinor } from '../../../src/domain/money/amount.js';
import {
  isBillable,
  ledgerEntry,
  periodChargeDue,
  periodToProrate,
  upcomingChargeDate,
  type ChargeLine,
  type LedgerInput,
} from '../../../src/domain/money/ledger.js';
import { termDates } from '../../../src/domain/subscription-terms.js';
import type { Subscription } from '../../../src/domain/subscription.js';
import { subscriptionFixture } from '../../helpers/subscriptions.js';

/** A monthly subscription of a one-year term from 2026-03-01 at 5.76 (cost 4.80), March charged. */
function yearly(overrides: Partial<Subscription> = {}): Subscription {
  return subscriptionFixture({
    termDuration: 'P1Y',
    ...termDates('2026-03-01', 'P1Y'),
    unitPrice: '5.76',
    unitCost: '4.80',
    nextChargeDate: '2026-04-01',
    ...overrides,
  });
}

const input = (today: string, more: Partial<LedgerInput> = {}): LedgerInput => ({
  today,
  cancelled: false,
  chargedUnitDays: 0n,
  ...more,
});

/** Units × days of a period already in the ledger, as the store sums them. */
const unitDays = (charges: readonly ChargeLine[], periodStart: string) =>
  charges
    .filter((c) => c.periodStart === periodStart)
    .reduce((sum, c) => sum + BigInt(c.quantity) * BigInt(c.days), 0n);

const total = (charges: readonly ChargeLine[], key: 'amount' | 'cost' = 'amount') =>
  charges.reduce((sum, c) => sum + c[key], 0n);

/** Half-even rounding by floor division: independent of the code under test. */
function referenceHalfEven(n: bigint, d: bigint): bigint {
  let floor = n / d;
  if (n % d !== 0n && n < 0n) floor -= 1n;
  const twice = 2n * (n - floor * d);
  if (twice < d) return floor;
  if (twice > d) return floor + 1n;
  return floor % 2n === 0n ? floor : floor + 1n;
}

/** The day a month (or months) on, clamped to the target month's end; written apart from src. */
function monthsOn(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const [ty, tm] = [Math.floor(index / 12), index % 12];
  const lastDay = [
    31,
    ty % 4 === 0 && (ty % 100 !== 0 || ty % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][tm]!;
  return `${ty}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

function daysFromTo(from: string, toExclusive: string): string[] {
  const days: string[] = [];
  for (let day = from; day < toExclusive; day = addDays(day, 1)) days.push(day);
  return days;
}

describe('isBillable, periodChargeDue, periodToProrate', () => {
  it('bills active and suspended paid subscriptions, not trials, expired or deleted ones', () => {
    expect(isBillable(yearly())).toBe(true);
    expect(isBillable(yearly({ status: 'suspended' }))).toBe(true);
    expect(isBillable(yearly({ status: 'expired' }))).toBe(false);
    expect(isBillable(yearly({ status: 'deleted' }))).toBe(false);
    expect(isBillable(yearly({ isTrial: true }))).toBe(false);
  });

  it('a period is due from its first day, within the term, while billable', () => {
    expect(periodChargeDue(yearly(), '2026-03-31')).toBe(false);
    expect(periodChargeDue(yearly(), '2026-04-01')).toBe(true);
    expect(periodChargeDue(yearly(), '2026-06-15')).toBe(true);
    expect(periodChargeDue(yearly({ status: 'suspended' }), '2026-04-01')).toBe(true);
    expect(periodChargeDue(yearly({ status: 'expired' }), '2026-04-01')).toBe(false);
    expect(periodChargeDue(yearly({ nextChargeDate: null }), '2026-04-01')).toBe(false);
    expect(periodChargeDue(yearly({ nextChargeDate: '2027-03-01' }), '2027-03-05')).toBe(false);
  });

  it('prorates in the period holding today, only while billable', () => {
    expect(periodToProrate(yearly(), '2026-04-11')).toEqual({
      start: '2026-04-01',
      end: '2026-04-30',
      days: 30,
    });
    expect(periodToProrate(yearly({ isTrial: true }), '2026-04-11')).toBeUndefined();
    expect(periodToProrate(yearly({ status: 'deleted' }), '2026-04-11')).toBeUndefined();
    expect(periodToProrate(yearly(), '2027-03-01')).toBeUndefined();
  });
});

describe('ledgerEntry', () => {
  describe('a new subscription', () => {
    it('is charged its first period on its first day, with price and cost', () => {
      const sub = subscriptionFixture({ unitPrice: '6.00', unitCost: '5.00' });
      expect(ledgerEntry(null, sub, input('2026-03-01'))).toEqual({
        charges: [
          {
            subscriptionId: 'sub-1',
            customerId: 'customer-1',
            type: 'period',
            date: '2026-03-01',
            periodStart: '2026-03-01',
            periodEnd: '2026-03-31',
            quantity: 10,
            days: 31,
            periodDays: 31,
            unitPrice: 600n,
            unitCost: 500n,
            amount: 6000n,
            cost: 5000n,
            currency: 'USD',
          },
        ],
        nextChargeDate: '2026-04-01',
      });
    });

    it('billed monthly over a year: one month now, the next one due a month on', () => {
      const entry = ledgerEntry(null, yearly({ nextChargeDate: null }), input('2026-03-01'));
      expect(entry.charges).toHaveLength(1);
      expect(entry.charges[0]).toMatchObject({
        periodEnd: '2026-03-31',
        amount: 5760n,
        cost: 4800n,
      });
      expect(entry.nextChargeDate).toBe('2026-04-01');
    });

    it('billed annually: the whole year now, nothing more in the term', () => {
      const sub = yearly({
        billingCycle: 'annual',
        unitPrice: '69.12',
        unitCost: '57.60',
        quantity: 3,
      });
      const entry = ledgerEntry(null, sub, input('2026-03-01'));
      expect(entry.charges).toEqual([
        expect.objectContaining({
          periodStart: '2026-03-01',
          periodEnd: '2027-02-28',
          days: 365,
          periodDays: 365,
          amount: 20736n,
          cost: 17280n,
        }),
      ]);
      expect(entry.nextChargeDate).toBe('2027-03-01');
    });

    it('in JPY, whole yen', () => {
      const sub = subscriptionFixture({
        currency: 'JPY',
        unitPrice: '1200',
        unitCost: '1000',
        quantity: 3,
      });
      expect(ledgerEntry(null, sub, input('2026-03-01')).charges[0]).toMatchObject({
        unitPrice: 1200n,
        amount: 3600n,
        cost: 3000n,
        currency: 'JPY',
      });
    });

    it('an add-on bought mid-month pays the days to its base’s term end, of the whole month', () => {
      const addOn = subscriptionFixture({
        id: 'addon-1',
        parentSubscriptionId: 'sub-1',
        effectiveStartDate: '2026-03-15',
        commitmentEndDate: '2026-03-31',
        quantity: 5,
        unitPrice: '2.00',
        unitCost: '1.50',
      });
      const entry = ledgerEntry(null, addOn, input('2026-03-15'));
      expect(entry.charges).toEqual([
        expect.objectContaining({
          type: 'period',
          date: '2026-03-15',
          periodStart: '2026-03-15',
          periodEnd: '2026-03-31',
          quantity: 5,
          days: 17,
          periodDays: 31,
          amount: 548n, // 5 × 2.00 × 17/31 = 5.4838…
          cost: 411n, // 5 × 1.50 × 17/31 = 4.1129…
        }),
      ]);
      // Its term is over after this period: nothing more is charged in it.
      expect(entry.nextChargeDate).toBe('2026-04-01');
      expect(periodChargeDue({ ...addOn, nextChargeDate: '2026-04-01' }, '2026-04-01')).toBe(false);
    });

    it('a trial costs nothing and is never due', () => {
      const trial = subscriptionFixture({
        isTrial: true,
        trialEndDate: '2026-03-30',
        unitPrice: '0.00',
      });
      expect(ledgerEntry(null, trial, input('2026-03-01'))).toEqual({
        charges: [],
        nextChargeDate: null,
      });
    });
  });

  describe('a quantity change', () => {
    const before = yearly({ nextChargeDate: '2026-04-01' });
    // March is charged: 10 units × 31 days.
    const charged = { chargedUnitDays: 310n };

    it('an increase on day 11 of 31 charges 5 × 5.76 × 21/31 = 19.51', () => {
      const entry = ledgerEntry(before, { ...before, quantity: 15 }, input('2026-03-11', charged));
      expect(entry).toEqual({
        charges: [
          {
            subscriptionId: 'sub-1',
            customerId: 'customer-1',
            type: 'quantity_change',
            date: '2026-03-11',
            periodStart: '2026-03-01',
            periodEnd: '2026-03-31',
            quantity: 5,
            days: 21,
            periodDays: 31,
            unitPrice: 576n,
            unitCost: 480n,
            amount: 1951n,
            cost: 1626n, // 5 × 4.80 × 21/31 = 16.258…
            currency: 'USD',
          },
        ],
        nextChargeDate: '2026-04-01',
      });
    });

    it('an allowed decrease credits the same way', () => {
      const entry = ledgerEntry(before, { ...before, quantity: 7 }, input('2026-03-11', charged));
      expect(entry.charges).toEqual([
        expect.objectContaining({
          type: 'quantity_change',
          quantity: -3,
          days: 21,
          amount: -1171n, // -3 × 5.76 × 21/31 = -11.7058…
          cost: -975n, // -3 × 4.80 × 21/31 = -9.7548…
        }),
      ]);
      expect(entry.nextChargeDate).toBe('2026-04-01');
    });

    it('on the last day of the period charges one day', () => {
      const entry = ledgerEntry(before, { ...before, quantity: 11 }, input('2026-03-31', charged));
      expect(entry.charges).toEqual([
        expect.objectContaining({ quantity: 1, days: 1, amount: 19n }), // 5.76 / 31 = 0.1858…
      ]);
    });

    it('rounds the running total, not each change, so small changes add up', () => {
      // Three changes of +1 unit for the last 15 days at 0.01: each is 15/31 of a cent (0.48),
      // 0 if rounded alone; together 45/31 = 1.45 cents, so 1 cent in all.
      const cent = yearly({ unitPrice: '0.01', unitCost: '0.01', quantity: 1 });
      const charges: ChargeLine[] = [];
      for (const quantity of [2, 3, 4]) {
        const now = { ...cent, quantity: quantity - 1 };
        const entry = ledgerEntry(
          now,
          { ...cent, quantity },
          input('2026-03-17', {
            chargedUnitDays: 31n + unitDays(charges, '2026-03-01'),
          }),
        );
        charges.push(...entry.charges);
      }
      expect(charges.map((c) => [c.quantity, c.days])).toEqual([
        [1, 15],
        [1, 15],
        [1, 15],
      ]);
      expect(charges.map((c) => c.amount)).toEqual([0n, 1n, 0n]);
      expect(total(charges)).toBe(1n);
    });

    it('catches up the period due today first, then prorates over the whole period', () => {
      const due = yearly({ nextChargeDate: '2026-04-01' });
      const entry = ledgerEntry(due, { ...due, quantity: 15 }, input('2026-04-01'));
      expect(entry.charges).toEqual([
        expect.objectContaining({
          type: 'period',
          periodStart: '2026-04-01',
          quantity: 10,
          days: 30,
          amount: 5760n,
        }),
        expect.objectContaining({
          type: 'quantity_change',
          periodStart: '2026-04-01',
          quantity: 5,
          days: 30,
          amount: 2880n,
        }),
      ]);
      expect(entry.nextChargeDate).toBe('2026-05-01');
    });

    it('costs nothing on a trial, and nothing when the quantity stays', () => {
      const trial = yearly({ isTrial: true, nextChargeDate: null });
      expect(ledgerEntry(trial, { ...trial, quantity: 20 }, input('2026-03-11'))).toEqual({
        charges: [],
        nextChargeDate: null,
      });
      expect(
        ledgerEntry(before, { ...before, friendlyName: 'Renamed' }, input('2026-03-11', charged)),
      ).toEqual({ charges: [], nextChargeDate: '2026-04-01' });
    });
  });

  describe('a cancellation', () => {
    const before = yearly({ nextChargeDate: '2026-04-01' });
    const deleted = {
      ...before,
      status: 'deleted' as const,
      deletedAt: new Date('2026-03-01T10:00:00Z'),
    };

    it('on the period’s first day refunds the period in full, then nothing is due', () => {
      const entry = ledgerEntry(
        before,
        deleted,
        input('2026-03-01', { cancelled: true, chargedUnitDays: 310n }),
      );
      expect(entry).toEqual({
        charges: [
          expect.objectContaining({
            type: 'cancellation_refund',
            date: '2026-03-01',
            quantity: -10,
            days: 31,
            periodDays: 31,
            amount: -5760n,
            cost: -4800n,
          }),
        ],
        nextChargeDate: null,
      });
    });

    it('later refunds the unused days', () => {
      const entry = ledgerEntry(
        before,
        deleted,
        input('2026-03-11', { cancelled: true, chargedUnitDays: 310n }),
      );
      expect(entry.charges).toEqual([
        expect.objectContaining({ quantity: -10, days: 21, amount: -3902n, cost: -3252n }),
      ]);
    });

    it('after an increase refunds the current quantity, leaving the exact total for the days used', () => {
      // 10 units from day 1, 15 from day 11, cancelled on day 21: 10 × 10 + 15 × 10 = 250 unit-days.
      const up = ledgerEntry(
        before,
        { ...before, quantity: 15 },
        input('2026-03-11', { chargedUnitDays: 310n }),
      );
      const cancel = ledgerEntry(
        { ...before, quantity: 15 },
        { ...deleted, quantity: 15 },
        input('2026-03-21', {
          cancelled: true,
          chargedUnitDays: 310n + unitDays(up.charges, '2026-03-01'),
        }),
      );
      expect(cancel.charges).toEqual([expect.objectContaining({ quantity: -15, days: 11 })]);
      expect(5760n + total([...up.charges, ...cancel.charges])).toBe(
        referenceHalfEven(576n * 250n, 31n),
      );
    });

    it('of a suspended subscription refunds too (it was billed)', () => {
      const suspended = { ...before, status: 'suspended' as const };
      const entry = ledgerEntry(
        suspended,
        { ...deleted },
        input('2026-03-01', { cancelled: true, chargedUnitDays: 310n }),
      );
      expect(total(entry.charges)).toBe(-5760n);
    });

    it('of a trial refunds nothing', () => {
      const trial = yearly({ isTrial: true, nextChargeDate: null });
      const entry = ledgerEntry(
        trial,
        { ...trial, status: 'deleted' },
        input('2026-03-05', { cancelled: true }),
      );
      expect(entry).toEqual({ charges: [], nextChargeDate: null });
    });
  });

  describe('catching up', () => {
    it('charges every missed period, each on its own first day', () => {
      const late = yearly({ nextChargeDate: '2026-04-01' });
      const entry = ledgerEntry(late, { ...late }, input('2026-06-10'));
      expect(entry.charges.map((c) => [c.type, c.date, c.periodEnd, c.days, c.amount])).toEqual([
        ['period', '2026-04-01', '2026-04-30', 30, 5760n],
        ['period', '2026-05-01', '2026-05-31', 31, 5760n],
        ['period', '2026-06-01', '2026-06-30', 30, 5760n],
      ]);
      expect(entry.nextChargeDate).toBe('2026-07-01');
    });

    it('before prorating a change made after missed periods', () => {
      const late = yearly({ nextChargeDate: '2026-04-01' });
      const entry = ledgerEntry(late, { ...late, quantity: 12 }, input('2026-05-11'));
      expect(
        entry.charges.map((c) => [c.type, c.periodStart, c.quantity, c.days, c.amount]),
      ).toEqual([
        ['period', '2026-04-01', 10, 30, 5760n],
        ['period', '2026-05-01', 10, 31, 5760n],
        ['quantity_change', '2026-05-01', 2, 21, 780n], // 2 × 5.76 × 21/31 = 7.8039…
      ]);
      expect(entry.nextChargeDate).toBe('2026-06-01');
    });

    it('stops at the term’s end', () => {
      const lastMonth = yearly({ nextChargeDate: '2027-02-01' });
      const entry = ledgerEntry(lastMonth, { ...lastMonth }, input('2027-03-05'));
      expect(entry.charges.map((c) => c.date)).toEqual(['2027-02-01']);
      expect(entry.nextChargeDate).toBe('2027-03-01');
    });

    it('charges nothing before the day comes', () => {
      const sub = yearly({ nextChargeDate: '2026-04-01' });
      expect(ledgerEntry(sub, { ...sub }, input('2026-03-31'))).toEqual({
        charges: [],
        nextChargeDate: '2026-04-01',
      });
    });
  });

  describe('a renewal', () => {
    const before = subscriptionFixture({
      unitPrice: '6.00',
      unitCost: '5.00',
      nextChargeDate: '2026-04-01',
    });
    const renewed = {
      ...before,
      effectiveStartDate: '2026-04-01',
      commitmentEndDate: '2026-04-30',
      unitPrice: '6.60',
      unitCost: '5.50',
    };

    it('charges the new term’s first period at the new price', () => {
      const entry = ledgerEntry(before, renewed, input('2026-04-01'));
      expect(entry.charges).toEqual([
        expect.objectContaining({
          type: 'period',
          date: '2026-04-01',
          periodStart: '2026-04-01',
          periodEnd: '2026-04-30',
          quantity: 10,
          days: 30,
          periodDays: 30,
          unitPrice: 660n,
          unitCost: 550n,
          amount: 6600n,
          cost: 5500n,
        }),
      ]);
      expect(entry.nextChargeDate).toBe('2026-05-01');
    });

    it('made late still charges from the new term’s first day', () => {
      const entry = ledgerEntry(before, renewed, input('2026-05-02'));
      expect(entry.charges.map((c) => [c.date, c.amount])).toEqual([['2026-04-01', 6600n]]);
      expect(entry.nextChargeDate).toBe('2026-05-01');
    });

    it('charges what the old term still owed at the old price first', () => {
      const owing = yearly({
        unitPrice: '6.00',
        unitCost: '5.00',
        nextChargeDate: '2027-02-01',
      });
      const next = {
        ...owing,
        ...termDates('2027-03-01', 'P1Y'),
        unitPrice: '6.60',
        unitCost: '5.50',
      };
      const entry = ledgerEntry(owing, next, input('2027-03-01'));
      expect(entry.charges.map((c) => [c.date, c.unitPrice, c.amount])).toEqual([
        ['2027-02-01', 600n, 6000n],
        ['2027-03-01', 660n, 6600n],
      ]);
      expect(entry.nextChargeDate).toBe('2027-04-01');
    });
  });

  describe('suspension, expiry and deletion', () => {
    it('suspending charges nothing and keeps the next charge date', () => {
      const sub = yearly();
      const entry = ledgerEntry(
        sub,
        { ...sub, status: 'suspended' },
        input('2026-03-11', { chargedUnitDays: 310n }),
      );
      expect(entry).toEqual({ charges: [], nextChargeDate: '2026-04-01' });
    });

    it('a suspended subscription keeps being billed', () => {
      const sub = yearly({ status: 'suspended', suspensionReasons: ['nonpayment'] });
      const entry = ledgerEntry(sub, { ...sub }, input('2026-04-01'));
      expect(entry.charges).toEqual([expect.objectContaining({ type: 'period', amount: 5760n })]);
      expect(entry.nextChargeDate).toBe('2026-05-01');
    });

    it('reactivating charges nothing', () => {
      const sub = yearly({ status: 'suspended' });
      expect(ledgerEntry(sub, { ...sub, status: 'active' }, input('2026-03-20'))).toEqual({
        charges: [],
        nextChargeDate: '2026-04-01',
      });
    });

    it('an expired subscription is charged nothing more', () => {
      const ended = subscriptionFixture({ nextChargeDate: '2026-04-01' });
      expect(ledgerEntry(ended, { ...ended, status: 'expired' }, input('2026-04-01'))).toEqual({
        charges: [],
        nextChargeDate: null,
      });
      const expired = { ...ended, status: 'expired' as const };
      expect(ledgerEntry(expired, { ...expired }, input('2026-05-01'))).toEqual({
        charges: [],
        nextChargeDate: null,
      });
    });

    it('deleted late after its retention, is billed only for the periods begun before it ended', () => {
      const sub = yearly({
        status: 'suspended',
        suspensionReasons: ['nonpayment'],
        expiresAt: new Date('2026-05-01T00:00:00.001Z'),
      });
      const deleted = { ...sub, status: 'deleted' as const, deletedAt: new Date('2026-07-15') };
      const entry = ledgerEntry(sub, deleted, input('2026-07-15'));
      expect(entry.charges.map((c) => c.periodStart)).toEqual(['2026-04-01', '2026-05-01']);
      expect(entry.nextChargeDate).toBeNull();
      const onTheDot = { ...sub, expiresAt: new Date('2026-05-01T00:00:00.000Z') };
      expect(
        ledgerEntry(onTheDot, { ...deleted }, input('2026-07-15')).charges.map(
          (c) => c.periodStart,
        ),
      ).toEqual(['2026-04-01']);
    });

    it('a deleted subscription is charged nothing', () => {
      const gone = yearly({ status: 'deleted', nextChargeDate: '2026-04-01' });
      expect(ledgerEntry(gone, { ...gone }, input('2026-06-01'))).toEqual({
        charges: [],
        nextChargeDate: null,
      });
      expect(ledgerEntry(gone, { ...gone, quantity: 20 }, input('2026-03-11'))).toEqual({
        charges: [],
        nextChargeDate: null,
      });
    });
  });
});

describe('ledger properties', () => {
  const start = fc.integer({ min: 0, max: 3 * 366 }).map((offset) => addDays('2026-01-01', offset));
  const cycle = fc.constantFrom<'monthly' | 'annual'>('monthly', 'annual');
  const minor = fc.bigInt({ min: 0n, max: 1_000_000n });
  const quantity = fc.integer({ min: 1, max: 300 });

  it('quantity changes within one period sum to round(price × Σ units × days / N), day by day', () => {
    const step = fc.record({
      offset: fc.integer({ min: 0, max: 365 }),
      quantity,
      cancel: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    });
    fc.assert(
      fc.property(
        start,
        cycle,
        minor,
        minor,
        quantity,
        fc.array(step, { maxLength: 8 }),
        (from, billingCycle, price, cost, q0, rawSteps) => {
          // The period's days, counted here day by day from a month (or a year) on.
          const nextStart = monthsOn(from, billingCycle === 'monthly' ? 1 : 12);
          const days = daysFromTo(from, nextStart);
          const N = days.length;
          const steps = rawSteps
            .map((s) => ({ ...s, offset: s.offset % N }))
            .sort((a, b) => a.offset - b.offset);

          let sub = subscriptionFixture({
            ...termDates(from, 'P1Y'),
            billingCycle,
            termDuration: 'P1Y',
            quantity: q0,
            unitPrice: formatMinor(price, 'USD'),
            unitCost: formatMinor(cost, 'USD'),
          });
          const first = ledgerEntry(null, sub, input(from));
          const charges = [...first.charges];
          sub = { ...sub, nextChargeDate: first.nextChargeDate };
          expect(first.nextChargeDate).toBe(nextStart);

          const held = days.map(() => q0);
          for (const { offset, quantity: q, cancel } of steps) {
            if (sub.status === 'deleted') break;
            const today = days[offset]!;
            const next: Subscription = cancel
              ? { ...sub, status: 'deleted' }
              : { ...sub, quantity: q };
            const entry = ledgerEntry(sub, next, {
              today,
              cancelled: cancel,
              chargedUnitDays: unitDays(charges, from),
            });
            for (const c of entry.charges) {
              expect(c.periodStart).toBe(from);
              expect(c.periodDays).toBe(N);
              expect(c.days).toBe(N - offset);
              expect(c.date).toBe(today);
            }
            charges.push(...entry.charges);
            sub = { ...next, nextChargeDate: entry.nextChargeDate };
            for (let d = offset; d < N; d += 1) held[d] = cancel ? 0 : q;
          }

          const unitDaysHeld = BigInt(held.reduce((a, b) => a + b, 0));
          expect(unitDays(charges, from)).toBe(unitDaysHeld);
          expect(total(charges)).toBe(referenceHalfEven(price * unitDaysHeld, BigInt(N)));
          expect(total(charges, 'cost')).toBe(referenceHalfEven(cost * unitDaysHeld, BigInt(N)));
          // Each amount is within a minor unit of its own exact share.
          for (const c of charges) {
            const exact = price * BigInt(c.quantity) * BigInt(c.days);
            const off = c.amount * BigInt(N) - exact;
            expect(off <= BigInt(N) && off >= -BigInt(N)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('over a whole term with a late scheduler, each period sums to its exact rounded total', () => {
    const event = fc.record({
      offset: fc.integer({ min: 0, max: 400 }),
      quantity: fc.option(quantity, { nil: undefined }), // undefined: the scheduler runs
    });
    fc.assert(
      fc.property(
        start,
        minor,
        quantity,
        fc.array(event, { maxLength: 12 }),
        (from, price, q0, raw) => {
          const term = termDates(from, 'P1Y');
          const termDays = daysFromTo(from, addDays(term.commitmentEndDate, 1));
          const events = raw
            .map((e) => ({ ...e, offset: e.offset % termDays.length }))
            .sort((a, b) => a.offset - b.offset);
          let sub = subscriptionFixture({
            ...term,
            termDuration: 'P1Y',
            quantity: q0,
            unitPrice: formatMinor(price, 'USD'),
          });
          const first = ledgerEntry(null, sub, input(from));
          const charges = [...first.charges];
          sub = { ...sub, nextChargeDate: first.nextChargeDate };
          const held = termDays.map(() => q0);
          let lastDay = from;
          for (const { offset, quantity: q } of events) {
            const today = termDays[offset]!;
            lastDay = today;
            const next = q === undefined ? { ...sub } : { ...sub, quantity: q };
            if (q === undefined && !periodChargeDue(sub, today)) continue;
            const prorated = q !== undefined ? periodToProrate(sub, today) : undefined;
            const entry = ledgerEntry(sub, next, {
              today,
              cancelled: false,
              chargedUnitDays: prorated ? unitDays(charges, prorated.start) : 0n,
            });
            charges.push(...entry.charges);
            sub = { ...next, nextChargeDate: entry.nextChargeDate };
            if (q !== undefined) for (let d = offset; d < held.length; d += 1) held[d] = q;
          }
          // The monthly periods computed here, and what each must total.
          for (let k = 0, periodStart = from; periodStart <= term.commitmentEndDate; k += 1) {
            const periodEnd = monthsOn(from, k + 1);
            const inPeriod = termDays
              .map((day, i) => [day, held[i]!] as const)
              .filter(([day]) => day >= periodStart && day < periodEnd);
            const own = charges.filter((c) => c.periodStart === periodStart);
            if (periodStart > lastDay) {
              expect(own).toEqual([]);
            } else {
              const periodUnitDays = BigInt(inPeriod.reduce((sum, [, q]) => sum + q, 0));
              expect(total(own)).toBe(
                referenceHalfEven(price * periodUnitDays, BigInt(inPeriod.length)),
              );
              expect(own[0]).toMatchObject({ type: 'period', date: periodStart });
            }
            periodStart = periodEnd;
          }
          expect(charges.every((c) => c.periodStart <= lastDay)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('upcomingChargeDate', () => {
  const term = { commitmentEndDate: '2026-12-31' };
  it('is the next period within the term, the renewal when it renews, else none', () => {
    const within = { ...term, nextChargeDate: '2026-06-01', autoRenewEnabled: false };
    expect(upcomingChargeDate(within)).toBe('2026-06-01');
    const atRenewal = { ...term, nextChargeDate: '2027-01-01', autoRenewEnabled: true };
    expect(upcomingChargeDate(atRenewal)).toBe('2027-01-01');
    expect(upcomingChargeDate({ ...atRenewal, autoRenewEnabled: false })).toBeNull();
    expect(upcomingChargeDate({ ...within, nextChargeDate: null })).toBeNull();
  });
});
