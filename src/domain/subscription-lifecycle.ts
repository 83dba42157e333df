import { DomainError, validationFailed } from './errors.js';
import type { CalendarDate } from './calendar.js';
import type { Offer } from './offer.js';
import { retentionExpiresAt } from './retention.js';
import {
  PARTNER_SUSPENSION_REASONS,
  SUBSCRIPTION_ACTIONS,
  type PartnerSuspensionReason,
  type Subscription,
  type SubscriptionAction,
  type SubscriptionStatus,
  type SuspensionReason,
} from './subscription.js';

export const SUBSCRIPTION_OPERATIONS = [
  'change_quantity',
  'update_details',
  'suspend',
  'reactivate',
  'cancel',
  'convert',
  'add_addon',
  'renew',
  'expire',
  'deprovision',
] as const;
export type SubscriptionOperation = (typeof SUBSCRIPTION_OPERATIONS)[number];

export interface Transition {
  from: SubscriptionStatus;
  operation: SubscriptionOperation;
  to: SubscriptionStatus;
}

/** The one transition table (DESIGN.md §2). A pair that is not here is refused. */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'active', operation: 'change_quantity', to: 'active' },
  { from: 'active', operation: 'update_details', to: 'active' },
  { from: 'suspended', operation: 'update_details', to: 'suspended' },
  { from: 'active', operation: 'suspend', to: 'suspended' },
  { from: 'suspended', operation: 'reactivate', to: 'active' },
  { from: 'suspended', operation: 'deprovision', to: 'deleted' },
  { from: 'active', operation: 'cancel', to: 'deleted' },
  { from: 'suspended', operation: 'cancel', to: 'deleted' },
  // The trial ran its course: `expired`, not `deleted`, which means cancelled or data removed,
  // while a converted trial's data lives on in the paid subscription.
  { from: 'active', operation: 'convert', to: 'expired' },
  { from: 'active', operation: 'add_addon', to: 'active' },
  { from: 'active', operation: 'renew', to: 'active' },
  { from: 'active', operation: 'expire', to: 'expired' },
];

export function transitionFor(
  status: SubscriptionStatus,
  operation: SubscriptionOperation,
): { to: SubscriptionStatus } | undefined {
  const transition = TRANSITIONS.find((t) => t.from === status && t.operation === operation);
  return transition && { to: transition.to };
}

/**
 * The status `operation` leads to from `sub`'s status, or the refusal: `subscription_deleted` for a
 * deleted one, `subscription_suspended` when the operation needs an active one, else
 * `invalid_status_transition`.
 */
export function requireTransition(
  sub: Pick<Subscription, 'id' | 'status'>,
  operation: SubscriptionOperation,
): SubscriptionStatus {
  const transition = transitionFor(sub.status, operation);
  if (transition) return transition.to;
  const what = OPERATION_NOUNS[operation];
  if (sub.status === 'deleted') {
    throw new DomainError(
      'subscription_deleted',
      `Subscription ${sub.id} is deleted; ${what} is not possible.`,
    );
  }
  if (sub.status === 'suspended' && transitionFor('active', operation)) {
    throw new DomainError(
      'subscription_suspended',
      `Subscription ${sub.id} is suspended; ${what} needs an active subscription, so reactivate it first.`,
    );
  }
  throw new DomainError(
    'invalid_status_transition',
    `Subscription ${sub.id} is ${sub.status}; ${what} is not possible in that status.`,
  );
}

const OPERATION_NOUNS: Record<SubscriptionOperation, string> = {
  change_quantity: 'a quantity change',
  update_details: 'a change of name or auto-renewal',
  suspend: 'suspension',
  reactivate: 'reactivation',
  cancel: 'cancellation',
  convert: 'conversion',
  add_addon: 'adding an add-on',
  renew: 'renewal',
  expire: 'expiry',
  deprovision: 'deprovisioning',
};

/**
 * A new quantity for `sub`; `assigned` is the number of its licenses assigned to customer users,
 * which the quantity may not go below.
 */
export function decideQuantityChange(
  sub: Subscription,
  offer: Offer,
  quantity: number,
  now: Date,
  assigned = 0,
): { quantity: number } {
  requireTransition(sub, 'change_quantity');
  if (quantity === sub.quantity) return { quantity };
  if (sub.isTrial) {
    throw new DomainError(
      'trial_quantity_fixed',
      `Subscription ${sub.id} is a trial; its quantity of ${sub.quantity} cannot change.`,
    );
  }
  const { minimumQuantity: min, maximumQuantity: max } = offer;
  if (!Number.isInteger(quantity) || quantity < min || quantity > max) {
    const detail = `The quantity of ${offer.name} must be a whole number from ${min} to ${max}; ${quantity} is not.`;
    throw new DomainError('quantity_out_of_range', detail, [
      { field: '/quantity', code: 'quantity_out_of_range', detail },
    ]);
  }
  if (quantity < sub.quantity && !canDecreaseAt(sub, now)) {
    throw new DomainError(
      'quantity_decrease_not_allowed',
      `The quantity of subscription ${sub.id} could be lowered only until ${sub.quantityDecreaseAllowedUntil?.toISOString()}; it can still be raised.`,
    );
  }
  if (quantity < assigned) {
    const detail = `${assigned} licenses of subscription ${sub.id} are assigned; unassign some before lowering the quantity to ${quantity}.`;
    throw new DomainError('quantity_below_assigned', detail, [
      { field: '/quantity', code: 'quantity_below_assigned', detail },
    ]);
  }
  return { quantity };
}

