import { describe, expect, it } from 'vitest';
import { DomainError, type ErrorCode } from '../../src/domain/errors.js';
import type { Offer } from '../../src/domain/offer.js';
import {
  SUBSCRIPTION_STATUSES,
  type Subscription,
  type SubscriptionStatus,
} from '../../src/domain/subscription.js';
import {
  SUBSCRIPTION_OPERATIONS,
  TRANSITIONS,
  addOnsFollowingCancel,
  addOnsReturningWithBase,
  availableActions,
  decideAddOnFollowsSuspend,
  decideCancel,
  decideConversion,
  decideDeprovision,
  decideDetailsUpdate,
  decideQuantityChange,
  decideReactivate,
  decideSuspend,
  requireTransition,
  transitionFor,
  type SubscriptionOperation,
} from '../../src/domain/subscription-lifecycle.js';
import { offerFixture } from '../helpers/offers.js';
import { subscriptionFixture } from '../helpers/subscriptions.js';

const CREATED = new Date('2026-03-01T00:00:00.000Z');
const WEEK_LATER = new Date('2026-03-08T00:00:00.000Z');
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

const offer = offerFixture;

const trialOffer = offer({
  id: 'suite-trial',
  name: 'Suite trial',
  isTrial: true,
  trial: { days: 30, maxQuantity: 25, conversionTargetOfferIds: ['suite'] },
  limit: 1,
  limitUnitOfMeasure: 'lifetime',
  autoRenewable: false,
  policies: {
    cancellationWindowHours: null,
    quantityDecreaseWindowHours: null,
    retentionBaseDays: 90,
    retentionMaxDays: 120,
  },
});
const addOnOffer = offer({
  id: 'storage',
  name: 'Storage',
  isAddOn: true,
  baseOfferIds: ['suite'],
});

const subscription = subscriptionFixture;

const SUSPENDED_AT = new Date('2026-03-01T00:00:00.000Z');
const EXPIRES_AT = new Date('2026-06-21T00:00:00.000Z');
const suspended = (overrides: Partial<Subscription> = {}) =>
  subscription({
    status: 'suspended',
    suspensionReasons: ['customer_request'],
    suspendedAt: SUSPENDED_AT,
    expiresAt: EXPIRES_AT,
    ...overrides,
  });
const trialSub = (overrides: Partial<Subscription> = {}) =>
  subscription({
    id: 'trial-1',
    offerId: 'suite-trial',
    isTrial: true,
    quantity: 25,
    autoRenewEnabled: false,
    trialEndDate: '2026-03-30',
    cancellationAllowedUntil: null,
    quantityDecreaseAllowedUntil: null,
    ...overrides,
  });
const addOnSub = (overrides: Partial<Subscription> = {}) =>
  subscription({ id: 'addon-1', offerId: 'storage', parentSubscriptionId: 'sub-1', ...overrides });

/** The seed's account: billing day 1, opened 2026-01-10, first billing period 2026-02-01. */
const account = {
  accountOpenedAt: new Date('2026-01-10T15:30:00Z'),
  firstBillingPeriodStart: '2026-02-01',
};

function refusal(action: () => unknown): { code: ErrorCode; errors: unknown[] } | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, errors: error.errors };
    throw error;
  }
  return undefined;
}

const codeOf = (action: () => unknown) => refusal(action)?.code;

describe('the transition table', () => {
  const expected = [
    'active change_quantity active',
    'active update_details active',
    'suspended update_details suspended',
    'active suspend suspended',
    'suspended reactivate active',
    'suspended deprovision deleted',
    'active cancel deleted',
    'suspended cancel deleted',
    'active convert expired',
    'active add_addon active',
    'active renew active',
    'active expire expired',
  ];

  it('is the one of DESIGN.md §2, each pair once', () => {
    const rows = TRANSITIONS.map((t) => `${t.from} ${t.operation} ${t.to}`);
    expect([...rows].sort()).toEqual([...expected].sort());
    expect(new Set(TRANSITIONS.map((t) => `${t.from} ${t.operation}`)).size).toBe(rows.length);
  });

  const pairs = SUBSCRIPTION_STATUSES.flatMap((status) =>
    SUBSCRIPTION_OPERATIONS.map((operation) => [status, operation] as const),
  );
  const allowed = new Map(
    expected.map((row) => {
      const [from, operation, to] = row.split(' ');
      return [`${from} ${operation}`, to];
    }),
  );

  it.each(pairs)('%s × %s: transitionFor follows the table', (status, operation) => {
    const to = allowed.get(`${status} ${operation}`);
    expect(transitionFor(status, operation)).toEqual(to === undefined ? undefined : { to });
  });

  const refused = pairs.filter(([s, o]) => !allowed.has(`${s} ${o}`));

  it('refuses most pairs', () => {
    expect(refused).toHaveLength(4 * 10 - 12);
  });

  it.each(refused)('%s × %s is refused with the most specific code', (status, operation) => {
    const expectedCode: ErrorCode =
      status === 'deleted'
        ? 'subscription_deleted'
        : status === 'suspended' && allowed.has(`active ${operation}`)
          ? 'subscription_suspended'
          : 'invalid_status_transition';
    expect(codeOf(() => requireTransition({ id: 's', status }, operation))).toBe(expectedCode);
  });
});

