import type { CustomerUser } from './customer-user.js';
import type { Subscription } from './subscription.js';

/**
 * What a customer user may do with an offer now; the call a vendor's service makes at sign-in.
 * `full`: use the service. `admin_data_only`: the subscription is suspended and the user is an
 * administrator, who can still sign in and reach the data (the seed). `none`: no access.
 */
export const ENTITLEMENT_ACCESS = ['full', 'admin_data_only', 'none'] as const;
export type EntitlementAccess = (typeof ENTITLEMENT_ACCESS)[number];

export const ENTITLEMENT_REASONS = [
  'licensed',
  'subscription_suspended',
  'license_not_assigned',
  'subscription_expired',
  'subscription_deleted',
  'no_subscription',
] as const;
export type EntitlementReason = (typeof ENTITLEMENT_REASONS)[number];

export interface Entitlement {
  allowed: boolean;
  access: EntitlementAccess;
  reason: EntitlementReason;
  /**
   * The customer's subscription of the offer the answer comes from (for an add-on limited by its
   * base, the add-on); null when the customer has none of the offer.
   */
  subscriptionId: string | null;
}

type EntitledSubscription = Pick<Subscription, 'id' | 'status'>;

export interface EntitlementInput {
  user: Pick<CustomerUser, 'isAdmin'>;
  /** The customer's subscriptions of the offer asked about, each add-on with its base. */
  subscriptions: readonly { subscription: EntitledSubscription; base?: EntitledSubscription }[];
  /** The subscriptions (of the offer and of the bases) with a license assigned to the user. */
  assignedSubscriptionIds: ReadonlySet<string>;
}

/** Higher is more access; among equal access, the lower reason index is the one told. */
const ACCESS_RANK: Record<EntitlementAccess, number> = { none: 0, admin_data_only: 1, full: 2 };

/**
 * Decides a user's access to an offer from the customer's subscriptions of it.
 *
 * One subscription gives, in this order:
 * - deleted → none (`subscription_deleted`); expired → none (`subscription_expired`): nobody, not
 *   even administrators;
 * - no license assigned to the user → none (`license_not_assigned`), administrators included: an
 *   administrator without a license does not use the service (as in Partner Center), and
 *   suspension never gives more than the active subscription would;
 * - suspended → administrators `admin_data_only`, users none, both `subscription_suspended`;
 * - active → `full` (`licensed`).
 *
 * An add-on follows its base: its access is the lower of its own and its base's (so the user needs
 * a license of both), with the reason of the lower one (its own when equal).
 *
 * Several subscriptions of one offer: the one giving the most access answers; among equals, the
 * reason earliest in ENTITLEMENT_REASONS (the one closest to access), then the first given.
 * No subscription of the offer → none (`no_subscription`).
 */
export function checkEntitlement(input: EntitlementInput): Entitlement {
  let best: Entitlement | undefined;
  for (const { subscription, base } of input.subscriptions) {
    let decision = accessTo(subscription, input);
    if (base) {
      const ofBase = accessTo(base, input);
      if (ACCESS_RANK[ofBase.access] < ACCESS_RANK[decision.access]) {
        decision = { ...ofBase, subscriptionId: subscription.id };
      }
    }
    if (!best || better(decision, best)) best = decision;
  }
  return best ?? entitlement('none', 'no_subscription', null);
}

function accessTo(sub: EntitledSubscription, input: EntitlementInput): Entitlement {
  if (sub.status === 'deleted') return entitlement('none', 'subscription_deleted', sub.id);
  if (sub.status === 'expired') return entitlement('none', 'subscription_expired', sub.id);
  if (!input.assignedSubscriptionIds.has(sub.id)) {
    return entitlement('none', 'license_not_assigned', sub.id);
  }
  if (sub.status === 'suspended') {
    return entitlement(
      input.user.isAdmin ? 'admin_data_only' : 'none',
      'subscription_suspended',
      sub.id,
    );
  }
  return entitlement('full', 'licensed', sub.id);
}

function better(a: Entitlement, b: Entitlement): boolean {
  const rank = ACCESS_RANK[a.access] - ACCESS_RANK[b.access];
  if (rank !== 0) return rank > 0;
  return ENTITLEMENT_REASONS.indexOf(a.reason) < ENTITLEMENT_REASONS.indexOf(b.reason);
}

function entitlement(
  access: EntitlementAccess,
  reason: EntitlementReason,
  subscriptionId: string | null,
): Entitlement {
  return { allowed: access !== 'none', access, reason, subscriptionId };
}
