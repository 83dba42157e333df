import { Type } from 'typebox';
import { ENTITLEMENT_ACCESS, ENTITLEMENT_REASONS } from '../../domain/entitlement.js';
import { Instant, Uuid } from './common.js';
import { literals } from './offer.js';

const DisplayName = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const IsAdmin = Type.Boolean({
  description:
    "An administrator of the customer: keeps access to the customer's data while a subscription is suspended.",
});

export const CustomerUserSchema = Type.Object(
  {
    id: Uuid,
    customerId: Uuid,
    email: Type.String({ description: 'Lower-cased; unique within the customer.' }),
    displayName: Type.String(),
    isAdmin: Type.Boolean(),
    createdAt: Instant,
  },
  { $id: 'CustomerUser' },
);

export const NewCustomerUserSchema = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    displayName: DisplayName,
    isAdmin: Type.Optional({ ...IsAdmin, default: false }),
  },
  { additionalProperties: false },
);

export const CustomerUserPatchSchema = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    isAdmin: Type.Optional(IsAdmin),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const LicenseSchema = Type.Object(
  {
    subscriptionId: Uuid,
    userId: Uuid,
    assignedAt: Instant,
    user: Type.Ref('CustomerUser'),
  },
  { $id: 'License', description: 'A license of a subscription assigned to a customer user.' },
);

export const LicenseRequestSchema = Type.Object({ userId: Uuid }, { additionalProperties: false });

export const EntitlementSchema = Type.Object(
  {
    userId: Uuid,
    offerId: Type.String(),
    allowed: Type.Boolean({ description: 'access is not "none".' }),
    access: literals(
      ENTITLEMENT_ACCESS,
      'full; admin_data_only (suspended, administrators); none.',
    ),
    reason: literals(ENTITLEMENT_REASONS),
    subscriptionId: Type.Union([Uuid, Type.Null()], {
      description: 'The subscription of the offer the answer comes from; null when there is none.',
    }),
  },
  { $id: 'Entitlement' },
);