describe('every decision refuses a status outside the table', () => {
  const REFUSALS: ErrorCode[] = [
    'invalid_status_transition',
    'subscription_deleted',
    'subscription_suspended',
  ];
  const now = ms(CREATED, 1000);
  const forStatus = (status: SubscriptionStatus, sub: Subscription): Subscription => ({
    ...sub,
    status,
  });
  const decisions: [SubscriptionOperation, (status: SubscriptionStatus) => unknown][] = [
    [
      'change_quantity',
      (s) => decideQuantityChange(forStatus(s, subscription()), offer(), 11, now),
    ],
    [
      'update_details',
      (s) => decideDetailsUpdate(forStatus(s, subscription()), offer(), { friendlyName: 'x' }),
    ],
    [
      'suspend',
      (s) => decideSuspend(forStatus(s, subscription()), offer(), 'nonpayment', now, account),
    ],
    ['reactivate', (s) => decideReactivate(forStatus(s, suspended()), now)],
    ['cancel', (s) => decideCancel(forStatus(s, subscription()), now)],
    ['convert', (s) => decideConversion(forStatus(s, trialSub()), trialOffer, offer())],
  ];
  const cases = decisions.flatMap(([operation, decide]) =>
    SUBSCRIPTION_STATUSES.map((status) => [operation, status, decide] as const),
  );

  it.each(cases)('%s from %s', (operation, status, decide) => {
    const code = codeOf(() => decide(status));
    if (transitionFor(status, operation)) {
      expect(code).toBeUndefined();
    } else {
      expect(REFUSALS).toContain(code);
      expect(code).toBe(codeOf(() => requireTransition({ id: 's', status }, operation)));
    }
  });

  it.each(SUBSCRIPTION_STATUSES)('deprovision from %s only when suspended', (status) => {
    const sub = forStatus(status, suspended());
    expect(decideDeprovision(sub, EXPIRES_AT)).toBe(status === 'suspended');
  });

  it('names the reason in English', () => {
    expect(() => decideCancel(subscription({ status: 'deleted' }), now)).toThrow(
      'Subscription sub-1 is deleted; cancellation is not possible.',
    );
    expect(() => decideQuantityChange(suspended(), offer(), 11, now)).toThrow(
      /suspended; a quantity change needs an active subscription/,
    );
  });
});

