import {
  AVAILABILITY_REASON_CODES,
  offerAvailability,
  type SubscriptionFacts,
} from './availability.js';
import { utcDateOf } from './calendar.js';
import type { Customer } from './customer.js';
import { DomainError, type DetailCode, type ErrorDetail } from './errors.js';
import type { BillingCycle, Offer, TermDuration } from './offer.js';
import type { Order } from './order.js';
import type { Instance } from './partner.js';
import type { Subscription } from './subscription.js';
import { formatMinor } from './money/amount.js';
import type { UnitQuote } from './money/price-book.js';
import { resolveTerm, termDates, trialEndDate, windowEnd } from './subscription-terms.js';

export interface OrderLineRequest {
  offerId: string;
  quantity: number;
  friendlyName?: string;
  termDuration?: TermDuration;
  parentSubscriptionId?: string;
}

export interface OrderRequest {
  billingCycle: BillingCycle;
  lineItems: readonly OrderLineRequest[];
}

export interface OrderFacts {
  partnerId: string;
  instance: Instance;
  customer: Customer;
  currency: string | undefined;
  offer(id: string): Offer | undefined;
  /** The customer's price of one unit (price book over the catalog's cost) in `currency`. */
  quote(
    offer: Offer,
    billingCycle: BillingCycle,
    termDuration: TermDuration,
  ): UnitQuote | undefined;
  /** The customer's subscriptions of the ordered offers and their bases, and the named parents. */
  subscriptions: readonly Subscription[];
  now: Date;
  newId(): string;
}

/**
 * Decides a whole order: every line item is checked against availability, quantities, terms and
 * prices, including the lines before it (two lines of a one-per-customer offer fail the second).
 * All or nothing: any problem refuses the order with every problem listed per line item.
 */
export function planOrder(
  request: OrderRequest,
  facts: OrderFacts,
): { order: Order; subscriptions: Subscription[] } {
  const { orderId, lines } = planOrderLines(request, facts);
  const errors = lines.flatMap((line) => line.problems);
  if (errors.length > 0) throw orderRefused(errors);
  const created = lines.flatMap((line) => line.subscription ?? []);
  const order: Order = {
    id: orderId,
    partnerId: facts.partnerId,
    customerId: facts.customer.id,
    billingCycle: request.billingCycle,
    status: 'completed',
    creationDate: facts.now,
    currency: facts.currency ?? '',
    lineItems: created.map((s, lineItemNumber) => ({
      lineItemNumber,
      offerId: s.offerId,
      quantity: s.quantity,
      termDuration: s.termDuration,
      friendlyName: s.friendlyName,
      parentSubscriptionId: s.parentSubscriptionId,
      subscriptionId: s.id,
      unitPrice: s.unitPrice,
      amount: null,
    })),
  };
  return { order, subscriptions: created };
}

/** One line of an order as planned: the subscription it makes, or why it cannot. */
export interface PlannedLine {
  lineItemNumber: number;
  offerId: string;
  quantity: number;
  subscription: Subscription | undefined;
  problems: ErrorDetail[];
}

/**
 * Plans every line of an order without refusing it: what placing the order would make, line by
 * line, and each line's problems (the order preview shows them; planOrder refuses on any).
 */
