import { readdirSync, readFileSync } from 'node:fs';

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

function readJson(url: URL): unknown {
  return JSON.parse(readFileSync(url, 'utf8'));
}
