import type { LightMyRequestResponse } from 'fastify';
import { watchDatabase, type Fingerprint } from './db-fingerprint.js';
import type { FuzzApp } from './fuzz-app.js';
import { junkHeaderValue } from './hostile-values.js';
import type { RouteSpec } from './openapi-routes.js';
import { describeExchange, violationsOf, type Failure } from './oracle.js';
import { randomPlan, sweepPlans } from './plans.js';
import { buildRequest, type FuzzRequest } from './requests.js';
import { Rng } from './rng.js';
import type { World } from './world.js';

/**
 * The loop: the sweep first (every field of every route with every class of hostile value that
 * fits it, see plans.ts), then random plans, request i to route i mod n. Each request is built
 * from the seed and i, and checked against the fingerprint taken just before it. Every violation
 * is kept, grouped by cause, so one run reports every distinct failure rather than the first.
 */
export interface RunOptions {
  fuzz: FuzzApp;
  world: World;
  routes: readonly RouteSpec[];
  seed: number;
  count: number;
  /** A fresh customer bundle every so many requests, as valid requests wear the old ones out. */
  reseedEvery?: number;
}

export interface RunResult {
  /** How many of the requests were the sweep's, and how many it has in all. */
  swept: number;
  sweepSize: number;
  failures: Failure[];
  /** Route key → answers by status class (`2xx: 12`), to see how deep the fuzzing got. */
  statuses: Map<string, Record<string, number>>;
  requests: number;
  milliseconds: number;
  /** Of which taking fingerprints. */
  fingerprintMilliseconds: number;
}

export async function runFuzz(options: RunOptions): Promise<RunResult> {
  const { fuzz, world, routes, seed, count } = options;
  const reseedEvery = options.reseedEvery ?? 100;
  const started = performance.now();
  const watch = await watchDatabase(fuzz.store.db, fuzz.store.dialect, world.partnerIds());
  let fingerprintMilliseconds = 0;
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    fingerprintMilliseconds += performance.now() - start;
    return result;
  };
  /** The state before the next request: a fingerprint, and the probe it was taken at. */
  let state: { probe: string; fingerprint: Fingerprint } = {
    probe: '',
    fingerprint: { tables: {} },
  };
  const refresh = async () => {
    state = await timed(async () => ({
      probe: await watch.probe(),
      fingerprint: await watch.take(),
    }));
  };
  const failures = new Map<string, Failure>();
  const statuses = new Map<string, Record<string, number>>();
  const fail = (route: string, cause: string, example: () => string) => {
    const key = `${route} → ${cause}`;
    const known = failures.get(key);
    if (known) known.count += 1;
    else failures.set(key, { route, cause, count: 1, example: example() });
  };

  const sweep = sweepPlans(routes);
  await refresh();
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % reseedEvery === 0) {
      await world.reseed();
      await refresh();
    }
    const rng = Rng.forRequest(seed, i);
    const swept = sweep[i];
    const route = swept?.route ?? routes[i % routes.length];
    if (!route) break;
    const plan = swept?.plan ?? randomPlan(route, rng);
    const request = buildRequest(route, plan, rng, world, i);
    const headers = { ...request.headers, ...(await credentials(request, world, rng)) };
    if (request.auth.kind === 'session') await refresh();

    let response: LightMyRequestResponse;
    try {
      response = await fuzz.app.inject({
        method: request.method,
        url: request.url,
        headers,
        remoteAddress: request.remoteAddress,
        ...(request.payload === undefined ? {} : { payload: request.payload }),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      fail(route.key, `inject threw ${message.slice(0, 120)}`, () =>
        describeExchange(request, headers, null, i, `inject threw: ${message}`, undefined),
      );
      await refresh();
      continue;
    }
    // Nothing can have changed while the probe stands still; else a new fingerprint says what did.
    const before = state.fingerprint;
    const probe = await timed(() => watch.probe());
    if (probe !== state.probe) state = { probe, fingerprint: await timed(() => watch.take()) };
    const after = state.fingerprint;
    const requestId = response.headers['x-request-id'];
    const logged = fuzz.takeLoggedError(typeof requestId === 'string' ? requestId : undefined);
    const tally = statuses.get(route.key) ?? {};
    const kind = `${Math.floor(response.statusCode / 100)}xx`;
    tally[kind] = (tally[kind] ?? 0) + 1;
    statuses.set(route.key, tally);
    for (const violation of violationsOf(request, response, before, after, logged)) {
      fail(route.key, violation.cause, () =>
        describeExchange(request, headers, response, i, violation.what, logged),
      );
    }
  }
  return {
    failures: [...failures.values()],
    swept: Math.min(sweep.length, count),
    sweepSize: sweep.length,
    statuses,
    requests: count,
    milliseconds: performance.now() - started,
    fingerprintMilliseconds,
  };
}

/** The caller's credentials as the request asks for them, then spoilt if it says so. */
async function credentials(
  request: FuzzRequest,
  world: World,
  rng: Rng,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const { auth, authMutation } = request;
  if (auth.kind === 'token') {
    out.authorization = `Bearer ${auth.side.token}`;
    if (authMutation === 'junk bearer') {
      out.authorization = rng.pick([
        'Bearer',
        'Bearer ',
        `Bearer ${auth.side.token}x`,
        `Bearer ${auth.side.token.toUpperCase()}`,
        `Bearer ${auth.side.token} ${auth.side.token}`,
        `Bearer ${junkHeaderValue(rng)}`,
        `Bearer psc_${'A'.repeat(43)}`,
        `Bearer ${'x'.repeat(5000)}`,
      ]);
    } else if (authMutation === 'basic scheme') {
      out.authorization = `Basic ${Buffer.from(`fuzz:${auth.side.token}`).toString('base64')}`;
    } else if (authMutation === 'lower-case scheme') {
      out.authorization = `bearer ${auth.side.token}`;
    } else if (authMutation === 'no credentials') {
      delete out.authorization;
    }
  } else if (auth.kind === 'session') {
    const session = await world.mintSession();
    out.cookie = `psc_session=${session.cookie}`;
    if (request.method !== 'GET') out['x-csrf-token'] = session.csrfToken;
    if (authMutation === 'junk cookie') {
      out.cookie = rng.pick([
        'psc_session=',
        'psc_session=%ZZ',
        `psc_session=${junkHeaderValue(rng)}`,
        `psc_session=${session.cookie}; psc_session=x`,
        'psc_session="unterminated',
        `psc_session=${'c'.repeat(8000)}`,
        ';;;=;',
      ]);
    } else if (authMutation === 'no csrf') {
      delete out['x-csrf-token'];
    } else if (authMutation === 'wrong csrf') {
      out['x-csrf-token'] = rng.pick([
        'x',
        '',
        session.csrfToken.toUpperCase(),
        junkHeaderValue(rng),
      ]);
    } else if (authMutation === 'no credentials') {
      delete out.cookie;
      delete out['x-csrf-token'];
    }
  }
  return out;
}
