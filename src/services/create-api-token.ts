import { notFound } from '../domain/errors.js';
import type { Role } from '../domain/permissions.js';
import { insertApiToken, type ApiTokenRecord } from '../store/api-tokens.js';
import { appendEvents } from '../store/events.js';
import { findPartner } from '../store/partners.js';
import { inTransaction } from '../store/transaction.js';
import type { AppContext } from './context.js';
import { systemEvent } from './events.js';
import { newId } from './ids.js';
import { generateTokenSecret, hashTokenSecret, shownPrefix } from './token-secret.js';

export interface CreatedApiToken {
  record: ApiTokenRecord;
  /** The token itself: shown once, never stored. */
  secret: string;
}

export interface CreateApiTokenInput {
  partnerId: string;
  name: string;
  /** A secret chosen by the operator (PSC_BOOTSTRAP_TOKEN); else a random one. */
  secret?: string;
  /** What the token may do; global_admin when not said. */
  role?: Role;
}

export async function createApiToken(
  ctx: AppContext,
  input: CreateApiTokenInput,
): Promise<CreatedApiToken> {
  const partner = await findPartner(ctx.db, input.partnerId);
  if (!partner) throw notFound('Partner', input.partnerId);
  const secret = input.secret ?? generateTokenSecret();
  const record: ApiTokenRecord = {
    id: newId(),
    partnerId: partner.id,
    name: input.name,
    tokenHash: hashTokenSecret(secret),
    tokenPrefix: shownPrefix(secret),
    createdAt: ctx.clock.now(),
    revokedAt: null,
    lastUsedAt: null,
    role: input.role ?? 'global_admin',
  };
  await inTransaction(ctx.db, async (trx) => {
    await insertApiToken(trx, record);
    await appendEvents(trx, [
      systemEvent(partner.id, record.createdAt, {
        type: 'api_token.created',
        data: {
          tokenId: record.id,
          name: record.name,
          tokenPrefix: record.tokenPrefix,
          role: record.role,
        },
      }),
    ]);
  });
  return { record, secret };
}
