import { useState } from 'react';

/** Ticked offers and their license counts, as an order's line items. */
export function useOfferSelection() {
  const [selection, setSelection] = useState<Record<string, number>>({});
  return {
    quantityOf: (offerId: string): number | undefined => selection[offerId],
    /** A quantity ticks the offer; undefined unticks it. */
    set: (offerId: string, quantity: number | undefined) =>
      setSelection((previous) => {
        const rest = Object.fromEntries(Object.entries(previous).filter(([id]) => id !== offerId));
        return quantity === undefined ? rest : { ...rest, [offerId]: quantity };
      }),
    clear: () => setSelection({}),
    lineItems: () =>
      Object.entries(selection).map(([offerId, quantity]) => ({ offerId, quantity })),
  };
}
