import { describe, expect, it } from 'vitest';
import { retentionExpiresAt } from '../../src/domain/retention.js';
import { suspensionPreview } from '../../src/domain/suspension-preview.js';

const defaults = { retentionBaseDays: 90, retentionMaxDays: 120 };
const contoso = {
  accountOpenedAt: new Date('2026-01-10T15:30:00.000Z'),
  firstBillingPeriodStart: '2026-02-01',
};

describe('the suspension preview (shown before suspending, seed step 4)', () => {
  it('follows the seed’s example: opened 2026-01-10, billing from 2026-02-01 → 112 days', () => {
    const preview = suspensionPreview(
      ['change_quantity', 'suspend', 'cancel'],
      defaults,
      contoso,
      new Date('2026-03-01T00:00:00.000Z'),
    );
    expect(preview?.expiresAt.toISOString()).toBe('2026-06-21T00:00:00.000Z');
  });

  it('stops at the maximum and uses the offer’s policy', () => {
    const opened = {
      accountOpenedAt: new Date('2025-01-01T00:00:00.000Z'),
      firstBillingPeriodStart: '2025-12-01',
    };
    const now = new Date('2026-03-01T12:00:00.000Z');
    expect(suspensionPreview(['suspend'], defaults, opened, now)?.expiresAt.toISOString()).toBe(
      '2026-06-29T12:00:00.000Z',
    );
    const kiosk = { retentionBaseDays: 60, retentionMaxDays: 90 };
    expect(suspensionPreview(['suspend'], kiosk, contoso, now)?.expiresAt.toISOString()).toBe(
      '2026-05-22T12:00:00.000Z',
    );
  });

  it('is what a suspension at the same instant gets', () => {
    const now = new Date('2026-04-17T08:09:10.011Z');
    expect(suspensionPreview(['suspend'], defaults, contoso, now)?.expiresAt).toEqual(
      retentionExpiresAt(defaults, contoso.accountOpenedAt, contoso.firstBillingPeriodStart, now),
    );
  });

  it('is null when the subscription may not be suspended', () => {
    const now = new Date('2026-03-01T00:00:00.000Z');
    expect(suspensionPreview([], defaults, contoso, now)).toBeNull();
    expect(suspensionPreview(['reactivate', 'cancel'], defaults, contoso, now)).toBeNull();
  });
});
