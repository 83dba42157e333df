import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/stores.js';
import { createFuzzApp, type FuzzApp } from './fuzz-app.js';
import { routesOf, type OpenApiDocument, type RouteSpec } from './openapi-routes.js';
import { runFuzz, type RunResult } from './run.js';
import { seedWorld, type World } from './world.js';

/**
 * Fuzzes every route of the served OpenAPI document with malformed and hostile requests, on both
 * databases, and holds the API to its conventions (docs/api.md): never a 5xx, every refusal a
 * problem+json with a registered code, and a refused request changes nothing.
 *
 * PSC_FUZZ_REQUESTS: requests per database (default 2000; `npm run fuzz` sends 10000).
 * PSC_FUZZ_SEED: the seed (default fixed, so CI is repeatable; `random` for a new one).
 * PSC_FUZZ_ROUTE: only the routes whose key (`PATCH /v1/users/{userId}`) contains this text.
 * PSC_FUZZ_REPORT: a folder to write each database's full report to.
 * PSC_FUZZ_VERBOSE=1: print how each route answered (2xx/4xx/5xx counts).
 */
const DEFAULT_SEED = 20260301;
const REQUESTS = positiveInteger(process.env.PSC_FUZZ_REQUESTS, 2000);
const SEED =
  process.env.PSC_FUZZ_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : positiveInteger(process.env.PSC_FUZZ_SEED, DEFAULT_SEED);
const ONLY = process.env.PSC_FUZZ_ROUTE;
/** About 40 ms a request on a slow, busy machine, and a minute to spare. */
const TIMEOUT = 60_000 + REQUESTS * 40;

describe.each(DIALECTS)('fuzzing every route of /openapi.json on %s', (dialect) => {
  let fuzz: FuzzApp;
  let routes: RouteSpec[];
  let world: World;

  beforeAll(async () => {
    fuzz = await createFuzzApp(dialect);
    const document = await fuzz.app.inject({ method: 'GET', url: '/openapi.json' });
    routes = routesOf(document.json<OpenApiDocument>()).filter(
      (r) => ONLY === undefined || r.key.includes(ONLY),
    );
    world = await seedWorld(fuzz, routes);
  }, 120_000);
  afterAll(() => fuzz.close());

  it('reads the routes from the document', () => {
    expect(routes.length).toBeGreaterThan(0);
    if (ONLY === undefined) {
      expect(routes.map((r) => r.key)).toEqual(
        expect.arrayContaining([
          'POST /v1/customers',
          'PATCH /v1/customers/{customerId}/subscriptions/{subscriptionId}',
        ]),
      );
    }
  });

  it(
    `sends ${REQUESTS} hostile requests (seed ${SEED}): no 5xx, refusals are problems with registered codes and change nothing`,
    async () => {
      const result = await runFuzz({ fuzz, world, routes, seed: SEED, count: REQUESTS });
      const report = reportOf(dialect, result, world);
      if (process.env.PSC_FUZZ_REPORT) {
        mkdirSync(process.env.PSC_FUZZ_REPORT, { recursive: true });
        writeFileSync(join(process.env.PSC_FUZZ_REPORT, `fuzz-${dialect}.txt`), report);
      }
      if (process.env.PSC_FUZZ_VERBOSE === '1') console.log(report);
      const unrequested = routes.filter((r) => !result.statuses.has(r.key)).map((r) => r.key);
      expect(unrequested, 'routes that got no request').toEqual([]);
      if (result.failures.length > 0) throw new Error(report);
    },
    TIMEOUT,
  );
});

function reportOf(dialect: string, result: RunResult, world: World): string {
  const replay =
    `PSC_FUZZ_SEED=${SEED} PSC_FUZZ_REQUESTS=${REQUESTS}` +
    `${ONLY === undefined ? '' : ` PSC_FUZZ_ROUTE='${ONLY}'`} npx vitest run test/fuzz -t ${dialect}`;
  const lines = [
    `${result.failures.length} distinct failures in ${result.requests} requests on ${dialect} ` +
      `(${result.swept} of ${result.sweepSize} sweep requests) ` +
      `(seed ${SEED}, ${seconds(result.milliseconds)}, of which fingerprints ` +
      `${seconds(result.fingerprintMilliseconds)}). Replay: ${replay}`,
  ];
  if (world.seedWarnings.length > 0) lines.push(`seeding: ${world.seedWarnings.join('; ')}`);
  // First each cause with the routes that showed it, then every route's first example.
  const byCause = new Map<string, string[]>();
  for (const f of result.failures) byCause.set(f.cause, [...(byCause.get(f.cause) ?? []), f.route]);
  if (byCause.size > 0) lines.push('', 'causes:');
  for (const [cause, routes] of [...byCause].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${cause}`, ...routes.sort().map((r) => `      ${r}`));
  }
  const sorted = [...result.failures].sort((a, b) =>
    `${a.route} ${a.cause}`.localeCompare(`${b.route} ${b.cause}`),
  );
  sorted.forEach((failure, n) => {
    lines.push(
      '',
      `${n + 1}. ${failure.route} → ${failure.cause} (×${failure.count})`,
      failure.example,
    );
  });
  lines.push('', 'answers by route:');
  for (const [route, tally] of [...result.statuses].sort(([a], [b]) => a.localeCompare(b))) {
    const counts = Object.entries(tally)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push(`  ${route}: ${counts}`);
  }
  return lines.join('\n');
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

function positiveInteger(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`expected a whole number, got ${JSON.stringify(text)}`);
  }
  return value;
}
