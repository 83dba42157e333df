import { CompiledQuery, type Insertable } from 'kysely';
import { dialectOf } from './dialects/dialect-of.js';
import type { Database, Db } from './tables.js';

/** Statements of up to this many rows keep their SQL text; larger ones are bulk loads. */
const KEPT_UP_TO_ROWS = 16;

const texts = new Map<string, string>();

/**
 * Inserts `rows` with one statement, as Kysely's `insertInto(table).values(rows)` would, but
 * without building and compiling a query tree each time: the SQL text depends only on the
 * table, the columns, the number of rows and the dialect, and is kept for the few shapes the
 * order path writes, so that an order spends its time in the database, not in query building.
 * Every row must have the first row's columns.
 */
export async function insertRows<T extends keyof Database>(
  db: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const parameters: unknown[] = [];
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    for (const column of columns) {
      const value = values[column];
      if (value === undefined) throw new Error(`insert into ${table}: a row has no ${column}`);
      parameters.push(value);
    }
  }
  await db.executeQuery(CompiledQuery.raw(sqlText(db, table, columns, rows.length), parameters));
}

function sqlText(db: Db, table: string, columns: readonly string[], rowCount: number): string {
  const postgres = dialectOf(db).name === 'postgres';
  const key = `${postgres ? 'pg' : 'sqlite'} ${table} ${rowCount} ${columns.join(',')}`;
  const kept = texts.get(key);
  if (kept !== undefined) return kept;
  let parameter = 0;
  const tuple = () =>
    `(${columns.map(() => (postgres ? `$${(parameter += 1)}` : '?')).join(', ')})`;
  const text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rowCount }, tuple).join(', ')}`;
  if (rowCount <= KEPT_UP_TO_ROWS) texts.set(key, text);
  return text;
}
