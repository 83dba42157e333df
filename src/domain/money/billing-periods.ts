import { addDays, addMonths, daysBetween, type CalendarDate } from '../calendar.js';
import type { Subscription } from '../subscription.js';

/** One billing period of a subscription, charged in advance on its first day. */
export interface BillingPeriod {
  start: CalendarDate;
  /** Its last day: a month or a year on, or earlier where the term ends first (an add-on's). */
  end: CalendarDate;
  /** Days of the whole month or year, the denominator of every proration in it. */
  days: number;
}

type Billed = Pick<Subscription, 'effectiveStartDate' | 'commitmentEndDate' | 'billingCycle'>;

const MONTHS_PER_PERIOD = { monthly: 1, annual: 12 } as const;

/**
 * The billing period of `sub` holding `date`, or undefined outside its term. Periods step a month
 * (monthly billing) or a year (annual billing) from the term's start, clamped like terms; the last
 * one ends with the term, so an add-on bought mid-period ends with its base.
 */
export function billingPeriodAt(sub: Billed, date: CalendarDate): BillingPeriod | undefined {
  if (date < sub.effectiveStartDate || date > sub.commitmentEndDate) return undefined;
  const step = MONTHS_PER_PERIOD[sub.billingCycle];
  let index = Math.floor(monthsBetween(sub.effectiveStartDate, date) / step);
  while (index > 0 && addMonths(sub.effectiveStartDate, index * step) > date) index -= 1;
  while (addMonths(sub.effectiveStartDate, (index + 1) * step) <= date) index += 1;
  const start = addMonths(sub.effectiveStartDate, index * step);
  const wholeEnd = addDays(addMonths(sub.effectiveStartDate, (index + 1) * step), -1);
  return {
    start,
    end: wholeEnd < sub.commitmentEndDate ? wholeEnd : sub.commitmentEndDate,
    days: daysBetween(start, wholeEnd) + 1,
  };
}

/** Days from `date` to the period's last day, both counted. */
export function daysLeftIn(period: BillingPeriod, date: CalendarDate): number {
  return daysBetween(date, period.end) + 1;
}

function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}
