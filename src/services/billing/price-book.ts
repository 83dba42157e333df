import { DomainError } from '../../domain/errors.js';
import { canonicalDecimal } from '../../domain/money/amount.js';
import { assertValidPriceBook } from '../../domain/money/price-book-rules.js';
import type { PriceBook, PriceRule } from '../../domain/money/price-book.js';
import { authorize } from '../../domain/permissions.js';
import { appendEvents } from '../../store/events.js';
import { findCustomersByIds } from '../../store/customers.js';
import { findPriceBook, savePriceBook } from '../../store/price-books.js';
import { inTransaction } from '../../store/transaction.js';
import type { CallerContext } from '../context.js';
import { callerEvent } from '../events.js';

export function getPriceBook(ctx: CallerContext): Promise<PriceBook> {
  authorize(ctx.role, 'price_book.read');
  return findPriceBook(ctx.db, ctx.partner.id);
}

export interface PriceBookInput {
  defaultMarkupPercent: string;
  rules: PriceRule[];
}

/**
 * Replaces the partner's price book, all rules at once, after checking every rule against the
 * catalog and the partner's customers. `expectedVersion` (If-Match) refuses to overwrite a version
 * the caller has not seen. Prices apply to orders from now on and to terms that renew; a running
 * term keeps its price.
 */
export function putPriceBook(
  ctx: CallerContext,
  input: PriceBookInput,
  expectedVersion?: number,
): Promise<PriceBook> {
  authorize(ctx.role, 'price_book.write');
  return inTransaction(ctx.db, async (trx) => {
    const customerIds = [...new Set(input.rules.flatMap((r) => r.customerId ?? []))];
    const customers = await findCustomersByIds(trx, ctx.partner.id, customerIds);
    assertValidPriceBook(input, {
      offer: (id) => ctx.catalog.offer(id),
      customerCurrency: (id) => {
        const customer = customers.get(id);
        return customer && (ctx.catalog.currencyOf(customer.country) ?? '');
      },
    });
    const current = await findPriceBook(trx, ctx.partner.id);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw staleBook(current.version);
    }
    const now = ctx.clock.now();
    const book: PriceBook = {
      defaultMarkupPercent: canonicalDecimal(input.defaultMarkupPercent),
      rules: input.rules.map((rule) =>
        rule.markupPercent === undefined
          ? rule
          : { ...rule, markupPercent: canonicalDecimal(rule.markupPercent) },
      ),
      version: current.version + 1,
      updatedAt: now,
    };
    if (!(await savePriceBook(trx, ctx.partner.id, book, current.version))) {
      throw staleBook(current.version);
    }
    await appendEvents(trx, [
      callerEvent(ctx, now, {
        type: 'price_book.updated',
        data: {
          defaultMarkupPercent: {
            from: current.defaultMarkupPercent,
            to: book.defaultMarkupPercent,
          },
          rules: book.rules.length,
        },
      }),
    ]);
    return book;
  });
}

function staleBook(version: number): DomainError {
  return new DomainError(
    'etag_mismatch',
    `The price book has changed since you read it (version ${version}); read it again.`,
  );
}
