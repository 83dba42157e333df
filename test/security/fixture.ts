import { client, type TestApp } from '../helpers/app.js';
import { newCustomerBody } from '../helpers/customers.js';

export type Api = ReturnType<typeof client>;

/**
 * A sandbox partner with a customer holding an active, a second active, a suspended and a trial
 * subscription, made with a global admin token: the things every route can be tried on.
 */
export async function securityFixture(t: TestApp) {
  const { partner, token } = await t.newPartner({ isSandbox: true });
  const admin = client(t.app, token);
  const customer = (await admin.post('/v1/customers', newCustomerBody())).json<{ id: string }>();
  const base = `/v1/customers/${customer.id}`;
  const trialOffer = t.ctx.catalog.offers.find((o) => o.isTrial)!;
  const order = await admin.post(`${base}/orders`, {
    billingCycle: 'monthly',
    lineItems: [
      { offerId: 'mail-basic', quantity: 5 },
      { offerId: 'mail-basic', quantity: 5 },
      { offerId: 'mail-basic', quantity: 5 },
      { offerId: trialOffer.id, quantity: 2 },
    ],
  });
  const [active, spare, suspended, trial] = order
    .json<{ lineItems: { subscriptionId: string }[] }>()
    .lineItems.map((l) => l.subscriptionId);
  await admin.patch(`${base}/subscriptions/${suspended}`, {
    status: 'suspended',
    suspensionReason: 'other',
  });
  const user = (
    await admin.post('/v1/users', {
      email: `someone-${Math.random().toString(36).slice(2)}@fixture.example`,
      displayName: 'Someone',
      role: 'sales_agent',
    })
  ).json<{ user: { id: string } }>().user;
  const webhook = (
    await admin.post('/v1/webhooks', { url: 'https://hooks.example/psc', eventTypes: ['*'] })
  ).json<{ id: string }>();
  const delivery = (await admin.post(`/v1/webhooks/${webhook.id}/test`, {})).json<{
    id: string;
  }>();
  const [invoice] = (await admin.get(`${base}/invoices`)).json<{
    items: { id: string; periodStart: string }[];
  }>().items;
  return {
    partner,
    admin,
    base,
    customerId: customer.id,
    sub: (id: string | undefined) => `${base}/subscriptions/${id ?? ''}`,
    ids: {
      active,
      spare,
      suspended,
      trial,
      trialTarget: trialOffer.trial!.conversionTargetOfferIds[0]!,
      user: user.id,
      invoice: invoice!.id,
      webhook: webhook.id,
      delivery: delivery.id,
      periodStart: invoice!.periodStart,
    },
  };
}

export type Fixture = Awaited<ReturnType<typeof securityFixture>>;
