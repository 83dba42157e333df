import { describe, expect, it } from 'vitest';
import {
  addOnFollowingBase,
  dueTransition,
  expiringSoon,
  termEndsAt,
} from '../../src/domain/due-transitions.js';
import { durationMs } from '../../src/domain/duration.js';
import { DomainError } from '../../src/domain/errors.js';
import type { Offer } from '../../src/domain/offer.js';
import type { Subscription } from '../../src/domain/subscription.js';

const offer = {
  id: 'suite',
  autoRenewable: true,
  policies: {
    cancellationWindowHours: 168,
    quantityDecreaseWindowHours: null,
    retentionBaseDays: 90,
    retentionMaxDays: 120,
  },
} as Offer;

function sub(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub-1',
    partnerId: 'p',
    customerId: 'c',
    offerId: 'suite',
    offerName: 'Suite',
    friendlyName: 'Suite',
    quantity: 1,
    unitType: 'licenses',
    parentSubscriptionId: null,
    orderId: 'o',
    status: 'active',
    billingCycle: 'annual',
    termDuration: 'P1Y',
    autoRenewEnabled: true,
    isTrial: false,
    trialEndDate: null,
    creationDate: new Date('2026-03-01T00:00:00Z'),
    effectiveStartDate: '2026-03-01',
    commitmentEndDate: '2027-02-28',
    cancellationAllowedUntil: null,
    quantityDecreaseAllowedUntil: null,
    suspensionReasons: [],
    suspendedAt: null,
    expiresAt: null,
    deletedAt: null,
    unitPrice: '10.00',
    unitCost: '10.00',
    nextChargeDate: null,
    currency: 'USD',
    version: 1,
    expiringSoonWarnedFor: null,
    ...overrides,
  };
}

const at = (iso: string) => new Date(iso);
const endOfTerm = '2027-03-01T00:00:00.000Z';
const lastMs = '2027-02-28T23:59:59.999Z';

describe('due transitions', () => {
  it('a term ends at the start of the day after its last day', () => {
    expect(termEndsAt(sub()).toISOString()).toBe(endOfTerm);
  });

  it('renews an auto-renewing term exactly at its end, with new windows', () => {
    expect(dueTransition(sub(), offer, at(lastMs))).toBeNull();
    expect(dueTransition(sub(), offer, at(endOfTerm))).toEqual({
      kind: 'renew',
      changes: {
        effectiveStartDate: '2027-03-01',
        commitmentEndDate: '2028-02-29',
        cancellationAllowedUntil: at('2027-03-08T00:00:00.000Z'),
        quantityDecreaseAllowedUntil: null,
      },
    });
  });

  it.each<[string, Partial<Subscription>, Partial<Offer>, string]>([
    ['auto-renew off', { autoRenewEnabled: false }, {}, 'term_ended'],
    ['an offer that does not renew', {}, { autoRenewable: false }, 'term_ended'],
    ['a trial', { isTrial: true, commitmentEndDate: '2026-03-30' }, {}, 'trial_ended'],
  ])('expires at term end with %s', (_name, subChanges, offerChanges, reason) => {
    const s = sub(subChanges);
    expect(dueTransition(s, { ...offer, ...offerChanges }, termEndsAt(s))).toEqual({
      kind: 'expire',
      reason,
    });
  });

  it('deletes a suspended subscription at its expiresAt, not a millisecond before', () => {
    const s = sub({ status: 'suspended', expiresAt: at('2026-06-21T00:00:00.000Z') });
    expect(dueTransition(s, offer, at('2026-06-20T23:59:59.999Z'))).toBeNull();
    expect(dueTransition(s, offer, at('2026-06-21T00:00:00.000Z'))).toEqual({
      kind: 'deprovision',
    });
    // A suspended subscription does not renew, even past its term's end.
    expect(dueTransition(s, offer, at('2026-06-01T00:00:00.000Z'))).toBeNull();
  });

  it('does nothing to deleted or expired subscriptions', () => {
    for (const status of ['deleted', 'expired'] as const) {
      expect(
        dueTransition(
          sub({ status, expiresAt: at('2020-01-01T00:00:00Z') }),
          offer,
          at('2030-01-01T00:00:00Z'),
        ),
      ).toBeNull();
    }
  });

  it('leaves an add-on to its active base, and expires one whose base has gone', () => {
    const addOn = sub({ id: 'a', parentSubscriptionId: 'sub-1' });
    expect(dueTransition(addOn, offer, at(endOfTerm), sub())).toBeNull();
    expect(dueTransition(addOn, offer, at(endOfTerm), sub({ status: 'expired' }))).toEqual({
      kind: 'expire',
      reason: 'parent_ended',
    });
  });

  it('renews add-ons with a renewing base, co-terminous, and expires them otherwise', () => {
    const addOn = sub({ id: 'a', parentSubscriptionId: 'sub-1' });
    const renew = dueTransition(sub(), offer, at(endOfTerm))!;
    const after = { commitmentEndDate: '2028-02-29' };
    expect(addOnFollowingBase(addOn, offer, { transition: renew, after })).toMatchObject({
      kind: 'renew',
      changes: { commitmentEndDate: '2028-02-29' },
    });
    expect(
      addOnFollowingBase(sub({ ...addOn, autoRenewEnabled: false }), offer, {
        transition: renew,
        after,
      }),
    ).toEqual({ kind: 'expire', reason: 'term_ended' });
    expect(
      addOnFollowingBase(addOn, offer, {
        transition: { kind: 'expire', reason: 'term_ended' },
        after,
      }),
    ).toEqual({ kind: 'expire', reason: 'parent_ended' });
    expect(
      addOnFollowingBase(sub({ ...addOn, status: 'suspended' }), offer, {
        transition: renew,
        after,
      }),
    ).toBeNull();
  });
});

