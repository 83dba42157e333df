/**
 * The column type for each kind of value; each dialect gives its own (dialects/, see tables.ts
 * for the representation both read back).
 */
export interface ColumnTypes {
  id: 'text' | 'uuid';
  instant: 'text' | 'timestamptz';
  date: 'text' | 'date';
  json: 'text' | 'jsonb';
  flag: 'integer' | 'smallint';
}