describe('decideQuantityChange', () => {
  const inWindow = ms(CREATED, 3_600_000);
  const afterWindow = ms(WEEK_LATER, 1);
  const cases: [string, Subscription, number, Date, ErrorCode | undefined][] = [
    ['an increase', subscription(), 20, inWindow, undefined],
    ['an increase after the decrease window', subscription(), 20, afterWindow, undefined],
    ['up to the maximum', subscription(), 300, inWindow, undefined],
    ['a decrease inside the window', subscription(), 5, inWindow, undefined],
    ['a decrease at the last instant of the window', subscription(), 5, WEEK_LATER, undefined],
    [
      'a decrease after the window',
      subscription(),
      5,
      afterWindow,
      'quantity_decrease_not_allowed',
    ],
    [
      'a decrease with no window',
      subscription({ quantityDecreaseAllowedUntil: null }),
      1,
      afterWindow,
      undefined,
    ],
    ['the same quantity after the window (no-op)', subscription(), 10, afterWindow, undefined],
    ['below the minimum', subscription(), 0, inWindow, 'quantity_out_of_range'],
    ['above the maximum', subscription(), 301, inWindow, 'quantity_out_of_range'],
    ['a fraction', subscription(), 10.5, inWindow, 'quantity_out_of_range'],
    ['a trial', trialSub(), 5, inWindow, 'trial_quantity_fixed'],
    ['a trial, out of range too', trialSub(), 0, inWindow, 'trial_quantity_fixed'],
    ['a trial, same quantity (no-op)', trialSub(), 25, inWindow, undefined],
  ];

  it.each(cases)('%s', (_name, sub, quantity, now, expected) => {
    const decide = () =>
      decideQuantityChange(sub, sub.isTrial ? trialOffer : offer(), quantity, now);
    expect(codeOf(decide)).toBe(expected);
    if (expected === undefined) expect(decide()).toEqual({ quantity });
  });

  it.each<[string, number, number, ErrorCode | undefined]>([
    ['down to the assigned count', 6, 6, undefined],
    ['below the assigned count', 5, 6, 'quantity_below_assigned'],
    ['up while all are assigned', 12, 10, undefined],
    ['down with none assigned', 1, 0, undefined],
  ])('licenses assigned: %s', (_name, quantity, assigned, expected) => {
    const decide = () =>
      decideQuantityChange(subscription(), offer(), quantity, inWindow, assigned);
    expect(codeOf(decide)).toBe(expected);
  });

  it('names the field of a quantity below the assigned licenses', () => {
    expect(
      refusal(() => decideQuantityChange(subscription(), offer(), 3, inWindow, 4))?.errors,
    ).toEqual([
      {
        field: '/quantity',
        code: 'quantity_below_assigned',
        detail:
          '4 licenses of subscription sub-1 are assigned; unassign some before lowering the quantity to 3.',
      },
    ]);
  });

  it('names the field of an out-of-range quantity', () => {
    expect(refusal(() => decideQuantityChange(subscription(), offer(), 301, CREATED))).toEqual({
      code: 'quantity_out_of_range',
      errors: [
        {
          field: '/quantity',
          code: 'quantity_out_of_range',
          detail: 'The quantity of Suite must be a whole number from 1 to 300; 301 is not.',
        },
      ],
    });
  });
});

describe('decideDetailsUpdate', () => {
  it('renames an active or a suspended subscription', () => {
    expect(decideDetailsUpdate(subscription(), offer(), { friendlyName: 'Sales' })).toEqual({
      friendlyName: 'Sales',
    });
    expect(decideDetailsUpdate(suspended(), offer(), { friendlyName: 'Sales' })).toEqual({
      friendlyName: 'Sales',
    });
  });

  it('switches auto-renewal of an active subscription', () => {
    expect(decideDetailsUpdate(subscription(), offer(), { autoRenewEnabled: false })).toEqual({
      autoRenewEnabled: false,
    });
    expect(
      decideDetailsUpdate(subscription({ autoRenewEnabled: false }), offer(), {
        autoRenewEnabled: true,
        friendlyName: 'Sales',
      }),
    ).toEqual({ autoRenewEnabled: true, friendlyName: 'Sales' });
  });

  it('returns only name and auto-renewal, whatever else the request holds', () => {
    const request = {
      friendlyName: 'Sales',
      autoRenewEnabled: false,
      quantity: 3,
      status: 'deleted',
    };
    expect(decideDetailsUpdate(subscription(), offer(), request)).toEqual({
      friendlyName: 'Sales',
      autoRenewEnabled: false,
    });
  });

  it('keeps auto-renewal of a suspended subscription, but accepts its current value', () => {
    expect(
      codeOf(() => decideDetailsUpdate(suspended(), offer(), { autoRenewEnabled: false })),
    ).toBe('subscription_suspended');
    expect(decideDetailsUpdate(suspended(), offer(), { autoRenewEnabled: true })).toEqual({});
  });

  it('refuses auto-renewal where the offer does not renew, and on trials', () => {
    const fixed = offer({ autoRenewable: false });
    const off = subscription({ autoRenewEnabled: false });
    expect(
      refusal(() => decideDetailsUpdate(off, fixed, { autoRenewEnabled: true })),
    ).toMatchObject({ code: 'validation_failed', errors: [{ field: '/autoRenewEnabled' }] });
    expect(
      codeOf(() => decideDetailsUpdate(trialSub(), trialOffer, { autoRenewEnabled: true })),
    ).toBe('validation_failed');
  });
});

