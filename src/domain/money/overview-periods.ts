import { addDays, addMonths, type CalendarDate } from '../calendar.js';
import type { Minor } from './amount.js';
import { invoicePeriodAt, type InvoicePeriod } from './invoice-periods.js';

/** What a currency's invoices of one billing period add up to, in minor units. */
export interface PeriodTotal {
  periodStart: CalendarDate;
  currency: string;
  invoiced: Minor;
  cost: Minor;
}

export interface OverviewPeriod extends InvoicePeriod {
  currency: string;
  invoiced: Minor;
  cost: Minor;
  margin: Minor;
}

/** The `count` billing periods up to the one holding `today`, oldest first. */
export function recentInvoicePeriods(
  billingDay: number,
  today: CalendarDate,
  count: number,
): InvoicePeriod[] {
  const current = invoicePeriodAt(billingDay, today);
  return Array.from({ length: count }, (_, index) => {
    const start = addMonths(current.start, index - count + 1);
    return { start, end: addDays(addMonths(start, 1), -1) };
  });
}

/**
 * One row per period and currency, oldest period first and currencies in alphabetical order
 * within it: a period without invoices in a currency is there with zeros, so a chart has every
 * month. `currencies` are the ones to show even where no total has them.
 */
export function overviewPeriods(
  periods: readonly InvoicePeriod[],
  currencies: Iterable<string>,
  totals: readonly PeriodTotal[],
): OverviewPeriod[] {
  const shown = [...new Set([...currencies, ...totals.map((t) => t.currency)])].sort();
  const byKey = new Map<string, PeriodTotal>();
  for (const total of totals) {
    const key = `${total.periodStart} ${total.currency}`;
    const seen = byKey.get(key);
    byKey.set(
      key,
      seen
        ? { ...seen, invoiced: seen.invoiced + total.invoiced, cost: seen.cost + total.cost }
        : total,
    );
  }
  return periods.flatMap((period) =>
    shown.map((currency) => {
      const total = byKey.get(`${period.start} ${currency}`);
      const invoiced = total?.invoiced ?? 0n;
      const cost = total?.cost ?? 0n;
      return { ...period, currency, invoiced, cost, margin: invoiced - cost };
    }),
  );
}
