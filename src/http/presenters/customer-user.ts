import type { Static } from 'typebox';
import type { AssignedUser, CustomerUser } from '../../domain/customer-user.js';
import type { Entitlement } from '../../domain/entitlement.js';
import type {
  CustomerUserSchema,
  EntitlementSchema,
  LicenseSchema,
} from '../schemas/customer-user.js';

export function presentCustomerUser(user: CustomerUser): Static<typeof CustomerUserSchema> {
  return {
    id: user.id,
    customerId: user.customerId,
    email: user.email,
    displayName: user.displayName,
    isAdmin: user.isAdmin,
    createdAt: user.createdAt.toISOString(),
  };
}

export function presentLicense({ assignment, user }: AssignedUser): Static<typeof LicenseSchema> {
  return {
    subscriptionId: assignment.subscriptionId,
    userId: assignment.customerUserId,
    assignedAt: assignment.assignedAt.toISOString(),
    user: presentCustomerUser(user),
  };
}

export function presentEntitlement(
  query: { userId: string; offerId: string },
  entitlement: Entitlement,
): Static<typeof EntitlementSchema> {
  return {
    userId: query.userId,
    offerId: query.offerId,
    allowed: entitlement.allowed,
    access: entitlement.access,
    reason: entitlement.reason,
    subscriptionId: entitlement.subscriptionId,
  };
}
