import { describe, expect, it } from 'vitest';
import { retentionDays, retentionExpiresAt } from '../../src/domain/retention.js';

const defaults = { retentionBaseDays: 90, retentionMaxDays: 120 };

describe('retention (seed step 4)', () => {
  it('follows the seed example: 90 + 22 days, suspended Mar 1 expires Jun 21', () => {
    const opened = new Date('2026-01-10T15:30:00Z');
    expect(retentionDays(defaults, opened, '2026-02-01')).toBe(112);
    expect(
      retentionExpiresAt(
        defaults,
        opened,
        '2026-02-01',
        new Date('2026-03-01T00:00:00Z'),
      ).toISOString(),
    ).toBe('2026-06-21T00:00:00.000Z');
  });

  it('is the base when the account opened on its first billing day', () => {
    expect(retentionDays(defaults, new Date('2026-02-01T10:00:00Z'), '2026-02-01')).toBe(90);
  });

  it('never exceeds the maximum', () => {
    expect(retentionDays(defaults, new Date('2026-01-01T00:00:00Z'), '2026-03-15')).toBe(120);
  });

  it('uses the offer policy', () => {
    const policy = { retentionBaseDays: 60, retentionMaxDays: 90 };
    expect(retentionDays(policy, new Date('2026-01-10T00:00:00Z'), '2026-02-01')).toBe(82);
    expect(retentionDays(policy, new Date('2025-11-02T00:00:00Z'), '2026-02-01')).toBe(90);
  });

  it('keeps the time of day of the suspension', () => {
    const at = retentionExpiresAt(
      defaults,
      new Date('2026-02-01T00:00:00Z'),
      '2026-02-01',
      new Date('2026-03-01T13:45:10.123Z'),
    );
    expect(at.toISOString()).toBe('2026-05-30T13:45:10.123Z');
  });
});
