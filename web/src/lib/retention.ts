/** What the portal needs of an offer's policies to know when a suspended subscription expires. */
export interface RetentionPolicy {
  retentionBaseDays: number;
  retentionMaxDays: number;
}

const MS_PER_DAY = 86_400_000;

/**
 * When a subscription suspended at `suspendedAt` would expire (its data deleted) unless it is
 * reactivated, computed exactly as the API does (seed step 4): the offer's base retention, plus the
 * days from the UTC date the account opened to its first billing period, at most the offer's
 * maximum. `firstBillingPeriodStart` is a calendar date (YYYY-MM-DD, UTC).
 */
export function suspensionExpiresAt(
  policy: RetentionPolicy,
  accountOpenedAt: string,
  firstBillingPeriodStart: string,
  suspendedAt: Date,
): Date {
  const openedUtcDate = new Date(accountOpenedAt).toISOString().slice(0, 10);
  const openedDay = Date.parse(`${openedUtcDate}T00:00:00.000Z`);
  const firstBillingDay = Date.parse(`${firstBillingPeriodStart}T00:00:00.000Z`);
  const graceDays = Math.max(0, Math.round((firstBillingDay - openedDay) / MS_PER_DAY));
  const days = Math.min(policy.retentionMaxDays, policy.retentionBaseDays + graceDays);
  return new Date(suspendedAt.getTime() + days * MS_PER_DAY);
}
