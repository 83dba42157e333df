import type { Customer } from './customer.js';
import { retentionExpiresAt, type RetentionPolicy } from './retention.js';
import type { SubscriptionAction } from './subscription.js';

/** What suspending a subscription now would set (seed step 4: shown before the change). */
export interface SuspensionPreview {
  /** When the data would be deleted unless the subscription is reactivated. */
  expiresAt: Date;
}

/**
 * The preview of suspending now, or null when the subscription may not be suspended (its
 * `actions` lack `suspend`). A suspension made at `now` gets exactly this `expiresAt`: both come
 * from retentionExpiresAt with the same offer policy and account dates.
 */
export function suspensionPreview(
  actions: readonly SubscriptionAction[],
  policy: RetentionPolicy,
  account: Pick<Customer, 'accountOpenedAt' | 'firstBillingPeriodStart'>,
  now: Date,
): SuspensionPreview | null {
  if (!actions.includes('suspend')) return null;
  return {
    expiresAt: retentionExpiresAt(
      policy,
      account.accountOpenedAt,
      account.firstBillingPeriodStart,
      now,
    ),
  };
}
