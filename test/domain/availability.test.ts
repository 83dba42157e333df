import { describe, expect, it } from 'vitest';
import {
  AVAILABILITY_REASON_CODES,
  addOnOffersOf,
  catalogAvailability,
  offerAvailability,
  type AvailabilityInput,
  type SubscriptionFacts,
} from '../../src/domain/availability.js';
import { indexCatalog } from '../../src/domain/catalog-index.js';
import type { Offer } from '../../src/domain/offer.js';
import { DEMO_CATALOG_PATH, loadCatalog } from '../../src/store/catalog-files.js';
import { offerFixture } from '../helpers/offers.js';

const offer = offerFixture;

const limited = offer({
  id: 'compliance',
  name: 'Compliance',
  limit: 1,
  limitUnitOfMeasure: 'concurrent',
});
const limitedTwo = offer({ id: 'pair', name: 'Pair', limit: 2, limitUnitOfMeasure: 'concurrent' });
const trial = offer({
  id: 'suite-trial',
  name: 'Suite trial',
  isTrial: true,
  trial: { days: 30, maxQuantity: 25, conversionTargetOfferIds: ['suite'] },
  limit: 1,
  limitUnitOfMeasure: 'lifetime',
  billingCycles: ['monthly'],
  termDurations: ['P1M'],
});
const oneShot = offer({
  id: 'one-shot',
  name: 'One shot',
  limit: 1,
  limitUnitOfMeasure: 'lifetime',
});
const addOn = offer({
  id: 'storage',
  name: 'Extra storage',
  isAddOn: true,
  baseOfferIds: ['suite', 'suite-plus'],
});

let next = 0;
function sub(overrides: Partial<SubscriptionFacts> = {}): SubscriptionFacts {
  next += 1;
  return {
    id: `sub-${next}`,
    offerId: 'suite',
    status: 'active',
    parentSubscriptionId: null,
    billingCycle: 'monthly',
    ...overrides,
  };
}

function input(overrides: Partial<AvailabilityInput> = {}): AvailabilityInput {
  return {
    customer: { country: 'US', segment: 'commercial' },
    instance: 'global',
    subscriptions: [],
    billingCycle: 'monthly',
    ...overrides,
  };
}

function codes(o: Offer, i: AvailabilityInput) {
  return offerAvailability(o, i).reasons.map((r) => [r.code, r.subscriptionId]);
}

describe('offerAvailability: one case per reason', () => {
  const suspendedCompliance = sub({ id: 'held', offerId: 'compliance', status: 'suspended' });
  const base = sub({ id: 'base', offerId: 'suite' });
  const cases: [string, Offer, AvailabilityInput, (string | undefined)[][]][] = [
    ['an eligible offer is available', offer(), input(), []],
    [
      'market_not_supported',
      offer(),
      input({ customer: { country: 'JP', segment: 'commercial' } }),
      [['market_not_supported', undefined]],
    ],
    [
      'segment_not_eligible',
      offer(),
      input({ customer: { country: 'US', segment: 'government' } }),
      [['segment_not_eligible', undefined]],
    ],
    [
      'instance_not_supported',
      offer(),
      input({ instance: 'usgov' }),
      [['instance_not_supported', undefined]],
    ],
    [
      'billing_cycle_not_supported',
      offer({ billingCycles: ['monthly'] }),
      input({ billingCycle: 'annual' }),
      [['billing_cycle_not_supported', undefined]],
    ],
    [
      'limit_reached by an active subscription',
      limited,
      input({ subscriptions: [sub({ id: 'held', offerId: 'compliance' })] }),
      [['limit_reached', 'held']],
    ],
    [
      'limit_reached and suspended_subscription_exists for a suspended holder',
      limited,
      input({ subscriptions: [suspendedCompliance] }),
      [
        ['limit_reached', 'held'],
        ['suspended_subscription_exists', 'held'],
      ],
    ],
    [
      'base_subscription_required when the customer has no base',
      addOn,
      input(),
      [['base_subscription_required', undefined]],
    ],
    [
      'base_subscription_inactive when the only base is suspended',
      addOn,
      input({ subscriptions: [sub({ id: 'base', status: 'suspended' })] }),
      [['base_subscription_inactive', 'base']],
    ],
    [
      'trial_already_used',
      trial,
      input({
        subscriptions: [sub({ id: 'old-trial', offerId: 'suite-trial', status: 'expired' })],
      }),
      [['trial_already_used', 'old-trial']],
    ],
    [
      'already_owns_offer on the chosen base',
      addOn,
      input({
        baseSubscription: base,
        subscriptions: [
          base,
          sub({ id: 'mine', offerId: 'storage', parentSubscriptionId: 'base' }),
        ],
      }),
      [['already_owns_offer', 'mine']],
    ],
  ];

  it.each(cases)('%s', (_name, o, i, expected) => {
    expect(codes(o, i)).toEqual(expected);
    expect(offerAvailability(o, i).available).toBe(expected.length === 0);
  });

  it('covers every reason code', () => {
    const covered = new Set(cases.flatMap(([, o, i]) => codes(o, i).map(([c]) => c)));
    expect([...covered].sort()).toEqual([...AVAILABILITY_REASON_CODES].sort());
  });
});

