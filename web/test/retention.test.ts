import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retentionExpiresAt } from '../../src/domain/retention.js';
import { suspensionExpiresAt } from '../src/lib/retention';

describe('the portal’s suspension expiry (shown before submitting)', () => {
  it('follows the seed’s example: opened 2026-01-10, billing from 2026-02-01 → 112 days', () => {
    const policy = { retentionBaseDays: 90, retentionMaxDays: 120 };
    const at = suspensionExpiresAt(
      policy,
      '2026-01-10T15:30:00.000Z',
      '2026-02-01',
      new Date('2026-03-01T00:00:00.000Z'),
    );
    expect(at.toISOString()).toBe('2026-06-21T00:00:00.000Z');
  });

  it('stops at the maximum', () => {
    const policy = { retentionBaseDays: 90, retentionMaxDays: 120 };
    const at = suspensionExpiresAt(
      policy,
      '2025-01-01T00:00:00.000Z',
      '2025-12-01',
      new Date('2026-03-01T12:00:00.000Z'),
    );
    expect(at.toISOString()).toBe('2026-06-29T12:00:00.000Z');
  });

  it('always equals what the API computes', () => {
    const day = 86_400_000;
    const start = Date.parse('2020-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 * day }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 400 * day }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 100 }),
        (openedOffset, graceDays, suspendedOffset, base, extra) => {
          const opened = new Date(start + openedOffset);
          const firstBilling = new Date(
            Date.parse(`${opened.toISOString().slice(0, 10)}T00:00:00Z`) + graceDays * day,
          )
            .toISOString()
            .slice(0, 10);
          const suspendedAt = new Date(opened.getTime() + suspendedOffset);
          const policy = { retentionBaseDays: base, retentionMaxDays: base + extra };
          expect(
            suspensionExpiresAt(policy, opened.toISOString(), firstBilling, suspendedAt),
          ).toEqual(retentionExpiresAt(policy, opened, firstBilling, suspendedAt));
        },
      ),
    );
  });
});
