import { describe, expect, it } from 'vitest';
import {
  assertValidNewCustomer,
  isCountryCode,
  normalizeDomain,
} from '../../src/domain/customer.js';
import { DomainError } from '../../src/domain/errors.js';

const now = new Date('2026-03-01T12:00:00Z');
const valid = {
  domain: 'contoso.com',
  country: 'US',
  billingCountry: 'US',
  accountOpenedAt: new Date('2026-01-01T00:00:00Z'),
};

function refusal(facts: Partial<typeof valid>): DomainError {
  try {
    assertValidNewCustomer({ ...valid, ...facts }, now);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('new customer rules', () => {
  it('accepts a valid customer, also one opened exactly now', () => {
    expect(() => assertValidNewCustomer(valid, now)).not.toThrow();
    expect(() => assertValidNewCustomer({ ...valid, accountOpenedAt: now }, now)).not.toThrow();
  });

  it.each([
    [{ domain: 'not a domain' }, '/domain', 'invalid_domain'],
    [{ domain: 'localhost' }, '/domain', 'invalid_domain'],
    [{ country: 'XX' }, '/country', 'invalid_country'],
    [{ billingCountry: 'ZZ' }, '/billingProfile/address/country', 'invalid_country'],
    [{ accountOpenedAt: new Date(now.getTime() + 1) }, '/accountOpenedAt', 'in_the_future'],
  ])('refuses %o at %s', (facts, field, code) => {
    const error = refusal(facts);
    expect(error.code).toBe('validation_failed');
    expect(error.errors).toEqual([expect.objectContaining({ field, code })]);
  });

  it('reports every problem at once', () => {
    expect(refusal({ domain: 'x', country: 'XX' }).errors).toHaveLength(2);
  });

  it('normalises domains and knows ISO countries', () => {
    expect(normalizeDomain(' Contoso.COM. ')).toBe('contoso.com');
    expect(isCountryCode('TW')).toBe(true);
    expect(isCountryCode('tw')).toBe(false);
    expect(isCountryCode('UK')).toBe(false);
  });
});
