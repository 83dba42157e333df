import type { Permission } from '../../src/domain/permissions.js';
import { newCustomerBody } from '../helpers/customers.js';
import type { Api, Fixture } from './fixture.js';

export interface RouteCall {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  permission: Permission;
  /** Names another partner's resource, so another partner must get 404. */
  scoped: boolean;
}

/** Every /v1 route that acts for a caller, with the permission the table gives it. */
export const ROUTE_CALLS: readonly RouteCall[] = [
  {
    name: 'list offers',
    method: 'GET',
    url: () => '/v1/offers',
    permission: 'catalog.read',
    scoped: false,
  },
  {
    name: 'get offer',
    method: 'GET',
    url: () => '/v1/offers/mail-basic',
    permission: 'catalog.read',
    scoped: false,
  },
  {
    name: 'list markets',
    method: 'GET',
    url: () => '/v1/markets',
    permission: 'catalog.read',
    scoped: false,
  },
  {
    name: 'read the clock',
    method: 'GET',
    url: () => '/v1/clock',
    permission: 'catalog.read',
    scoped: false,
  },
  {
    name: 'list customers',
    method: 'GET',
    url: () => '/v1/customers',
    permission: 'customers.read',
    scoped: false,
  },
  {
    name: 'create customer',
    method: 'POST',
    url: () => '/v1/customers',
    body: () => newCustomerBody(),
    permission: 'customers.create',
    scoped: false,
  },
  {
    name: 'get customer',
    method: 'GET',
    url: (f) => f.base,
    permission: 'customers.read',
    scoped: true,
  },
  {
    name: 'update customer',
    method: 'PATCH',
    url: (f) => f.base,
    body: () => ({ companyName: 'Renamed Customer' }),
    permission: 'customers.create',
    scoped: true,
  },
  {
    name: 'customer catalog',
    method: 'GET',
    url: (f) => `${f.base}/offers`,
    permission: 'catalog.read',
    scoped: true,
  },
  {
    name: 'place order',
    method: 'POST',
    url: (f) => `${f.base}/orders`,
    body: () => ({ billingCycle: 'monthly', lineItems: [{ offerId: 'mail-plus', quantity: 1 }] }),
    permission: 'orders.create',
    scoped: true,
  },
  {
    name: 'list orders',
    method: 'GET',
    url: (f) => `${f.base}/orders`,
    permission: 'orders.read',
    scoped: true,
  },
  {
    name: 'list subscriptions',
    method: 'GET',
    url: (f) => `${f.base}/subscriptions`,
    permission: 'subscriptions.read',
    scoped: true,
  },
  {
    name: 'get subscription',
    method: 'GET',
    url: (f) => f.sub(f.ids.active),
    permission: 'subscriptions.read',
    scoped: true,
  },
  {
    name: 'subscription history',
    method: 'GET',
    url: (f) => `${f.sub(f.ids.active)}/events`,
    permission: 'subscriptions.read',
    scoped: true,
  },
  {
    name: 'add-ons',
    method: 'GET',
    url: (f) => `${f.sub(f.ids.active)}/addons`,
    permission: 'subscriptions.read',
    scoped: true,
  },
  {
    name: 'add-on offers',
    method: 'GET',
    url: (f) => `${f.sub(f.ids.active)}/addon-offers`,
    permission: 'catalog.read',
    scoped: true,
  },
  {
    name: 'rename',
    method: 'PATCH',
    url: (f) => f.sub(f.ids.active),
    body: () => ({ friendlyName: 'Renamed' }),
    permission: 'subscriptions.update_details',
    scoped: true,
  },
  {
    name: 'change quantity',
    method: 'PATCH',
    url: (f) => f.sub(f.ids.active),
    body: () => ({ quantity: 6 }),
    permission: 'subscriptions.change_quantity',
    scoped: true,
  },
  {
    name: 'suspend',
    method: 'PATCH',
    url: (f) => f.sub(f.ids.active),
    body: () => ({ status: 'suspended', suspensionReason: 'nonpayment' }),
    permission: 'subscriptions.suspend',
    scoped: true,
  },
  {
    name: 'reactivate',
    method: 'PATCH',
    url: (f) => f.sub(f.ids.suspended),
    body: () => ({ status: 'active' }),
    permission: 'subscriptions.reactivate',
    scoped: true,
  },
  {
    name: 'cancel',
    method: 'PATCH',
    url: (f) => f.sub(f.ids.spare),
    body: () => ({ status: 'deleted' }),
    permission: 'subscriptions.cancel',
    scoped: true,
  },
  {
    name: 'convert trial',
    method: 'POST',
    url: (f) => `${f.sub(f.ids.trial)}/conversions`,
    body: (f) => ({ targetOfferId: f.ids.trialTarget, quantity: 2, billingCycle: 'monthly' }),
    permission: 'subscriptions.convert',
    scoped: true,
  },
  {
    name: 'audit log',
    method: 'GET',
    url: () => '/v1/events',
    permission: 'audit.read',
    scoped: false,
  },
  {
    name: 'list users',
    method: 'GET',
    url: () => '/v1/users',
    permission: 'users.manage',
    scoped: false,
  },
  {
    name: 'invite user',
    method: 'POST',
    url: () => '/v1/users',
    body: () => ({
      email: `new-${Math.random().toString(36).slice(2)}@x.example`,
      displayName: 'New',
      role: 'sales_agent',
    }),
    permission: 'users.manage',
    scoped: false,
  },
  {
    name: 'get user',
    method: 'GET',
    url: (f) => `/v1/users/${f.ids.user}`,
    permission: 'users.manage',
    scoped: true,
  },
  {
    name: 'change user',
    method: 'PATCH',
    url: (f) => `/v1/users/${f.ids.user}`,
    body: () => ({ displayName: 'Renamed' }),
    permission: 'users.manage',
    scoped: true,
  },
  {
    name: "reset a user's password",
    method: 'POST',
    url: (f) => `/v1/users/${f.ids.user}/password-reset`,
    body: () => ({}),
    permission: 'users.manage',
    scoped: true,
  },
  {
    name: 'read sandbox clock',
    method: 'GET',
    url: () => '/v1/sandbox/clock',
    permission: 'sandbox.clock',
    scoped: false,
  },
  {
    name: 'move sandbox clock',
    method: 'POST',
    url: () => '/v1/sandbox/clock',
    body: () => ({ advanceBy: 'PT1H' }),
    permission: 'sandbox.clock',
    scoped: false,
  },
  {
    name: 'read the price book',
    method: 'GET',
    url: () => '/v1/price-book',
    permission: 'price_book.read',
    scoped: false,
  },
  {
    name: 'replace the price book',
    method: 'PUT',
    url: () => '/v1/price-book',
    body: () => ({ defaultMarkupPercent: '10', rules: [] }),
    permission: 'price_book.write',
    scoped: false,
  },
  {
    name: 'preview an order',
    method: 'POST',
    url: (f) => `${f.base}/orders/preview`,
    body: () => ({ billingCycle: 'monthly', lineItems: [{ offerId: 'mail-basic', quantity: 2 }] }),
    permission: 'orders.create',
    scoped: true,
  },
  {
    name: 'list charges',
    method: 'GET',
    url: (f) => `${f.base}/charges`,
    permission: 'billing.read',
    scoped: true,
  },
  {
    name: "list a customer's invoices",
    method: 'GET',
    url: (f) => `${f.base}/invoices`,
    permission: 'billing.read',
    scoped: true,
  },
  {
    name: 'upcoming invoice',
    method: 'GET',
    url: (f) => `${f.base}/invoices/upcoming`,
    permission: 'billing.read',
    scoped: true,
  },
  {
    name: 'get invoice',
    method: 'GET',
    url: (f) => `${f.base}/invoices/${f.ids.invoice}`,
    permission: 'billing.read',
    scoped: true,
  },
  {
    name: "list the partner's invoices",
    method: 'GET',
    url: () => '/v1/invoices',
    permission: 'billing.read',
    scoped: false,
  },
  {
    name: 'reconciliation',
    method: 'GET',
    url: (f) => `/v1/billing/reconciliation?periodStart=${f.ids.periodStart}`,
    permission: 'billing.read',
    scoped: false,
  },
  {
    name: 'billing overview',
    method: 'GET',
    url: () => '/v1/billing/overview',
    permission: 'billing.read',
    scoped: false,
  },
  ...acrossCustomersCalls(),
  ...webhookCalls(),
];

