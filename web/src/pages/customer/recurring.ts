import type { BillingCycle, Subscription } from '../../api/client';
import { sum, times } from '../../lib/money';

/** What a subscription costs per billing period: its unit price times its quantity. */
export function amountOf(subscription: Subscription): string {
  return times(subscription.unitPrice, subscription.quantity);
}

/** Whether a subscription is being paid for now: running or suspended, and not a free trial. */
function isPaid(subscription: Subscription): boolean {
  return (
    !subscription.isTrial &&
    (subscription.status === 'active' || subscription.status === 'suspended')
  );
}

export interface RecurringTotal {
  billingCycle: BillingCycle;
  currency: string;
  total: string;
}

/** The customer's recurring charges per billing frequency (and currency), monthly first. */
export function recurringTotals(subscriptions: readonly Subscription[]): RecurringTotal[] {
  const groups = new Map<
    string,
    { billingCycle: BillingCycle; currency: string; amounts: string[] }
  >();
  for (const subscription of subscriptions.filter(isPaid)) {
    const key = `${subscription.billingCycle} ${subscription.currency}`;
    const group = groups.get(key) ?? {
      billingCycle: subscription.billingCycle,
      currency: subscription.currency,
      amounts: [],
    };
    group.amounts.push(amountOf(subscription));
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ billingCycle, currency, amounts }) => ({ billingCycle, currency, total: sum(amounts) }))
    .sort((a, b) =>
      a.billingCycle === b.billingCycle ? 0 : a.billingCycle === 'monthly' ? -1 : 1,
    );
}
