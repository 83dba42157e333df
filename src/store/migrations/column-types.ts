import type { DialectName } from '../db.js';

/** The column type for each kind of value, per database (see tables.ts for the representation). */
export interface ColumnTypes {
  id: 'text' | 'uuid';
  instant: 'text' | 'timestamptz';
  date: 'text' | 'date';
  json: 'text' | 'jsonb';
  flag: 'integer' | 'smallint';
}

export function columnTypes(dialect: DialectName): ColumnTypes {
  return dialect === 'sqlite'
    ? { id: 'text', instant: 'text', date: 'text', json: 'text', flag: 'integer' }
    : { id: 'uuid', instant: 'timestamptz', date: 'date', json: 'jsonb', flag: 'smallint' };
}
