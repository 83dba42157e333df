import { sql, type SelectQueryBuilder } from 'kysely';
import { decodeCursor, encodeCursor, type CursorPart } from './cursor.js';

/**
 * One page of `select` in the order of a unique column, past the cursor's value. Keyset paging:
 * every page costs the same however deep, and rows added meanwhile are neither skipped nor
 * repeated. Null when the cursor is not one this list gave or does not fit the column.
 */
export async function keysetPage<DB, TB extends keyof DB, O>(
  select: SelectQueryBuilder<DB, TB, O>,
  key: {
    column: string & keyof O;
    holds: CursorPart;
    /** The column as the query names it, where a join makes the bare name ambiguous (`i.id`). */
    ref?: string;
    /** Newest first: the largest values first, each page before the cursor's value. */
    descending?: boolean;
  },
  query: { limit: number; cursor?: string },
): Promise<{ rows: O[]; nextCursor: string | null } | null> {
  const { column } = key;
  const ref = key.ref ?? column;
  let page = select;
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor, [key.holds]);
    if (!after) return null;
    page = key.descending
      ? page.where(sql<boolean>`${sql.ref(ref)} < ${after[0]}`)
      : page.where(sql<boolean>`${sql.ref(ref)} > ${after[0]}`);
  }
  const rows = await page
    .orderBy(sql.ref(ref), key.descending ? 'desc' : 'asc')
    .limit(query.limit + 1)
    .execute();
  return pageOfRows(rows, query.limit, (last) => [String(last[column])]);
}

/**
 * A page from the rows a query read with `limit + 1`: the first `limit`, and the cursor past the
 * last of them when the query found one more (`cursorOf` gives its parts).
 */
export function pageOfRows<O>(
  rows: readonly O[],
  limit: number,
  cursorOf: (last: O) => string[],
): { rows: O[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    rows: shown,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
