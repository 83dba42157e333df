import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../src/domain/subscription.js';
import { cancel } from '../../src/domain/verbs/cancel.js';
import type { Change } from '../../src/domain/verbs/change.js';
import { changeQuantity } from '../../src/domain/verbs/change-quantity.js';
import { convert } from '../../src/domain/verbs/convert.js';
import { deprovision, dueChange, expire, renew, warnExpiring } from '../../src/domain/verbs/due.js';
import { reactivate } from '../../src/domain/verbs/reactivate.js';
import { suspend } from '../../src/domain/verbs/suspend.js';
import { updateDetails } from '../../src/domain/verbs/update-details.js';
import { offerFixture } from '../helpers/offers.js';
import { refusalCode } from '../helpers/refusals.js';
import { subscriptionFixture as sub } from '../helpers/subscriptions.js';

const NOW = new Date('2026-03-02T00:00:00.000Z');
const AFTER_WINDOWS = new Date('2026-03-09T00:00:00.000Z');
const ACCOUNT = {
  accountOpenedAt: new Date('2026-01-10T15:30:00.000Z'),
  firstBillingPeriodStart: '2026-02-01',
};
const offer = offerFixture();
const addOnOffer = offerFixture({
  id: 'storage',
  name: 'Storage',
  isAddOn: true,
  baseOfferIds: ['suite'],
});
const trialOffer = offerFixture({
  id: 'suite-trial',
  isTrial: true,
  trial: { days: 30, maxQuantity: 25, conversionTargetOfferIds: ['suite'] },
  autoRenewable: false,
});
const base = sub({ id: 'base' });
const addOn = sub({ id: 'addon', offerId: 'storage', parentSubscriptionId: 'base', quantity: 2 });
const suspendedBase = sub({
  id: 'base',
  status: 'suspended',
  suspensionReasons: ['customer_request'],
  suspendedAt: NOW,
  expiresAt: new Date('2026-06-21T00:00:00.000Z'),
});
const followingAddOn = {
  ...addOn,
  status: 'suspended' as const,
  suspensionReasons: ['parent_suspended' as const],
  suspendedAt: NOW,
  expiresAt: suspendedBase.expiresAt,
};

const codeOf = refusalCode;

/** What a change says, in a form a table can hold. */
function summary(change: Change | null) {
  if (!change) return null;
  const one = (c: Change) => ({
    id: c.next.id,
    status: c.next.status,
    events: c.events.map((e) => [e.type, e.reason ?? null]),
    visible: c.visible,
  });
  return { ...one(change), followers: change.followers.map(one) };
}