export function planOrderLines(
  request: OrderRequest,
  facts: OrderFacts,
): { orderId: string; lines: PlannedLine[] } {
  const orderId = facts.newId();
  const known: SubscriptionFacts[] = [...facts.subscriptions];
  const lines: PlannedLine[] = [];
  request.lineItems.forEach((line, lineItemNumber) => {
    const planned: PlannedLine = {
      lineItemNumber,
      offerId: line.offerId,
      quantity: line.quantity,
      subscription: undefined,
      problems: [],
    };
    lines.push(planned);
    const problem = (code: DetailCode, detail: string, subscriptionId?: string) =>
      planned.problems.push({
        lineItemNumber,
        code,
        detail,
        ...(subscriptionId === undefined ? {} : { subscriptionId }),
      });
    const offer = facts.offer(line.offerId);
    if (!offer) {
      problem('offer_not_found', `Offer ${line.offerId} is not in the catalog.`);
      return;
    }
    const base = baseOf(line, facts.subscriptions);
    if (line.parentSubscriptionId !== undefined && !base) {
      problem(
        'not_found',
        `Subscription ${line.parentSubscriptionId} of this customer was not found.`,
      );
      return;
    }
    if (!offer.isAddOn && base) {
      problem('not_an_add_on', `${offer.name} is not an add-on; it takes no parentSubscriptionId.`);
      return;
    }
    if (offer.isAddOn && !base) {
      problem(
        'parent_subscription_required',
        `${offer.name} is an add-on: name its base in parentSubscriptionId.`,
      );
      return;
    }
    const availability = offerAvailability(offer, {
      customer: facts.customer,
      instance: facts.instance,
      subscriptions: known,
      billingCycle: request.billingCycle,
      ...(base ? { baseSubscription: base } : {}),
    });
    for (const reason of availability.reasons)
      problem(reason.code, reason.detail, reason.subscriptionId);
    if (!availability.available) return;

    const maxQuantity = offer.trial
      ? Math.min(offer.trial.maxQuantity, offer.maximumQuantity)
      : offer.maximumQuantity;
    if (line.quantity < offer.minimumQuantity || line.quantity > maxQuantity) {
      problem(
        'quantity_out_of_range',
        `${offer.name} takes ${offer.minimumQuantity} to ${maxQuantity} ${offer.unitType}.`,
      );
      return;
    }
    // Trials are not chosen by billing frequency: they bill (nothing) on their own cycle.
    const billingCycle = offer.isTrial
      ? (offer.billingCycles[0] ?? request.billingCycle)
      : request.billingCycle;
    const termDuration = resolveTerm(offer, billingCycle, line.termDuration);
    if (!termDuration) {
      problem(
        'term_not_supported',
        `${offer.name} is not sold with ${line.termDuration ?? 'any'} term billed ${billingCycle}.`,
      );
      return;
    }
    const price = facts.quote(offer, billingCycle, termDuration);
    if (!price) {
      problem(
        'price_not_found',
        `${offer.name} has no ${facts.currency ?? 'local'} price for ${billingCycle} billing of a ${termDuration} term.`,
      );
      return;
    }
    const subscription = newSubscription({
      facts,
      offer,
      line,
      base,
      orderId,
      billingCycle,
      termDuration,
      price,
    });
    planned.subscription = subscription;
    known.push(subscription);
  });
  return { orderId, lines };
}

function baseOf(line: OrderLineRequest, subscriptions: readonly Subscription[]) {
  if (line.parentSubscriptionId === undefined) return undefined;
  return subscriptions.find((s) => s.id === line.parentSubscriptionId);
}

function orderRefused(errors: ErrorDetail[]): DomainError {
  const unavailable = errors.some((e) => AVAILABILITY_CODES.has(e.code));
  const first = errors[0];
  if (unavailable) {
    return new DomainError(
      'offer_unavailable',
      'One or more offers cannot be bought now; see errors.',
      errors,
    );
  }
  if (first?.code === 'quantity_out_of_range' && errors.every((e) => e.code === first.code)) {
    return new DomainError('quantity_out_of_range', first.detail, errors);
  }
  return new DomainError('validation_failed', first?.detail ?? 'The order is not valid.', errors);
}

const AVAILABILITY_CODES = new Set<string>(AVAILABILITY_REASON_CODES);

interface NewSubscriptionInput {
  facts: OrderFacts;
  offer: Offer;
  line: OrderLineRequest;
  base: Subscription | undefined;
  orderId: string;
  billingCycle: BillingCycle;
  termDuration: TermDuration;
  price: UnitQuote;
}

function newSubscription(input: NewSubscriptionInput): Subscription {
  const { facts, offer, line, base, now } = { ...input, now: input.facts.now };
  const start = utcDateOf(now);
  const trialEnd = offer.trial ? trialEndDate(start, offer.trial.days) : null;
  const term = termDates(start, input.termDuration);
  return {
    id: facts.newId(),
    partnerId: facts.partnerId,
    customerId: facts.customer.id,
    offerId: offer.id,
    offerName: offer.name,
    friendlyName: line.friendlyName?.trim() || offer.name,
    quantity: line.quantity,
    unitType: offer.unitType,
    parentSubscriptionId: base?.id ?? null,
    orderId: input.orderId,
    status: 'active',
    billingCycle: input.billingCycle,
    termDuration: input.termDuration,
    autoRenewEnabled: offer.autoRenewable && !offer.isTrial,
    isTrial: offer.isTrial,
    trialEndDate: trialEnd,
    creationDate: now,
    effectiveStartDate: term.effectiveStartDate,
    // An add-on is co-terminous with its base; a trial ends with its trial period.
    commitmentEndDate: base?.commitmentEndDate ?? trialEnd ?? term.commitmentEndDate,
    cancellationAllowedUntil: windowEnd(now, offer.policies.cancellationWindowHours),
    quantityDecreaseAllowedUntil: windowEnd(now, offer.policies.quantityDecreaseWindowHours),
    suspensionReasons: [],
    suspendedAt: null,
    expiresAt: null,
    deletedAt: null,
    unitPrice: formatMinor(input.price.unitPrice, input.price.currency),
    unitCost: formatMinor(input.price.unitCost, input.price.currency),
    currency: input.price.currency,
    nextChargeDate: null,
    version: 1,
    expiringSoonWarnedFor: null,
  };
}
