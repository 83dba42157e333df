import type { Customer } from '../../api/client';
import type { paths } from '../../api/schema';

/** The edit form's fields, named by their JSON pointer in the API's body so its errors land on them. */
export const CUSTOMER_FIELDS = [
  '/companyName',
  '/domain',
  '/billingProfile/firstName',
  '/billingProfile/lastName',
  '/billingProfile/email',
  '/billingProfile/address/line1',
  '/billingProfile/address/city',
  '/billingProfile/address/postalCode',
] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];
export type CustomerValues = Record<CustomerField, string>;

/** The body of `PATCH /v1/customers/{customerId}`: only what changed. */
export type CustomerPatch = NonNullable<
  paths['/v1/customers/{customerId}']['patch']['requestBody']
>['content']['application/json'];

export function valuesOf(customer: Customer): CustomerValues {
  const profile = customer.billingProfile;
  return {
    '/companyName': customer.companyName,
    '/domain': customer.domain,
    '/billingProfile/firstName': profile.firstName,
    '/billingProfile/lastName': profile.lastName,
    '/billingProfile/email': profile.email,
    '/billingProfile/address/line1': profile.address.line1,
    '/billingProfile/address/city': profile.address.city,
    '/billingProfile/address/postalCode': profile.address.postalCode,
  };
}

/** The fields left empty: every one of them is required. The API checks the rest. */
export function missingFields(values: CustomerValues): CustomerField[] {
  return CUSTOMER_FIELDS.filter((field) => values[field].trim() === '');
}

/**
 * What to send for the edited values. The billing profile goes whole once any part of it
 * changed, so the API never has to merge half an address.
 */
export function patchOf(customer: Customer, values: CustomerValues): CustomerPatch {
  const trimmed = Object.fromEntries(
    CUSTOMER_FIELDS.map((field) => [field, values[field].trim()]),
  ) as CustomerValues;
  const before = valuesOf(customer);
  const changed = (field: CustomerField) => trimmed[field] !== before[field];
  const patch: CustomerPatch = {};
  if (changed('/companyName')) patch.companyName = trimmed['/companyName'];
  if (changed('/domain')) patch.domain = trimmed['/domain'];
  if (CUSTOMER_FIELDS.some((field) => field.startsWith('/billingProfile/') && changed(field))) {
    patch.billingProfile = {
      firstName: trimmed['/billingProfile/firstName'],
      lastName: trimmed['/billingProfile/lastName'],
      email: trimmed['/billingProfile/email'],
      address: {
        line1: trimmed['/billingProfile/address/line1'],
        city: trimmed['/billingProfile/address/city'],
        postalCode: trimmed['/billingProfile/address/postalCode'],
        country: customer.billingProfile.address.country,
      },
    };
  }
  return patch;
}
