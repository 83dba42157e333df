/**
 * Rows per multi-row INSERT: 500 rows of the widest table (subscriptions, 28 columns) stay well
 * under the bound-parameter limits of SQLite (32,766) and PostgreSQL (65,535).
 */
export const ROWS_PER_INSERT = 500;

/** Consecutive slices of at most `size` items. */
export function* chunks<T>(items: readonly T[], size = ROWS_PER_INSERT): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