describe('the caller verbs refuse with a typed error', () => {
  const cases: [string, () => unknown, string][] = [
    [
      'a sales agent suspends',
      () =>
        suspend(base, {
          offer,
          addOns: [],
          account: ACCOUNT,
          reason: 'other',
          role: 'sales_agent',
          now: NOW,
        }),
      'forbidden',
    ],
    [
      'a billing admin suspends for fraud',
      () =>
        suspend(base, {
          offer,
          addOns: [],
          account: ACCOUNT,
          reason: 'fraud',
          role: 'billing_admin',
          now: NOW,
        }),
      'forbidden',
    ],
    [
      'suspends without a reason',
      () =>
        suspend(base, {
          offer,
          addOns: [],
          account: ACCOUNT,
          reason: undefined,
          role: 'global_admin',
          now: NOW,
        }),
      'suspension_reason_required',
    ],
    [
      'suspends again for another reason',
      () =>
        suspend(suspendedBase, {
          offer,
          addOns: [],
          account: ACCOUNT,
          reason: 'fraud',
          role: 'global_admin',
          now: NOW,
        }),
      'invalid_status_transition',
    ],
    [
      'suspends a deleted one',
      () =>
        suspend(sub({ status: 'deleted' }), {
          offer,
          addOns: [],
          account: ACCOUNT,
          reason: 'other',
          role: 'global_admin',
          now: NOW,
        }),
      'subscription_deleted',
    ],
    [
      'reactivates after retention',
      () =>
        reactivate(suspendedBase, {
          addOns: [],
          base: undefined,
          role: 'global_admin',
          now: new Date('2026-06-21T00:00:00.000Z'),
        }),
      'retention_expired',
    ],
    [
      'reactivates an add-on under a suspended base',
      () =>
        reactivate(
          { ...followingAddOn, suspensionReasons: ['other'] },
          { addOns: [], base: suspendedBase, role: 'global_admin', now: NOW },
        ),
      'base_subscription_inactive',
    ],
    [
      'a sales agent reactivates',
      () =>
        reactivate(suspendedBase, { addOns: [], base: undefined, role: 'sales_agent', now: NOW }),
      'forbidden',
    ],
    [
      'cancels after the window',
      () => cancel(base, { addOns: [], role: 'global_admin', now: AFTER_WINDOWS }),
      'cancellation_window_expired',
    ],
    [
      'a helpdesk agent cancels',
      () => cancel(base, { addOns: [], role: 'helpdesk_agent', now: NOW }),
      'forbidden',
    ],
    [
      'cancels an expired one',
      () => cancel(sub({ status: 'expired' }), { addOns: [], role: 'global_admin', now: NOW }),
      'invalid_status_transition',
    ],
    [
      'lowers after the window',
      () =>
        changeQuantity(base, {
          offer,
          role: 'global_admin',
          quantity: 9,
          assigned: 0,
          now: AFTER_WINDOWS,
        }),
      'quantity_decrease_not_allowed',
    ],
    [
      'raises past the maximum',
      () =>
        changeQuantity(base, { offer, role: 'global_admin', quantity: 301, assigned: 0, now: NOW }),
      'quantity_out_of_range',
    ],
    [
      'lowers below the assigned',
      () =>
        changeQuantity(base, { offer, role: 'global_admin', quantity: 4, assigned: 5, now: NOW }),
      'quantity_below_assigned',
    ],
    [
      'changes a trial quantity',
      () =>
        changeQuantity(sub({ isTrial: true }), {
          offer: trialOffer,
          role: 'global_admin',
          quantity: 11,
          assigned: 0,
          now: NOW,
        }),
      'trial_quantity_fixed',
    ],
    [
      'changes a suspended one',
      () =>
        changeQuantity(suspendedBase, {
          offer,
          role: 'global_admin',
          quantity: 11,
          assigned: 0,
          now: NOW,
        }),
      'subscription_suspended',
    ],
    [
      'a sales agent changes the quantity',
      () =>
        changeQuantity(base, { offer, role: 'sales_agent', quantity: 11, assigned: 0, now: NOW }),
      'forbidden',
    ],
    [
      'auto-renews an offer that does not renew',
      () =>
        updateDetails(sub({ autoRenewEnabled: false }), {
          offer: offerFixture({ autoRenewable: false }),
          role: 'global_admin',
          details: { autoRenewEnabled: true },
        }),
      'validation_failed',
    ],
    [
      'changes auto-renewal while suspended',
      () =>
        updateDetails(suspendedBase, {
          offer,
          role: 'global_admin',
          details: { autoRenewEnabled: false },
        }),
      'subscription_suspended',
    ],
    [
      'a billing admin renames',
      () => updateDetails(base, { offer, role: 'billing_admin', details: { friendlyName: 'x' } }),
      'forbidden',
    ],
    [
      'converts a paid one',
      () => convert(base, { trialOffer: offer, target: offer, paid: base, role: 'global_admin' }),
      'invalid_status_transition',
    ],
    [
      'converts to a target the trial does not list',
      () =>
        convert(sub({ isTrial: true, offerId: 'suite-trial' }), {
          trialOffer,
          target: addOnOffer,
          paid: base,
          role: 'global_admin',
        }),
      'validation_failed',
    ],
    [
      'a helpdesk agent converts',
      () =>
        convert(sub({ isTrial: true }), {
          trialOffer,
          target: offer,
          paid: base,
          role: 'helpdesk_agent',
        }),
      'forbidden',
    ],
  ];
  it.each(cases)('%s', (_name, act, code) => {
    expect(codeOf(act)).toBe(code);
  });
});

