import pg from 'pg';

const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;
const PG_DATE = 1082;
const PG_JSONB = 3802;
const PG_INT8 = 20;

const builtinParser = pg.types.getTypeParser as (
  oid: number,
  format?: 'text' | 'binary',
) => (value: string) => unknown;

/** An instant as the service's sessions show it (`TimeZone=UTC`): `2026-12-03 12:36:28.662+00`. */
const UTC_INSTANT = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

/**
 * A timestamp as SQLite keeps it, ISO 8601 in UTC to the millisecond (`Date#toISOString`). An
 * instant in the session's UTC is rewritten as text, much cheaper than pg's parser and a Date,
 * which a page of subscriptions paid some 150 times; anything else (another offset, a year
 * past 9999, BC) goes through them. Digits past the millisecond are cut, as a Date cuts them.
 */
export function isoInstant(parseDate: (value: string) => Date): (value: string) => string {
  return (value) => {
    const utc = UTC_INSTANT.exec(value);
    if (!utc) return parseDate(value).toISOString();
    const [, day, time, fraction = ''] = utc;
    return `${day}T${time}.${fraction.padEnd(3, '0').slice(0, 3)}Z`;
  };
}

/** Makes PostgreSQL answer with the same representation as SQLite (see tables.ts). */
export const sameValuesAsSqlite = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case PG_TIMESTAMPTZ:
      case PG_TIMESTAMP:
        return isoInstant(builtinParser(oid) as (value: string) => Date);
      case PG_DATE:
      case PG_JSONB:
        return (value: string) => value;
      case PG_INT8:
        return (value: string) => Number(value);
      default:
        return builtinParser(oid, format);
    }
  },
};
