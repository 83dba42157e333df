/**
 * A partner's billing periods: from its billing day (1–28, so in every month) to the day before
 * the next one. Dates are YYYY-MM-DD, computed as text: no time zone can move them.
 */

/** The date `months` months after (or before) `date`, on the same day; days 1–28 only. */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${date.slice(8, 10)}`;
}

/** The last day of the period starting on `start`. */
export function periodEndOf(start: string): string {
  const next = new Date(`${addMonths(start, 1)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

/** The period starting on `start` and the `count - 1` before it, newest first. */
export function periodsUpTo(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addMonths(start, -index));
}
