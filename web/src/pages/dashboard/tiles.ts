import type { ListedSubscription } from '../subscriptions/api';
import type { SubscriptionFilters } from '../subscriptions/filters';
import { addDays } from './api';

export type TileName = 'renewing' | 'deleting' | 'trials' | 'ending';

/** A tile: the list's filters it shows the first of, and the date each item is about. */
export interface SubscriptionTileSpec {
  name: TileName;
  filters: Partial<SubscriptionFilters>;
  dateOf: (subscription: ListedSubscription) => string | null;
}

/**
 * The home page's tiles for `today` (the partner's clock). "Before" filters are exclusive, so
 * "in the next 30 days" is before the 31st day from today.
 */
export function subscriptionTiles(today: string): SubscriptionTileSpec[] {
  const within = (days: number) => addDays(today, days + 1);
  return [
    {
      name: 'renewing',
      filters: { renewsBefore: within(30), sort: 'commitmentEndDate' },
      dateOf: (subscription) => subscription.commitmentEndDate,
    },
    {
      name: 'deleting',
      filters: { status: 'suspended', sort: 'expiresAt' },
      dateOf: (subscription) => subscription.expiresAt,
    },
    {
      name: 'trials',
      filters: { status: 'active', trialEndsBefore: within(14), sort: 'trialEndDate' },
      dateOf: (subscription) => subscription.trialEndDate,
    },
    {
      name: 'ending',
      filters: { expiresBefore: within(30), sort: 'commitmentEndDate' },
      dateOf: (subscription) => subscription.commitmentEndDate,
    },
  ];
}
