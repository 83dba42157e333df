import type { CatalogIndex } from '../../domain/catalog-index.js';
import type { Customer } from '../../domain/customer.js';
import { formatMinor } from '../../domain/money/amount.js';
import { quoteUnitPrice, type PriceBook, type UnitQuote } from '../../domain/money/price-book.js';
import type { BillingCycle, Offer, TermDuration } from '../../domain/offer.js';
import type { Subscription } from '../../domain/subscription.js';

export type Quoter = (
  offer: Offer,
  billingCycle: BillingCycle,
  termDuration: TermDuration,
) => UnitQuote | undefined;

/** The customer's unit prices: the price book over the catalog, in the customer's currency. */
export function quoterFor(
  catalog: CatalogIndex,
  book: PriceBook,
  customer: Pick<Customer, 'id' | 'segment' | 'country'>,
): Quoter {
  const currency = catalog.currencyOf(customer.country);
  return (offer, billingCycle, termDuration) =>
    currency === undefined
      ? undefined
      : quoteUnitPrice(book, { offer, customer, currency, billingCycle, termDuration });
}

/**
 * A renewing subscription's price for its next term, from today's price book and catalog; the
 * old price stays when the catalog no longer prices its currency, cycle and term.
 */
export function repricerFor(
  catalog: CatalogIndex,
  book: PriceBook,
  customer: Pick<Customer, 'id' | 'segment' | 'country'>,
): (sub: Subscription) => Pick<Subscription, 'unitPrice' | 'unitCost'> | undefined {
  const quote = quoterFor(catalog, book, customer);
  return (sub) => {
    const offer = catalog.offer(sub.offerId);
    const price = offer && quote(offer, sub.billingCycle, sub.termDuration);
    if (!price || price.currency !== sub.currency) return undefined;
    return {
      unitPrice: formatMinor(price.unitPrice, price.currency),
      unitCost: formatMinor(price.unitCost, price.currency),
    };
  };
}
