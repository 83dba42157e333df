import type { Subscription, SubscriptionStatus } from '../../api/client';
import { sum, times } from '../../lib/money';
import { amountOf } from './recurring';

export const SORT_KEYS = ['name', 'status', 'quantity', 'price', 'endDate'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  direction: SortDirection;
}

export interface SubscriptionRow {
  subscription: Subscription;
  /** The base subscription's name for an add-on shown under it; undefined for a base. */
  baseName?: string;
}

const STATUS_ORDER: Record<SubscriptionStatus, number> = {
  active: 0,
  suspended: 1,
  expired: 2,
  deleted: 3,
};

/** A subscription's name in English; pages name it in the reader's language (useSubscriptionName). */
export function nameOf(subscription: Subscription): string {
  return subscription.friendlyName || subscription.offerName;
}

/**
 * The date the row is about: when it ended (deleted, expired), when its data goes (suspended),
 * or when its term or trial ends.
 */
export function endDateOf(subscription: Subscription): string {
  const s = subscription;
  if (s.status === 'deleted' && s.deletedAt) return s.deletedAt;
  if (s.status === 'suspended' && s.expiresAt) return s.expiresAt;
  if (s.isTrial && s.trialEndDate) return s.trialEndDate;
  return s.commitmentEndDate;
}

function compareDecimals(a: string, b: string): number {
  const difference = sum([a, times(b, -1)]);
  if (difference.startsWith('-')) return -1;
  return /^[0.]+$/.test(difference) ? 0 : 1;
}

type Compare = (a: Subscription, b: Subscription) => number;

const compareBy = (name: (s: Subscription) => string): Record<SortKey, Compare> => ({
  name: (a, b) => name(a).localeCompare(name(b)),
  status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
  quantity: (a, b) => a.quantity - b.quantity,
  price: (a, b) =>
    a.currency.localeCompare(b.currency) || compareDecimals(amountOf(a), amountOf(b)),
  // Calendar dates and instants both start YYYY-MM-DD, so their text sorts by time.
  endDate: (a, b) => endDateOf(a).localeCompare(endDateOf(b)),
});

function sorted(subscriptions: readonly Subscription[], compare: Compare, sort: Sort) {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...subscriptions].sort((a, b) => sign * compare(a, b) || a.id.localeCompare(b.id));
}

/**
 * The rows of the customer's subscription list in `sort` order, each base followed by its
 * add-ons (sorted the same way). An add-on whose base is not listed stands on its own. `name`
 * gives the names shown, which sort by name follows.
 */
export function subscriptionRows(
  subscriptions: readonly Subscription[],
  sort: Sort,
  name: (s: Subscription) => string = nameOf,
): SubscriptionRow[] {
  const compare = compareBy(name)[sort.key];
  const listed = new Map(subscriptions.map((s) => [s.id, s]));
  const addOns = new Map<string, Subscription[]>();
  const bases: Subscription[] = [];
  for (const s of subscriptions) {
    const base = s.parentSubscriptionId ? listed.get(s.parentSubscriptionId) : undefined;
    if (base) addOns.set(base.id, [...(addOns.get(base.id) ?? []), s]);
    else bases.push(s);
  }
  return sorted(bases, compare, sort).flatMap((base) => [
    { subscription: base },
    ...sorted(addOns.get(base.id) ?? [], compare, sort).map((addOn) => ({
      subscription: addOn,
      baseName: name(base),
    })),
  ]);
}
