import { addMonths, utcDateOf, type CalendarDate } from './calendar.js';

/**
 * The first partner billing day on or after the day the customer's account was opened (UTC).
 * The seed's retention rule counts the days between these two dates.
 */
export function firstBillingPeriodStart(accountOpenedAt: Date, billingDay: number): CalendarDate {
  const opened = utcDateOf(accountOpenedAt);
  const sameMonth = `${opened.slice(0, 8)}${String(billingDay).padStart(2, '0')}`;
  return sameMonth >= opened ? sameMonth : addMonths(sameMonth, 1);
}
