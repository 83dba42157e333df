import type { PriceBook } from '../../domain/money/price-book.js';
import type { Partner } from '../../domain/partner.js';
import { findPriceBook } from '../../store/price-books.js';
import type { Db } from '../../store/tables.js';

/** Partners whose price books are kept in memory at once. */
const CAPACITY = 1_000;

/**
 * Price books in memory, so that an order does not read its partner's book again. Every caller
 * reads its partner row anyway (to authenticate), and that row carries the book's version, moved
 * in the same transaction as the book: a book is taken from memory only at the version the
 * partner row has just said, so every node sees a change at once.
 */
export class PriceBookCache {
  readonly #books = new Map<string, PriceBook>();

  async bookOf(db: Db, partner: Pick<Partner, 'id' | 'priceBookVersion'>): Promise<PriceBook> {
    const cached = this.#books.get(partner.id);
    if (cached?.version === partner.priceBookVersion) return cached;
    const book = await findPriceBook(db, partner.id);
    this.#books.delete(partner.id);
    if (this.#books.size >= CAPACITY) {
      const oldest = this.#books.keys().next().value;
      if (oldest !== undefined) this.#books.delete(oldest);
    }
    this.#books.set(partner.id, book);
    return book;
  }
}
