import { useCallback } from 'react';
import type { Subscription } from '../../api/client';
import { useOfferNames } from '../../lib/catalogText';

/** A subscription's name as people see it: its friendly name, else its offer's, translated. */
export function useSubscriptionName(): (subscription: Subscription) => string {
  const offerName = useOfferNames();
  return useCallback(
    (s: Subscription) => s.friendlyName || offerName(s.offerId, s.offerName),
    [offerName],
  );
}