describe('offerAvailability: combinations', () => {
  it('reports segment and market together, in the order of the code list', () => {
    const result = offerAvailability(
      offer({ billingCycles: ['annual'] }),
      input({ customer: { country: 'JP', segment: 'nonprofit' }, instance: 'usgov' }),
    );
    expect(result.available).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual([
      'market_not_supported',
      'segment_not_eligible',
      'instance_not_supported',
      'billing_cycle_not_supported',
    ]);
  });

  it('orders add-on and limit reasons by the code list', () => {
    const limitedAddOn = { ...addOn, limit: 1, limitUnitOfMeasure: 'concurrent' as const };
    const reasons = offerAvailability(
      limitedAddOn,
      input({
        customer: { country: 'JP', segment: 'commercial' },
        subscriptions: [sub({ id: 'held', offerId: 'storage', parentSubscriptionId: 'x' })],
      }),
    ).reasons.map((r) => r.code);
    expect(reasons).toEqual([
      'market_not_supported',
      'limit_reached',
      'base_subscription_required',
    ]);
  });

  it('writes a sentence naming the offer, the country and the subscription', () => {
    const [market] = offerAvailability(
      offer(),
      input({ customer: { country: 'JP', segment: 'commercial' } }),
    ).reasons;
    expect(market?.detail).toBe('Suite is not sold to customers in JP.');
    const [, suspended] = offerAvailability(
      limited,
      input({ subscriptions: [sub({ id: 'held', offerId: 'compliance', status: 'suspended' })] }),
    ).reasons;
    expect(suspended?.detail).toMatch(/held.*Compliance.*reactivate it/);
  });
});

describe('offerAvailability: limits', () => {
  it('does not count deleted or expired subscriptions against a concurrent limit', () => {
    const subscriptions = [
      sub({ offerId: 'compliance', status: 'deleted' }),
      sub({ offerId: 'compliance', status: 'expired' }),
    ];
    expect(offerAvailability(limited, input({ subscriptions })).available).toBe(true);
  });

  it('counts only subscriptions of the same offer', () => {
    const subscriptions = [sub({ offerId: 'suite' }), sub({ offerId: 'pair' })];
    expect(offerAvailability(limited, input({ subscriptions })).available).toBe(true);
  });

  it('is available below a limit of two and unavailable at it', () => {
    const one = [sub({ offerId: 'pair' })];
    expect(offerAvailability(limitedTwo, input({ subscriptions: one })).available).toBe(true);
    const two = [...one, sub({ offerId: 'pair', status: 'suspended' })];
    expect(codes(limitedTwo, input({ subscriptions: two })).map(([c]) => c)).toEqual([
      'limit_reached',
      'suspended_subscription_exists',
    ]);
  });

  it('names an active holder for limit_reached and the suspended one for reactivation', () => {
    const subscriptions = [
      sub({ id: 'paused', offerId: 'pair', status: 'suspended' }),
      sub({ id: 'running', offerId: 'pair' }),
    ];
    expect(codes(limitedTwo, input({ subscriptions }))).toEqual([
      ['limit_reached', 'running'],
      ['suspended_subscription_exists', 'paused'],
    ]);
  });

  it('counts a deleted trial: a trial is used once, ever', () => {
    const subscriptions = [sub({ id: 'gone', offerId: 'suite-trial', status: 'deleted' })];
    expect(codes(trial, input({ subscriptions }))).toEqual([['trial_already_used', 'gone']]);
  });

  it('gives limit_reached, not trial_already_used, for a lifetime limit on a paid offer', () => {
    const subscriptions = [sub({ id: 'bought', offerId: 'one-shot', status: 'expired' })];
    expect(codes(oneShot, input({ subscriptions }))).toEqual([['limit_reached', 'bought']]);
  });

  it('points at a suspended trial so it can be reactivated', () => {
    const subscriptions = [sub({ id: 'paused', offerId: 'suite-trial', status: 'suspended' })];
    expect(codes(trial, input({ subscriptions }))).toEqual([
      ['suspended_subscription_exists', 'paused'],
      ['trial_already_used', 'paused'],
    ]);
  });
});

describe('offerAvailability: trials', () => {
  it('does not check the billing cycle of a trial (the trial tab)', () => {
    expect(offerAvailability(trial, input({ billingCycle: 'annual' })).available).toBe(true);
  });

  it('still checks market and segment of a trial', () => {
    expect(
      codes(trial, input({ customer: { country: 'JP', segment: 'government' } })).map(([c]) => c),
    ).toEqual(['market_not_supported', 'segment_not_eligible']);
  });
});

