import { Type } from 'typebox';
import { SEGMENTS } from '../../domain/customer.js';
import { BILLING_CYCLES, LIMIT_UNITS, TERM_DURATIONS, UNIT_TYPES } from '../../domain/offer.js';
import { INSTANCES } from '../../domain/partner.js';

/** A string enum with clean errors ("must be one of …") and a precise static type. */
export const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

export const SegmentSchema = literals(SEGMENTS);
export const InstanceSchema = literals(INSTANCES);
export const BillingCycleSchema = literals(BILLING_CYCLES);
export const TermDurationSchema = literals(TERM_DURATIONS, 'ISO 8601 duration of the term.');

const CatalogTranslationsSchema = (of: string) =>
  Type.Record(
    Type.String(),
    Type.Object({ name: Type.String(), description: Type.Optional(Type.String()) }),
    {
      description: `${of} in other languages, by BCP 47 language tag (e.g. "zh-TW"). English is the base text; a language or a description left out means the English one.`,
    },
  );

export const OfferSchema = Type.Object(
  {
    id: Type.String(),
    productId: Type.String(),
    productName: Type.String(),
    productTranslations: Type.Optional(
      CatalogTranslationsSchema("The product's name and description"),
    ),
    name: Type.String(),
    description: Type.String(),
    translations: Type.Optional(CatalogTranslationsSchema("The offer's name and description")),
    unitType: literals(UNIT_TYPES),
    isAddOn: Type.Boolean(),
    baseOfferIds: Type.Array(Type.String()),
    isTrial: Type.Boolean(),
    trial: Type.Optional(
      Type.Object({
        days: Type.Integer(),
        maxQuantity: Type.Integer(),
        conversionTargetOfferIds: Type.Array(Type.String()),
      }),
    ),
    minimumQuantity: Type.Integer(),
    maximumQuantity: Type.Integer(),
    limit: Type.Union([Type.Integer(), Type.Null()]),
    limitUnitOfMeasure: literals(LIMIT_UNITS),
    segments: Type.Array(SegmentSchema),
    markets: Type.Array(Type.String()),
    instances: Type.Array(InstanceSchema),
    billingCycles: Type.Array(BillingCycleSchema),
    termDurations: Type.Array(TermDurationSchema),
    autoRenewable: Type.Boolean(),
    policies: Type.Object({
      cancellationWindowHours: Type.Union([Type.Integer(), Type.Null()]),
      quantityDecreaseWindowHours: Type.Union([Type.Integer(), Type.Null()]),
      retentionBaseDays: Type.Integer(),
      retentionMaxDays: Type.Integer(),
    }),
    prices: Type.Array(
      Type.Object({
        currency: Type.String(),
        billingCycle: BillingCycleSchema,
        termDuration: TermDurationSchema,
        unitPrice: Type.String({ description: 'Decimal string per unit per billing period.' }),
      }),
    ),
  },
  { $id: 'Offer' },
);
