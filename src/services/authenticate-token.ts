import { fixedClock, type Clock } from '../domain/clock.js';
import type { Actor } from '../domain/event.js';
import type { Partner } from '../domain/partner.js';
import type { Role } from '../domain/permissions.js';
import { findApiTokenWithPartner } from '../store/api-tokens.js';
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
  const found = await findApiTokenWithPartner(ctx.db, hash);
  if (!found) return null;
  const { token, partner } = found;
  if (token.revokedAt !== null || !hashesEqual(token.tokenHash, hash)) return null;
  return {
    partner,
    actor: { type: 'token', id: token.id, name: token.name },
    role: token.role,
    // A sandbox partner lives at its own clock, which moves only when asked to.
    clock: partner.sandboxNow ? fixedClock(partner.sandboxNow) : ctx.clock,
  };
}
