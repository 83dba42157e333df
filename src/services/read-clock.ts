import { authorize } from '../domain/permissions.js';
import type { CallerContext } from './context.js';

export interface PartnerClock {
  now: Date;
  sandbox: boolean;
}

/**
 * The time by the caller's partner, which its changes use: a sandbox partner's own clock, else
 * the server's.
 */
export function readClock(ctx: CallerContext): PartnerClock {
  authorize(ctx.role, 'catalog.read');
  return { now: ctx.clock.now(), sandbox: ctx.partner.sandboxNow !== null };
}