export interface DetailsChange {
  friendlyName?: string;
  autoRenewEnabled?: boolean;
}

/**
 * The name and auto-renewal changes to apply; other fields of `changes` are ignored. A suspended
 * subscription can be renamed only: it cannot renew (TRANSITIONS), so its auto-renewal is settled
 * once it is active again.
 */
export function decideDetailsUpdate(
  sub: Subscription,
  offer: Offer,
  changes: DetailsChange,
): DetailsChange {
  requireTransition(sub, 'update_details');
  const result: DetailsChange = {};
  if (changes.friendlyName !== undefined) result.friendlyName = changes.friendlyName;
  const autoRenew = changes.autoRenewEnabled;
  if (autoRenew === undefined || autoRenew === sub.autoRenewEnabled) return result;
  if (sub.status === 'suspended') {
    throw new DomainError(
      'subscription_suspended',
      `Subscription ${sub.id} is suspended; reactivate it before you change auto-renewal.`,
    );
  }
  if (autoRenew && (sub.isTrial || !offer.autoRenewable)) {
    throw validationFailed([
      {
        field: '/autoRenewEnabled',
        code: 'not_auto_renewable',
        detail: `${offer.name} does not renew automatically${sub.isTrial ? ': it is a trial' : ''}.`,
      },
    ]);
  }
  return { ...result, autoRenewEnabled: autoRenew };
}

export interface SuspensionChange {
  suspendedAt: Date;
  expiresAt: Date;
  suspensionReasons: SuspensionReason[];
}

export function decideSuspend(
  sub: Subscription,
  offer: Offer,
  reason: PartnerSuspensionReason | undefined,
  now: Date,
  account: { accountOpenedAt: Date; firstBillingPeriodStart: CalendarDate },
): SuspensionChange {
  requireTransition(sub, 'suspend');
  if (reason === undefined || !PARTNER_SUSPENSION_REASONS.includes(reason)) {
    throw new DomainError(
      'suspension_reason_required',
      `A suspension needs a reason: ${PARTNER_SUSPENSION_REASONS.join(', ')}.`,
    );
  }
  const suspendedAt = new Date(now.getTime());
  return {
    suspendedAt,
    expiresAt: retentionExpiresAt(
      offer.policies,
      account.accountOpenedAt,
      account.firstBillingPeriodStart,
      suspendedAt,
    ),
    suspensionReasons: [reason],
  };
}

/**
 * How an add-on follows its base into suspension, or null when it does not: only active add-ons
 * follow, and their data goes together with the base's (same `expiresAt`).
 */
export function decideAddOnFollowsSuspend(
  addOn: Subscription,
  baseSuspension: { suspendedAt: Date; expiresAt: Date },
): SuspensionChange | null {
  if (addOn.status !== 'active') return null;
  return {
    suspendedAt: new Date(baseSuspension.suspendedAt.getTime()),
    expiresAt: new Date(baseSuspension.expiresAt.getTime()),
    suspensionReasons: ['parent_suspended'],
  };
}

export interface ReactivationChange {
  status: 'active';
  suspendedAt: null;
  expiresAt: null;
  suspensionReasons: SuspensionReason[];
}

/** Reactivation; `base` is required for an add-on (no add-on is active under a non-active base). */
export function decideReactivate(
  sub: Subscription,
  now: Date,
  base?: Pick<Subscription, 'id' | 'status'>,
): ReactivationChange {
  requireTransition(sub, 'reactivate');
  if (!canReactivateAt(sub, now)) {
    throw new DomainError(
      'retention_expired',
      `Subscription ${sub.id} could be reactivated only until ${sub.expiresAt?.toISOString()}.`,
    );
  }
  if (!baseAllowsActive(sub, base)) {
    throw new DomainError(
      'base_subscription_inactive',
      `Add-on subscription ${sub.id} cannot be active while its base ${sub.parentSubscriptionId} is ${base?.status ?? 'not active'}; reactivate the base.`,
    );
  }
  return { status: 'active', suspendedAt: null, expiresAt: null, suspensionReasons: [] };
}

/**
 * The add-ons that come back when `base` is reactivated: those suspended only because of it. One
 * the partner had suspended on its own stays suspended.
 */
export function addOnsReturningWithBase(
  base: Pick<Subscription, 'id'>,
  addOns: readonly Subscription[],
): Subscription[] {
  return addOns.filter(
    (a) =>
      a.parentSubscriptionId === base.id &&
      a.status === 'suspended' &&
      a.suspensionReasons.length === 1 &&
      a.suspensionReasons[0] === 'parent_suspended',
  );
}

