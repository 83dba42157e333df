import { offerBillingTerms, type Catalog, type Offer } from './offer.js';

/** A rule of the catalog that one offer breaks, named so an author can find and fix it. */
export interface CatalogProblem {
  offerId: string;
  field: string;
  message: string;
}

/** Digits after the decimal point a currency allows (JPY 0, USD 2), per ISO 4217 via Intl. */
export function currencyMinorUnits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/**
 * Rules that span fields or offers, which a JSON Schema cannot say: references between offers,
 * quantities, limits, and a price for every market, billing cycle and term the offer is sold in.
 */
export function findCatalogProblems(catalog: Catalog): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const byId = new Map<string, Offer>();
  for (const offer of catalog.offers) {
    if (byId.has(offer.id)) {
      problems.push({ offerId: offer.id, field: 'id', message: 'is used by more than one offer' });
    }
    byId.set(offer.id, offer);
  }
  const currencyOf = new Map(catalog.markets.map((m) => [m.country, m.currency]));
  for (const offer of catalog.offers) {
    const report = (field: string, message: string) =>
      problems.push({ offerId: offer.id, field, message });
    checkQuantities(offer, report);
    checkAddOn(offer, byId, report);
    checkTrial(offer, byId, report);
    checkPolicies(offer, report);
    checkPrices(offer, currencyOf, report);
  }
  return problems;
}

type Report = (field: string, message: string) => void;

function checkQuantities(offer: Offer, report: Report) {
  if (offer.minimumQuantity > offer.maximumQuantity) {
    report(
      'minimumQuantity',
      `${offer.minimumQuantity} is above maximumQuantity ${offer.maximumQuantity}`,
    );
  }
  if ((offer.limit === null) !== (offer.limitUnitOfMeasure === 'none')) {
    report('limit', 'must be null exactly when limitUnitOfMeasure is "none"');
  }
}

function checkAddOn(offer: Offer, byId: Map<string, Offer>, report: Report) {
  if (offer.isAddOn !== offer.baseOfferIds.length > 0) {
    report('baseOfferIds', 'an add-on lists its base offers, and only an add-on does');
  }
  for (const baseId of offer.baseOfferIds) {
    const base = byId.get(baseId);
    if (!base) {
      report('baseOfferIds', `"${baseId}" is not an offer in the catalog`);
      continue;
    }
    if (base.isAddOn) report('baseOfferIds', `"${baseId}" is itself an add-on`);
    const missingCycles = offer.billingCycles.filter((c) => !base.billingCycles.includes(c));
    if (missingCycles.length > 0) {
      report('billingCycles', `${missingCycles.join(', ')} is not sold by base offer "${baseId}"`);
    }
    const missingMarkets = offer.markets.filter((m) => !base.markets.includes(m));
    if (missingMarkets.length > 0) {
      report('markets', `${missingMarkets.join(', ')} is not a market of base offer "${baseId}"`);
    }
  }
}

function checkTrial(offer: Offer, byId: Map<string, Offer>, report: Report) {
  if (offer.isTrial !== (offer.trial !== undefined)) {
    report('trial', 'a trial has trial terms, and only a trial does');
  }
  if (!offer.trial) return;
  if (offer.limitUnitOfMeasure !== 'lifetime') {
    report('limitUnitOfMeasure', 'a trial is limited per lifetime');
  }
  if (offer.trial.maxQuantity > offer.maximumQuantity) {
    report('trial.maxQuantity', 'is above maximumQuantity');
  }
  for (const targetId of offer.trial.conversionTargetOfferIds) {
    const target = byId.get(targetId);
    if (!target) {
      report('trial.conversionTargetOfferIds', `"${targetId}" is not an offer in the catalog`);
    } else if (target.isTrial || target.isAddOn) {
      report('trial.conversionTargetOfferIds', `"${targetId}" is a trial or an add-on`);
    } else if (offer.markets.some((m) => !target.markets.includes(m))) {
      report(
        'trial.conversionTargetOfferIds',
        `"${targetId}" is not sold in every market of the trial`,
      );
    }
  }
}

function checkPolicies(offer: Offer, report: Report) {
  if (offer.policies.retentionBaseDays > offer.policies.retentionMaxDays) {
    report('policies.retentionBaseDays', 'is above retentionMaxDays');
  }
}

function checkPrices(offer: Offer, currencyOf: Map<string, string>, report: Report) {
  const pairs = offerBillingTerms(offer);
  if (pairs.length === 0) {
    report('termDurations', 'no billing cycle of the offer can bill any of its terms');
  }
  const currencies = new Set<string>();
  for (const market of offer.markets) {
    const currency = currencyOf.get(market);
    if (currency) currencies.add(currency);
    else report('markets', `"${market}" is not a market of the catalog`);
  }
  const seen = new Set<string>();
  for (const price of offer.prices) {
    const key = `${price.currency} ${price.billingCycle} ${price.termDuration}`;
    if (seen.has(key)) report('prices', `${key} is priced twice`);
    seen.add(key);
    const sold = pairs.some(
      (p) => p.billingCycle === price.billingCycle && p.termDuration === price.termDuration,
    );
    if (!sold || !currencies.has(price.currency)) {
      report('prices', `${key} is priced but the offer is not sold so`);
    }
    const decimals = price.unitPrice.split('.')[1]?.length ?? 0;
    if (decimals > currencyMinorUnits(price.currency)) {
      report(
        'prices',
        `${key} has ${decimals} decimals; ${price.currency} allows ${currencyMinorUnits(price.currency)}`,
      );
    }
  }
  for (const currency of currencies) {
    for (const pair of pairs) {
      const key = `${currency} ${pair.billingCycle} ${pair.termDuration}`;
      if (!seen.has(key)) report('prices', `no price for ${key}`);
    }
  }
}
