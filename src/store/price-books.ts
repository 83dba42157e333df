import { EMPTY_PRICE_BOOK, type PriceBook, type PriceRule } from '../domain/money/price-book.js';
import type { Db } from './tables.js';

/** The partner's price book; the empty one (0 % markup, no rules) until first saved. */
export async function findPriceBook(db: Db, partnerId: string): Promise<PriceBook> {
  const row = await db
    .selectFrom('price_books')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  if (!row) return EMPTY_PRICE_BOOK;
  return {
    defaultMarkupPercent: row.default_markup_percent,
    rules: JSON.parse(row.rules) as PriceRule[],
    version: row.version,
    updatedAt: new Date(row.updated_at),
  };
}

/** Replaces the price book if it is still at `expectedVersion`; false when it moved on. */
export async function savePriceBook(
  db: Db,
  partnerId: string,
  book: PriceBook,
  expectedVersion: number,
): Promise<boolean> {
  const values = {
    default_markup_percent: book.defaultMarkupPercent,
    rules: JSON.stringify(book.rules),
    version: book.version,
    updated_at: (book.updatedAt ?? new Date(0)).toISOString(),
  };
  if (expectedVersion === 0) {
    const inserted = await db
      .insertInto('price_books')
      .values({ partner_id: partnerId, ...values })
      .onConflict((oc) => oc.column('partner_id').doNothing())
      .executeTakeFirst();
    return (
      (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n &&
      (await moveVersion(db, partnerId, book.version))
    );
  }
  const updated = await db
    .updateTable('price_books')
    .set(values)
    .where('partner_id', '=', partnerId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n && (await moveVersion(db, partnerId, book.version));
}

/** The partner row tells every caller the book's version (see PriceBookCache). */
async function moveVersion(db: Db, partnerId: string, version: number): Promise<boolean> {
  await db
    .updateTable('partners')
    .set({ price_book_version: version })
    .where('id', '=', partnerId)
    .execute();
  return true;
}
