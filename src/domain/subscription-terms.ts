import { addDays, addHours, addMonths, type CalendarDate } from './calendar.js';
import {
  offerBillingTerms,
  type BillingCycle,
  type Offer,
  type Price,
  type TermDuration,
} from './offer.js';

const TERM_MONTHS: Record<TermDuration, number> = { P1M: 1, P1Y: 12 };

/**
 * The term of a subscription starting on `start`: it ends the day before the same day one term
 * later. Months clamp (calendar.addMonths), so a monthly term from Jan 31 ends Feb 27 and the next
 * one starts Feb 28, as card billing anchors do.
 */
export function termDates(
  start: CalendarDate,
  termDuration: TermDuration,
): { effectiveStartDate: CalendarDate; commitmentEndDate: CalendarDate } {
  return {
    effectiveStartDate: start,
    commitmentEndDate: addDays(addMonths(start, TERM_MONTHS[termDuration]), -1),
  };
}

/** The last day of a trial of `days` days starting on `start` (the start day counts). */
export function trialEndDate(start: CalendarDate, days: number): CalendarDate {
  return addDays(start, days - 1);
}

/** The unit price for (currency, billing cycle, term), or undefined when the offer has none. */
export function priceFor(
  offer: Pick<Offer, 'prices'>,
  currency: string,
  billingCycle: BillingCycle,
  termDuration: TermDuration,
): Price | undefined {
  return offer.prices.find(
    (p) =>
      p.currency === currency && p.billingCycle === billingCycle && p.termDuration === termDuration,
  );
}

/**
 * The term of an order line: the requested one when the offer sells it with this billing cycle;
 * without a request, the shortest term the billing cycle can bill (annual billing only bills P1Y).
 * Undefined when the pair is not sold.
 */
export function resolveTerm(
  offer: Pick<Offer, 'billingCycles' | 'termDurations'>,
  billingCycle: BillingCycle,
  requested?: TermDuration,
): TermDuration | undefined {
  const sold = offerBillingTerms(offer)
    .filter((pair) => pair.billingCycle === billingCycle)
    .map((pair) => pair.termDuration);
  if (requested !== undefined) return sold.includes(requested) ? requested : undefined;
  return (['P1M', 'P1Y'] as const).find((term) => sold.includes(term));
}

/** The end of a policy window opened at `createdAt`; null hours = no window (always allowed). */
export function windowEnd(createdAt: Date, hours: number | null): Date | null {
  return hours === null ? null : addHours(createdAt, hours);
}