describe('decideSuspend', () => {
  it('follows the seed: suspended Mar 1 expires Jun 21 (90 + 22 days)', () => {
    expect(decideSuspend(subscription(), offer(), 'nonpayment', SUSPENDED_AT, account)).toEqual({
      suspendedAt: SUSPENDED_AT,
      expiresAt: EXPIRES_AT,
      suspensionReasons: ['nonpayment'],
    });
  });

  it("uses the offer's retention policy", () => {
    const short = offer({
      policies: { ...offer().policies, retentionBaseDays: 60, retentionMaxDays: 90 },
    });
    const { expiresAt } = decideSuspend(subscription(), short, 'fraud', SUSPENDED_AT, account);
    expect(expiresAt.toISOString()).toBe('2026-05-22T00:00:00.000Z');
  });

  it('needs a reason', () => {
    expect(codeOf(() => decideSuspend(subscription(), offer(), undefined, CREATED, account))).toBe(
      'suspension_reason_required',
    );
  });

  it('checks the status before the reason', () => {
    expect(codeOf(() => decideSuspend(suspended(), offer(), undefined, CREATED, account))).toBe(
      'subscription_suspended',
    );
  });

  it('does not share the Date it was given', () => {
    const now = new Date(SUSPENDED_AT.getTime());
    const { suspendedAt } = decideSuspend(subscription(), offer(), 'other', now, account);
    now.setTime(0);
    expect(suspendedAt).toEqual(SUSPENDED_AT);
  });
});

describe('add-ons follow their base into suspension', () => {
  const base = { suspendedAt: SUSPENDED_AT, expiresAt: EXPIRES_AT };

  it('an active add-on follows with parent_suspended and expires with the base', () => {
    expect(decideAddOnFollowsSuspend(addOnSub(), base)).toEqual({
      suspendedAt: SUSPENDED_AT,
      expiresAt: EXPIRES_AT,
      suspensionReasons: ['parent_suspended'],
    });
  });

  it.each(['suspended', 'deleted', 'expired'] as const)('a %s add-on stays as it is', (status) => {
    expect(decideAddOnFollowsSuspend(addOnSub({ status }), base)).toBeNull();
  });
});

describe('decideReactivate', () => {
  it('works until the last millisecond before expiresAt (seed retention)', () => {
    expect(decideReactivate(suspended(), ms(EXPIRES_AT, -1))).toEqual({
      status: 'active',
      suspendedAt: null,
      expiresAt: null,
      suspensionReasons: [],
    });
  });

  it('is refused at expiresAt with retention_expired', () => {
    expect(codeOf(() => decideReactivate(suspended(), EXPIRES_AT))).toBe('retention_expired');
    expect(codeOf(() => decideReactivate(suspended(), ms(EXPIRES_AT, 86_400_000)))).toBe(
      'retention_expired',
    );
  });

  it('brings an add-on back only under an active base', () => {
    const addOn = addOnSub({
      status: 'suspended',
      suspendedAt: SUSPENDED_AT,
      expiresAt: EXPIRES_AT,
    });
    const now = ms(SUSPENDED_AT, 1000);
    expect(decideReactivate(addOn, now, subscription()).status).toBe('active');
    expect(codeOf(() => decideReactivate(addOn, now, suspended()))).toBe(
      'base_subscription_inactive',
    );
    expect(codeOf(() => decideReactivate(addOn, now, subscription({ status: 'deleted' })))).toBe(
      'base_subscription_inactive',
    );
    expect(codeOf(() => decideReactivate(addOn, now))).toBe('base_subscription_inactive');
  });

  it('reports retention before the base', () => {
    const addOn = addOnSub({
      status: 'suspended',
      suspendedAt: SUSPENDED_AT,
      expiresAt: EXPIRES_AT,
    });
    expect(codeOf(() => decideReactivate(addOn, EXPIRES_AT, suspended()))).toBe(
      'retention_expired',
    );
  });
});

