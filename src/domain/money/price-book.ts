import type { Customer, Segment } from '../customer.js';
import type { BillingCycle, Offer, TermDuration } from '../offer.js';
import { priceFor } from '../subscription-terms.js';
import { parseDecimal, roundHalfEven, toMinor, type Minor } from './amount.js';

/**
 * One rule of a partner's price book. It names who it is for (an offer, a segment, a customer, or
 * a customer and an offer) and sets either a markup on the catalog's cost or a fixed unit price
 * in one currency (for one billing cycle, since monthly and annual units cost differently).
 */
export interface PriceRule {
  offerId?: string;
  segment?: Segment;
  customerId?: string;
  markupPercent?: string;
  unitPrice?: string;
  currency?: string;
  billingCycle?: BillingCycle;
}

export interface PriceBook {
  /** Applies where no rule does; 0 until the partner sets one. */
  defaultMarkupPercent: string;
  rules: PriceRule[];
  /** Grows by one with every change: the ETag of GET/PUT /v1/price-book. */
  version: number;
  updatedAt: Date | null;
}

export const EMPTY_PRICE_BOOK: PriceBook = {
  defaultMarkupPercent: '0',
  rules: [],
  version: 0,
  updatedAt: null,
};

/** Where a price came from, most specific first: the order in which rules are tried. */
export const PRICE_SOURCES = ['customer_offer', 'customer', 'offer', 'segment', 'default'] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];

export function scopeOf(rule: PriceRule): PriceSource | undefined {
  const { customerId, offerId, segment } = rule;
  if (customerId !== undefined && offerId !== undefined && segment === undefined)
    return 'customer_offer';
  if (customerId !== undefined && offerId === undefined && segment === undefined) return 'customer';
  if (customerId === undefined && offerId !== undefined && segment === undefined) return 'offer';
  if (customerId === undefined && offerId === undefined && segment !== undefined) return 'segment';
  return undefined;
}

/** A customer's price for one unit of an offer for one period, with the partner's cost beside it. */
export interface UnitQuote {
  currency: string;
  unitCost: Minor;
  unitPrice: Minor;
  source: PriceSource;
}

export interface QuoteRequest {
  offer: Offer;
  customer: Pick<Customer, 'id' | 'segment'>;
  currency: string;
  billingCycle: BillingCycle;
  termDuration: TermDuration;
}

/**
 * The customer's unit price (DESIGN.md §2 Money): the catalog's price is the partner's cost; the
 * most specific rule that applies sets the price, else the default markup. A fixed price applies
 * only in its own currency and billing cycle; elsewhere the next rule decides. Undefined when the
 * catalog has no price for the currency, cycle and term.
 */
export function quoteUnitPrice(book: PriceBook, request: QuoteRequest): UnitQuote | undefined {
  const { offer, customer, currency, billingCycle, termDuration } = request;
  const catalogPrice = priceFor(offer, currency, billingCycle, termDuration);
  if (!catalogPrice) return undefined;
  const unitCost = toMinor(catalogPrice.unitPrice, currency);
  const applies = (rule: PriceRule) =>
    (rule.customerId === undefined || rule.customerId === customer.id) &&
    (rule.offerId === undefined || rule.offerId === offer.id) &&
    (rule.segment === undefined || rule.segment === customer.segment) &&
    (rule.unitPrice === undefined ||
      (rule.currency === currency &&
        (rule.billingCycle === undefined || rule.billingCycle === billingCycle)));
  for (const source of PRICE_SOURCES.slice(0, -1)) {
    const rule = mostSpecific(book.rules.filter((r) => scopeOf(r) === source && applies(r)));
    if (!rule) continue;
    const unitPrice =
      rule.unitPrice !== undefined
        ? toMinor(rule.unitPrice, currency)
        : markedUp(unitCost, rule.markupPercent ?? '0');
    return { currency, unitCost, unitPrice, source };
  }
  return {
    currency,
    unitCost,
    unitPrice: markedUp(unitCost, book.defaultMarkupPercent),
    source: 'default',
  };
}

/**
 * Of the rules of one scope that apply, the most specific: a fixed price for the billing cycle,
 * then a fixed price for any cycle, then a markup. Their order in the book does not matter.
 */
function mostSpecific(rules: PriceRule[]): PriceRule | undefined {
  const rank = (rule: PriceRule) =>
    rule.unitPrice === undefined ? 2 : rule.billingCycle === undefined ? 1 : 0;
  return [...rules].sort((a, b) => rank(a) - rank(b))[0];
}

/** cost × (1 + markup %), rounded half-even to the minor unit. */
export function markedUp(cost: Minor, markupPercent: string): Minor {
  const { numerator, scale } = parseDecimal(markupPercent);
  const percentScale = 100n * 10n ** BigInt(scale);
  return roundHalfEven(cost * (percentScale + numerator), percentScale);
}
