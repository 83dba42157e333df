import { v7 as uuidv7 } from 'uuid';
import type {
  ChargesTable,
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
  /** The first billing period of each subscription, charged at once (one charge each). */
  charges: ChargesTable[];
  events: EventsTable[];
}

export interface OrderLine {
  offer: FloorOffer;
  quantity: number;
}

export interface OrderFacts {
  partnerId: string;
  customerId: string;
  /** The customer's name key, which the product copies to each of its subscriptions. */
  customerNameKey: string;
  currency: string;
  billingCycle: string;
  lines: readonly OrderLine[];
  now: Date;
  /** The price book's default markup (the bench's partner has none: "0"). */
  markupPercent: string;
  /** The customer's draft invoice of this billing period, as the upsert answered it. */
  invoiceId: string;
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
    currency: facts.currency,
  };
  const subscriptions = facts.lines.map((line) => subscriptionRow(facts, line, order.id));
  const event = (
    type: string,
    subscriptionId: string | null,
    orderId: string | null,
    reason: string | null,
    data: unknown,
    id = uuidv7(),
  ): EventsTable => ({
    id,
    partner_id: facts.partnerId,
    type,
    occurred_at: at,
    ...ACTOR,
    customer_id: facts.customerId,
    subscription_id: subscriptionId,
    order_id: orderId,
    reason,
    data: JSON.stringify(data),
  });
  const charges = subscriptions.map((s) => chargeRow(facts, s));
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
    unit_price: s.unit_price,
    amount: decimal(charges[lineItemNumber]?.amount ?? 0),
  }));
  const events = [
    event('order.created', null, order.id, null, {
      billingCycle: facts.billingCycle,
      lineItems: lineItems.map((l) => ({
        lineItemNumber: l.line_item_number,
        offerId: l.offer_id,
        quantity: l.quantity,
        subscriptionId: l.subscription_id,
      })),
    }),
    ...subscriptions.map((s) =>
      event('subscription.created', s.id, order.id, null, {
        offerId: s.offer_id,
        quantity: s.quantity,
        billingCycle: s.billing_cycle,
        termDuration: s.term_duration,
        unitPrice: s.unit_price,
        unitCost: s.unit_cost,
        currency: s.currency,
        parentSubscriptionId: null,
      }),
    ),
    ...charges.map((c) =>
      event('charge.created', c.subscription_id, null, c.type, chargeData(c), c.event_id),
    ),
  ];
  return { order, subscriptions, lineItems, charges, events };
}

/** The first period of a new monthly subscription: its whole quantity for all its days. */
function chargeRow(facts: OrderFacts, s: SubscriptionsTable): ChargesTable {
  const days = daysBetween(s.effective_start_date, s.commitment_end_date) + 1;
  const unitPrice = cents(s.unit_price);
  const unitCost = cents(s.unit_cost);
  return {
    id: uuidv7(),
    partner_id: facts.partnerId,
    customer_id: facts.customerId,
    subscription_id: s.id,
    invoice_id: facts.invoiceId,
    type: 'period',
    date: s.effective_start_date,
    period_start: s.effective_start_date,
    period_end: s.commitment_end_date,
    quantity: s.quantity,
    days,
    period_days: days,
    unit_price: unitPrice,
    unit_cost: unitCost,
    amount: s.quantity * unitPrice,
    cost: s.quantity * unitCost,
    currency: s.currency,
    event_id: uuidv7(),
    created_at: facts.now.toISOString(),
  };
}

/** The charge.created event's data: the charge as GET …/charges shows it. */
function chargeData(c: ChargesTable) {
  return {
    id: c.id,
    customerId: c.customer_id,
    subscriptionId: c.subscription_id,
    invoiceId: c.invoice_id,
    type: c.type,
    date: c.date,
    periodStart: c.period_start,
    periodEnd: c.period_end,
    quantity: c.quantity,
    days: c.days,
    periodDays: c.period_days,
    unitPrice: decimal(c.unit_price),
    unitCost: decimal(c.unit_cost),
    amount: decimal(c.amount),
    cost: decimal(c.cost),
    currency: c.currency,
    eventId: c.event_id,
    createdAt: c.created_at,
  };
}

/** A partner billing period (billing day 1): the calendar month holding `date`. */
export function invoicePeriod(date: Date): { start: string; end: string } {
  const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  const end = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
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
    unit_price: decimal(markedUp(cents(price?.unitPrice ?? '0'), facts.markupPercent)),
    unit_cost: price?.unitPrice ?? '0',
    currency: facts.currency,
    next_charge_date: termEnd(now, termDuration === 'P1Y' ? 12 : 1, 0),
    version: 1,
    expiring_soon_warned_for: null,
    customer_name_key: facts.customerNameKey,
  };
}

/**
 * The day before the same day `months` later (UTC), or that day itself with `daysAfter` 0; past a
 * month's end it rolls over as Date does.
 */
function termEnd(start: Date, months: number, daysAfter = -1): string {
  const end = new Date(
    Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate() + daysAfter),
  );
  return end.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

/** The bench's customers are US ones, billed in USD: two decimals. "4.80" → 480. */
function cents(text: string): number {
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

/** 480 → "4.80". */
function decimal(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** cost × (1 + markup %), rounded half-even to the cent (markups of up to 4 decimals). */
function markedUp(cost: number, markupPercent: string): number {
  if (markupPercent === '0') return cost;
  const [whole = '0', fraction = ''] = markupPercent.split('.');
  const basisPoints = Number(whole) * 10_000 + Number(fraction.padEnd(4, '0').slice(0, 4));
  const numerator = cost * (1_000_000 + basisPoints);
  const quotient = Math.floor(numerator / 1_000_000);
  const remainder = numerator - quotient * 1_000_000;
  if (remainder * 2 !== 1_000_000) return Math.round(numerator / 1_000_000);
  return quotient % 2 === 0 ? quotient : quotient + 1;
}

function windowEnd(from: Date, hours: number | null): string | null {
  return hours === null ? null : new Date(from.getTime() + hours * 3_600_000).toISOString();
}
