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
  return summarize(spec, [await drive(target, spec)]);
}

/**
 * Drives `spec` against every target at once, `spec.connections` each (two nodes of one
 * database): one result for all, successes summed, latencies pooled.
 */
export async function runLoadOnEach(
  targets: readonly ApiTarget[],
  spec: LoadSpec,
): Promise<LoadResult> {
  return summarize(spec, await Promise.all(targets.map((target) => drive(target, spec))));
}

interface Answers {
  latencies: number[];
  statuses: Map<number, number>;
  errors: number;
  seconds: number;
}

async function drive(target: ApiTarget, spec: LoadSpec): Promise<Answers> {
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
  return { latencies, statuses, errors: result.errors, seconds: result.duration };
}

function summarize(spec: LoadSpec, runs: readonly Answers[]): LoadResult {
  const latencies = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
  const statuses = new Map<number, number>();
  for (const run of runs) {
    for (const [status, n] of run.statuses) statuses.set(status, (statuses.get(status) ?? 0) + n);
  }
  const succeeded = statuses.get(spec.expectedStatus) ?? 0;
  statuses.delete(spec.expectedStatus);
  const seconds = Math.max(...runs.map((run) => run.seconds));
  return {
    succeeded,
    rate: succeeded / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    otherStatuses: Object.fromEntries(statuses),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    seconds,
  };
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}
