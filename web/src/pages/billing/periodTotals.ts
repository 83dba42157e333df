import type { InvoiceSummary } from '../../api/client';
import { sum } from '../../lib/money';

export interface PeriodTotal {
  currency: string;
  count: number;
  total: string;
  cost: string;
  margin: string;
}

/** The period's money in, cost and margin, one line per currency its customers are billed in. */
export function periodTotals(invoices: readonly InvoiceSummary[]): PeriodTotal[] {
  const currencies = [...new Set(invoices.map((invoice) => invoice.currency))].sort();
  return currencies.map((currency) => {
    const mine = invoices.filter((invoice) => invoice.currency === currency);
    return {
      currency,
      count: mine.length,
      total: sum(mine.map((invoice) => invoice.total)),
      cost: sum(mine.map((invoice) => invoice.cost)),
      margin: sum(mine.map((invoice) => invoice.margin)),
    };
  });
}
