import { useState } from 'react';
import type { TermDuration } from '../api/client';

/** What is chosen of one ticked offer: its licenses and, where it is sold on several, the term. */
export interface ChosenLine {
  quantity: number;
  termDuration: TermDuration | undefined;
}

/** Ticked offers and what is chosen of each, as an order's line items. */
export function useOfferSelection() {
  const [selection, setSelection] = useState<Record<string, ChosenLine>>({});
  return {
    lineOf: (offerId: string): ChosenLine | undefined => selection[offerId],
    /** A line ticks the offer; undefined unticks it. */
    set: (offerId: string, line: ChosenLine | undefined) =>
      setSelection((previous) => {
        const rest = Object.fromEntries(Object.entries(previous).filter(([id]) => id !== offerId));
        return line === undefined ? rest : { ...rest, [offerId]: line };
      }),
    clear: () => setSelection({}),
    lineItems: () =>
      Object.entries(selection).map(([offerId, { quantity, termDuration }]) => ({
        offerId,
        quantity,
        ...(termDuration === undefined ? {} : { termDuration }),
      })),
  };
}
