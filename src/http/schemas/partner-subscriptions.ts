import { Type } from 'typebox';
import { PARTNER_SUSPENSION_REASONS, SUBSCRIPTION_STATUSES } from '../../domain/subscription.js';
import { BULK_OPERATIONS, MAX_BULK_SUBSCRIPTIONS } from '../../domain/bulk-change.js';
import { PARTNER_SUBSCRIPTION_SORTS } from '../../services/subscriptions/list-partner-subscriptions.js';
import { CalendarDate, Uuid } from './common.js';
import { literals } from './offer.js';
import { SubscriptionSchema } from './subscription.js';

const STATUS = `(${SUBSCRIPTION_STATUSES.join('|')})`;
const SORT = `-?(${PARTNER_SUBSCRIPTION_SORTS.join('|')})`;

const before = (what: string) => Type.Optional({ ...CalendarDate, description: what });

export const PartnerSubscriptionQuery = Type.Object({
  status: Type.Optional(
    Type.String({
      pattern: `^${STATUS}(,${STATUS})*$`,
      maxLength: 100,
      description: 'One status or several, comma-separated: `active,suspended`.',
    }),
  ),
  offerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  customerId: Type.Optional(Uuid),
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        "Case-insensitive part of the customer's company name, the subscription's friendly name or its offer's name.",
    }),
  ),
  renewsBefore: before('Active, auto-renew on, with the term ending before this date.'),
  expiresBefore: before(
    'Auto-renew off and not ended (active or suspended), with the term ending before this date.',
  ),
  trialEndsBefore: before('Trials whose trial ends before this date.'),
  deletedBefore: before(
    'Suspended, with the data deleted (`expiresAt`) before the start of this date (UTC).',
  ),
  sort: Type.Optional(
    Type.String({
      pattern: `^${SORT}$`,
      default: 'customerName',
      description: `One of ${PARTNER_SUBSCRIPTION_SORTS.join(', ')}; \`-\` in front sorts descending. Nulls last, ties by id.`,
    }),
  ),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Items per page (1–200).' }),
  ),
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 1024, description: 'nextCursor of the previous page.' }),
  ),
});

export const PartnerSubscriptionSchema = Type.Object(
  {
    ...SubscriptionSchema.properties,
    customerName: Type.String({ description: "The customer's company name." }),
  },
  { $id: 'PartnerSubscription' },
);

export const PartnerSubscriptionPageSchema = Type.Object(
  {
    items: Type.Array(Type.Ref('PartnerSubscription')),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as ?cursor= (with the same sort) for the next page; null on the last.',
    }),
  },
  { $id: 'PartnerSubscriptionPage' },
);

export const BulkRequestSchema = Type.Object(
  {
    operation: literals(BULK_OPERATIONS),
    subscriptionIds: Type.Array(Uuid, {
      minItems: 1,
      maxItems: MAX_BULK_SUBSCRIPTIONS,
      uniqueItems: true,
      description: `1 to ${MAX_BULK_SUBSCRIPTIONS} different subscriptions of any of the partner's customers.`,
    }),
    autoRenewEnabled: Type.Optional(
      Type.Boolean({ description: 'For `set_auto_renew` (and only for it).' }),
    ),
    reason: Type.Optional(
      literals(PARTNER_SUSPENSION_REASONS, 'For `suspend` (required there, and only there).'),
    ),
    quantity: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1_000_000,
        description: 'For `change_quantity` (and only for it).',
      }),
    ),
  },
  { additionalProperties: false },
);

export const BulkResultSchema = Type.Object(
  {
    results: Type.Array(
      Type.Object({
        subscriptionId: Uuid,
        status: literals(['done', 'refused'] as const),
        subscription: Type.Optional(Type.Ref('Subscription')),
        error: Type.Optional(Type.Ref('Problem')),
      }),
      { description: 'One per subscription, in the order asked.' },
    ),
  },
  { $id: 'BulkResult' },
);
