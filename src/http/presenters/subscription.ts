import type { Static } from 'typebox';
import { instantText } from '../../domain/instant-text.js';
import { upcomingChargeDate } from '../../domain/money/ledger.js';
import type { SubscriptionView } from '../../services/subscription-views.js';
import type { SubscriptionSchema } from '../schemas/subscription.js';

const iso = (date: Date | null) => (date === null ? null : instantText(date));

/** The subscription's version as an entity tag: any change makes a new one. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The subscription as the API shows it; a list across customers gives each row's `customerName`,
 * which is built into the same object: the serializer was several times slower on copies with it
 * added. The customer's own list leaves it out.
 */
export function presentSubscription({
  subscription: s,
  actions,
  assignedLicenses,
  suspensionPreview,
  customerName,
}: SubscriptionView & { customerName?: string }): Static<typeof SubscriptionSchema> & {
  customerName?: string;
} {
  return {
    customerName,
    id: s.id,
    customerId: s.customerId,
    offerId: s.offerId,
    offerName: s.offerName,
    friendlyName: s.friendlyName,
    quantity: s.quantity,
    assignedLicenses,
    unitType: s.unitType,
    parentSubscriptionId: s.parentSubscriptionId,
    orderId: s.orderId,
    status: s.status,
    billingCycle: s.billingCycle,
    termDuration: s.termDuration,
    autoRenewEnabled: s.autoRenewEnabled,
    isTrial: s.isTrial,
    trialEndDate: s.trialEndDate,
    creationDate: instantText(s.creationDate),
    effectiveStartDate: s.effectiveStartDate,
    commitmentEndDate: s.commitmentEndDate,
    cancellationAllowedUntil: iso(s.cancellationAllowedUntil),
    quantityDecreaseAllowedUntil: iso(s.quantityDecreaseAllowedUntil),
    suspensionReasons: s.suspensionReasons,
    suspendedAt: iso(s.suspendedAt),
    expiresAt: iso(s.expiresAt),
    deletedAt: iso(s.deletedAt),
    unitPrice: s.unitPrice,
    unitCost: s.unitCost,
    currency: s.currency,
    nextChargeDate: upcomingChargeDate(s),
    etag: etagOf(s.version),
    actions,
    suspensionPreview: suspensionPreview && {
      expiresAt: instantText(suspensionPreview.expiresAt),
    },
  };
}