/** The partner's subscriptions across customers; a bulk change needs its operation's permission. */
function acrossCustomersCalls(): RouteCall[] {
  const bulk = (
    operation: string,
    permission: Permission,
    target: (f: Fixture) => string | undefined,
    fields: Record<string, unknown> = {},
  ): RouteCall => ({
    name: `bulk ${operation}`,
    method: 'POST',
    url: () => '/v1/subscriptions/bulk',
    body: (f) => ({ operation, subscriptionIds: [target(f)], ...fields }),
    permission,
    scoped: false,
  });
  return [
    {
      name: 'list subscriptions across customers',
      method: 'GET',
      url: () => '/v1/subscriptions?q=a&sort=-expiresAt',
      permission: 'subscriptions.read',
      scoped: false,
    },
    bulk('set_auto_renew', 'subscriptions.update_details', (f) => f.ids.active, {
      autoRenewEnabled: false,
    }),
    bulk('change_quantity', 'subscriptions.change_quantity', (f) => f.ids.active, {
      quantity: 7,
    }),
    bulk('suspend', 'subscriptions.suspend', (f) => f.ids.active, { reason: 'nonpayment' }),
    bulk('reactivate', 'subscriptions.reactivate', (f) => f.ids.active),
    bulk('cancel', 'subscriptions.cancel', (f) => f.ids.spare),
  ];
}

