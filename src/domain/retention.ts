import { addInstantDays, daysBetween, utcDateOf, type CalendarDate } from './calendar.js';

export const DEFAULT_RETENTION_BASE_DAYS = 90;
export const DEFAULT_RETENTION_MAX_DAYS = 120;

export interface RetentionPolicy {
  retentionBaseDays: number;
  retentionMaxDays: number;
}

/**
 * Seed step 4: data is kept for 90 days, plus the days between the account's opening and its first
 * billing period, at most 120 days in all.
 */
export function retentionDays(
  policy: RetentionPolicy,
  accountOpenedAt: Date,
  firstBillingPeriodStart: CalendarDate,
): number {
  const graceDays = Math.max(0, daysBetween(utcDateOf(accountOpenedAt), firstBillingPeriodStart));
  return Math.min(policy.retentionMaxDays, policy.retentionBaseDays + graceDays);
}

/** When a subscription suspended at `suspendedAt` would be deleted unless reactivated. */
export function retentionExpiresAt(
  policy: RetentionPolicy,
  accountOpenedAt: Date,
  firstBillingPeriodStart: CalendarDate,
  suspendedAt: Date,
): Date {
  return addInstantDays(
    suspendedAt,
    retentionDays(policy, accountOpenedAt, firstBillingPeriodStart),
  );
}
