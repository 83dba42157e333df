import type { ChargeLine } from './ledger.js';

/** A charge as the ledger keeps it: the rules' decision with its invoice and the event that told. */
export interface Charge extends ChargeLine {
  id: string;
  partnerId: string;
  invoiceId: string;
  /** The charge.created event that records it (the audit log and the outbox). */
  eventId: string;
  createdAt: Date;
}

export const INVOICE_STATUSES = ['draft', 'issued'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** One customer's charges of one partner billing period. */
export interface Invoice {
  id: string;
  partnerId: string;
  customerId: string;
  customerName: string;
  periodStart: string;
  periodEnd: string;
  currency: string;
  status: InvoiceStatus;
  /** Null while a draft; gapless per partner and year once issued. */
  number: string | null;
  /** Minor units; a draft's are summed now, an issued one's were frozen when it was issued. */
  total: bigint;
  cost: bigint;
  issuedAt: Date | null;
  createdAt: Date;
}
