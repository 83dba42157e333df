import { DomainError } from './errors.js';
import { PARTNER_SUSPENSION_REASONS, type PartnerSuspensionReason } from './subscription.js';

/** Partner roles, modelled on Partner Center's. */
export const ROLES = [
  'global_admin',
  'admin_agent',
  'sales_agent',
  'helpdesk_agent',
  'billing_admin',
] as const;
export type Role = (typeof ROLES)[number];

const EVERYONE: readonly Role[] = ROLES;
const ADMINS: readonly Role[] = ['global_admin', 'admin_agent'];

/**
 * The one permission table: what each role may do. Every use case asks it before acting
 * (authorize); docs/security.md shows it as a table, and a test calls every route with every
 * role against it.
 */
export const PERMISSIONS = {
  'catalog.read': EVERYONE,
  'customers.read': EVERYONE,
  'customers.create': [...ADMINS, 'sales_agent'],
  'orders.read': EVERYONE,
  'orders.create': [...ADMINS, 'sales_agent'],
  'subscriptions.read': EVERYONE,
  'subscriptions.update_details': [...ADMINS, 'sales_agent', 'helpdesk_agent'],
  'subscriptions.change_quantity': [...ADMINS, 'helpdesk_agent'],
  'subscriptions.suspend': [...ADMINS, 'helpdesk_agent', 'billing_admin'],
  'subscriptions.reactivate': [...ADMINS, 'helpdesk_agent', 'billing_admin'],
  'subscriptions.cancel': ADMINS,
  'subscriptions.convert': [...ADMINS, 'sales_agent'],
  'customer_users.read': EVERYONE,
  'customer_users.write': [...ADMINS, 'helpdesk_agent'],
  'licenses.assign': [...ADMINS, 'helpdesk_agent'],
  'entitlements.check': EVERYONE,
  'audit.read': [...ADMINS, 'billing_admin'],
  'sandbox.clock': ADMINS,
  'webhooks.manage': ADMINS,
  // Everyone who sells reads prices; the partner's admins and its billing admins set them.
  'price_book.read': [...ADMINS, 'sales_agent', 'billing_admin'],
  'price_book.write': ['global_admin', 'billing_admin'],
  // Charges, invoices, cost and margin.
  'billing.read': [...ADMINS, 'billing_admin'],
  'users.manage': ['global_admin'],
  'tokens.manage': ['global_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isAllowed(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Throws `forbidden` unless `role` may do `permission`. */
export function authorize(role: Role, permission: Permission): void {
  if (!isAllowed(role, permission)) {
    throw new DomainError(
      'forbidden',
      `Your role (${role}) may not do this (${permission}); ask a global admin.`,
    );
  }
}

/**
 * The reasons `role` may suspend for. Billing admins suspend for non-payment only: other reasons
 * (fraud, the customer's request) are for agents who speak with the customer.
 */
export function suspensionReasonsFor(role: Role): PartnerSuspensionReason[] {
  return role === 'billing_admin' ? ['nonpayment'] : [...PARTNER_SUSPENSION_REASONS];
}

/** Throws `forbidden` when `role` may not suspend for `reason`. */
export function authorizeSuspensionReason(role: Role, reason: string | undefined): void {
  const allowed: readonly string[] = suspensionReasonsFor(role);
  if (reason !== undefined && !allowed.includes(reason)) {
    throw new DomainError(
      'forbidden',
      `Your role (${role}) suspends for ${allowed.join(', ')} only.`,
    );
  }
}

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** Everything `role` may do: the portal offers only these. */
export function permissionsOf(role: Role): Permission[] {
  return PERMISSION_NAMES.filter((permission) => isAllowed(role, permission));
}
