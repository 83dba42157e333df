import { DomainError } from '../domain/errors.js';
import { sandboxClockTarget, type ClockMove } from '../domain/sandbox-clock.js';
import { runPartnerDueWork, type DueWorkCounts } from './run-due-work.js';
import { findPartner, setSandboxNow } from '../store/partners.js';
import type { CallerContext } from './context.js';
import { authorize } from '../domain/permissions.js';

export interface SandboxClock {
  now: Date;
  /** What the move made happen: deletions, renewals, expiries and warnings now due. */
  processed?: DueWorkCounts;
}

export function readSandboxClock(ctx: CallerContext): SandboxClock {
  return { now: sandboxNow(ctx) };
}

/**
 * Moves a sandbox partner's clock forward and at once does the work that became due, so that a
 * partner developer sees in the answer what 30 days did to their subscriptions.
 */
export async function moveSandboxClock(ctx: CallerContext, move: ClockMove): Promise<SandboxClock> {
  const current = sandboxNow(ctx);
  const to = sandboxClockTarget(current, move);
  // The condition is also in the update, so two moves at once cannot take the clock back.
  if (to.getTime() < current.getTime() || !(await setSandboxNow(ctx.db, ctx.partner.id, to))) {
    throw new DomainError(
      'sandbox_clock_backwards',
      `The sandbox clock is at ${current.toISOString()} or later and only moves forward.`,
    );
  }
  const processed = await runPartnerDueWork(ctx, ctx.partner.id);
  const partner = await findPartner(ctx.db, ctx.partner.id);
  return { now: partner?.sandboxNow ?? to, processed };
}

function sandboxNow(ctx: CallerContext): Date {
  authorize(ctx.role, 'sandbox.clock');
  if (!ctx.partner.sandboxNow) {
    throw new DomainError(
      'sandbox_only',
      'Only sandbox partners have their own clock (psc partner create --sandbox).',
    );
  }
  return ctx.partner.sandboxNow;
}
