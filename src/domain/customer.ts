import countries from 'i18n-iso-countries';
import { validationFailed, type ErrorDetail } from './errors.js';
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

const DOMAIN_NAME =
  /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export interface NewCustomerFacts {
  domain: string;
  country: string;
  billingCountry: string;
  accountOpenedAt: Date;
}

/** Rules a new customer must meet beyond the shape of its fields; throws `validation_failed`. */
export function assertValidNewCustomer(facts: NewCustomerFacts, now: Date): void {
  const errors: ErrorDetail[] = [];
  if (!DOMAIN_NAME.test(normalizeDomain(facts.domain))) {
    errors.push({
      field: '/domain',
      code: 'invalid_domain',
      detail: `"${facts.domain}" is not a domain name such as contoso.com.`,
    });
  }
  if (!isCountryCode(facts.country)) {
    errors.push({
      field: '/country',
      code: 'invalid_country',
      detail: `"${facts.country}" is not an ISO 3166-1 alpha-2 country code such as US.`,
    });
  }
  if (!isCountryCode(facts.billingCountry)) {
    errors.push({
      field: '/billingProfile/address/country',
      code: 'invalid_country',
      detail: `"${facts.billingCountry}" is not an ISO 3166-1 alpha-2 country code such as US.`,
    });
  }
  if (facts.accountOpenedAt.getTime() > now.getTime()) {
    errors.push({
      field: '/accountOpenedAt',
      code: 'in_the_future',
      detail: 'accountOpenedAt may lie in the past but not in the future.',
    });
  }
  if (errors.length > 0) throw validationFailed(errors);
}
