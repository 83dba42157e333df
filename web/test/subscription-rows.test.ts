import { describe, expect, it } from 'vitest';
import type { Subscription } from '../src/api/client';
import { endDateOf, subscriptionRows } from '../src/pages/customer/subscriptionRows';

function subscription(id: string, fields: Partial<Subscription> = {}): Subscription {
  return {
    id,
    friendlyName: id,
    offerName: 'Offer',
    quantity: 1,
    unitPrice: '1.00',
    currency: 'USD',
    status: 'active',
    parentSubscriptionId: null,
    isTrial: false,
    trialEndDate: null,
    commitmentEndDate: '2027-01-01',
    expiresAt: null,
    deletedAt: null,
    ...fields,
  } as Subscription;
}

const ids = (rows: ReturnType<typeof subscriptionRows>) => rows.map((row) => row.subscription.id);

describe("the customer's subscription rows", () => {
  const list = [
    subscription('b-base', { quantity: 5, unitPrice: '2.00' }),
    subscription('z-addon', { parentSubscriptionId: 'b-base', quantity: 1 }),
    subscription('a-addon', { parentSubscriptionId: 'b-base', quantity: 9 }),
    subscription('c-base', { quantity: 2, unitPrice: '10.00' }),
    subscription('orphan', { parentSubscriptionId: 'not-listed', quantity: 3 }),
  ];

  it('puts each add-on right after its base, sorted like the bases', () => {
    const rows = subscriptionRows(list, { key: 'name', direction: 'ascending' });
    expect(ids(rows)).toEqual(['b-base', 'a-addon', 'z-addon', 'c-base', 'orphan']);
    expect(rows[1]).toMatchObject({ baseName: 'b-base' });
    expect(rows[4]?.baseName).toBeUndefined();
  });

  it('sorts by quantity and by price × quantity, either way', () => {
    expect(ids(subscriptionRows(list, { key: 'quantity', direction: 'descending' }))).toEqual([
      'b-base',
      'a-addon',
      'z-addon',
      'orphan',
      'c-base',
    ]);
    // 10.00 and 20.00 compare as amounts, not as text ("10.00" < "3.00").
    expect(ids(subscriptionRows(list, { key: 'price', direction: 'ascending' }))).toEqual([
      'orphan',
      'b-base',
      'z-addon',
      'a-addon',
      'c-base',
    ]);
  });

  it('names the date a row is about by its status', () => {
    expect(
      endDateOf(subscription('d', { status: 'deleted', deletedAt: '2026-05-02T00:00:00.000Z' })),
    ).toBe('2026-05-02T00:00:00.000Z');
    expect(
      endDateOf(subscription('s', { status: 'suspended', expiresAt: '2026-08-01T00:00:00.000Z' })),
    ).toBe('2026-08-01T00:00:00.000Z');
    expect(endDateOf(subscription('t', { isTrial: true, trialEndDate: '2026-12-15' }))).toBe(
      '2026-12-15',
    );
    expect(endDateOf(subscription('e', { status: 'expired' }))).toBe('2027-01-01');
  });
});
