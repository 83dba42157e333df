import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/domain/errors.js';
import { decideLicenseAssignment, requireLicensable } from '../../src/domain/license.js';
import type { SubscriptionStatus } from '../../src/domain/subscription.js';
import { refusalCode } from '../helpers/refusals.js';

const codeOf = refusalCode;

describe('decideLicenseAssignment', () => {
  const cases: [string, SubscriptionStatus, number, number, ErrorCode | undefined][] = [
    ['the first of several', 'active', 5, 0, undefined],
    ['the last one', 'active', 5, 4, undefined],
    ['one more than bought', 'active', 5, 5, 'license_limit_reached'],
    ['over an already exceeded limit', 'active', 2, 3, 'license_limit_reached'],
    ['while suspended', 'suspended', 5, 1, undefined],
    ['on a deleted subscription', 'deleted', 5, 0, 'subscription_deleted'],
    ['on an expired subscription', 'expired', 5, 0, 'invalid_status_transition'],
  ];

  it.each(cases)('%s (%s, quantity %i, %i assigned)', (_name, status, quantity, assigned, code) => {
    expect(codeOf(() => decideLicenseAssignment({ id: 's', status, quantity }, assigned))).toBe(
      code,
    );
  });
});

describe('requireLicensable', () => {
  it.each<[SubscriptionStatus, ErrorCode | undefined]>([
    ['active', undefined],
    ['suspended', undefined],
    ['deleted', 'subscription_deleted'],
    ['expired', 'invalid_status_transition'],
  ])('%s → %s', (status, code) => {
    expect(codeOf(() => requireLicensable({ id: 's', status }))).toBe(code);
  });
});
