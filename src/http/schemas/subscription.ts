import { Type } from 'typebox';
import { AVAILABILITY_REASON_CODES } from '../../domain/availability.js';
import { UNIT_TYPES } from '../../domain/offer.js';
import { MAX_ORDER_LINE_ITEMS } from '../../domain/order.js';
import {
  PARTNER_SUSPENSION_REASONS,
  SUBSCRIPTION_ACTIONS,
  SUBSCRIPTION_STATUSES,
} from '../../domain/subscription.js';
import { Amount, OfferPriceSchema } from './billing.js';
import { CalendarDate, Instant, Nullable, Page, Uuid } from './common.js';
import { BillingCycleSchema, TermDurationSchema, literals } from './offer.js';

export const SubscriptionStatusSchema = literals(SUBSCRIPTION_STATUSES);
const Quantity = Type.Integer({ minimum: 1, maximum: 1_000_000 });

export const SubscriptionSchema = Type.Object(
  {
    id: Uuid,
    customerId: Uuid,
    offerId: Type.String(),
    offerName: Type.String(),
    friendlyName: Type.String(),
    quantity: Type.Integer({ description: 'How many licenses (or units) were bought.' }),
    assignedLicenses: Type.Integer({
      minimum: 0,
      description: 'How many of them are assigned to customer users; never more than quantity.',
    }),
    unitType: literals(UNIT_TYPES),
    parentSubscriptionId: Nullable(Uuid),
    orderId: Uuid,
    status: SubscriptionStatusSchema,
    billingCycle: BillingCycleSchema,
    termDuration: TermDurationSchema,
    autoRenewEnabled: Type.Boolean(),
    isTrial: Type.Boolean(),
    trialEndDate: Nullable(CalendarDate),
    creationDate: Instant,
    effectiveStartDate: CalendarDate,
    commitmentEndDate: CalendarDate,
    cancellationAllowedUntil: Nullable(Instant),
    quantityDecreaseAllowedUntil: Nullable(Instant),
    suspensionReasons: Type.Array(Type.String()),
    suspendedAt: Nullable(Instant),
    expiresAt: Nullable({
      ...Instant,
      description: 'When a suspended subscription is deleted unless reactivated.',
    }),
    deletedAt: Nullable(Instant),
    unitPrice: {
      ...Amount,
      description: "The customer's unit price per billing period, locked for the term.",
    },
    unitCost: { ...Amount, description: 'What the partner pays the vendor per unit and period.' },
    currency: Type.String(),
    nextChargeDate: Nullable({
      ...CalendarDate,
      description: 'When the next billing period is charged; null when nothing more will be.',
    }),
    etag: Type.String(),
    actions: Type.Array(literals(SUBSCRIPTION_ACTIONS), {
      description: 'What may be done now.',
    }),
    suspensionPreview: Nullable(
      Type.Object(
        {
          expiresAt: {
            ...Instant,
            description: 'When the data would be deleted unless reactivated.',
          },
        },
        {
          description:
            'What suspending it now would set, shown before the change; null unless actions has suspend.',
        },
      ),
    ),
  },
  { $id: 'Subscription' },
);

export const SubscriptionPatchSchema = Type.Object(
  {
    quantity: Type.Optional(Quantity),
    friendlyName: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    autoRenewEnabled: Type.Optional(Type.Boolean()),
    status: Type.Optional(literals(['active', 'suspended', 'deleted'] as const)),
    suspensionReason: Type.Optional(literals(PARTNER_SUSPENSION_REASONS)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const OrderLineRequestSchema = Type.Object(
  {
    offerId: Type.String({ minLength: 1, maxLength: 64 }),
    quantity: Quantity,
    friendlyName: Type.Optional(Type.String({ maxLength: 200 })),
    termDuration: Type.Optional(TermDurationSchema),
    parentSubscriptionId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const OrderRequestSchema = Type.Object(
  {
    billingCycle: BillingCycleSchema,
    lineItems: Type.Array(OrderLineRequestSchema, {
      minItems: 1,
      maxItems: MAX_ORDER_LINE_ITEMS,
    }),
  },
  { additionalProperties: false },
);

export const OrderSchema = Type.Object(
  {
    id: Uuid,
    customerId: Uuid,
    billingCycle: BillingCycleSchema,
    status: Type.String(),
    creationDate: Instant,
    currency: Type.String({
      description: "The customer's currency; empty for orders placed before prices were kept.",
    }),
    lineItems: Type.Array(
      Type.Object({
        lineItemNumber: Type.Integer(),
        offerId: Type.String(),
        quantity: Type.Integer(),
        termDuration: TermDurationSchema,
        friendlyName: Type.String(),
        parentSubscriptionId: Nullable(Uuid),
        subscriptionId: Uuid,
        unitPrice: Nullable(Amount),
        amount: Nullable({ ...Amount, description: 'The first period’s charge.' }),
      }),
    ),
  },
  { $id: 'Order' },
);

export const ConversionRequestSchema = Type.Object(
  {
    targetOfferId: Type.String({ minLength: 1, maxLength: 64 }),
    quantity: Quantity,
    billingCycle: BillingCycleSchema,
  },
  { additionalProperties: false },
);

export const OfferAvailabilitySchema = Type.Object(
  {
    offer: Type.Ref('Offer'),
    available: Type.Boolean(),
    reasons: Type.Array(
      Type.Object({
        code: literals(AVAILABILITY_REASON_CODES),
        detail: Type.String(),
        subscriptionId: Type.Optional(Uuid),
      }),
    ),
    price: Nullable(OfferPriceSchema),
    prices: Type.Array(OfferPriceSchema, {
      description:
        "The customer's unit price for each term the offer is sold with in the listed billing cycle.",
    }),
  },
  { $id: 'OfferAvailability' },
);

export const EventSchema = Type.Object(
  {
    id: Uuid,
    type: Type.String(),
    occurredAt: Instant,
    actor: Type.Object({
      type: literals(['user', 'token', 'system'] as const),
      id: Type.String(),
      name: Type.String(),
    }),
    customerId: Nullable(Uuid),
    customerName: Nullable(
      Type.String({ description: "The customer's company name now; null once unknown." }),
    ),
    subscriptionId: Nullable(Uuid),
    subscriptionName: Nullable(
      Type.String({ description: "The subscription's friendly name (else its offer's) now." }),
    ),
    orderId: Nullable(Uuid),
    reason: Nullable(Type.String()),
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  { $id: 'Event' },
);

/** A page of a customer's subscriptions, oldest first. */
export const SubscriptionPageSchema = Page(Type.Ref('Subscription'), 'SubscriptionPage');
