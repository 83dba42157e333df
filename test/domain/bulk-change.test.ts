import { describe, expect, it } from 'vitest';
import { bulkChanges } from '../../src/domain/bulk-change.js';
import { refusal } from '../helpers/refusals.js';

const ids = ['s1'];

function refused(act: () => unknown): { code: string; fields: (string | undefined)[] } {
  const error = refusal(act);
  return { code: error.code, fields: error.errors.map((e) => e.field) };
}

describe('bulkChanges', () => {
  it('turns each operation into the single PATCH its items get', () => {
    expect(
      bulkChanges({ operation: 'set_auto_renew', subscriptionIds: ids, autoRenewEnabled: false }),
    ).toEqual({ autoRenewEnabled: false });
    expect(
      bulkChanges({ operation: 'suspend', subscriptionIds: ids, reason: 'nonpayment' }),
    ).toEqual({ status: 'suspended', suspensionReason: 'nonpayment' });
    expect(bulkChanges({ operation: 'reactivate', subscriptionIds: ids })).toEqual({
      status: 'active',
    });
    expect(bulkChanges({ operation: 'cancel', subscriptionIds: ids })).toEqual({
      status: 'deleted',
    });
    expect(
      bulkChanges({ operation: 'change_quantity', subscriptionIds: ids, quantity: 12 }),
    ).toEqual({ quantity: 12 });
  });

  it('refuses a missing field and one that does not go with the operation, all at once', () => {
    expect(refused(() => bulkChanges({ operation: 'suspend', subscriptionIds: ids }))).toEqual({
      code: 'validation_failed',
      fields: ['/reason'],
    });
    expect(
      refused(() =>
        bulkChanges({
          operation: 'cancel',
          subscriptionIds: ids,
          quantity: 3,
          reason: 'nonpayment',
        }),
      ),
    ).toEqual({ code: 'validation_failed', fields: ['/reason', '/quantity'] });
  });
});
