import { utcDateOf } from '../domain/calendar.js';
import { invoicePeriodAt, type InvoicePeriod } from '../domain/money/invoice-periods.js';
import { authorize } from '../domain/permissions.js';
import type { CallerContext } from './context.js';

export interface PartnerClock {
  now: Date;
  sandbox: boolean;
  /** Day of the month the partner's billing periods start on. */
  billingDay: number;
  /** The billing period under way: the upcoming invoices are its drafts. */
  billingPeriod: InvoicePeriod;
}

/**
 * The time by the caller's partner, which its changes use: a sandbox partner's own clock, else
 * the server's.
 */
export function readClock(ctx: CallerContext): PartnerClock {
  authorize(ctx.role, 'catalog.read');
  const now = ctx.clock.now();
  const { billingDay } = ctx.partner;
  return {
    now,
    sandbox: ctx.partner.sandboxNow !== null,
    billingDay,
    billingPeriod: invoicePeriodAt(billingDay, utcDateOf(now)),
  };
}
