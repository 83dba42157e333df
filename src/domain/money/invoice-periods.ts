import { addDays, addMonths, type CalendarDate } from '../calendar.js';

/** A partner's billing period: from its billing day to the day before the next one. */
export interface InvoicePeriod {
  start: CalendarDate;
  end: CalendarDate;
}

/** The partner billing period holding `date`. */
export function invoicePeriodAt(billingDay: number, date: CalendarDate): InvoicePeriod {
  const day = String(billingDay).padStart(2, '0');
  const sameMonth = `${date.slice(0, 8)}${day}`;
  const start = sameMonth <= date ? sameMonth : addMonths(sameMonth, -1);
  return { start, end: addDays(addMonths(start, 1), -1) };
}

/** Whether `date` starts one of the partner's billing periods. */
export function isInvoicePeriodStart(billingDay: number, date: CalendarDate): boolean {
  return Number(date.slice(8, 10)) === billingDay;
}

/** An issued invoice's number: gapless per partner and year (PSC-2027-000042). */
export function invoiceNumber(year: number, sequence: number): string {
  return `PSC-${year}-${String(sequence).padStart(6, '0')}`;
}
