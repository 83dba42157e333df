import type { BillingCycle } from '../offer.js';
import { minorUnitsOf } from './currencies.js';
import { parseDecimal, roundHalfEven, type Minor } from './amount.js';

/** What one subscription costs and brings in per billing period, as it is locked for its term. */
export interface RecurringLine {
  currency: string;
  billingCycle: BillingCycle;
  quantity: number;
  /** Decimal strings in `currency`, per unit and billing period (a year when annual). */
  unitPrice: string;
  unitCost: string;
}

/** A currency's monthly recurring revenue and cost, in minor units, and their difference. */
export interface RecurringTotal {
  currency: string;
  revenue: Minor;
  cost: Minor;
  margin: Minor;
}

/**
 * An exact amount in minor units: `numerator / (12 × 10^scale)`. Twelfths, because an annual
 * line counts as a twelfth of its year; a power of ten for unit prices with more digits than the
 * currency (none today, but nothing here would round them early).
 */
interface Twelfths {
  numerator: bigint;
  scale: number;
}

const ZERO: Twelfths = { numerator: 0n, scale: 0 };

/**
 * The monthly recurring revenue and cost per currency of `lines` (the active subscriptions): a
 * monthly line is quantity × unit price, an annual one a twelfth of that. Everything is summed
 * exactly and rounded half-even to the minor unit once, at the end, so a hundred annual lines of
 * 0.01 make 0.08 rather than a hundred roundings of 0.0008. Margin is the rounded revenue minus
 * the rounded cost, so the three figures add up as shown. Currencies in alphabetical order.
 */
export function monthlyRecurring(lines: Iterable<RecurringLine>): RecurringTotal[] {
  const sums = new Map<string, { revenue: Twelfths; cost: Twelfths }>();
  for (const line of lines) {
    const sum = sums.get(line.currency) ?? { revenue: ZERO, cost: ZERO };
    sums.set(line.currency, {
      revenue: add(sum.revenue, monthlyShare(line, line.unitPrice)),
      cost: add(sum.cost, monthlyShare(line, line.unitCost)),
    });
  }
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, sum]) => {
      const revenue = toMinorRounded(sum.revenue);
      const cost = toMinorRounded(sum.cost);
      return { currency, revenue, cost, margin: revenue - cost };
    });
}

/** One line's month of `unitAmount`, in twelfths of the currency's minor unit. */
function monthlyShare(line: RecurringLine, unitAmount: string): Twelfths {
  const { numerator, scale } = parseDecimal(unitAmount);
  const perPeriod = BigInt(line.quantity) * numerator * 10n ** BigInt(minorUnitsOf(line.currency));
  const twelfthsPerPeriod = line.billingCycle === 'annual' ? 1n : 12n;
  return { numerator: perPeriod * twelfthsPerPeriod, scale };
}

function add(a: Twelfths, b: Twelfths): Twelfths {
  const scale = Math.max(a.scale, b.scale);
  return { numerator: widen(a, scale) + widen(b, scale), scale };
}

function widen(amount: Twelfths, scale: number): bigint {
  return amount.numerator * 10n ** BigInt(scale - amount.scale);
}

function toMinorRounded(amount: Twelfths): Minor {
  return roundHalfEven(amount.numerator, 12n * 10n ** BigInt(amount.scale));
}
