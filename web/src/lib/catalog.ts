import type { Offer } from '../api/client';

/** Items of the catalog in catalog order, grouped by their offer's product (catalog order too). */
export function groupByProduct<Item>(
  items: readonly Item[],
  offerOf: (item: Item) => Offer,
): { productId: string; productName: string; items: Item[] }[] {
  const groups = new Map<string, { productId: string; productName: string; items: Item[] }>();
  for (const item of items) {
    const { productId, productName } = offerOf(item);
    const group = groups.get(productId) ?? { productId, productName, items: [] };
    group.items.push(item);
    groups.set(productId, group);
  }
  return [...groups.values()];
}
