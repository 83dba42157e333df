import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Fingerprint } from './db-fingerprint.js';
import { violationsOf } from './oracle.js';
import type { FuzzRequest } from './requests.js';

/**
 * The fuzz suite's own checks, shown to catch what they are for: once src/ is fixed the fuzzing
 * finds nothing, and these tests keep showing that it would (the fingerprint's own tests are in
 * db-fingerprint.test.ts).
 */
const request: FuzzRequest = {
  route: {
    method: 'POST',
    path: '/v1/customers',
    key: 'POST /v1/customers',
    isPublic: false,
    pathParams: [],
    queryParams: [],
    headerParams: [],
    body: null,
  },
  method: 'POST',
  url: '/v1/customers',
  headers: {},
  auth: { kind: 'none' },
  authMutation: null,
  remoteAddress: '10.0.0.1',
  mutations: [],
};

function answer(status: number, body: unknown, type = 'application/problem+json') {
  return {
    statusCode: status,
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  } as unknown as LightMyRequestResponse;
}

const problem = (status: number, code: string) => ({
  type: `urn:psc:problem:${code}`,
  title: 'Title',
  status,
  detail: 'Detail.',
  code,
});

const same: Fingerprint = { tables: { customers: '1:aaaa' } };
const changed: Fingerprint = { tables: { customers: '2:bbbb' } };

describe('the fuzz oracle', () => {
  const causes = (response: LightMyRequestResponse, after = same) =>
    violationsOf(request, response, same, after, 'Error: boom').map((v) => v.cause);

  it('accepts a registered problem that changed nothing, and any success', () => {
    expect(causes(answer(400, problem(400, 'validation_failed')))).toEqual([]);
    expect(causes(answer(201, { id: 'x' }, 'application/json'), changed)).toEqual([]);
  });

  it('flags a 5xx, with what the server logged', () => {
    expect(causes(answer(500, problem(500, 'internal_error')))).toContain(
      '500 internal_error: Error: boom',
    );
  });

  it('flags a refusal that is not a registered problem', () => {
    expect(causes(answer(400, { statusCode: 400, code: 'FST_ERR_BAD_URL' }, 'application/json')))
      .toMatchInlineSnapshot(`
        [
          "400: content-type application/json (code FST_ERR_BAD_URL)",
        ]
      `);
    expect(causes(answer(400, problem(400, 'bad_url')))).toEqual([
      '400: code "bad_url" is not in PROBLEM_CODES',
    ]);
    const item = { field: '/x', code: 'bad_value', detail: 'Detail.' };
    expect(causes(answer(400, { ...problem(400, 'validation_failed'), errors: [item] }))).toEqual([
      '400: item code "bad_value" is not in DETAIL_CODES',
    ]);
    expect(causes(answer(404, problem(400, 'not_found')))).toEqual(['404: status 400 ≠ 404']);
    expect(causes(answer(400, 'not json'))).toEqual(['400: problem body is not a JSON object']);
    expect(causes(answer(400, { ...problem(400, 'validation_failed'), errors: [{}] }))).toEqual([
      '400: errors is not a list of { code, detail }',
    ]);
  });

  it('holds a HEAD answer, which has no body, to its content type', () => {
    const head = { ...request, method: 'HEAD' as const };
    const check = (type: string) =>
      violationsOf(head, answer(404, '', type), same, same, undefined).map((v) => v.cause);
    expect(check('application/problem+json')).toEqual([]);
    expect(check('application/json')).toEqual(['404 to HEAD: content-type application/json']);
  });

  it('flags a refusal after which the database differs', () => {
    expect(causes(answer(409, problem(409, 'offer_unavailable')), changed)).toEqual([
      '409 offer_unavailable: refused but changed customers',
    ]);
  });
});
