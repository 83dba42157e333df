import { isCalendarDate } from './calendar.js';

/**
 * The shapes of text the product accepts from outside, in one place: the HTTP validators and the
 * list cursors check the same rules, so SQLite and PostgreSQL only ever see values both can store
 * and compare, and a client gets the same 400 from either.
 */

export const EARLIEST_INSTANT = new Date('1970-01-01T00:00:00.000Z');
export const LATEST_INSTANT = new Date('9999-12-31T23:59:59.999Z');

// Lower case only: PostgreSQL compares uuids case-blind, SQLite compares text exactly, so an
// upper-case id would be found on one and not the other.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// PostgreSQL refuses NUL in text and lone surrogates in jsonb, and its driver silently replaces
// them in text; in `u` mode \p{Cs} only matches a surrogate that is not half of a pair.
// eslint-disable-next-line no-control-regex -- NUL is what it looks for
const UNSAFE_TEXT = /[\u0000\p{Cs}]/u;

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** Text free of NUL and of lone UTF-16 surrogates. */
export function isSafeText(text: string): boolean {
  return !UNSAFE_TEXT.test(text);
}

/** YYYY-MM-DD, a real day from 1970 to 9999. */
export function isCalendarDateText(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return isCalendarDate(text) && year >= 1970 && year <= 9999;
}

/**
 * An RFC 3339 date-time on a real day, without leap seconds (JavaScript cannot represent them),
 * from 1970 to the end of 9999 in UTC.
 */
export function isInstantText(text: string): boolean {
  const match = INSTANT.exec(text);
  if (!match) return false;
  const [, date = '', hour, minute, second, offsetHour = '00', offsetMinute = '00'] = match;
  if (!isCalendarDate(date)) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  if (Number(offsetHour) > 23 || Number(offsetMinute) > 59) return false;
  const ms = Date.parse(text);
  return ms >= EARLIEST_INSTANT.getTime() && ms <= LATEST_INSTANT.getTime();
}
