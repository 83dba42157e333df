import type { Catalog, Offer, Product } from './offer.js';

/** The loaded catalog with lookups by id; built once at start. */
export interface CatalogIndex {
  catalog: Catalog;
  offers: readonly Offer[];
  products: readonly Product[];
  offer(id: string): Offer | undefined;
  currencyOf(country: string): string | undefined;
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
  const offers = new Map(catalog.offers.map((o) => [o.id, o]));
  const currencies = new Map(catalog.markets.map((m) => [m.country, m.currency]));
  return {
    catalog,
    offers: catalog.offers,
    products: catalog.products,
    offer: (id) => offers.get(id),
    currencyOf: (country) => currencies.get(country),
  };
}
