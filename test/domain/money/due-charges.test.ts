import { describe, expect, it, vi } from 'vitest';
import { ledgerEntry } from '../../../src/domain/money/ledger.js';
import { termDates } from '../../../src/domain/subscription-terms.js';
import type { Subscription } from '../../../src/domain/subscription.js';
import { chargePeriod, dueChange, renew, type DueInput } from '../../../src/domain/verbs/due.js';
import { offerFixture } from '../../helpers/offers.js';
import { subscriptionFixture } from '../../helpers/subscriptions.js';

const offer = offerFixture();
const addOnOffer = offerFixture({ id: 'extra', isAddOn: true, baseOfferIds: ['suite'] });
const at = (iso: string) => new Date(iso);

/** Monthly billing of a one-year term from 2026-03-01, March charged. */
const yearly = (overrides: Partial<Subscription> = {}) =>
  subscriptionFixture({
    termDuration: 'P1Y',
    ...termDates('2026-03-01', 'P1Y'),
    nextChargeDate: '2026-04-01',
    ...overrides,
  });

const input = (over: Partial<DueInput> = {}): DueInput => ({
  offer,
  base: undefined,
  addOns: [],
  now: at('2026-04-01T00:00:00.000Z'),
  ...over,
});

describe('a billing period comes due', () => {
  it('on its first day (UTC): a visible change with no event, the subscription as it is', () => {
    const sub = yearly();
    const change = dueChange(sub, input());
    expect(change).toEqual({ before: sub, next: sub, events: [], followers: [], visible: true });
    // A copy, so that writing the new version never touches the one read.
    expect(change?.next).not.toBe(sub);
    expect(chargePeriod(sub, input())).toEqual(change);
  });

  it('not a millisecond before', () => {
    expect(dueChange(yearly(), input({ now: at('2026-03-31T23:59:59.999Z') }))).toBeNull();
  });

  it('still when the scheduler runs late, and the ledger then catches up every period', () => {
    const sub = yearly();
    const change = dueChange(sub, input({ now: at('2026-06-10T08:00:00.000Z') }));
    expect(change?.events).toEqual([]);
    const entry = ledgerEntry(change!.before, change!.next, {
      today: '2026-06-10',
      cancelled: false,
      chargedUnitDays: 0n,
    });
    expect(entry.charges.map((c) => c.date)).toEqual(['2026-04-01', '2026-05-01', '2026-06-01']);
    expect(entry.nextChargeDate).toBe('2026-07-01');
    // With the next charge date moved on, nothing is due until it comes.
    const charged = { ...sub, nextChargeDate: entry.nextChargeDate };
    expect(dueChange(charged, input({ now: at('2026-06-30T23:00:00.000Z') }))).toBeNull();
    expect(dueChange(charged, input({ now: at('2026-07-01T00:00:00.000Z') }))?.events).toEqual([]);
  });

  it('while suspended (billing goes on), until retention deletes it', () => {
    const suspended = yearly({
      status: 'suspended',
      suspensionReasons: ['nonpayment'],
      suspendedAt: at('2026-03-20T00:00:00.000Z'),
      expiresAt: at('2026-06-18T00:00:00.000Z'),
    });
    expect(dueChange(suspended, input())).toMatchObject({ events: [], visible: true });
    const deleted = dueChange(suspended, input({ now: at('2026-06-18T00:00:00.000Z') }));
    expect(deleted?.next.status).toBe('deleted');
    expect(deleted?.events.map((e) => e.type)).toEqual(['subscription.deprovisioned']);
  });

  it.each<[string, Partial<Subscription>]>([
    ['a trial', { isTrial: true, trialEndDate: '2026-03-30' }],
    ['an expired subscription', { status: 'expired' }],
    ['a deleted subscription', { status: 'deleted' }],
    ['a subscription with nothing more to charge', { nextChargeDate: null }],
    ['a next charge date past the term', { nextChargeDate: '2027-03-01' }],
  ])('never for %s', (_name, overrides) => {
    const sub = yearly(overrides);
    expect(chargePeriod(sub, input())).toBeNull();
    expect(dueChange(sub, input())).toBeNull();
  });

  it('comes before a warning due the same day; the warning follows once charged', () => {
    const ending = yearly({ autoRenewEnabled: false, nextChargeDate: '2027-02-01' });
    const now = at('2027-02-22T00:00:00.000Z');
    expect(dueChange(ending, input({ now }))?.events).toEqual([]);
    const charged = { ...ending, nextChargeDate: '2027-03-01' };
    expect(dueChange(charged, input({ now }))?.events.map((e) => e.type)).toEqual([
      'subscription.expiring_soon',
    ]);
  });

  it('at the term’s end is the renewal’s, not a period charge of the old term', () => {
    const monthly = subscriptionFixture({ nextChargeDate: '2026-04-01' });
    const change = dueChange(monthly, input());
    expect(change?.events.map((e) => e.type)).toEqual(['subscription.renewed']);
    expect(chargePeriod(monthly, input())).toBeNull();
  });
});

