import type { RemoteCommand } from './command.js';
import { customersUpdate } from './customer-update.js';
import { customersCreate, customersGet, customersList } from './customers.js';
import { invoicesGet, invoicesList } from './invoices.js';
import { login, logout } from './login.js';
import { ordersCreate } from './orders.js';
import {
  subscriptionsCancel,
  subscriptionsReactivate,
  subscriptionsSetAutoRenew,
  subscriptionsSetQuantity,
  subscriptionsSuspend,
} from './subscription-changes.js';
import { subscriptionsGet, subscriptionsList } from './subscriptions.js';
import { webhooksList } from './webhooks.js';

/** Every command that talks to a running server over the API, in the order help lists them. */
export const REMOTE_COMMANDS: readonly RemoteCommand[] = [
  login,
  logout,
  customersList,
  customersGet,
  customersCreate,
  customersUpdate,
  subscriptionsList,
  subscriptionsGet,
  subscriptionsSuspend,
  subscriptionsReactivate,
  subscriptionsCancel,
  subscriptionsSetQuantity,
  subscriptionsSetAutoRenew,
  ordersCreate,
  invoicesList,
  invoicesGet,
  webhooksList,
];
