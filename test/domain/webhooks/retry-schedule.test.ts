import { describe, expect, it } from 'vitest';
import {
  attemptVerdict,
  DEFAULT_RETRY_DELAYS_MS,
  DISABLE_FAILING_ENDPOINT_AFTER_MS,
  failedTooLong,
  isSuccessStatus,
  nextAttemptAfterFailure,
  parseRetryDelays,
} from '../../../src/domain/webhooks/retry-schedule.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseRetryDelays', () => {
  it.each([
    ['1s,2s,4s', [1000, 2000, 4000]],
    ['500ms', [500]],
    ['5m,1h,1d', [5 * MINUTE, HOUR, DAY]],
    ['1ms', [1]],
    [' 1s , 2s ', [1000, 2000]],
    ['7d', [7 * DAY]],
    ['168h', [7 * DAY]],
    ['604800000ms', [7 * DAY]],
    ['10080m', [7 * DAY]],
  ])('reads %j', (text, delays) => {
    expect(parseRetryDelays(text)).toEqual(delays);
  });

  it.each(['1x', '1', 's', '1S', '1 s', '1sec', '1.5s', '-1s', '+1s', '1e3ms', '0x10s', '1s;2s'])(
    'refuses %j, which is not a duration',
    (text) => {
      expect(parseRetryDelays(text)).toBeNull();
    },
  );

  it.each(['', ' ', ',', '1s,', ',1s', '1s,,2s'])('refuses %j, with a missing delay', (text) => {
    expect(parseRetryDelays(text)).toBeNull();
  });

  it.each(['0s', '0ms', '0d', '1s,0s'])('refuses %j: a delay of zero', (text) => {
    expect(parseRetryDelays(text)).toBeNull();
  });

  it.each(['8d', '169h', '10081m', '604800001ms', '1s,8d', '1234567890ms', '999999999d'])(
    'refuses %j: a delay longer than 7 days',
    (text) => {
      expect(parseRetryDelays(text)).toBeNull();
    },
  );

  it('takes 20 delays and refuses 21', () => {
    expect(parseRetryDelays(Array(20).fill('1s').join(','))).toHaveLength(20);
    expect(parseRetryDelays(Array(21).fill('1s').join(','))).toBeNull();
  });

  it('reads the default schedule written out', () => {
    expect(parseRetryDelays('5s,5m,30m,2h,5h,10h,10h')).toEqual([...DEFAULT_RETRY_DELAYS_MS]);
  });
});

describe('the default schedule', () => {
  it('waits longer each time, within what the configuration takes', () => {
    DEFAULT_RETRY_DELAYS_MS.slice(1).forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(DEFAULT_RETRY_DELAYS_MS[i] ?? 0);
    });
    expect(DEFAULT_RETRY_DELAYS_MS.length).toBeLessThanOrEqual(20);
    for (const delay of DEFAULT_RETRY_DELAYS_MS) {
      expect(delay).toBeGreaterThanOrEqual(1);
      expect(delay).toBeLessThanOrEqual(7 * DAY);
    }
  });
});

describe('isSuccessStatus', () => {
  it('is any 2xx', () => {
    for (const code of [200, 201, 202, 204, 299])
      expect(isSuccessStatus(code), `${code}`).toBe(true);
    for (const code of [0, 100, 199, 300, 302, 304, 400, 404, 410, 429, 500, 503]) {
      expect(isSuccessStatus(code), `${code}`).toBe(false);
    }
  });
});

describe('nextAttemptAfterFailure', () => {
  const at = new Date('2026-03-01T12:00:00.000Z');
  const delays = [1000, 60_000];

  it("waits the failure's delay, then gives up", () => {
    expect(nextAttemptAfterFailure(1, at, delays)).toEqual(new Date(at.getTime() + 1000));
    expect(nextAttemptAfterFailure(2, at, delays)).toEqual(new Date(at.getTime() + 60_000));
    expect(nextAttemptAfterFailure(3, at, delays)).toBeNull();
  });
});

describe('attemptVerdict', () => {
  const at = new Date('2026-03-01T12:00:00.000Z');
  const delays = [1000, 2000, 4000];
  const plus = (ms: number) => new Date(at.getTime() + ms);

  it.each([200, 201, 204, 299])('succeeds on %i, whatever failed before', (code) => {
    for (const failuresBefore of [0, 1, 3, 10]) {
      expect(attemptVerdict(code, failuresBefore, at, delays)).toEqual({
        status: 'succeeded',
        nextAttemptAt: null,
      });
    }
  });

  it.each([null, 100, 199, 301, 302, 400, 401, 404, 410, 429, 500, 502, 503])(
    'retries after %j at the next delay of the schedule',
    (code) => {
      expect(attemptVerdict(code, 0, at, delays)).toEqual({
        status: 'pending',
        nextAttemptAt: plus(1000),
      });
      expect(attemptVerdict(code, 1, at, delays)).toEqual({
        status: 'pending',
        nextAttemptAt: plus(2000),
      });
      expect(attemptVerdict(code, 2, at, delays)).toEqual({
        status: 'pending',
        nextAttemptAt: plus(4000),
      });
    },
  );

  it('fails once the last retry has failed too', () => {
    for (const code of [null, 302, 404, 500]) {
      expect(attemptVerdict(code, 3, at, delays)).toEqual({
        status: 'failed',
        nextAttemptAt: null,
      });
      expect(attemptVerdict(code, 7, at, delays)).toEqual({
        status: 'failed',
        nextAttemptAt: null,
      });
    }
  });

  it('counts from when the attempt ended, not from when the delivery was made', () => {
    const later = new Date(at.getTime() + HOUR);
    expect(attemptVerdict(500, 1, later, delays).nextAttemptAt).toEqual(
      new Date(later.getTime() + 2000),
    );
  });

  it('walks the default schedule: eight attempts in all', () => {
    let failures = 0;
    let when = at;
    const waits: number[] = [];
    for (;;) {
      const verdict = attemptVerdict(503, failures, when, DEFAULT_RETRY_DELAYS_MS);
      if (verdict.status === 'failed') break;
      expect(verdict.status).toBe('pending');
      const next = verdict.nextAttemptAt as Date;
      waits.push(next.getTime() - when.getTime());
      when = next;
      failures += 1;
    }
    expect(waits).toEqual([...DEFAULT_RETRY_DELAYS_MS]);
    expect(failures + 1).toBe(DEFAULT_RETRY_DELAYS_MS.length + 1);
  });
});

describe('failedTooLong', () => {
  const since = new Date('2026-03-01T12:00:00.000Z');
  const after = (ms: number) => new Date(since.getTime() + ms);

  it('is 5 days', () => {
    expect(DISABLE_FAILING_ENDPOINT_AFTER_MS).toBe(5 * DAY);
  });

  it('holds from 5 days on, not a millisecond before', () => {
    expect(failedTooLong(since, since)).toBe(false);
    expect(failedTooLong(since, after(4 * DAY))).toBe(false);
    expect(failedTooLong(since, after(5 * DAY - 1))).toBe(false);
    expect(failedTooLong(since, after(5 * DAY))).toBe(true);
    expect(failedTooLong(since, after(5 * DAY + 1))).toBe(true);
    expect(failedTooLong(since, after(30 * DAY))).toBe(true);
  });
});
