import { v7 as uuidv7 } from 'uuid';
import type {
  EventsTable,
  OrderLineItemsTable,
  OrdersTable,
  SubscriptionsTable,
} from '../src/store/tables.js';
import type { FloorOffer } from './floor-offers.js';

/** The rows one order writes, with the values place-order writes (types only from src/store). */
export interface OrderRows {
  order: OrdersTable;
  subscriptions: SubscriptionsTable[];
  lineItems: OrderLineItemsTable[];
  events: EventsTable[];
}

export interface OrderLine {
  offer: FloorOffer;
  quantity: number;
}

export interface OrderFacts {
  partnerId: string;
  customerId: string;
  currency: string;
  billingCycle: string;
  lines: readonly OrderLine[];
  now: Date;
}

const ACTOR = { actor_type: 'token', actor_id: 'floor', actor_name: 'Floor token' } as const;

export function orderRows(facts: OrderFacts): OrderRows {
  const at = facts.now.toISOString();
  const order: OrdersTable = {
    id: uuidv7(),
    partner_id: facts.partnerId,
    customer_id: facts.customerId,
    billing_cycle: facts.billingCycle,
    status: 'completed',
    created_at: at,
  };
  const subscriptions = facts.lines.map((line) => subscriptionRow(facts, line, order.id));
  const lineItems = subscriptions.map((s, lineItemNumber): OrderLineItemsTable => ({
    order_id: order.id,
    line_item_number: lineItemNumber,
    partner_id: facts.partnerId,
    offer_id: s.offer_id,
    quantity: s.quantity,
    term_duration: s.term_duration,
    friendly_name: s.friendly_name,
    parent_subscription_id: null,
    subscription_id: s.id,
  }));
  const event = (type: string, subscriptionId: string | null, data: unknown): EventsTable => ({
    id: uuidv7(),
    partner_id: facts.partnerId,
    type,
    occurred_at: at,
    ...ACTOR,
    customer_id: facts.customerId,
    subscription_id: subscriptionId,
    order_id: order.id,
    reason: null,
    data: JSON.stringify(data),
  });
  const events = [
    event('order.created', null, {
      billingCycle: facts.billingCycle,
      lineItems: lineItems.map((l) => ({
        lineItemNumber: l.line_item_number,
        offerId: l.offer_id,
        quantity: l.quantity,
        subscriptionId: l.subscription_id,
      })),
    }),
    ...subscriptions.map((s) =>
      event('subscription.created', s.id, {
        offerId: s.offer_id,
        quantity: s.quantity,
        billingCycle: s.billing_cycle,
        termDuration: s.term_duration,
        unitPrice: s.unit_price,
        currency: s.currency,
        parentSubscriptionId: null,
      }),
    ),
  ];
  return { order, subscriptions, lineItems, events };
}

function subscriptionRow(facts: OrderFacts, line: OrderLine, orderId: string): SubscriptionsTable {
  const { offer } = line;
  const { now } = facts;
  const termDuration = facts.billingCycle === 'annual' ? 'P1Y' : 'P1M';
  const price = offer.prices.find(
    (p) =>
      p.currency === facts.currency &&
      p.billingCycle === facts.billingCycle &&
      p.termDuration === termDuration,
  );
  return {
    id: uuidv7(),
    partner_id: facts.partnerId,
    customer_id: facts.customerId,
    offer_id: offer.id,
    offer_name: offer.name,
    friendly_name: offer.name,
    quantity: line.quantity,
    unit_type: offer.unitType,
    parent_subscription_id: null,
    order_id: orderId,
    status: 'active',
    billing_cycle: facts.billingCycle,
    term_duration: termDuration,
    auto_renew_enabled: offer.autoRenewable && !offer.isTrial ? 1 : 0,
    is_trial: offer.isTrial ? 1 : 0,
    trial_end_date: null,
    creation_date: now.toISOString(),
    effective_start_date: now.toISOString().slice(0, 10),
    commitment_end_date: termEnd(now, termDuration === 'P1Y' ? 12 : 1),
    cancellation_allowed_until: windowEnd(now, offer.policies.cancellationWindowHours),
    quantity_decrease_allowed_until: windowEnd(now, offer.policies.quantityDecreaseWindowHours),
    suspension_reasons: '[]',
    suspended_at: null,
    expires_at: null,
    deleted_at: null,
    unit_price: price?.unitPrice ?? '0',
    currency: facts.currency,
    version: 1,
    expiring_soon_warned_for: null,
  };
}

/** The day before the same day `months` later (UTC); past a month's end it rolls over as Date does. */
function termEnd(start: Date, months: number): string {
  const end = new Date(
    Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate() - 1),
  );
  return end.toISOString().slice(0, 10);
}

function windowEnd(from: Date, hours: number | null): string | null {
  return hours === null ? null : new Date(from.getTime() + hours * 3_600_000).toISOString();
}
