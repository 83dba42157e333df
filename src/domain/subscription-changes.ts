import type { PartnerSuspensionReason } from './subscription.js';

/** What one PATCH of a subscription may change at once. */
export interface SubscriptionChanges {
  quantity?: number;
  friendlyName?: string;
  autoRenewEnabled?: boolean;
  status?: 'active' | 'suspended' | 'deleted';
  suspensionReason?: PartnerSuspensionReason;
}
