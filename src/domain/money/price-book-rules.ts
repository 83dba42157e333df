import {
  DomainError,
  ERROR_CODES,
  type DetailCode,
  type ErrorCode,
  type ErrorDetail,
} from '../errors.js';
import type { Offer } from '../offer.js';
import { decimalPlaces, isDecimal } from './amount.js';
import { isCurrencyCode, minorUnitsOf } from './currencies.js';
import { scopeOf, type PriceRule } from './price-book.js';

/** A markup above this is a typo, not a price (×101). */
export const MAX_MARKUP_PERCENT = 10_000;
export const MAX_MARKUP_DECIMALS = 4;
export const MAX_PRICE_RULES = 1_000;

export interface PriceBookFacts {
  offer(id: string): Offer | undefined;
  /** The partner's customers the rules name, with the currency each is billed in. */
  customerCurrency(id: string): string | undefined;
}

/**
 * Checks a whole price book before it replaces the old one; throws with every problem listed, the
 * first one's code as the refusal's code, so a client can tell a negative markup from a price in
 * the wrong currency without reading the list.
 */
export function assertValidPriceBook(
  book: { defaultMarkupPercent: string; rules: readonly PriceRule[] },
  facts: PriceBookFacts,
): void {
  const errors: ErrorDetail[] = [];
  const problem = (field: string, code: DetailCode, detail: string) =>
    errors.push({ field, code, detail });
  checkMarkup('/defaultMarkupPercent', book.defaultMarkupPercent, problem);
  const seen = new Set<string>();
  book.rules.forEach((rule, index) => {
    const at = `/rules/${index}`;
    const scope = scopeOf(rule);
    if (!scope) {
      problem(
        at,
        'invalid_price_rule',
        'A rule names an offer, a segment, a customer, or a customer and an offer.',
      );
      return;
    }
    if ((rule.markupPercent === undefined) === (rule.unitPrice === undefined)) {
      problem(at, 'invalid_price_rule', 'A rule sets either markupPercent or unitPrice.');
      return;
    }
    const offer = rule.offerId === undefined ? undefined : facts.offer(rule.offerId);
    if (rule.offerId !== undefined && !offer) {
      problem(`${at}/offerId`, 'unknown_offer', `Offer ${rule.offerId} is not in the catalog.`);
    }
    const customerCurrency =
      rule.customerId === undefined ? undefined : facts.customerCurrency(rule.customerId);
    if (rule.customerId !== undefined && customerCurrency === undefined) {
      problem(
        `${at}/customerId`,
        'unknown_customer',
        `Customer ${rule.customerId} is not one of yours.`,
      );
    }
    if (rule.markupPercent !== undefined) {
      checkMarkup(`${at}/markupPercent`, rule.markupPercent, problem);
      if (rule.currency !== undefined || rule.billingCycle !== undefined) {
        problem(
          at,
          'invalid_price_rule',
          'currency and billingCycle go with a fixed unitPrice, not a markup.',
        );
      }
    }
    if (rule.unitPrice !== undefined) {
      checkFixedPrice(at, rule, { offer, customerCurrency }, problem);
    }
    const key = JSON.stringify([
      scope,
      rule.customerId,
      rule.offerId,
      rule.segment,
      rule.currency,
      rule.billingCycle,
    ]);
    if (seen.has(key)) {
      problem(at, 'duplicate_price_rule', 'An earlier rule already sets this price.');
    }
    seen.add(key);
  });
  const first = errors[0];
  if (first) {
    const known = (ERROR_CODES as readonly string[]).includes(first.code);
    throw new DomainError(
      known ? (first.code as ErrorCode) : 'validation_failed',
      errors.length === 1
        ? first.detail
        : `${first.detail} (${errors.length} problems; see errors)`,
      errors,
    );
  }
}

function checkMarkup(
  field: string,
  markup: string,
  problem: (field: string, code: DetailCode, detail: string) => void,
) {
  if (!isDecimal(markup)) {
    problem(field, 'invalid_format', `"${markup}" is not a decimal number such as 20 or 12.5.`);
  } else if (markup.startsWith('-')) {
    problem(field, 'negative_markup', 'A markup is 0 or more; set a fixed unitPrice to discount.');
  } else if (decimalPlaces(markup) > MAX_MARKUP_DECIMALS || Number(markup) > MAX_MARKUP_PERCENT) {
    problem(
      field,
      'out_of_range',
      `A markup is 0 to ${MAX_MARKUP_PERCENT} % with at most ${MAX_MARKUP_DECIMALS} decimals.`,
    );
  }
}

function checkFixedPrice(
  at: string,
  rule: PriceRule,
  context: { offer: Offer | undefined; customerCurrency: string | undefined },
  problem: (field: string, code: DetailCode, detail: string) => void,
) {
  const { unitPrice = '', currency } = rule;
  if (rule.offerId === undefined) {
    problem(at, 'invalid_price_rule', 'A fixed unitPrice is for one offer: name its offerId.');
    return;
  }
  if (currency === undefined || !isCurrencyCode(currency)) {
    problem(`${at}/currency`, 'required', 'A fixed unitPrice needs its ISO 4217 currency.');
    return;
  }
  if (!isDecimal(unitPrice) || unitPrice.startsWith('-')) {
    problem(`${at}/unitPrice`, 'invalid_format', `"${unitPrice}" is not a price such as 12.50.`);
  } else if (decimalPlaces(unitPrice) > minorUnitsOf(currency)) {
    problem(
      `${at}/unitPrice`,
      'invalid_format',
      `${currency} has ${minorUnitsOf(currency)} decimals; ${unitPrice} has more.`,
    );
  }
  if (context.customerCurrency !== undefined && context.customerCurrency !== currency) {
    problem(
      `${at}/currency`,
      'currency_mismatch',
      `The customer is billed in ${context.customerCurrency}, not ${currency}.`,
    );
    return;
  }
  const sold = context.offer?.prices.some(
    (p) =>
      p.currency === currency &&
      (rule.billingCycle === undefined || p.billingCycle === rule.billingCycle),
  );
  if (context.offer && !sold) {
    problem(
      `${at}/currency`,
      'currency_mismatch',
      `${context.offer.name} is not sold in ${currency}${rule.billingCycle ? ` billed ${rule.billingCycle}` : ''}.`,
    );
  }
}
