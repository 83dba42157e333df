import { addDays, startOfUtcDay, type CalendarDate } from '../calendar.js';
import type { Subscription } from '../subscription.js';
import { roundHalfEven, toMinor, type Minor } from './amount.js';
import { billingPeriodAt, daysLeftIn, type BillingPeriod } from './billing-periods.js';

export const CHARGE_TYPES = ['period', 'quantity_change', 'cancellation_refund'] as const;
export type ChargeType = (typeof CHARGE_TYPES)[number];

/** An amount owed (positive) or credited (negative) for one subscription, as the rules decide it. */
export interface ChargeLine {
  subscriptionId: string;
  customerId: string;
  type: ChargeType;
  /** The day it is owed: a period's first day, or the day of the change. */
  date: CalendarDate;
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  /** Units charged (negative when credited). */
  quantity: number;
  /** Days of the period charged, counted from `date` to `periodEnd`. */
  days: number;
  /** Days of the whole period, the denominator. */
  periodDays: number;
  unitPrice: Minor;
  unitCost: Minor;
  amount: Minor;
  cost: Minor;
  currency: string;
}

/** What a change costs and when the subscription is charged next. */
export interface LedgerEntry {
  charges: ChargeLine[];
  nextChargeDate: CalendarDate | null;
}

export interface LedgerInput {
  today: CalendarDate;
  /** The change cancelled the subscription (a refund is due inside its window). */
  cancelled: boolean;
  /**
   * Units × days already charged in the period being prorated (periodToProrate), so that each new
   * amount is the rounded total after it less the rounded total before: rounding never adds up.
   */
  chargedUnitDays: bigint;
}

/** Billing continues while suspended (as Partner Center's does); trials cost nothing. */
export function isBillable(sub: Subscription): boolean {
  return !sub.isTrial && (sub.status === 'active' || sub.status === 'suspended');
}

/** The first period not yet charged is due: its day has come within the term. */
export function periodChargeDue(sub: Subscription, today: CalendarDate): boolean {
  return (
    isBillable(sub) &&
    sub.nextChargeDate !== null &&
    sub.nextChargeDate <= today &&
    sub.nextChargeDate <= sub.commitmentEndDate
  );
}

/**
 * The next charge a customer can expect: a period within the term, or the renewal's first one
 * when the term renews; none after a term that ends (nextChargeDate itself stays where the term
 * ends, for the scheduler).
 */
export function upcomingChargeDate(
  sub: Pick<Subscription, 'nextChargeDate' | 'commitmentEndDate' | 'autoRenewEnabled'>,
): CalendarDate | null {
  const next = sub.nextChargeDate;
  if (next === null || next <= sub.commitmentEndDate) return next;
  return sub.autoRenewEnabled ? next : null;
}

/** The period a change on `today` prorates, if any: the one holding today in the term. */
export function periodToProrate(sub: Subscription, today: CalendarDate): BillingPeriod | undefined {
  return isBillable(sub) ? billingPeriodAt(sub, today) : undefined;
}

/**
 * The ledger's side of one change of a subscription (DESIGN.md §2 Money), `before` null for a new
 * one: first every period whose first day has come and is not charged yet (the scheduler's work,
 * also when it ran late), then what the change itself costs: the first period of a new
 * subscription or a renewed term, the prorated difference of a quantity change, or the refund of
 * the rest of the period for a cancellation. Pure: the caller writes the charges it returns.
 */
export function ledgerEntry(
  before: Subscription | null,
  next: Subscription,
  input: LedgerInput,
): LedgerEntry {
  const charges: ChargeLine[] = [];
  const charged = new Map<CalendarDate, bigint>();
  const prorated = before ? periodToProrate(before, input.today) : undefined;
  if (prorated) charged.set(prorated.start, input.chargedUnitDays);

  const add = (
    sub: Subscription,
    type: ChargeType,
    period: BillingPeriod,
    units: number,
    date: CalendarDate,
  ) => {
    const days = daysLeftIn(period, date);
    const earlier = charged.get(period.start) ?? 0n;
    const later = earlier + BigInt(units) * BigInt(days);
    charged.set(period.start, later);
    const share = (unit: Minor) =>
      roundHalfEven(unit * later, BigInt(period.days)) -
      roundHalfEven(unit * earlier, BigInt(period.days));
    const unitPrice = toMinor(sub.unitPrice, sub.currency);
    const unitCost = toMinor(sub.unitCost, sub.currency);
    charges.push({
      subscriptionId: sub.id,
      customerId: sub.customerId,
      type,
      date,
      periodStart: period.start,
      periodEnd: period.end,
      quantity: units,
      days,
      periodDays: period.days,
      unitPrice,
      unitCost,
      amount: share(unitPrice),
      cost: share(unitCost),
      currency: sub.currency,
    });
  };
  // Deleted when its retention ended, a suspended subscription is billed until then, however
  // late the deletion runs: periods that began after that instant are not its.
  const endsAt =
    before?.status === 'suspended' && next.status === 'deleted' && !input.cancelled
      ? before.expiresAt
      : null;
  const catchUp = (sub: Subscription, from: CalendarDate | null): CalendarDate | null => {
    let due = from;
    while (isBillable(sub) && due !== null && due <= input.today) {
      if (endsAt && startOfUtcDay(due).getTime() >= endsAt.getTime()) break;
      const period = billingPeriodAt(sub, due);
      if (!period) break;
      add(sub, 'period', period, sub.quantity, period.start);
      due = addDays(period.end, 1);
    }
    return due;
  };

  let nextChargeDate = before ? catchUp(before, before.nextChargeDate) : null;
  const renewed = before !== null && before.effectiveStartDate !== next.effectiveStartDate;
  if (before === null || renewed) {
    nextChargeDate = catchUp(next, next.effectiveStartDate);
  } else if (prorated && input.cancelled) {
    add(before, 'cancellation_refund', prorated, -before.quantity, input.today);
  } else if (prorated && isBillable(next) && next.quantity !== before.quantity) {
    add(next, 'quantity_change', prorated, next.quantity - before.quantity, input.today);
  }
  return { charges, nextChargeDate: isBillable(next) ? nextChargeDate : null };
}
