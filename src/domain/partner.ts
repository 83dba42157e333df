export const INSTANCES = ['global', 'usgov'] as const;
export type Instance = (typeof INSTANCES)[number];

export interface Partner {
  id: string;
  name: string;
  instance: Instance;
  /** Day of the month (1–28) on which the partner's billing periods start. */
  billingDay: number;
  isSandbox: boolean;
  /** A sandbox partner's clock: it stands still until moved (POST /v1/sandbox/clock). */
  sandboxNow: Date | null;
  /** The version of the partner's price book: read with the partner, it keeps a cached book true. */
  priceBookVersion: number;
  createdAt: Date;
}

export const DEFAULT_BILLING_DAY = 1;
export const MIN_BILLING_DAY = 1;
/** 28 so that every month has the day. */
export const MAX_BILLING_DAY = 28;

export function isBillingDay(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_BILLING_DAY && value <= MAX_BILLING_DAY;
}
