import { describe, expect, it } from 'vitest';
import {
  checkEntitlement,
  type EntitlementAccess,
  type EntitlementReason,
} from '../../src/domain/entitlement.js';
import type { SubscriptionStatus } from '../../src/domain/subscription.js';

type Who = 'user' | 'admin';
const person = (who: Who) => ({ isAdmin: who === 'admin' });
const sub = (id: string, status: SubscriptionStatus) => ({ id, status });

describe('checkEntitlement: one subscription of the offer', () => {
  const cases: [SubscriptionStatus, boolean, Who, EntitlementAccess, EntitlementReason][] = [
    ['active', true, 'user', 'full', 'licensed'],
    ['active', true, 'admin', 'full', 'licensed'],
    ['active', false, 'user', 'none', 'license_not_assigned'],
    // An administrator without a license does not use the service.
    ['active', false, 'admin', 'none', 'license_not_assigned'],
    // The seed: users cannot sign in; administrators can still sign in and reach the data.
    ['suspended', true, 'user', 'none', 'subscription_suspended'],
    ['suspended', true, 'admin', 'admin_data_only', 'subscription_suspended'],
    // Suspension never gives more than the active subscription would.
    ['suspended', false, 'user', 'none', 'license_not_assigned'],
    ['suspended', false, 'admin', 'none', 'license_not_assigned'],
    // After deletion or expiry, nobody.
    ['deleted', true, 'user', 'none', 'subscription_deleted'],
    ['deleted', true, 'admin', 'none', 'subscription_deleted'],
    ['deleted', false, 'admin', 'none', 'subscription_deleted'],
    ['expired', true, 'user', 'none', 'subscription_expired'],
    ['expired', true, 'admin', 'none', 'subscription_expired'],
    ['expired', false, 'user', 'none', 'subscription_expired'],
  ];

  it.each(cases)('%s, assigned %s, %s → %s (%s)', (status, assigned, who, access, reason) => {
    expect(
      checkEntitlement({
        user: person(who),
        subscriptions: [{ subscription: sub('s1', status) }],
        assignedSubscriptionIds: new Set(assigned ? ['s1'] : []),
      }),
    ).toEqual({ allowed: access !== 'none', access, reason, subscriptionId: 's1' });
  });

  it.each<Who>(['user', 'admin'])('no subscription of the offer: none for a %s', (who) => {
    expect(
      checkEntitlement({
        user: person(who),
        subscriptions: [],
        assignedSubscriptionIds: new Set(['elsewhere']),
      }),
    ).toEqual({
      allowed: false,
      access: 'none',
      reason: 'no_subscription',
      subscriptionId: null,
    });
  });

  it('a license of another subscription does not count', () => {
    expect(
      checkEntitlement({
        user: person('user'),
        subscriptions: [{ subscription: sub('s1', 'active') }],
        assignedSubscriptionIds: new Set(['s2']),
      }),
    ).toMatchObject({ access: 'none', reason: 'license_not_assigned' });
  });
});

