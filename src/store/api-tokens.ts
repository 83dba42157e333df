import type { Partner } from '../domain/partner.js';
import type { Role } from '../domain/permissions.js';
import { compiledOnce } from './compiled-once.js';
import { toPartner } from './partners.js';
import type { Db, ApiTokensTable } from './tables.js';

export interface ApiTokenRecord {
  id: string;
  partnerId: string;
  name: string;
  tokenHash: string;
  tokenPrefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  role: Role;
}

export async function insertApiToken(db: Db, token: ApiTokenRecord): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: token.id,
      partner_id: token.partnerId,
      name: token.name,
      token_hash: token.tokenHash,
      token_prefix: token.tokenPrefix,
      created_at: token.createdAt.toISOString(),
      revoked_at: token.revokedAt?.toISOString() ?? null,
      last_used_at: token.lastUsedAt?.toISOString() ?? null,
      role: token.role,
    })
    .execute();
}

const tokenWithPartner = compiledOnce((db: Db, tokenHash: string) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('partners as p', 'p.id', 't.partner_id')
    .selectAll('t')
    .select([
      'p.name as partner_name',
      'p.instance as partner_instance',
      'p.billing_day as partner_billing_day',
      'p.is_sandbox as partner_is_sandbox',
      'p.created_at as partner_created_at',
      'p.sandbox_now as partner_sandbox_now',
      'p.price_book_version as partner_price_book_version',
    ])
    .where('t.token_hash', '=', tokenHash),
);

/**
 * The token with this hash and its partner, read together: every API request needs both, and
 * one statement is one round trip to PostgreSQL instead of two.
 */
export async function findApiTokenWithPartner(
  db: Db,
  tokenHash: string,
): Promise<{ token: ApiTokenRecord; partner: Partner } | undefined> {
  const [row] = await tokenWithPartner(db, tokenHash);
  if (!row) return undefined;
  return {
    token: toApiToken(row),
    partner: toPartner({
      id: row.partner_id,
      name: row.partner_name,
      instance: row.partner_instance,
      billing_day: row.partner_billing_day,
      is_sandbox: row.partner_is_sandbox,
      created_at: row.partner_created_at,
      sandbox_now: row.partner_sandbox_now,
      price_book_version: row.partner_price_book_version,
    }),
  };
}

export async function listApiTokens(db: Db, partnerId: string): Promise<ApiTokenRecord[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .orderBy('id')
    .execute();
  return rows.map(toApiToken);
}

/** Marks the token revoked; false when the partner has no such unrevoked token. */
export async function revokeApiToken(
  db: Db,
  partnerId: string,
  tokenId: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at.toISOString() })
    .where('partner_id', '=', partnerId)
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function toApiToken(row: ApiTokensTable): ApiTokenRecord {
  return {
    id: row.id,
    partnerId: row.partner_id,
    name: row.name,
    tokenHash: row.token_hash,
    tokenPrefix: row.token_prefix,
    createdAt: new Date(row.created_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
    lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at),
    role: row.role as Role,
  };
}
