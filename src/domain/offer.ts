import type { Segment } from './customer.js';
import type { Instance } from './partner.js';
import type { RetentionPolicy } from './retention.js';

export const BILLING_CYCLES = ['monthly', 'annual'] as const;
export type BillingCycle = (typeof BILLING_CYCLES)[number];

export const TERM_DURATIONS = ['P1M', 'P1Y'] as const;
export type TermDuration = (typeof TERM_DURATIONS)[number];

export const LIMIT_UNITS = ['none', 'concurrent', 'lifetime'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

export const UNIT_TYPES = ['licenses', 'devices', 'gigabytes'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/**
 * The pairs a subscription can have: a monthly term is billed monthly; a yearly term is billed
 * monthly or up front once a year. Annual billing of a monthly term does not exist.
 */
export const BILLING_TERMS: readonly { billingCycle: BillingCycle; termDuration: TermDuration }[] =
  [
    { billingCycle: 'monthly', termDuration: 'P1M' },
    { billingCycle: 'monthly', termDuration: 'P1Y' },
    { billingCycle: 'annual', termDuration: 'P1Y' },
  ];

export interface Price {
  currency: string;
  billingCycle: BillingCycle;
  termDuration: TermDuration;
  /** Decimal string per unit per billing period, e.g. "6.00". */
  unitPrice: string;
}

export interface TrialTerms {
  days: number;
  maxQuantity: number;
  conversionTargetOfferIds: string[];
}

/** A product's or offer's text in a language other than English, the base text. */
export interface CatalogText {
  name: string;
  /** Left out, the English description is shown. */
  description?: string;
}

/** Texts by BCP 47 language tag (e.g. "zh-TW"); a language left out shows the English text. */
export type CatalogTranslations = Record<string, CatalogText>;

export interface OfferPolicies extends RetentionPolicy {
  /** Hours after purchase during which a cancel is allowed; null = always. */
  cancellationWindowHours: number | null;
  /** Hours after purchase during which the quantity may go down; null = always. */
  quantityDecreaseWindowHours: number | null;
}

export interface Offer {
  id: string;
  productId: string;
  /** The product's name, so that a catalog can be shown grouped by product without a lookup. */
  productName: string;
  name: string;
  description: string;
  /** The offer's name and description in other languages. */
  translations?: CatalogTranslations;
  /** The product's name and description in other languages, as productName is the English one. */
  productTranslations?: CatalogTranslations;
  unitType: UnitType;
  isAddOn: boolean;
  baseOfferIds: string[];
  isTrial: boolean;
  trial?: TrialTerms;
  minimumQuantity: number;
  maximumQuantity: number;
  limit: number | null;
  limitUnitOfMeasure: LimitUnit;
  segments: Segment[];
  markets: string[];
  instances: Instance[];
  billingCycles: BillingCycle[];
  termDurations: TermDuration[];
  autoRenewable: boolean;
  policies: OfferPolicies;
  prices: Price[];
}

export interface Product {
  id: string;
  name: string;
  description: string;
  translations?: CatalogTranslations;
}

export interface Market {
  country: string;
  currency: string;
  name: string;
}

export interface Catalog {
  version: string;
  products: Product[];
  offers: Offer[];
  markets: Market[];
}

/** The (billing cycle, term) pairs an offer supports. */
export function offerBillingTerms(offer: Pick<Offer, 'billingCycles' | 'termDurations'>) {
  return BILLING_TERMS.filter(
    (pair) =>
      offer.billingCycles.includes(pair.billingCycle) &&
      offer.termDurations.includes(pair.termDuration),
  );
}

export interface OfferFilter {
  country?: string;
  segment?: Segment;
  billingCycle?: BillingCycle;
  instance?: Instance;
  productId?: string;
  isTrial?: boolean;
  isAddOn?: boolean;
}

export function matchesOfferFilter(offer: Offer, filter: OfferFilter): boolean {
  return (
    (filter.country === undefined || offer.markets.includes(filter.country)) &&
    (filter.segment === undefined || offer.segments.includes(filter.segment)) &&
    (filter.billingCycle === undefined || offer.billingCycles.includes(filter.billingCycle)) &&
    (filter.instance === undefined || offer.instances.includes(filter.instance)) &&
    (filter.productId === undefined || offer.productId === filter.productId) &&
    (filter.isTrial === undefined || offer.isTrial === filter.isTrial) &&
    (filter.isAddOn === undefined || offer.isAddOn === filter.isAddOn)
  );
}