describe('expiring-soon warnings', () => {
  const suspended = sub({ status: 'suspended', expiresAt: at('2026-06-21T00:00:00.000Z') });

  it('warns 7 days before a retention deletion, once', () => {
    expect(expiringSoon(suspended, offer, at('2026-06-13T23:59:59.999Z'))).toBeNull();
    const warning = expiringSoon(suspended, offer, at('2026-06-14T00:00:00.000Z'));
    expect(warning).toEqual({ about: 'retention', endsAt: at('2026-06-21T00:00:00.000Z') });
    const warned = { ...suspended, expiringSoonWarnedFor: warning!.endsAt };
    expect(expiringSoon(warned, offer, at('2026-06-15T00:00:00.000Z'))).toBeNull();
    // A new suspension is a new end: it is warned about again.
    const resuspended = { ...warned, expiresAt: at('2026-10-10T00:00:00.000Z') };
    expect(expiringSoon(resuspended, offer, at('2026-10-05T00:00:00.000Z'))?.about).toBe(
      'retention',
    );
  });

  it('warns of a term that will not renew and of a trial end, not of a renewal', () => {
    const now = at('2027-02-25T00:00:00.000Z');
    expect(expiringSoon(sub(), offer, now)).toBeNull();
    expect(expiringSoon(sub({ autoRenewEnabled: false }), offer, now)?.about).toBe('term_end');
    expect(expiringSoon(sub({ isTrial: true }), offer, now)?.about).toBe('trial_end');
    expect(expiringSoon(sub({ autoRenewEnabled: false }), offer, at(endOfTerm))).toBeNull();
  });
});

describe('durations', () => {
  it.each([
    ['P30D', 30 * 86_400_000],
    ['PT12H', 12 * 3_600_000],
    ['P1W', 7 * 86_400_000],
    ['P1DT2H3M4.5S', 86_400_000 + 2 * 3_600_000 + 3 * 60_000 + 4500],
    ['PT0.001S', 1],
  ])('%s is %i ms', (text, ms) => {
    expect(durationMs(text, '/advanceBy')).toBe(ms);
  });

  it.each(['P1M', 'P1Y', 'P', 'PT', '30D', 'P-1D', ''])('refuses %j', (text) => {
    expect(() => durationMs(text, '/advanceBy')).toThrow(DomainError);
  });
});