describe('addOnsReturningWithBase', () => {
  const base = subscription();
  const addOns = [
    addOnSub({ id: 'followed', status: 'suspended', suspensionReasons: ['parent_suspended'] }),
    addOnSub({ id: 'own', status: 'suspended', suspensionReasons: ['fraud'] }),
    addOnSub({
      id: 'both',
      status: 'suspended',
      suspensionReasons: ['nonpayment', 'parent_suspended'],
    }),
    addOnSub({ id: 'running', status: 'active' }),
    addOnSub({ id: 'gone', status: 'deleted', suspensionReasons: ['parent_suspended'] }),
    addOnSub({
      id: 'elsewhere',
      parentSubscriptionId: 'sub-2',
      status: 'suspended',
      suspensionReasons: ['parent_suspended'],
    }),
  ];

  it('returns only those suspended because of this base alone', () => {
    expect(addOnsReturningWithBase(base, addOns).map((a) => a.id)).toEqual(['followed']);
  });
});

describe('decideCancel', () => {
  it.each([
    ['inside the window', subscription(), CREATED, undefined],
    ['at the last instant of the window', subscription(), WEEK_LATER, undefined],
    ['after the window', subscription(), ms(WEEK_LATER, 1), 'cancellation_window_expired'],
    [
      'with no window, any time',
      subscription({ cancellationAllowedUntil: null }),
      new Date('2027-01-01T00:00:00Z'),
      undefined,
    ],
    ['a suspended subscription inside the window', suspended(), CREATED, undefined],
    [
      'a suspended subscription after the window',
      suspended(),
      ms(WEEK_LATER, 1),
      'cancellation_window_expired',
    ],
  ] as const)('%s', (_name, sub, now, expected) => {
    expect(codeOf(() => decideCancel(sub, now))).toBe(expected);
    if (expected === undefined)
      expect(decideCancel(sub, now)).toEqual({ status: 'deleted', deletedAt: now });
  });

  it('takes active and suspended add-ons along, whatever their own windows', () => {
    const late = ms(WEEK_LATER, 1);
    const addOns = [
      addOnSub({ id: 'a', cancellationAllowedUntil: CREATED }),
      addOnSub({ id: 's', status: 'suspended', cancellationAllowedUntil: CREATED }),
      addOnSub({ id: 'd', status: 'deleted' }),
      addOnSub({ id: 'e', status: 'expired' }),
      addOnSub({ id: 'other', parentSubscriptionId: 'sub-9' }),
    ];
    const base = subscription({ cancellationAllowedUntil: null });
    expect(decideCancel(base, late).status).toBe('deleted');
    expect(addOnsFollowingCancel(base, addOns).map((a) => a.id)).toEqual(['a', 's']);
  });
});

describe('decideConversion', () => {
  it('converts an active trial to a listed target', () => {
    expect(() => decideConversion(trialSub(), trialOffer, offer())).not.toThrow();
  });

  it('refuses a subscription that is not a trial', () => {
    expect(codeOf(() => decideConversion(subscription(), offer(), offer()))).toBe(
      'invalid_status_transition',
    );
  });

  it('refuses a target the trial does not convert to', () => {
    expect(
      refusal(() => decideConversion(trialSub(), trialOffer, offer({ id: 'other' }))),
    ).toMatchObject({ code: 'validation_failed', errors: [{ field: '/targetOfferId' }] });
  });

  it('refuses a suspended or ended trial', () => {
    expect(
      codeOf(() => decideConversion(trialSub({ status: 'suspended' }), trialOffer, offer())),
    ).toBe('subscription_suspended');
    expect(
      codeOf(() => decideConversion(trialSub({ status: 'expired' }), trialOffer, offer())),
    ).toBe('invalid_status_transition');
  });
});

describe('decideDeprovision', () => {
  it('deletes exactly at expiresAt, not a millisecond before (seed retention)', () => {
    expect(decideDeprovision(suspended(), ms(EXPIRES_AT, -1))).toBe(false);
    expect(decideDeprovision(suspended(), EXPIRES_AT)).toBe(true);
    expect(decideDeprovision(suspended(), ms(EXPIRES_AT, 1))).toBe(true);
  });

  it('never deletes without an expiry date or when not suspended', () => {
    expect(decideDeprovision(suspended({ expiresAt: null }), EXPIRES_AT)).toBe(false);
    expect(decideDeprovision(subscription({ expiresAt: EXPIRES_AT }), EXPIRES_AT)).toBe(false);
  });
});

