import type { BillingCycle, TermDuration } from './offer.js';

/** One billing cycle per order; every line item made one subscription, or the order failed. */
export interface Order {
  id: string;
  partnerId: string;
  customerId: string;
  billingCycle: BillingCycle;
  status: 'completed';
  creationDate: Date;
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
}

export const MAX_ORDER_LINE_ITEMS = 100;
