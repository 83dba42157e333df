import type { BillingCycle, TermDuration } from './offer.js';

/** One billing cycle per order; every line item made one subscription, or the order failed. */
export interface Order {
  id: string;
  partnerId: string;
  customerId: string;
  billingCycle: BillingCycle;
  status: 'completed';
  creationDate: Date;
  /** The customer's currency; empty for orders placed before psc kept money. */
  currency: string;
  lineItems: OrderLineItem[];
}

export interface OrderLineItem {
  /** Counts from 0 in request order, as in Partner Center. */
  lineItemNumber: number;
  offerId: string;
  quantity: number;
  termDuration: TermDuration;
  friendlyName: string;
  parentSubscriptionId: string | null;
  subscriptionId: string;
  /** The customer's unit price; null for orders placed before psc kept money. */
  unitPrice: string | null;
  /** The first period's charge (prorated where an add-on ends with its base); null likewise. */
  amount: string | null;
}

export const MAX_ORDER_LINE_ITEMS = 100;