describe('the caller verbs return one change with its followers', () => {
  const cases: [string, () => Change, ReturnType<typeof summary>][] = [
    [
      'suspend: active add-ons follow with parent_suspended',
      () =>
        suspend(base, {
          offer,
          addOns: [addOn],
          account: ACCOUNT,
          reason: 'nonpayment',
          role: 'billing_admin',
          now: NOW,
        }),
      {
        id: 'base',
        status: 'suspended',
        events: [['subscription.suspended', 'nonpayment']],
        visible: true,
        followers: [
          {
            id: 'addon',
            status: 'suspended',
            events: [['subscription.suspended', 'parent_suspended']],
            visible: true,
          },
        ],
      },
    ],
    [
      'suspend again for the same reason: no change',
      () =>
        suspend(suspendedBase, {
          offer,
          addOns: [],
          account: ACCOUNT,
          reason: 'customer_request',
          role: 'global_admin',
          now: NOW,
        }),
      { id: 'base', status: 'suspended', events: [], visible: false, followers: [] },
    ],
    [
      'reactivate: add-ons suspended with the base come back',
      () =>
        reactivate(suspendedBase, {
          addOns: [followingAddOn, { ...followingAddOn, id: 'own', suspensionReasons: ['fraud'] }],
          base: undefined,
          role: 'global_admin',
          now: NOW,
        }),
      {
        id: 'base',
        status: 'active',
        events: [['subscription.reactivated', null]],
        visible: true,
        followers: [
          {
            id: 'addon',
            status: 'active',
            events: [['subscription.reactivated', 'parent_reactivated']],
            visible: true,
          },
        ],
      },
    ],
    [
      'cancel: add-ons end with their base, whatever their windows',
      () =>
        cancel(base, {
          addOns: [{ ...addOn, cancellationAllowedUntil: NOW }],
          role: 'admin_agent',
          now: NOW,
        }),
      {
        id: 'base',
        status: 'deleted',
        events: [['subscription.cancelled', null]],
        visible: true,
        followers: [
          {
            id: 'addon',
            status: 'deleted',
            events: [['subscription.cancelled', 'parent_cancelled']],
            visible: true,
          },
        ],
      },
    ],
    [
      'change quantity: one event with from and to',
      () =>
        changeQuantity(base, {
          offer,
          role: 'helpdesk_agent',
          quantity: 12,
          assigned: 0,
          now: AFTER_WINDOWS,
        }),
      {
        id: 'base',
        status: 'active',
        events: [['subscription.quantity_changed', null]],
        visible: true,
        followers: [],
      },
    ],
    [
      'update details: the name it already has is no change',
      () =>
        updateDetails(base, {
          offer,
          role: 'sales_agent',
          details: { friendlyName: base.friendlyName },
        }),
      { id: 'base', status: 'active', events: [], visible: false, followers: [] },
    ],
    [
      'convert: the trial expires',
      () =>
        convert(sub({ id: 'trial', isTrial: true, offerId: 'suite-trial' }), {
          trialOffer,
          target: offer,
          paid: base,
          role: 'sales_agent',
        }),
      {
        id: 'trial',
        status: 'expired',
        events: [['subscription.converted', null]],
        visible: true,
        followers: [],
      },
    ],
  ];
  it.each(cases)('%s', (_name, act, expected) => {
    expect(summary(act())).toEqual(expected);
  });

  it('says what changed in the events it writes', () => {
    const change = changeQuantity(base, {
      offer,
      role: 'global_admin',
      quantity: 12,
      assigned: 0,
      now: NOW,
    });
    expect(change.next.quantity).toBe(12);
    expect(change.events[0]).toMatchObject({
      subscriptionId: 'base',
      customerId: 'customer-1',
      data: { from: 10, to: 12 },
    });
    const suspension = suspend(base, {
      offer,
      addOns: [],
      account: ACCOUNT,
      reason: 'other',
      role: 'global_admin',
      now: new Date('2026-03-01T00:00:00.000Z'),
    });
    expect(suspension.next.expiresAt?.toISOString()).toBe('2026-06-21T00:00:00.000Z');
    expect(suspension.events[0]?.data).toEqual({ expiresAt: '2026-06-21T00:00:00.000Z' });
  });
});

