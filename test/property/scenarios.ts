/**
 * Hand-written sequences that fast-check runs before the random ones (`examples`), so that the
 * chains the random walk reaches only now and then are walked on every run. Targets count newest
 * first among the subscriptions the operation applies to (see pick in the test).
 */
import type { AccountFacts, Op } from './model.js';

const seedAccount: AccountFacts = {
  billingDay: 1,
  accountOpenedAt: '2026-01-10T15:30:00.000Z',
  startAt: '2026-03-01T00:00:00.000Z',
};

/** 30 days from opening to the first billing day: 120 days of retention, 90 for mail-kiosk. */
const longGraceAccount: AccountFacts = {
  billingDay: 28,
  accountOpenedAt: '2026-01-29T00:00:00.000Z',
  startAt: '2026-03-01T09:00:00.000Z',
};

export const SCENARIOS: [AccountFacts, Op[]][] = [
  // The one-at-a-time offer held by a suspended subscription, before and after its retention.
  [
    seedAccount,
    [
      {
        kind: 'order',
        billingCycle: 'monthly',
        lines: [
          { offerId: 'mail-basic', quantity: 1 },
          { offerId: 'security-compliance-center', quantity: 1 },
        ],
      },
      { kind: 'suspend', target: 0, reason: 'nonpayment' },
      { kind: 'reorder', target: 0, billingCycle: 'annual' },
      { kind: 'advanceTo', edge: 'expiry', target: 0, offsetMs: 0 },
      { kind: 'reactivate', target: 0 },
      { kind: 'reorder', target: 0, billingCycle: 'monthly' },
      { kind: 'cancel', target: 0 },
    ],
  ],
  // Add-ons following their base into suspension and back, and out with a cancel.
  [
    seedAccount,
    [
      { kind: 'order', billingCycle: 'monthly', lines: [{ offerId: 'mail-basic', quantity: 2 }] },
      {
        kind: 'order',
        billingCycle: 'monthly',
        lines: [{ offerId: 'mail-extra-storage', quantity: 10, parent: 0 }],
      },
      {
        kind: 'order',
        billingCycle: 'monthly',
        lines: [{ offerId: 'security-advanced-threat-protection', quantity: 2, parent: 0 }],
      },
      { kind: 'suspend', target: 0, reason: 'fraud' }, // the threat-protection add-on, on its own
      { kind: 'advance', hours: 5 },
      { kind: 'suspend', target: 1, reason: 'customer_request' }, // the base; storage follows
      { kind: 'reactivate', target: 0 }, // threat protection: its base is suspended
      { kind: 'reactivate', target: 1 }, // storage: suspended with its base
      { kind: 'reactivate', target: 2 }, // the base: storage comes back, threat protection not
      { kind: 'reorder', target: 0, billingCycle: 'monthly' }, // a second threat protection
      { kind: 'quantity', target: 0, quantity: 1, ifMatch: 'current' },
      { kind: 'cancel', target: 2 }, // the base: both add-ons go with it
      { kind: 'reorder', target: 0, billingCycle: 'monthly' }, // an add-on on a deleted base
    ],
  ],
  // Trials: fixed quantity, conversion, once per customer.
  [
    seedAccount,
    [
      {
        kind: 'order',
        billingCycle: 'annual',
        lines: [
          { offerId: 'office-apps-business-trial', quantity: 5 },
          { offerId: 'security-endpoint-trial', quantity: 3 },
        ],
      },
      { kind: 'quantity', target: 0, quantity: 4, ifMatch: 'none' },
      { kind: 'details', target: 0, autoRenewEnabled: true },
      { kind: 'convert', target: 0, targetOfferId: 'own', quantity: 10, billingCycle: 'annual' },
      {
        kind: 'convert',
        target: 0,
        targetOfferId: 'security-endpoint',
        quantity: 1,
        billingCycle: 'monthly',
      },
      { kind: 'reorder', target: 0, billingCycle: 'monthly' },
      { kind: 'reorder', target: 1, billingCycle: 'monthly' },
      { kind: 'suspend', target: 0, reason: 'other' },
      { kind: 'convert', target: 0, targetOfferId: 'own', quantity: 1, billingCycle: 'monthly' },
    ],
  ],
  // Window edges: exactly at the end is inside, a millisecond later is outside.
  [
    seedAccount,
    [
      { kind: 'order', billingCycle: 'monthly', lines: [{ offerId: 'mail-basic', quantity: 5 }] },
      { kind: 'advanceTo', edge: 'decrease', target: 0, offsetMs: 0 },
      { kind: 'quantity', target: 0, quantity: 3, ifMatch: 'current' },
      { kind: 'advanceTo', edge: 'cancel', target: 0, offsetMs: 1 },
      { kind: 'quantity', target: 0, quantity: 2, ifMatch: 'none' },
      { kind: 'quantity', target: 0, quantity: 9, ifMatch: 'stale' },
      { kind: 'quantity', target: 0, quantity: 9, ifMatch: 'current' },
      { kind: 'cancel', target: 0 },
      { kind: 'suspend', target: 0 },
      { kind: 'suspend', target: 0, reason: 'other' },
      { kind: 'advanceTo', edge: 'expiry', target: 0, offsetMs: -1 },
      { kind: 'reactivate', target: 0 },
      { kind: 'suspend', target: 0, reason: 'nonpayment' },
      { kind: 'advanceTo', edge: 'expiry', target: 0, offsetMs: 0 },
      { kind: 'reactivate', target: 0 },
    ],
  ],
  // Retention per offer: 120 days for mail-plus, mail-kiosk's own 60 + 30 = 90 (its maximum).
  [
    longGraceAccount,
    [
      {
        kind: 'order',
        billingCycle: 'monthly',
        lines: [
          { offerId: 'mail-kiosk', quantity: 1 },
          { offerId: 'mail-plus', quantity: 1 },
        ],
      },
      { kind: 'suspend', target: 1, reason: 'customer_request' },
      { kind: 'suspend', target: 0, reason: 'customer_request' },
      { kind: 'advance', hours: 91 * 24 },
      { kind: 'reactivate', target: 1 },
      { kind: 'reactivate', target: 0 },
    ],
  ],
];