describe('a renewal re-prices the next term', () => {
  const base = subscriptionFixture({
    unitPrice: '6.00',
    unitCost: '5.00',
    nextChargeDate: '2026-04-01',
  });
  const addOn = subscriptionFixture({
    id: 'addon-1',
    offerId: 'extra',
    parentSubscriptionId: 'sub-1',
    effectiveStartDate: '2026-03-15',
    commitmentEndDate: '2026-03-31',
    quantity: 5,
    unitPrice: '2.00',
    unitCost: '1.50',
    nextChargeDate: '2026-04-01',
  });

  it('takes the new price and cost and says so with subscription.price_changed', () => {
    const reprice = vi.fn(() => ({ unitPrice: '6.60', unitCost: '5.50' }));
    const change = dueChange(base, input({ reprice }));
    expect(reprice).toHaveBeenCalledWith(base);
    expect(change?.next).toMatchObject({
      effectiveStartDate: '2026-04-01',
      commitmentEndDate: '2026-04-30',
      unitPrice: '6.60',
      unitCost: '5.50',
    });
    expect(change?.events).toEqual([
      expect.objectContaining({ type: 'subscription.renewed' }),
      {
        type: 'subscription.price_changed',
        subscriptionId: 'sub-1',
        customerId: 'customer-1',
        reason: 'renewal',
        data: {
          currency: 'USD',
          unitPrice: { from: '6.00', to: '6.60' },
          unitCost: { from: '5.00', to: '5.50' },
          effectiveStartDate: '2026-04-01',
        },
      },
    ]);
    expect(renew(base, input({ reprice }))?.next.unitPrice).toBe('6.60');
  });

  it('the ledger charges the new term’s first period at the new price', () => {
    const change = dueChange(
      base,
      input({ reprice: () => ({ unitPrice: '6.60', unitCost: '5.50' }) }),
    );
    const entry = ledgerEntry(change!.before, change!.next, {
      today: '2026-04-01',
      cancelled: false,
      chargedUnitDays: 0n,
    });
    expect(entry.charges).toEqual([
      expect.objectContaining({
        type: 'period',
        date: '2026-04-01',
        periodEnd: '2026-04-30',
        quantity: 10,
        unitPrice: 660n,
        amount: 6600n,
        cost: 5500n,
      }),
    ]);
    expect(entry.nextChargeDate).toBe('2026-05-01');
  });

  it('a cost change alone is a price change too', () => {
    const change = dueChange(
      base,
      input({ reprice: () => ({ unitPrice: '6.00', unitCost: '5.10' }) }),
    );
    expect(change?.events[1]).toMatchObject({
      type: 'subscription.price_changed',
      data: { unitPrice: { from: '6.00', to: '6.00' }, unitCost: { from: '5.00', to: '5.10' } },
    });
  });

  it.each<[string, DueInput['reprice']]>([
    ['no repricer', undefined],
    ['the catalog dropped the price (undefined)', () => undefined],
    ['the same price and cost', () => ({ unitPrice: '6.00', unitCost: '5.00' })],
  ])('keeps the price, with no price_changed, given %s', (_name, reprice) => {
    const change = dueChange(base, input({ reprice }));
    expect(change?.next).toMatchObject({
      effectiveStartDate: '2026-04-01',
      unitPrice: '6.00',
      unitCost: '5.00',
    });
    expect(change?.events.map((e) => e.type)).toEqual(['subscription.renewed']);
  });

  it('re-prices each add-on that renews with its base, each with its own event and charge', () => {
    const reprice = vi.fn((sub: Subscription) =>
      sub.id === 'addon-1'
        ? { unitPrice: '2.20', unitCost: '1.60' }
        : { unitPrice: '6.60', unitCost: '5.50' },
    );
    const change = dueChange(base, input({ reprice, addOns: [{ sub: addOn, offer: addOnOffer }] }));
    expect(reprice).toHaveBeenCalledWith(addOn);
    const follower = change?.followers[0];
    expect(follower?.next).toMatchObject({
      effectiveStartDate: '2026-04-01',
      commitmentEndDate: '2026-04-30',
      unitPrice: '2.20',
      unitCost: '1.60',
    });
    expect(follower?.events.map((e) => [e.type, e.subscriptionId])).toEqual([
      ['subscription.renewed', 'addon-1'],
      ['subscription.price_changed', 'addon-1'],
    ]);
    expect(follower?.events[1]?.data).toMatchObject({ unitPrice: { from: '2.00', to: '2.20' } });
    const entry = ledgerEntry(follower!.before, follower!.next, {
      today: '2026-04-01',
      cancelled: false,
      chargedUnitDays: 0n,
    });
    // The add-on's new term is the base's whole month: 5 × 2.20, no proration.
    expect(entry.charges).toEqual([
      expect.objectContaining({
        periodStart: '2026-04-01',
        days: 30,
        periodDays: 30,
        amount: 1100n,
        cost: 800n,
      }),
    ]);
  });

  it('an expiry or a deletion is not re-priced', () => {
    const reprice = vi.fn(() => ({ unitPrice: '9.99', unitCost: '9.00' }));
    const expired = dueChange(
      base,
      input({
        reprice,
        offer: offerFixture({ autoRenewable: false }),
        addOns: [{ sub: addOn, offer: addOnOffer }],
      }),
    );
    expect(expired?.next).toMatchObject({ status: 'expired', unitPrice: '6.00' });
    expect(expired?.events.map((e) => e.type)).toEqual(['subscription.expired']);
    expect(
      expired?.followers.map((f) => [f.next.status, f.next.unitPrice, f.events.length]),
    ).toEqual([['expired', '2.00', 1]]);
    const suspended = {
      ...base,
      status: 'suspended' as const,
      expiresAt: at('2026-03-20T00:00:00.000Z'),
    };
    const deleted = dueChange(suspended, input({ reprice }));
    expect(deleted?.next).toMatchObject({ status: 'deleted', unitPrice: '6.00' });
    expect(reprice).not.toHaveBeenCalled();
    // And the ledger charges neither.
    expect(
      ledgerEntry(expired!.before, expired!.next, {
        today: '2026-04-01',
        cancelled: false,
        chargedUnitDays: 0n,
      }),
    ).toEqual({ charges: [], nextChargeDate: null });
  });
});
