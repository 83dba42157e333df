import type { CalendarDate } from './calendar.js';
import type { BillingCycle, TermDuration, UnitType } from './offer.js';

export const SUBSCRIPTION_STATUSES = ['active', 'suspended', 'expired', 'deleted'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** Why a partner suspends; `parent_suspended` is set by the system on add-ons of a suspended base. */
export const PARTNER_SUSPENSION_REASONS = [
  'customer_request',
  'nonpayment',
  'fraud',
  'other',
] as const;
export type PartnerSuspensionReason = (typeof PARTNER_SUSPENSION_REASONS)[number];
export type SuspensionReason = PartnerSuspensionReason | 'parent_suspended';

/** What may be done to a subscription now; the portal offers exactly these. */
export const SUBSCRIPTION_ACTIONS = [
  'change_quantity',
  'suspend',
  'reactivate',
  'cancel',
  'convert',
  'add_addon',
] as const;
export type SubscriptionAction = (typeof SUBSCRIPTION_ACTIONS)[number];

export interface Subscription {
  id: string;
  partnerId: string;
  customerId: string;
  offerId: string;
  /** Snapshot of the offer's name when bought. */
  offerName: string;
  friendlyName: string;
  quantity: number;
  unitType: UnitType;
  parentSubscriptionId: string | null;
  orderId: string;
  status: SubscriptionStatus;
  billingCycle: BillingCycle;
  termDuration: TermDuration;
  autoRenewEnabled: boolean;
  isTrial: boolean;
  trialEndDate: CalendarDate | null;
  creationDate: Date;
  effectiveStartDate: CalendarDate;
  /** Last day of the term: start + term − 1 day; an add-on ends with its base. */
  commitmentEndDate: CalendarDate;
  /** End of the cancellation window; null = cancel allowed any time. */
  cancellationAllowedUntil: Date | null;
  /** End of the quantity-decrease window; null = decrease allowed any time. */
  quantityDecreaseAllowedUntil: Date | null;
  suspensionReasons: SuspensionReason[];
  suspendedAt: Date | null;
  /** When a suspended subscription's data is deleted unless reactivated (retention rule). */
  expiresAt: Date | null;
  deletedAt: Date | null;
  /**
   * The customer's unit price per billing period and the partner's cost (the catalog's price),
   * decimal strings in `currency`, locked for the term: a renewal prices the next term anew.
   */
  unitPrice: string;
  unitCost: string;
  currency: string;
  /** The first day of the next billing period not yet charged; null when nothing more is. */
  nextChargeDate: CalendarDate | null;
  /** Grows by one with every change; the ETag. */
  version: number;
  /** The end (retention, term or trial) last warned about with subscription.expiring_soon. */
  expiringSoonWarnedFor: Date | null;
}
