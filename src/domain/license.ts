import { DomainError } from './errors.js';
import type { Subscription } from './subscription.js';

/**
 * Licenses are assigned and unassigned while the subscription lives: active, or suspended (the
 * customer may still arrange who gets a license when it comes back). A deleted subscription
 * refuses it with `subscription_deleted`, an expired one with `invalid_status_transition`.
 */
export function requireLicensable(sub: Pick<Subscription, 'id' | 'status'>): void {
  if (sub.status === 'active' || sub.status === 'suspended') return;
  if (sub.status === 'deleted') {
    throw new DomainError(
      'subscription_deleted',
      `Subscription ${sub.id} is deleted; its licenses cannot be assigned or unassigned.`,
    );
  }
  throw new DomainError(
    'invalid_status_transition',
    `Subscription ${sub.id} is ${sub.status}; its licenses cannot be assigned or unassigned.`,
  );
}

/**
 * Whether one more license of `sub` may be assigned when `assigned` already are: never more than
 * the purchased quantity.
 */
export function decideLicenseAssignment(
  sub: Pick<Subscription, 'id' | 'status' | 'quantity'>,
  assigned: number,
): void {
  requireLicensable(sub);
  if (assigned >= sub.quantity) {
    throw new DomainError(
      'license_limit_reached',
      `All ${sub.quantity} licenses of subscription ${sub.id} are assigned; unassign one or raise the quantity.`,
    );
  }
}
