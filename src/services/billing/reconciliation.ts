import { authorize } from '../../domain/permissions.js';
import { reconciliationRows, type ReconciliationRow } from '../../store/charges.js';
import type { CallerContext } from '../context.js';
import { assertPeriodStart } from './list-billing.js';

export type { ReconciliationRow };

const BATCH = 1000;

/**
 * Every charge of the partner's invoices of the billing period starting `periodStart`, oldest
 * first, in batches so that a period of any size streams. Checks run before the first row, so a
 * refusal is an error answer, never a cut-off file.
 */
export function reconciliation(
  ctx: CallerContext,
  periodStart: string,
): AsyncGenerator<ReconciliationRow> {
  authorize(ctx.role, 'billing.read');
  assertPeriodStart(ctx, periodStart);
  return rows(ctx, periodStart);
}

async function* rows(ctx: CallerContext, periodStart: string): AsyncGenerator<ReconciliationRow> {
  let afterId: string | undefined;
  for (;;) {
    const batch = await reconciliationRows(ctx.db, ctx.partner.id, periodStart, {
      limit: BATCH,
      ...(afterId === undefined ? {} : { afterId }),
    });
    yield* batch;
    if (batch.length < BATCH) return;
    afterId = batch.at(-1)?.charge.id;
  }
}
