import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeApiToken } from '../../src/services/revoke-api-token.js';
import { listApiTokens } from '../../src/store/api-tokens.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { newCustomerBody } from '../helpers/customers.js';
import { DIALECTS } from '../helpers/stores.js';

interface OpenApiShape {
  tags?: { name: string; description?: string }[];
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        summary?: string;
        tags?: string[];
        responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
      }
    >
  >;
}

describe.each(DIALECTS)('HTTP conventions on %s', (dialect) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { bodyLimit: 4096 });
    ({ token } = await t.newPartner());
  });
  afterAll(() => t.close());

  it('answers /healthz without a token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it.each([
    ['no header', {}],
    ['another scheme', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
    ['an unknown token', { authorization: 'Bearer psc_unknown' }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('answers 401 unauthorized for %s', async (_name, headers) => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/offers', headers });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toContain('Bearer');
    expect(response.json()).toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('refuses a token from the moment it is revoked', async () => {
    const { partner, token: doomed } = await t.newPartner();
    expect((await client(t.app, doomed).get('/v1/offers')).statusCode).toBe(200);
    const [record] = await listApiTokens(t.store.db, partner.id);
    await revokeApiToken(t.ctx, { partnerId: partner.id, tokenId: record!.id });
    expect((await client(t.app, doomed).get('/v1/offers')).statusCode).toBe(401);
  });

  it('stores only a hash of the token', async () => {
    const { partner, token: secret } = await t.newPartner();
    const [record] = await listApiTokens(t.store.db, partner.id);
    expect(secret).toMatch(/^psc_[A-Za-z0-9_-]{43}$/);
    expect(record!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(record)).not.toContain(secret.slice(12));
  });

  it('returns a request id and echoes the correlation id under both names', async () => {
    const api = client(t.app, token);
    const first = await api.get('/v1/offers', { 'x-correlation-id': 'abc-123' });
    expect(first.headers['x-correlation-id']).toBe('abc-123');
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const second = await api.get('/v1/offers', { 'ms-correlationid': 'pc-456' });
    expect(second.headers['x-correlation-id']).toBe('pc-456');
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });

  it('answers unknown routes with a problem', async () => {
    const response = await client(t.app, token).get('/v1/nothing-here?access_token=s3cr3t');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      code: 'route_not_found',
      detail: 'No route GET /v1/nothing-here.',
    });
    expect(response.body).not.toContain('s3cr3t');
  });

  it('refuses malformed JSON, a wrong media type and a body over the limit, never 500', async () => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers,
      payload: '{"companyName":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('validation_failed');

    const empty = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers,
      payload: '',
    });
    expect(empty.statusCode).toBe(400);

    const array = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers,
      payload: '[]',
    });
    expect(array.statusCode).toBe(400);

    const text = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('unsupported_media_type');

    const big = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers,
      payload: JSON.stringify(newCustomerBody({ companyName: 'x'.repeat(5000) })),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('payload_too_large');

    const proto = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers,
      payload: '{"__proto__": {"x": 1}}',
    });
    expect(proto.statusCode).toBe(400);
  });

  it('serves an OpenAPI document that describes every route', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      [
        'GET /healthz',
        'GET /v1/clock',
        'GET /v1/customers',
        'POST /v1/customers',
        'GET /v1/customers/{customerId}',
        'PATCH /v1/customers/{customerId}',
        'GET /v1/offers',
        'GET /v1/offers/{offerId}',
        'GET /v1/customers/{customerId}/offers',
        'POST /v1/customers/{customerId}/orders',
        'GET /v1/customers/{customerId}/orders',
        'GET /v1/customers/{customerId}/orders/{orderId}',
        'GET /v1/customers/{customerId}/subscriptions',
        'GET /v1/customers/{customerId}/subscriptions/{subscriptionId}',
        'PATCH /v1/customers/{customerId}/subscriptions/{subscriptionId}',
        'GET /v1/customers/{customerId}/subscriptions/{subscriptionId}/addons',
        'GET /v1/customers/{customerId}/subscriptions/{subscriptionId}/addon-offers',
        'POST /v1/customers/{customerId}/subscriptions/{subscriptionId}/conversions',
        'GET /v1/customers/{customerId}/subscriptions/{subscriptionId}/events',
        'GET /v1/events',
        'GET /v1/markets',
        'GET /v1/sandbox/clock',
        'POST /v1/sandbox/clock',
        'POST /v1/customers/{customerId}/users',
        'GET /v1/customers/{customerId}/users',
        'GET /v1/customers/{customerId}/users/{userId}',
        'PATCH /v1/customers/{customerId}/users/{userId}',
        'DELETE /v1/customers/{customerId}/users/{userId}',
        'GET /v1/customers/{customerId}/subscriptions/{subscriptionId}/licenses',
        'POST /v1/customers/{customerId}/subscriptions/{subscriptionId}/licenses',
        'DELETE /v1/customers/{customerId}/subscriptions/{subscriptionId}/licenses/{userId}',
        'GET /v1/customers/{customerId}/entitlements/check',
        'POST /v1/session',
        'GET /v1/session',
        'DELETE /v1/session',
        'POST /v1/session/password',
        'GET /v1/users',
        'POST /v1/users',
        'GET /v1/users/{userId}',
        'PATCH /v1/users/{userId}',
        'POST /v1/users/{userId}/password-reset',
        'GET /v1/price-book',
        'PUT /v1/price-book',
        'POST /v1/customers/{customerId}/orders/preview',
        'GET /v1/customers/{customerId}/charges',
        'GET /v1/customers/{customerId}/invoices',
        'GET /v1/customers/{customerId}/invoices/upcoming',
        'GET /v1/customers/{customerId}/invoices/{invoiceId}',
        'GET /v1/invoices',
        'GET /v1/billing/reconciliation',
        'GET /v1/billing/overview',
        'GET /v1/subscriptions',
        'POST /v1/subscriptions/bulk',
        'GET /v1/webhooks',
        'POST /v1/webhooks',
        'GET /v1/webhooks/event-types',
        'GET /v1/webhooks/{webhookId}',
        'PATCH /v1/webhooks/{webhookId}',
        'DELETE /v1/webhooks/{webhookId}',
        'POST /v1/webhooks/{webhookId}/rotate-secret',
        'POST /v1/webhooks/{webhookId}/test',
        'GET /v1/webhooks/{webhookId}/deliveries',
        'POST /v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver',
      ].sort(),
    );
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  // What client generators need of each operation (test/http/openapi-lint.test.ts lints the rest).
  it('gives every operation a unique camelCase operationId, a summary, declared tags and problem answers', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApiShape>();
    const declared = new Set(
      (doc.tags ?? []).filter((tag) => tag.description?.trim()).map((tag) => tag.name),
    );
    const owners = new Map<string, string>();
    const faults: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const route = `${method.toUpperCase()} ${path}`;
        const id = operation.operationId;
        if (id === undefined || !/^[a-z][a-zA-Z0-9]*$/.test(id)) {
          faults.push(`${route}: operationId ${id ?? '(none)'} is not camelCase`);
        } else if (owners.has(id)) {
          faults.push(`${route}: operationId ${id} is already ${owners.get(id)}'s`);
        } else owners.set(id, route);
        if (!operation.summary?.trim()) faults.push(`${route}: no summary`);
        if (!operation.tags?.length) faults.push(`${route}: no tags`);
        for (const tag of operation.tags ?? []) {
          if (!declared.has(tag)) {
            faults.push(`${route}: tag "${tag}" is not declared with a description (TAGS)`);
          }
        }
        const refusals = Object.entries(operation.responses ?? {}).filter(([status]) =>
          /^4(\d\d|XX)$/.test(status),
        );
        if (refusals.length === 0) faults.push(`${route}: no 4xx answer`);
        for (const [status, answer] of refusals) {
          const ref = answer.content?.['application/problem+json']?.schema?.$ref;
          if (ref !== '#/components/schemas/Problem') {
            faults.push(`${route}: ${status} is not problem+json of Problem (use problems(...))`);
          }
        }
      }
    }
    expect(faults).toEqual([]);
  });
});
