import { useCallback } from 'react';
import type { Subscription } from '../../api/client';
import { useOfferNames } from '../../lib/catalogText';

/** A subscription's name as people see it: its friendly name, else its offer's, translated. */
export function useSubscriptionName(): (subscription: Subscription) => string {
  const offerName = useOfferNames();
  return useCallback(
    // An order names a subscription after its offer in English: that default reads as no name.
    (s: Subscription) =>
      s.friendlyName && s.friendlyName !== s.offerName
        ? s.friendlyName
        : offerName(s.offerId, s.offerName),
    [offerName],
  );
}