export function decideCancel(sub: Subscription, now: Date): { status: 'deleted'; deletedAt: Date } {
  requireTransition(sub, 'cancel');
  if (!canCancelAt(sub, now)) {
    throw new DomainError(
      'cancellation_window_expired',
      `Subscription ${sub.id} could be cancelled only until ${sub.cancellationAllowedUntil?.toISOString()}.`,
    );
  }
  return { status: 'deleted', deletedAt: new Date(now.getTime()) };
}

/**
 * The add-ons deleted with a cancelled base. Their own cancellation windows are not checked: the
 * base's window decided, and an add-on cannot outlive its base.
 */
export function addOnsFollowingCancel(
  base: Pick<Subscription, 'id'>,
  addOns: readonly Subscription[],
): Subscription[] {
  return addOns.filter(
    (a) =>
      a.parentSubscriptionId === base.id && (a.status === 'active' || a.status === 'suspended'),
  );
}

/** Checks a trial → paid conversion; the trial then ends (TRANSITIONS: convert → expired). */
export function decideConversion(trial: Subscription, trialOffer: Offer, target: Offer): void {
  requireTransition(trial, 'convert');
  if (!trial.isTrial || !trialOffer.trial) {
    throw new DomainError(
      'invalid_status_transition',
      `Subscription ${trial.id} is not a trial; only trials convert.`,
    );
  }
  const targets = trialOffer.trial.conversionTargetOfferIds;
  if (!targets.includes(target.id)) {
    throw validationFailed([
      {
        field: '/targetOfferId',
        code: 'invalid_conversion_target',
        detail: `${trialOffer.name} converts to ${targets.join(', ') || 'no offer'}, not to ${target.id}.`,
      },
    ]);
  }
}

/**
 * Whether a suspended subscription's retention has passed: deleted exactly at `expiresAt`. The
 * scheduler's deprovisioning asks this, and so does reactivation (the other side of the instant).
 */
export function decideDeprovision(sub: Subscription, now: Date): boolean {
  return transitionFor(sub.status, 'deprovision') !== undefined && !canReactivateAt(sub, now);
}

/** What may be done now: the `actions` of the API. `base` is required for an add-on. */
export function availableActions(
  sub: Subscription,
  offer: Offer,
  now: Date,
  context: { base?: Pick<Subscription, 'id' | 'status'>; hasAddOnOffers: boolean },
): SubscriptionAction[] {
  const active = sub.status === 'active';
  const baseActive = baseAllowsActive(sub, context.base);
  const allowed: Record<SubscriptionAction, boolean> = {
    change_quantity:
      active && !sub.isTrial && (canIncrease(sub, offer) || canDecrease(sub, offer, now)),
    suspend: active && baseActive,
    reactivate: sub.status === 'suspended' && canReactivateAt(sub, now) && baseActive,
    cancel: transitionFor(sub.status, 'cancel') !== undefined && canCancelAt(sub, now),
    convert: active && sub.isTrial && (offer.trial?.conversionTargetOfferIds.length ?? 0) > 0,
    add_addon: active && !offer.isAddOn && context.hasAddOnOffers,
  };
  return SUBSCRIPTION_ACTIONS.filter((action) => allowed[action]);
}

// The predicates below are shared by availableActions and the decisions' refusals, so that what
// the portal offers and what the API accepts cannot drift apart.

/** Inside the cancellation window, or the offer has none. */
export function canCancelAt(
  sub: Pick<Subscription, 'cancellationAllowedUntil'>,
  now: Date,
): boolean {
  const until = sub.cancellationAllowedUntil;
  return until === null || now.getTime() <= until.getTime();
}

/** Inside the quantity-decrease window, or the offer has none. */
export function canDecreaseAt(
  sub: Pick<Subscription, 'quantityDecreaseAllowedUntil'>,
  now: Date,
): boolean {
  const until = sub.quantityDecreaseAllowedUntil;
  return until === null || now.getTime() <= until.getTime();
}

/** Before the end of retention: a suspended subscription's data still exists. */
export function canReactivateAt(sub: Pick<Subscription, 'expiresAt'>, now: Date): boolean {
  return sub.expiresAt === null || now.getTime() < sub.expiresAt.getTime();
}

/** No add-on is active under a base that is not. */
export function baseAllowsActive(
  sub: Pick<Subscription, 'parentSubscriptionId'>,
  base: Pick<Subscription, 'status'> | undefined,
): boolean {
  return sub.parentSubscriptionId === null || base?.status === 'active';
}

function canIncrease(sub: Subscription, offer: Offer): boolean {
  return sub.quantity < offer.maximumQuantity;
}

function canDecrease(sub: Subscription, offer: Offer, now: Date): boolean {
  return sub.quantity > offer.minimumQuantity && canDecreaseAt(sub, now);
}