describe('checkEntitlement: an add-on follows its base', () => {
  // [add-on status, base status, licensed on the add-on, licensed on the base, who, access, reason]
  const cases: [
    SubscriptionStatus,
    SubscriptionStatus,
    boolean,
    boolean,
    Who,
    EntitlementAccess,
    EntitlementReason,
  ][] = [
    ['active', 'active', true, true, 'user', 'full', 'licensed'],
    ['active', 'active', true, false, 'user', 'none', 'license_not_assigned'],
    ['active', 'active', false, true, 'user', 'none', 'license_not_assigned'],
    // Suspended with its base (parent_suspended): the seed's rule holds for the add-on too.
    ['suspended', 'suspended', true, true, 'user', 'none', 'subscription_suspended'],
    ['suspended', 'suspended', true, true, 'admin', 'admin_data_only', 'subscription_suspended'],
    // The lower of the two: an active add-on under a suspended base.
    ['active', 'suspended', true, true, 'user', 'none', 'subscription_suspended'],
    ['active', 'suspended', true, true, 'admin', 'admin_data_only', 'subscription_suspended'],
    // The base is gone: so is the add-on.
    ['active', 'deleted', true, true, 'admin', 'none', 'subscription_deleted'],
    ['active', 'expired', true, true, 'user', 'none', 'subscription_expired'],
    ['deleted', 'deleted', true, true, 'admin', 'none', 'subscription_deleted'],
    // Equal access: the add-on's own reason.
    ['deleted', 'suspended', true, true, 'user', 'none', 'subscription_deleted'],
    ['suspended', 'active', true, true, 'admin', 'admin_data_only', 'subscription_suspended'],
  ];

  it.each(cases)(
    'add-on %s, base %s, licensed %s/%s, %s → %s (%s)',
    (own, ofBase, onAddOn, onBase, who, access, reason) => {
      const assigned = [...(onAddOn ? ['addon'] : []), ...(onBase ? ['base'] : [])];
      expect(
        checkEntitlement({
          user: person(who),
          subscriptions: [{ subscription: sub('addon', own), base: sub('base', ofBase) }],
          assignedSubscriptionIds: new Set(assigned),
        }),
      ).toEqual({ allowed: access !== 'none', access, reason, subscriptionId: 'addon' });
    },
  );
});

describe('checkEntitlement: several subscriptions of one offer', () => {
  const decide = (
    who: Who,
    subs: [string, SubscriptionStatus][],
    assigned: string[],
  ): { access: EntitlementAccess; reason: EntitlementReason; subscriptionId: string | null } =>
    checkEntitlement({
      user: person(who),
      subscriptions: subs.map(([id, status]) => ({ subscription: sub(id, status) })),
      assignedSubscriptionIds: new Set(assigned),
    });

  it('the one giving the most access answers', () => {
    expect(
      decide(
        'user',
        [
          ['old', 'deleted'],
          ['new', 'active'],
        ],
        ['old', 'new'],
      ),
    ).toMatchObject({ access: 'full', reason: 'licensed', subscriptionId: 'new' });
    expect(
      decide(
        'admin',
        [
          ['a', 'active'],
          ['b', 'suspended'],
        ],
        ['b'],
      ),
    ).toMatchObject({ access: 'admin_data_only', subscriptionId: 'b' });
  });

  it('among refusals, the reason closest to access', () => {
    expect(
      decide(
        'user',
        [
          ['a', 'deleted'],
          ['b', 'active'],
          ['c', 'expired'],
        ],
        ['a', 'c'],
      ),
    ).toMatchObject({ access: 'none', reason: 'license_not_assigned', subscriptionId: 'b' });
    expect(
      decide(
        'user',
        [
          ['a', 'active'],
          ['b', 'suspended'],
        ],
        ['b'],
      ),
    ).toMatchObject({ access: 'none', reason: 'subscription_suspended', subscriptionId: 'b' });
    expect(
      decide(
        'user',
        [
          ['a', 'deleted'],
          ['b', 'expired'],
        ],
        [],
      ),
    ).toMatchObject({ access: 'none', reason: 'subscription_expired', subscriptionId: 'b' });
  });

  it('allowed is exactly access other than none, whatever the input', () => {
    const statuses: SubscriptionStatus[] = ['active', 'suspended', 'expired', 'deleted'];
    for (const who of ['user', 'admin'] as const) {
      for (const a of statuses) {
        for (const b of statuses) {
          for (const assigned of [[], ['a'], ['b'], ['a', 'b']]) {
            const result = checkEntitlement({
              user: person(who),
              subscriptions: [{ subscription: sub('a', a) }, { subscription: sub('b', b) }],
              assignedSubscriptionIds: new Set(assigned),
            });
            expect(result.allowed).toBe(result.access !== 'none');
            if (result.access === 'admin_data_only') expect(who).toBe('admin');
          }
        }
      }
    }
  });
});