describe('offerAvailability: add-ons', () => {
  const base = sub({ id: 'base', offerId: 'suite' });

  it('is available on an active base of a listed base offer', () => {
    expect(
      offerAvailability(addOn, input({ baseSubscription: base, subscriptions: [base] })).available,
    ).toBe(true);
  });

  it('needs a base of a listed offer', () => {
    const other = sub({ id: 'other', offerId: 'compliance' });
    expect(codes(addOn, input({ baseSubscription: other, subscriptions: [other] }))).toEqual([
      ['base_subscription_required', undefined],
    ]);
  });

  it.each(['suspended', 'deleted', 'expired'] as const)('refuses a %s base', (status) => {
    const inactive = sub({ id: 'base', offerId: 'suite', status });
    expect(codes(addOn, input({ baseSubscription: inactive, subscriptions: [inactive] }))).toEqual([
      ['base_subscription_inactive', 'base'],
    ]);
  });

  it('ignores a deleted or expired add-on of the same offer on the base', () => {
    const subscriptions = [
      base,
      sub({ offerId: 'storage', parentSubscriptionId: 'base', status: 'deleted' }),
      sub({ offerId: 'storage', parentSubscriptionId: 'base', status: 'expired' }),
    ];
    expect(
      offerAvailability(addOn, input({ baseSubscription: base, subscriptions })).available,
    ).toBe(true);
  });

  it('counts a suspended add-on of the same offer on the base as owned', () => {
    const subscriptions = [
      base,
      sub({ id: 'mine', offerId: 'storage', parentSubscriptionId: 'base', status: 'suspended' }),
    ];
    expect(codes(addOn, input({ baseSubscription: base, subscriptions }))).toEqual([
      ['already_owns_offer', 'mine'],
    ]);
  });

  it('allows the same add-on offer on another base', () => {
    const second = sub({ id: 'second', offerId: 'suite-plus' });
    const subscriptions = [base, second, sub({ offerId: 'storage', parentSubscriptionId: 'base' })];
    expect(
      offerAvailability(addOn, input({ baseSubscription: second, subscriptions })).available,
    ).toBe(true);
  });

  it('without a chosen base: available when any base is active', () => {
    const subscriptions = [
      sub({ offerId: 'suite', status: 'suspended' }),
      sub({ offerId: 'suite-plus' }),
    ];
    expect(offerAvailability(addOn, input({ subscriptions })).available).toBe(true);
  });

  it('without a chosen base: deleted and expired bases do not count', () => {
    const subscriptions = [
      sub({ offerId: 'suite', status: 'deleted' }),
      sub({ offerId: 'suite-plus', status: 'expired' }),
    ];
    expect(codes(addOn, input({ subscriptions }))).toEqual([
      ['base_subscription_required', undefined],
    ]);
  });

  it('never gives base reasons to an offer that is not an add-on', () => {
    const other = sub({ offerId: 'compliance', status: 'suspended' });
    expect(offerAvailability(offer(), input({ baseSubscription: other })).available).toBe(true);
  });
});

describe('catalogAvailability', () => {
  it('keeps catalog order and judges each offer', () => {
    const result = catalogAvailability([offer(), addOn, trial], input({ billingCycle: 'annual' }));
    expect(result.map((r) => [r.offer.id, r.available])).toEqual([
      ['suite', true],
      ['storage', false],
      ['suite-trial', true],
    ]);
  });
});

describe('with the demo catalog', () => {
  const catalog = indexCatalog(loadCatalog(DEMO_CATALOG_PATH));
  const demo = (id: string) => catalog.offer(id)!;

  it('lists the add-on offers a base can take', () => {
    expect(addOnOffersOf(catalog.offers, 'voice-phone-system').map((o) => o.id)).toEqual(
      expect.arrayContaining([
        'voice-calling-domestic',
        'voice-calling-international',
        'voice-audio-conferencing',
      ]),
    );
    expect(addOnOffersOf(catalog.offers, 'backup-server')).toEqual([]);
  });

  it('a US government customer on the usgov instance can buy gov-suite-g5 only annually', () => {
    const gov = input({ customer: { country: 'US', segment: 'government' }, instance: 'usgov' });
    expect(
      offerAvailability(demo('gov-suite-g5'), { ...gov, billingCycle: 'annual' }).available,
    ).toBe(true);
    expect(codes(demo('gov-suite-g5'), gov).map(([c]) => c)).toEqual([
      'billing_cycle_not_supported',
    ]);
  });

  it('the compliance center is limited to one subscription at a time', () => {
    const held = sub({ id: 'held', offerId: 'security-compliance-center', status: 'suspended' });
    expect(codes(demo('security-compliance-center'), input({ subscriptions: [held] }))).toEqual([
      ['limit_reached', 'held'],
      ['suspended_subscription_exists', 'held'],
    ]);
  });
});
