import { fixedClock, type Clock } from '../domain/clock.js';
import type { Actor } from '../domain/event.js';
import type { Partner } from '../domain/partner.js';
import type { Role } from '../domain/permissions.js';
import { findApiTokenByHash } from '../store/api-tokens.js';
import { findPartner } from '../store/partners.js';
import type { AppContext } from './context.js';
import { hashesEqual, hashTokenSecret } from './token-secret.js';

export interface Authenticated {
  partner: Partner;
  actor: Actor;
  role: Role;
  clock: Clock;
}

/** The partner and actor a bearer token stands for, or null for an unknown or revoked token. */
export async function authenticateToken(
  ctx: AppContext,
  secret: string,
): Promise<Authenticated | null> {
  const hash = hashTokenSecret(secret);
  const token = await findApiTokenByHash(ctx.db, hash);
  if (!token || token.revokedAt !== null || !hashesEqual(token.tokenHash, hash)) return null;
  const partner = await findPartner(ctx.db, token.partnerId);
  if (!partner) return null;
  return {
    partner,
    actor: { type: 'token', id: token.id, name: token.name },
    role: token.role,
    // A sandbox partner lives at its own clock, which moves only when asked to.
    clock: partner.sandboxNow ? fixedClock(partner.sandboxNow) : ctx.clock,
  };
}
