const MS_PER_DAY = 86_400_000;
/** 10000-01-01T00:00:00.000Z: past it, toISOString writes a six-digit signed year. */
const YEAR_10000 = 253_402_300_800_000;
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/**
 * An instant as `Date#toISOString` writes it (`2026-03-01T09:30:00.000Z`), the same text for
 * every instant. A list page writes a few hundred instants: toISOString took three times as long
 * and made text that serialized more slowly. Years before 1970 or past 9999, and invalid dates
 * (which throw), are left to toISOString.
 */
export function instantText(instant: Date): string {
  const time = instant.getTime();
  if (!(time >= 0 && time < YEAR_10000)) return instant.toISOString();
  const days = Math.floor(time / MS_PER_DAY);
  let rest = time - days * MS_PER_DAY;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${dateText(days)}T${two(hours)}:${two(minutes)}:${two(seconds)}.${THREE_DIGITS[millis] as string}Z`;
}

let lastDay = Number.NaN;
let lastDayText = '';

/**
 * `YYYY-MM-DD` of a day counted from 1970-01-01, by Howard Hinnant's civil-from-days (eras of 400
 * years, years starting in March so that leap days come last). The last day is kept: a page's
 * instants mostly share a few days.
 */
function dateText(days: number): string {
  if (days === lastDay) return lastDayText;
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  lastDay = days;
  lastDayText = `${two(Math.floor(year / 100))}${two(year % 100)}-${two(month)}-${two(day)}`;
  return lastDayText;
}

function two(n: number): string {
  return TWO_DIGITS[n] as string;
}
