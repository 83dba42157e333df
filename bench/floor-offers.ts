import { readdirSync, readFileSync } from 'node:fs';
import type { OrderLine } from './floor-rows.js';

/** What the floor server needs of an offer to write a subscription row. */
export interface FloorOffer {
  id: string;
  name: string;
  unitType: string;
  isTrial: boolean;
  autoRenewable: boolean;
  policies: { cancellationWindowHours: number | null; quantityDecreaseWindowHours: number | null };
  prices: { currency: string; billingCycle: string; termDuration: string; unitPrice: string }[];
}

export interface FloorCatalog {
  offers: Map<string, FloorOffer>;
  currencyByCountry: Map<string, string>;
}

const CATALOG = new URL('../catalog/demo/', import.meta.url);

/** Reads the demo catalog as plain JSON: no schema validation, no cross-offer rules. */
export function readFloorCatalog(): FloorCatalog {
  const offers = new Map<string, FloorOffer>();
  const productsDir = new URL('products/', CATALOG);
  for (const file of readdirSync(productsDir).filter((f) => f.endsWith('.json'))) {
    const product = readJson(new URL(file, productsDir)) as { offers: FloorOffer[] };
    for (const offer of product.offers) offers.set(offer.id, offer);
  }
  const { markets } = readJson(new URL('markets.json', CATALOG)) as {
    markets: { country: string; currency: string }[];
  };
  return { offers, currencyByCountry: new Map(markets.map((m) => [m.country, m.currency])) };
}

/** The request's lines with their offers. Throws UnknownOfferError for an offer not in the catalog. */
export function orderLines(
  catalog: FloorCatalog,
  lineItems: readonly { offerId: string; quantity: number }[],
): OrderLine[] {
  return lineItems.map((line) => {
    const offer = catalog.offers.get(line.offerId);
    if (!offer) throw new UnknownOfferError(line.offerId);
    return { offer, quantity: line.quantity };
  });
}

export class UnknownOfferError extends Error {
  override readonly name = 'UnknownOfferError';
  constructor(readonly offerId: string) {
    super(`offer ${offerId} is not in the catalog`);
  }
}

function readJson(url: URL): unknown {
  return JSON.parse(readFileSync(url, 'utf8'));
}
