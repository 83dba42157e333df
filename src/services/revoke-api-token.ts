import { notFound } from '../domain/errors.js';
import { revokeApiToken as markRevoked } from '../store/api-tokens.js';
import { appendEvents } from '../store/events.js';
import { inTransaction } from '../store/transaction.js';
import type { AppContext } from './context.js';
import { systemEvent } from './events.js';

export async function revokeApiToken(
  ctx: AppContext,
  input: { partnerId: string; tokenId: string },
): Promise<void> {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    const revoked = await markRevoked(trx, input.partnerId, input.tokenId, now);
    if (!revoked) throw notFound('Active API token', input.tokenId);
    await appendEvents(trx, [
      systemEvent(input.partnerId, now, {
        type: 'api_token.revoked',
        data: { tokenId: input.tokenId },
      }),
    ]);
  });
}