describe('availableActions', () => {
  const now = ms(CREATED, 3_600_000);
  const late = ms(WEEK_LATER, 1);
  const noAddOns = { hasAddOnOffers: false };
  const cases: [
    string,
    Subscription,
    Offer,
    Date,
    Parameters<typeof availableActions>[3],
    string[],
  ][] = [
    [
      'a new paid base with add-on offers',
      subscription(),
      offer(),
      now,
      { hasAddOnOffers: true },
      ['change_quantity', 'suspend', 'cancel', 'add_addon'],
    ],
    [
      'no add-on offers',
      subscription(),
      offer(),
      now,
      noAddOns,
      ['change_quantity', 'suspend', 'cancel'],
    ],
    [
      'after the windows: quantity can still rise',
      subscription(),
      offer(),
      late,
      noAddOns,
      ['change_quantity', 'suspend'],
    ],
    [
      'at the maximum after the decrease window',
      subscription({ quantity: 300 }),
      offer(),
      late,
      noAddOns,
      ['suspend'],
    ],
    [
      'at the maximum inside the decrease window',
      subscription({ quantity: 300 }),
      offer(),
      now,
      noAddOns,
      ['change_quantity', 'suspend', 'cancel'],
    ],
    [
      'a fixed quantity (min = max)',
      subscription({ quantity: 1 }),
      offer({ minimumQuantity: 1, maximumQuantity: 1 }),
      now,
      noAddOns,
      ['suspend', 'cancel'],
    ],
    ['a trial', trialSub(), trialOffer, now, noAddOns, ['suspend', 'cancel', 'convert']],
    [
      'a trial without targets',
      trialSub(),
      { ...trialOffer, trial: { days: 30, maxQuantity: 25, conversionTargetOfferIds: [] } },
      now,
      noAddOns,
      ['suspend', 'cancel'],
    ],
    [
      'a suspended one inside the windows',
      suspended(),
      offer(),
      now,
      { hasAddOnOffers: true },
      ['reactivate', 'cancel'],
    ],
    [
      'a suspended one after the cancellation window',
      suspended(),
      offer(),
      late,
      noAddOns,
      ['reactivate'],
    ],
    ['a suspended one at expiresAt', suspended(), offer(), EXPIRES_AT, noAddOns, []],
    [
      'an active add-on',
      addOnSub(),
      addOnOffer,
      now,
      { base: subscription(), hasAddOnOffers: true },
      ['change_quantity', 'suspend', 'cancel'],
    ],
    [
      'a suspended add-on under a suspended base',
      addOnSub({
        status: 'suspended',
        expiresAt: EXPIRES_AT,
        suspensionReasons: ['parent_suspended'],
      }),
      addOnOffer,
      now,
      { base: suspended(), hasAddOnOffers: false },
      ['cancel'],
    ],
    [
      'a suspended add-on under an active base',
      addOnSub({ status: 'suspended', expiresAt: EXPIRES_AT, suspensionReasons: ['fraud'] }),
      addOnOffer,
      now,
      { base: subscription(), hasAddOnOffers: false },
      ['reactivate', 'cancel'],
    ],
    [
      'a deleted one',
      subscription({ status: 'deleted' }),
      offer(),
      now,
      { hasAddOnOffers: true },
      [],
    ],
    [
      'an expired one',
      subscription({ status: 'expired' }),
      offer(),
      now,
      { hasAddOnOffers: true },
      [],
    ],
  ];

  it.each(cases)('%s', (_name, sub, o, at, context, expected) => {
    expect(availableActions(sub, o, at, context)).toEqual(expected);
  });

  it('agrees with the decisions', () => {
    for (const [name, sub, o, at, context] of cases) {
      const actions = availableActions(sub, o, at, context);
      const allowed = (decide: () => unknown) => codeOf(decide) === undefined;
      const quantities = [o.minimumQuantity, sub.quantity - 1, sub.quantity + 1, o.maximumQuantity];
      const checks = {
        change_quantity: quantities.some(
          (q) => q !== sub.quantity && allowed(() => decideQuantityChange(sub, o, q, at)),
        ),
        suspend:
          allowed(() => decideSuspend(sub, o, 'other', at, account)) &&
          (context.base === undefined || context.base.status === 'active'),
        reactivate: allowed(() => decideReactivate(sub, at, context.base)),
        cancel: allowed(() => decideCancel(sub, at)),
        convert: allowed(() => decideConversion(sub, o, offer())),
      };
      for (const [action, ok] of Object.entries(checks)) {
        expect(actions.includes(action as never), `${name}: ${action}`).toBe(ok);
      }
    }
  });
});