function webhookCalls(): RouteCall[] {
  const one = (f: Fixture) => `/v1/webhooks/${f.ids.webhook}`;
  const call = (
    name: string,
    method: RouteCall['method'],
    url: (f: Fixture) => string,
    scoped: boolean,
    body?: (f: Fixture) => unknown,
  ): RouteCall => ({
    name,
    method,
    url,
    scoped,
    permission: 'webhooks.manage',
    ...(body ? { body } : {}),
  });
  return [
    call('list webhook endpoints', 'GET', () => '/v1/webhooks', false),
    call('list webhook event types', 'GET', () => '/v1/webhooks/event-types', false),
    call(
      'add a webhook endpoint',
      'POST',
      () => '/v1/webhooks',
      false,
      () => ({
        url: 'https://hooks.example/another',
        eventTypes: ['subscription.suspended'],
      }),
    ),
    call('get a webhook endpoint', 'GET', one, true),
    call('change a webhook endpoint', 'PATCH', one, true, () => ({ description: 'PSA' })),
    call(
      'rotate a webhook secret',
      'POST',
      (f) => `${one(f)}/rotate-secret`,
      true,
      () => ({}),
    ),
    call(
      'send a test event',
      'POST',
      (f) => `${one(f)}/test`,
      true,
      () => ({}),
    ),
    call('list webhook deliveries', 'GET', (f) => `${one(f)}/deliveries`, true),
    call(
      'redeliver a webhook',
      'POST',
      (f) => `${one(f)}/deliveries/${f.ids.delivery}/redeliver`,
      true,
      () => ({}),
    ),
    // Last: it removes what the calls before it use.
    call('remove a webhook endpoint', 'DELETE', one, true),
  ];
}

/** Sends one route call as `api`. */
export function send(api: Api, call: RouteCall, fixture: Fixture) {
  const url = call.url(fixture);
  const body = call.body?.(fixture);
  switch (call.method) {
    case 'GET':
      return api.get(url);
    case 'POST':
      return api.post(url, body);
    case 'PUT':
      return api.put(url, body);
    case 'PATCH':
      return api.patch(url, body);
    case 'DELETE':
      return api.delete(url);
  }
}
