import countries from 'i18n-iso-countries';
import { DomainError, validationFailed, type ErrorDetail } from './errors.js';
import type { CalendarDate } from './calendar.js';

export const SEGMENTS = ['commercial', 'education', 'government', 'nonprofit'] as const;
export type Segment = (typeof SEGMENTS)[number];

export interface Address {
  line1: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface BillingProfile {
  firstName: string;
  lastName: string;
  email: string;
  address: Address;
}

export interface Customer {
  id: string;
  partnerId: string;
  companyName: string;
  domain: string;
  country: string;
  segment: Segment;
  billingProfile: BillingProfile;
  accountOpenedAt: Date;
  firstBillingPeriodStart: CalendarDate;
  createdAt: Date;
}

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** Domains compare case-insensitively and without a trailing dot. */
export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '');
}

/** A partner's customers each have their own domain. */
export function customerDomainTaken(domain: string): DomainError {
  return new DomainError('customer_domain_taken', `A customer with domain ${domain} exists.`, [
    { field: '/domain', code: 'customer_domain_taken', detail: `${domain} is taken.` },
  ]);
}

const DOMAIN_NAME =
  /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export interface NewCustomerFacts {
  domain: string;
  country: string;
  billingCountry: string;
  accountOpenedAt: Date;
}

function domainProblem(domain: string): ErrorDetail | undefined {
  if (DOMAIN_NAME.test(normalizeDomain(domain))) return undefined;
  return {
    field: '/domain',
    code: 'invalid_domain',
    detail: `"${domain}" is not a domain name such as contoso.com.`,
  };
}

function countryProblem(field: string, country: string): ErrorDetail | undefined {
  if (isCountryCode(country)) return undefined;
  return {
    field,
    code: 'invalid_country',
    detail: `"${country}" is not an ISO 3166-1 alpha-2 country code such as US.`,
  };
}

const BILLING_COUNTRY_FIELD = '/billingProfile/address/country';

/** Rules a new customer must meet beyond the shape of its fields; throws `validation_failed`. */
export function assertValidNewCustomer(facts: NewCustomerFacts, now: Date): void {
  const errors = [
    domainProblem(facts.domain),
    countryProblem('/country', facts.country),
    countryProblem(BILLING_COUNTRY_FIELD, facts.billingCountry),
  ].filter((problem) => problem !== undefined);
  if (facts.accountOpenedAt.getTime() > now.getTime()) {
    errors.push({
      field: '/accountOpenedAt',
      code: 'in_the_future',
      detail: 'accountOpenedAt may lie in the past but not in the future.',
    });
  }
  if (errors.length > 0) throw validationFailed(errors);
}

/** What a partner may change of a customer: its name, its domain and its billing profile. */
export interface CustomerChanges {
  companyName?: string;
  domain?: string;
  billingProfile?: Partial<Omit<BillingProfile, 'address'>> & { address?: Partial<Address> };
}

/** One field a change gave a new value, as a JSON Pointer into the customer. */
export interface CustomerFieldChange {
  field: string;
  from: string;
  to: string;
}

/**
 * The customer after `changes`, held to the rules a new customer meets (a domain name, an ISO
 * country; names and emails kept as creation keeps them), and each field that really changed.
 * A value the customer already has is no change. Throws `validation_failed`.
 */
export function decideCustomerUpdate(
  customer: Customer,
  changes: CustomerChanges,
): { next: Customer; changed: CustomerFieldChange[] } {
  const billingCountry = changes.billingProfile?.address?.country?.toUpperCase();
  const errors = [
    changes.domain === undefined ? undefined : domainProblem(changes.domain),
    billingCountry === undefined
      ? undefined
      : countryProblem(BILLING_COUNTRY_FIELD, billingCountry),
  ].filter((problem) => problem !== undefined);
  if (errors.length > 0) throw validationFailed(errors);

  const { address, email, ...names } = changes.billingProfile ?? {};
  const before = customer.billingProfile;
  const next: Customer = {
    ...customer,
    ...(changes.companyName === undefined ? {} : { companyName: changes.companyName.trim() }),
    ...(changes.domain === undefined ? {} : { domain: normalizeDomain(changes.domain) }),
    billingProfile: {
      ...before,
      ...names,
      ...(email === undefined ? {} : { email: email.trim() }),
      address: {
        ...before.address,
        ...address,
        ...(billingCountry === undefined ? {} : { country: billingCountry }),
      },
    },
  };
  return { next, changed: changedFields(customer, next) };
}

function changedFields(before: Customer, after: Customer): CustomerFieldChange[] {
  const b = before.billingProfile;
  const a = after.billingProfile;
  const pairs: [string, string, string][] = [
    ['/companyName', before.companyName, after.companyName],
    ['/domain', before.domain, after.domain],
    ['/billingProfile/firstName', b.firstName, a.firstName],
    ['/billingProfile/lastName', b.lastName, a.lastName],
    ['/billingProfile/email', b.email, a.email],
    ['/billingProfile/address/line1', b.address.line1, a.address.line1],
    ['/billingProfile/address/city', b.address.city, a.address.city],
    ['/billingProfile/address/postalCode', b.address.postalCode, a.address.postalCode],
    [BILLING_COUNTRY_FIELD, b.address.country, a.address.country],
  ];
  return pairs
    .filter(([, from, to]) => from !== to)
    .map(([field, from, to]) => ({ field, from, to }));
}
