import { utcDateOf, type CalendarDate } from '../../domain/calendar.js';
import { overviewPeriods, recentInvoicePeriods } from '../../domain/money/overview-periods.js';
import type { OverviewPeriod } from '../../domain/money/overview-periods.js';
import { monthlyRecurring, type RecurringTotal } from '../../domain/money/recurring.js';
import { authorize } from '../../domain/permissions.js';
import {
  activeRecurringLines,
  customerCountries,
  invoiceTotalsByPeriod,
} from '../../store/billing-overview.js';
import type { CallerContext } from '../context.js';

/** Billing periods the overview shows: a year of them, up to the one under way. */
export const OVERVIEW_PERIODS = 12;

export interface BillingOverview {
  asOf: CalendarDate;
  recurring: RecurringTotal[];
  periods: OverviewPeriod[];
}

/**
 * The partner's money at a glance, by its own clock (a sandbox partner's moves): the monthly
 * recurring revenue, cost and margin of its active subscriptions, and what the invoices of its
 * last twelve billing periods add up to (drafts included, as they stand), per currency it bills.
 */
export async function getBillingOverview(ctx: CallerContext): Promise<BillingOverview> {
  authorize(ctx.role, 'billing.read');
  const asOf = utcDateOf(ctx.clock.now());
  const periods = recentInvoicePeriods(ctx.partner.billingDay, asOf, OVERVIEW_PERIODS);
  const partnerId = ctx.partner.id;
  const recurring = monthlyRecurring(await activeRecurringLines(ctx.db, partnerId));
  const [oldest, current] = [periods[0], periods.at(-1)];
  const totals =
    oldest && current
      ? await invoiceTotalsByPeriod(ctx.db, partnerId, { from: oldest.start, to: current.start })
      : [];
  const billed = (await customerCountries(ctx.db, partnerId)).flatMap(
    (country) => ctx.catalog.currencyOf(country) ?? [],
  );
  const currencies = [...billed, ...recurring.map((r) => r.currency)];
  return { asOf, recurring, periods: overviewPeriods(periods, currencies, totals) };
}
