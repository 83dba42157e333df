import { useSearchParams } from 'react-router';
import type { SubscriptionStatus } from '../../api/client';
import type { SortKey, SubscriptionQuery } from './api';

export const STATUSES: readonly SubscriptionStatus[] = [
  'active',
  'suspended',
  'expired',
  'deleted',
];

export const SORT_KEYS: readonly SortKey[] = [
  'customerName',
  'offerName',
  'commitmentEndDate',
  'trialEndDate',
  'expiresAt',
  'creationDate',
  'quantity',
];

export const DATE_FILTERS = [
  'renewsBefore',
  'expiresBefore',
  'trialEndsBefore',
  'deletedBefore',
] as const;
export type DateFilter = (typeof DATE_FILTERS)[number];

/** The list's filters as the URL holds them; '' is "any". Dates are YYYY-MM-DD. */
export type SubscriptionFilters = {
  status: string;
  offerId: string;
  customerId: string;
  q: string;
  sort: string;
} & Record<DateFilter, string>;

const FILTER_NAMES = ['status', 'offerId', 'customerId', 'q', 'sort', ...DATE_FILTERS] as const;

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

function isSort(value: string): boolean {
  return (SORT_KEYS as readonly string[]).includes(value.replace(/^-/, ''));
}

function isStatusList(value: string): boolean {
  return value.split(',').every((status) => (STATUSES as readonly string[]).includes(status));
}

/** What the address says, with anything the API would refuse dropped rather than sent. */
export function readFilters(params: URLSearchParams): SubscriptionFilters {
  const text = (name: string) => params.get(name) ?? '';
  const date = (name: DateFilter) => (isDate(text(name)) ? text(name) : '');
  return {
    status: isStatusList(text('status')) ? text('status') : '',
    offerId: text('offerId'),
    customerId: text('customerId'),
    q: text('q'),
    sort: isSort(text('sort')) ? text('sort') : '',
    renewsBefore: date('renewsBefore'),
    expiresBefore: date('expiresBefore'),
    trialEndsBefore: date('trialEndsBefore'),
    deletedBefore: date('deletedBefore'),
  };
}

/** The filters as the API's query: only those set. */
export function subscriptionQuery(filters: SubscriptionFilters): SubscriptionQuery {
  const set: [string, string][] = FILTER_NAMES.map((name) => [name, filters[name]]);
  return Object.fromEntries(set.filter(([, value]) => value !== ''));
}

/** The list's address for these filters: how the home page's tiles link to it. */
export function subscriptionsLink(filters: Partial<SubscriptionFilters>): string {
  const query = new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return query ? `/subscriptions?${query}` : '/subscriptions';
}

/**
 * The filters in the query string: each change is a history entry, so Back undoes it; typing in
 * the search box replaces its entry instead of adding one per key.
 */
export function useSubscriptionFilters() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const change = (patch: Partial<SubscriptionFilters>, options?: { replace?: boolean }) => {
    // The address bar, not the last render: two quick changes must not build on the same old one.
    const current = readFilters(new URLSearchParams(globalThis.location.search));
    setParams(subscriptionQuery({ ...current, ...patch }) as Record<string, string>, options);
  };
  return { filters, change, clear: () => setParams({}) };
}
