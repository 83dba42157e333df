import { instantText } from './instant-text.js';

/**
 * Calendar arithmetic on UTC dates. A calendar date is a `YYYY-MM-DD` string: billing periods and
 * terms are whole days, and using strings keeps them free of time zones.
 */
export type CalendarDate = string;

const MS_PER_DAY = 86_400_000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The UTC calendar date of an instant. */
export function utcDateOf(instant: Date): CalendarDate {
  return instantText(instant).slice(0, 10);
}

export function startOfUtcDay(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return utcDateOf(new Date(startOfUtcDay(date).getTime() + days * MS_PER_DAY));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((startOfUtcDay(to).getTime() - startOfUtcDay(from).getTime()) / MS_PER_DAY);
}

/**
 * Adds calendar months, clamping to the last day of a shorter month (Jan 31 + 1 month = Feb 28),
 * as billing systems do for terms that start late in a month.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const start = startOfUtcDay(date);
  const day = start.getUTCDate();
  const firstOfTarget = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDayOfTarget = new Date(
    Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0),
  ).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(day, lastDayOfTarget));
  return utcDateOf(firstOfTarget);
}

export function addInstantDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * MS_PER_DAY);
}

export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * 3_600_000);
}
