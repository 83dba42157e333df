import { Type, type Static } from 'typebox';
import { CalendarDate, Instant, Uuid } from './common.js';
import { SegmentSchema } from './offer.js';

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const CountryCode = Type.String({
  pattern: '^[A-Za-z]{2}$',
  description: 'ISO 3166-1 alpha-2 country code, e.g. US.',
});

const AddressSchema = Type.Object(
  {
    line1: text(200),
    city: text(100),
    postalCode: text(20),
    country: CountryCode,
  },
  { additionalProperties: false },
);

const BillingProfileSchema = Type.Object(
  {
    firstName: text(100),
    lastName: text(100),
    email: Type.String({ format: 'email', maxLength: 254 }),
    address: AddressSchema,
  },
  { additionalProperties: false },
);

export const CustomerSchema = Type.Object(
  {
    id: Uuid,
    companyName: Type.String(),
    domain: Type.String(),
    country: Type.String(),
    segment: SegmentSchema,
    billingProfile: BillingProfileSchema,
    accountOpenedAt: Instant,
    firstBillingPeriodStart: CalendarDate,
    createdAt: Instant,
  },
  { $id: 'Customer' },
);

export const NewCustomerSchema = Type.Object(
  {
    companyName: text(200),
    domain: Type.String({ minLength: 4, maxLength: 253, description: 'Unique per partner.' }),
    country: CountryCode,
    segment: SegmentSchema,
    billingProfile: BillingProfileSchema,
    accountOpenedAt: Type.Optional(
      Type.String({
        format: 'date-time',
        description:
          'When the account was opened: defaults to now; may lie in the past, not the future.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NewCustomerBody = Static<typeof NewCustomerSchema>;

/** What may change of a customer: each field is left as it is when left out. */
export const CustomerPatchSchema = Type.Object(
  {
    companyName: Type.Optional(text(200)),
    domain: Type.Optional(
      Type.String({ minLength: 4, maxLength: 253, description: 'Unique per partner.' }),
    ),
    billingProfile: Type.Optional(
      Type.Object(
        {
          firstName: Type.Optional(text(100)),
          lastName: Type.Optional(text(100)),
          email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
          address: Type.Optional(
            Type.Object(
              {
                line1: Type.Optional(text(200)),
                city: Type.Optional(text(100)),
                postalCode: Type.Optional(text(20)),
                country: Type.Optional(CountryCode),
              },
              { additionalProperties: false, minProperties: 1 },
            ),
          ),
        },
        { additionalProperties: false, minProperties: 1 },
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CustomerPatchBody = Static<typeof CustomerPatchSchema>;
