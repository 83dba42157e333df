import type { AttemptVerdict } from './delivery.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The waits after each failed attempt before the next: the first retry soon, for a receiver that
 * was restarting, then ever longer, about 28 hours in all (eight attempts); after the last, the
 * delivery has failed.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];

/** An endpoint whose every attempt has failed this long is disabled. */
export const DISABLE_FAILING_ENDPOINT_AFTER_MS = 5 * 24 * HOUR;

/** How long an attempt may take, from connecting to the last byte of the answer. */
export const ATTEMPT_TIMEOUT_MS = 15 * SECOND;

/** Only this much of a receiver's answer is kept in the delivery log. */
export const KEPT_RESPONSE_BYTES = 2048;

/**
 * When to try again after the `failures`-th failed attempt of the delivery's schedule (1 for the
 * first) ended at `failedAt`, or null when the schedule is spent and the delivery has failed.
 */
export function nextAttemptAfterFailure(
  failures: number,
  failedAt: Date,
  delaysMs: readonly number[],
): Date | null {
  const delay = delaysMs[failures - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}

/** Whether an answer with this status is a success: any 2xx, as Standard Webhooks says. */
export function isSuccessStatus(statusCode: number): boolean {
  return statusCode >= 200 && statusCode <= 299;
}

/** Whether an endpoint failing since `failingSince` has failed long enough to be disabled. */
export function failedTooLong(failingSince: Date, now: Date): boolean {
  return now.getTime() - failingSince.getTime() >= DISABLE_FAILING_ENDPOINT_AFTER_MS;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: 24 * HOUR };

/**
 * A schedule written as comma-separated durations (`1s,2s,4s`, `500ms,5m,1h`), or null when the
 * text is not one. Each delay is from 1 ms to 7 days; an empty list means no retries at all is
 * not allowed: a receiver that is down for a second would lose the event.
 */
export function parseRetryDelays(text: string): number[] | null {
  const parts = text.split(',').map((part) => part.trim());
  const delays: number[] = [];
  for (const part of parts) {
    const match = /^(\d{1,9})(ms|s|m|h|d)$/.exec(part);
    if (!match) return null;
    const ms = Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? Number.NaN);
    if (!(ms >= 1 && ms <= 7 * 24 * HOUR)) return null;
    delays.push(ms);
  }
  return delays.length > 0 && delays.length <= 20 ? delays : null;
}

/**
 * What an attempt that ended with `statusCode` (null: no answer) at `at` does to its delivery,
 * whose schedule had `failuresBefore` failed attempts before it.
 */
export function attemptVerdict(
  statusCode: number | null,
  failuresBefore: number,
  at: Date,
  delaysMs: readonly number[],
): AttemptVerdict {
  if (statusCode !== null && isSuccessStatus(statusCode)) {
    return { status: 'succeeded', nextAttemptAt: null };
  }
  const next = nextAttemptAfterFailure(failuresBefore + 1, at, delaysMs);
  return next === null
    ? { status: 'failed', nextAttemptAt: null }
    : { status: 'pending', nextAttemptAt: next };
}
