import { inTransaction } from '../../store/transaction.js';
import { allSealedSecrets, resealSecrets as writeSealed } from '../../store/webhook-endpoints.js';
import type { AppContext } from '../context.js';
import type { SecretBox } from './secret-box.js';

/**
 * Seals every stored secret again under the current key, after PSC_SECRET_KEY changed with the
 * old key kept in PSC_SECRET_KEY_PREVIOUS; then the old key can go. Answers how many endpoints
 * changed and how many were already under the current key. One transaction: all or none.
 */
export function resealSecrets(
  ctx: AppContext,
  box: SecretBox,
): Promise<{ resealed: number; current: number }> {
  return inTransaction(ctx.db, async (trx) => {
    let resealed = 0;
    const rows = await allSealedSecrets(trx);
    for (const row of rows) {
      const stale =
        box.isStale(row.secret) ||
        (row.previous_secret !== null && box.isStale(row.previous_secret));
      if (!stale) continue;
      await writeSealed(trx, row.id, {
        secret: box.seal(box.open(row.secret)),
        previous_secret:
          row.previous_secret === null ? null : box.seal(box.open(row.previous_secret)),
      });
      resealed += 1;
    }
    return { resealed, current: rows.length - resealed };
  });
}
