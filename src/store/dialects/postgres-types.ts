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

/** Makes PostgreSQL answer with the same representation as SQLite (see tables.ts). */
export const sameValuesAsSqlite = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case PG_TIMESTAMPTZ:
      case PG_TIMESTAMP: {
        const parseDate = builtinParser(oid) as (value: string) => Date;
        return (value: string) => parseDate(value).toISOString();
      }
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
