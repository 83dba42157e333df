import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChargeLine } from '../../src/domain/money/ledger.js';
import { recordCharges } from '../../src/services/billing/ledger-writer.js';
import { systemEvent } from '../../src/services/events.js';
import { findInvoice, issueInvoice } from '../../src/store/invoices.js';
import { inTransaction } from '../../src/store/transaction.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { newCustomerBody } from '../helpers/customers.js';
import { DIALECTS } from '../helpers/stores.js';

describe.each(DIALECTS)('a charge whose invoice was issued meanwhile, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('goes into the next open invoice and leaves the issued one as it was', async () => {
    const { partner, token } = await t.newPartner({ isSandbox: true });
    const api = client(t.app, token);
    await api.post('/v1/sandbox/clock', { to: '2027-03-10T12:00:00.000Z' });
    const customer = (await api.post('/v1/customers', newCustomerBody())).json<{ id: string }>();
    const placed = await api.post(`/v1/customers/${customer.id}/orders`, {
      billingCycle: 'monthly',
      lineItems: [{ offerId: 'mail-basic', quantity: 1 }],
    });
    const subscriptionId = placed.json().lineItems[0].subscriptionId as string;
    const march = await findInvoice(t.store.db, partner.id, {
      customerId: customer.id,
      periodStart: '2027-03-01',
    });
    const issued = await inTransaction(t.store.db, (trx) =>
      issueInvoice(trx, march!.id, {
        issuedAt: new Date('2027-04-01T00:00:00.000Z'),
        year: 2027,
        number: (n) => `TEST-${n}`,
      }),
    );
    expect(issued).toMatchObject({ status: 'issued', total: 480n });

    const late: ChargeLine = {
      subscriptionId,
      customerId: customer.id,
      type: 'quantity_change',
      date: '2027-03-31',
      periodStart: '2027-03-10',
      periodEnd: '2027-04-09',
      quantity: 1,
      days: 10,
      periodDays: 31,
      unitPrice: 480n,
      unitCost: 480n,
      amount: 155n,
      cost: 155n,
      currency: 'USD',
    };
    const now = new Date('2027-03-31T23:59:59.999Z');
    const { charges } = await inTransaction(t.store.db, (trx) =>
      recordCharges(trx, [late], {
        partnerId: partner.id,
        billingDay: partner.billingDay,
        now,
        stamp: (event) => systemEvent(partner.id, now, event),
      }),
    );
    const april = await findInvoice(t.store.db, partner.id, {
      customerId: customer.id,
      periodStart: '2027-04-01',
    });
    expect(april).toMatchObject({ status: 'draft', total: 155n });
    expect(charges[0]?.invoiceId).toBe(april?.id);
    expect(await findInvoice(t.store.db, partner.id, { id: march!.id })).toMatchObject({
      status: 'issued',
      number: 'TEST-1',
      total: 480n,
    });
  });
});
