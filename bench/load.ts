import autocannon from 'autocannon';

export interface ApiTarget {
  url: string;
  /** Bearer token; none for the floor server, which does no auth. */
  token?: string;
}

export interface LoadSpec {
  method: 'GET' | 'POST';
  /** Called once per request: lets every request go to another customer. */
  path: () => string;
  body?: unknown;
  /** The one status that counts as success (201 for orders, 200 for reads). */
  expectedStatus: number;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  /** Answers with the expected status. */
  succeeded: number;
  /** Successes per second of the run. */
  rate: number;
  /** Latency of the successful answers, in milliseconds. */
  p50: number;
  p99: number;
  /** Answers with any other status, by status. */
  otherStatuses: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
  seconds: number;
}

/**
 * Drives `spec` against the target with autocannon. Latencies are taken per response from
 * autocannon's events (sub-millisecond resolution) and only for successful answers.
 */
export async function runLoad(target: ApiTarget, spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
  const headers: Record<string, string> = {
    ...(target.token === undefined ? {} : { authorization: `Bearer ${target.token}` }),
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections: spec.connections,
        duration: spec.seconds,
        requests: [
          {
            method: spec.method,
            headers,
            ...(body === undefined ? {} : { body }),
            setupRequest: (request) => ({ ...request, path: spec.path() }),
          },
        ],
      },
      (error: unknown, done) => {
        if (error)
          reject(error instanceof Error ? error : new Error('autocannon failed', { cause: error }));
        else resolve(done);
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      if (statusCode === spec.expectedStatus) latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const succeeded = statuses.get(spec.expectedStatus) ?? 0;
  statuses.delete(spec.expectedStatus);
  return {
    succeeded,
    rate: succeeded / result.duration,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    otherStatuses: Object.fromEntries(statuses),
    errors: result.errors,
    seconds: result.duration,
  };
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}
