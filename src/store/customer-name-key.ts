/**
 * What a customer's name is searched and sorted by: the name in lower case, so that neither a
 * search nor the order depends on how the partner capitalised it. Customers keep it beside the
 * name, and so do their subscriptions (for the list across customers).
 */
export function customerNameKey(companyName: string): string {
  return companyName.toLowerCase();
}