describe('what time makes due', () => {
  const termEnd = new Date('2026-04-01T00:00:00.000Z');
  const weekBefore = new Date('2026-03-26T00:00:00.000Z');
  const input = (over: Partial<Parameters<typeof dueChange>[1]> = {}) => ({
    offer,
    base: undefined,
    addOns: [],
    now: termEnd,
    ...over,
  });
  const cases: [
    string,
    Subscription,
    Parameters<typeof dueChange>[1],
    ReturnType<typeof summary>,
  ][] = [
    [
      'renews at term end, add-ons with it',
      base,
      input({ addOns: [{ sub: addOn, offer: addOnOffer }] }),
      {
        id: 'base',
        status: 'active',
        events: [['subscription.renewed', null]],
        visible: true,
        followers: [
          {
            id: 'addon',
            status: 'active',
            events: [['subscription.renewed', null]],
            visible: true,
          },
        ],
      },
    ],
    [
      'expires when the catalog no longer renews the offer',
      base,
      input({ offer: offerFixture({ autoRenewable: false }) }),
      {
        id: 'base',
        status: 'expired',
        events: [['subscription.expired', 'term_ended']],
        visible: true,
        followers: [],
      },
    ],
    [
      'expires a trial at its end',
      sub({ isTrial: true, autoRenewEnabled: false }),
      input({ offer: trialOffer }),
      {
        id: 'sub-1',
        status: 'expired',
        events: [['subscription.expired', 'trial_ended']],
        visible: true,
        followers: [],
      },
    ],
    [
      'deletes after retention',
      suspendedBase,
      input({ now: suspendedBase.expiresAt as Date }),
      {
        id: 'base',
        status: 'deleted',
        events: [['subscription.deprovisioned', 'retention_expired']],
        visible: true,
        followers: [],
      },
    ],
    [
      'warns once of a term that will not renew, without a new version',
      base,
      input({ offer: offerFixture({ autoRenewable: false }), now: weekBefore }),
      {
        id: 'base',
        status: 'active',
        events: [['subscription.expiring_soon', 'term_end']],
        visible: false,
        followers: [],
      },
    ],
    ['has nothing to do before a renewing term ends', base, input({ now: weekBefore }), null],
    [
      'has nothing to do once warned',
      sub({ autoRenewEnabled: false, expiringSoonWarnedFor: termEnd }),
      input({ now: weekBefore }),
      null,
    ],
  ];
  it.each(cases)('%s', (_name, subscription, dueInput, expected) => {
    expect(summary(dueChange(subscription, dueInput))).toEqual(expected);
  });

  it('names each transition by its verb', () => {
    expect(renew(base, input())?.next.commitmentEndDate).toBe('2026-04-30');
    expect(expire(base, input())).toBeNull();
    expect(deprovision(base, input())).toBeNull();
    expect(
      deprovision(suspendedBase, input({ now: suspendedBase.expiresAt as Date }))?.next.deletedAt,
    ).toEqual(suspendedBase.expiresAt);
    expect(
      warnExpiring(sub({ autoRenewEnabled: false }), { offer, now: weekBefore })?.next
        .expiringSoonWarnedFor,
    ).toEqual(termEnd);
  });
});
