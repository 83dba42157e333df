/**
 * The webhooks API (issue 13) on both databases: endpoints and their secrets shown once, what may
 * be an endpoint's URL and event types, who may manage them, the delivery log, and, with a real
 * receiver and the dispatcher, what reaches a receiver: signed with the old and the new secret
 * after a rotation, only what it asked for, and an endpoint that only fails disabled after 5 days.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowed, ROLES } from '../../src/domain/permissions.js';
import { SUBSCRIBABLE_EVENT_TYPES } from '../../src/domain/webhooks/endpoint.js';
import type { WebhookDispatcher } from '../../src/jobs/webhook-dispatcher.js';
import { systemClock } from '../../src/services/system-clock.js';
import { SecretBox } from '../../src/services/webhooks/secret-box.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { DAY, HOUR, TestClock } from '../helpers/clock.js';
import { newCustomerBody } from '../helpers/customers.js';
import { tokenWithRole } from '../helpers/roles.js';
import { DIALECTS } from '../helpers/stores.js';
import {
  testDispatcher,
  waitFor,
  WebhookReceiver,
  type Receipt,
} from '../helpers/webhook-receiver.js';

type Api = ReturnType<typeof client>;

interface Endpoint {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: 'manual' | 'failing' | null;
  failingSince: string | null;
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface WithSecret extends Endpoint {
  secret: string;
}

interface Attempt {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  responseBody: string | null;
}

interface Delivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: Attempt[];
  nextAttemptAt: string | null;
  inFlight: boolean;
  createdAt: string;
}

interface DeliveryPage {
  items: Delivery[];
  nextCursor: string | null;
}

interface AuditEvent {
  id: string;
  type: string;
  occurredAt: string;
  actor: { type: string; id: string };
  reason: string | null;
  data: Record<string, unknown>;
}

const SECRET_FORM = /^whsec_[A-Za-z0-9+/]{43}=$/;
/** A public address, so that no test asks DNS about a name. */
const PUBLIC_URL = 'https://93.184.216.34/psc-hooks';

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ status, code });
}

async function createEndpoint(api: Api, body: Record<string, unknown> = {}): Promise<WithSecret> {
  const response = await api.post('/v1/webhooks', {
    url: PUBLIC_URL,
    eventTypes: ['subscription.suspended'],
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<WithSecret>();
}

async function deliveriesOf(api: Api, endpointId: string, query = ''): Promise<DeliveryPage> {
  const response = await api.get(`/v1/webhooks/${endpointId}/deliveries${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<DeliveryPage>();
}

async function eventsOfType(api: Api, type: string): Promise<AuditEvent[]> {
  const response = await api.get(`/v1/events?type=${type}&limit=500`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: AuditEvent[] }>().items;
}

function withoutSecret(endpoint: WithSecret): Endpoint {
  const shown: Partial<WithSecret> = { ...endpoint };
  delete shown.secret;
  return shown as Endpoint;
}

describe.each(DIALECTS)('webhook endpoints on %s', (dialect) => {
  const NOW = '2026-03-01T00:00:00.000Z';
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: new TestClock(NOW) });
  });
  afterAll(() => t.close());

  async function partnerApi() {
    const { partner, token } = await t.newPartner();
    return { partner, api: client(t.app, token) };
  }

  it('creates an endpoint and shows its signing secret in that answer only', async () => {
    const { api } = await partnerApi();
    const created = await api.post('/v1/webhooks', {
      url: PUBLIC_URL,
      eventTypes: ['subscription.suspended', 'customer.created', 'subscription.suspended'],
      description: '  PSA sync  ',
    });
    expect(created.statusCode, created.body).toBe(201);
    const endpoint = created.json<WithSecret>();
    expect(endpoint).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      url: PUBLIC_URL,
      description: 'PSA sync',
      eventTypes: ['customer.created', 'subscription.suspended'],
      enabled: true,
      disabledReason: null,
      failingSince: null,
      previousSecretExpiresAt: null,
      createdAt: NOW,
      updatedAt: NOW,
      secret: expect.stringMatching(SECRET_FORM),
    });
    expect(Buffer.from(endpoint.secret.slice('whsec_'.length), 'base64')).toHaveLength(32);

    const got = await api.get(`/v1/webhooks/${endpoint.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(withoutSecret(endpoint));
    const listed = await api.get('/v1/webhooks');
    expect(listed.json()).toEqual({ items: [withoutSecret(endpoint)] });
    for (const response of [got, listed]) {
      expect(response.body).not.toContain(endpoint.secret);
      expect(response.body).not.toContain('whsec_');
      expect(response.body).not.toContain('"secret"');
    }
  });

  it('gives each endpoint its own secret', async () => {
    const { api } = await partnerApi();
    const one = await createEndpoint(api);
    const two = await createEndpoint(api);
    expect(one.secret).not.toBe(two.secret);
    expect(one.id).not.toBe(two.id);
  });

  it('replays a creation with the same Idempotency-Key without the secret', async () => {
    const { partner, api } = await partnerApi();
    const body = { url: PUBLIC_URL, eventTypes: ['*'] };
    const first = await api.post('/v1/webhooks', body, { 'idempotency-key': 'hook-1' });
    expect(first.statusCode, first.body).toBe(201);
    const endpoint = first.json<WithSecret>();
    expect(endpoint.secret).toMatch(SECRET_FORM);
    expect(first.json().secretsWithheld).toBeUndefined();

    const replay = await api.post('/v1/webhooks', body, { 'idempotency-key': 'hook-1' });
    expect(replay.statusCode, replay.body).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual({ ...withoutSecret(endpoint), secretsWithheld: ['secret'] });
    expect(replay.body).not.toContain(endpoint.secret);

    expect((await api.get('/v1/webhooks')).json<{ items: Endpoint[] }>().items).toHaveLength(1);
    const stored = await t.store.db
      .selectFrom('idempotency_keys')
      .select('response_body')
      .where('partner_id', '=', partner.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.response_body).not.toContain(endpoint.secret);
  });

  it('lists the endpoints oldest first', async () => {
    const { api } = await partnerApi();
    expect((await api.get('/v1/webhooks')).json()).toEqual({ items: [] });
    const made = [];
    for (const description of ['first', 'second', 'third']) {
      made.push(await createEndpoint(api, { description }));
    }
    const listed = (await api.get('/v1/webhooks')).json<{ items: Endpoint[] }>().items;
    expect(listed.map((e) => e.description)).toEqual(['first', 'second', 'third']);
    expect(listed).toEqual(made.map(withoutSecret));
  });

  it('lists the event types an endpoint may ask for', async () => {
    const { api } = await partnerApi();
    const response = await api.get('/v1/webhooks/event-types');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [...SUBSCRIBABLE_EVENT_TYPES], all: '*' });
    expect(response.json<{ items: string[] }>().items).not.toContain('webhook.test');
  });

  it('changes the URL, the event types and the description, and disables and enables', async () => {
    const { api } = await partnerApi();
    const endpoint = await createEndpoint(api, { description: 'before' });
    const id = endpoint.id;

    const changed = await api.patch(`/v1/webhooks/${id}`, {
      url: 'https://[2606:4700::1111]/other',
      eventTypes: ['invoice.issued', 'customer.created'],
      description: 'after',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({
      ...withoutSecret(endpoint),
      url: 'https://[2606:4700::1111]/other',
      eventTypes: ['customer.created', 'invoice.issued'],
      description: 'after',
    });
    expect(changed.body).not.toContain(endpoint.secret);

    const cleared = await api.patch(`/v1/webhooks/${id}`, { description: null });
    expect(cleared.json<Endpoint>().description).toBeNull();
    const blank = await api.patch(`/v1/webhooks/${id}`, { description: '   ' });
    expect(blank.json<Endpoint>().description).toBeNull();
    const all = await api.patch(`/v1/webhooks/${id}`, { eventTypes: ['*'] });
    expect(all.json<Endpoint>().eventTypes).toEqual(['*']);

    const disabled = await api.patch(`/v1/webhooks/${id}`, { enabled: false });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ enabled: false, disabledReason: 'manual' });
    const again = await api.patch(`/v1/webhooks/${id}`, { enabled: false });
    expect(again.json()).toMatchObject({ enabled: false, disabledReason: 'manual' });
    const enabled = await api.patch(`/v1/webhooks/${id}`, { enabled: true });
    expect(enabled.json()).toMatchObject({
      enabled: true,
      disabledReason: null,
      failingSince: null,
    });
    expect((await api.get(`/v1/webhooks/${id}`)).json()).toEqual(enabled.json());
  });

  it('deletes an endpoint with its delivery log', async () => {
    const { api } = await partnerApi();
    const endpoint = await createEndpoint(api, { eventTypes: ['customer.created'] });
    const kept = await createEndpoint(api, { eventTypes: ['customer.created'] });
    await api.post(`/v1/webhooks/${endpoint.id}/test`, {});
    expect((await api.post('/v1/customers', newCustomerBody())).statusCode).toBe(201);
    expect((await deliveriesOf(api, endpoint.id)).items).toHaveLength(2);
    const rows = () =>
      t.store.db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('endpoint_id', '=', endpoint.id)
        .execute();
    expect(await rows()).toHaveLength(2);

    const deleted = await api.delete(`/v1/webhooks/${endpoint.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(deleted.body).toBe('');
    expectProblem(await api.get(`/v1/webhooks/${endpoint.id}`), 404, 'not_found');
    expectProblem(await api.get(`/v1/webhooks/${endpoint.id}/deliveries`), 404, 'not_found');
    expectProblem(await api.delete(`/v1/webhooks/${endpoint.id}`), 404, 'not_found');
    expect(await rows()).toHaveLength(0);
    expect((await api.get('/v1/webhooks')).json()).toEqual({ items: [withoutSecret(kept)] });
    expect((await deliveriesOf(api, kept.id)).items).toHaveLength(1);
  });

  describe('refuses a URL it may not post to', () => {
    it.each([
      'http://hooks.example.com/psc',
      'https://127.0.0.1/',
      'https://127.0.0.1:8443/hooks',
      'https://[::1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://10.0.0.1/',
      'https://169.254.169.254/latest/meta-data/',
      'https://[fd00:ec2::254]/',
      'https://0x7f.1/',
      'https://2130706433/',
      'http://0x7f.1/',
      'https://localhost/hooks',
    ])('%s: 422 webhook_url_not_allowed, on creation and on change', async (url) => {
      const { api } = await partnerApi();
      const refused = await api.post('/v1/webhooks', { url, eventTypes: ['*'] });
      expectProblem(refused, 422, 'webhook_url_not_allowed');
      expect(refused.json().errors).toEqual([
        expect.objectContaining({ field: '/url', code: 'webhook_url_not_allowed' }),
      ]);
      expect((await api.get('/v1/webhooks')).json()).toEqual({ items: [] });

      const endpoint = await createEndpoint(api);
      const change = await api.patch(`/v1/webhooks/${endpoint.id}`, { url });
      expectProblem(change, 422, 'webhook_url_not_allowed');
      expect((await api.get(`/v1/webhooks/${endpoint.id}`)).json()).toEqual(
        withoutSecret(endpoint),
      );
      expect(await eventsOfType(api, 'webhook.endpoint_updated')).toHaveLength(0);
    });

    it.each([
      'ftp://hooks.example.com/psc',
      'file:///etc/passwd',
      '/psc-hooks',
      'hooks.example.com/psc',
      'not a url at all',
      'https://user:pass@hooks.example.com/',
      'https://hooks.example.com/psc#fragment',
    ])('%s: 400 validation_failed at /url', async (url) => {
      const { api } = await partnerApi();
      const refused = await api.post('/v1/webhooks', { url, eventTypes: ['*'] });
      expectProblem(refused, 400, 'validation_failed');
      expect(refused.json().errors).toEqual([expect.objectContaining({ field: '/url' })]);
      expect((await api.get('/v1/webhooks')).json()).toEqual({ items: [] });
    });
  });

  it('refuses unknown event types, an empty list and "*" beside others', async () => {
    const { api } = await partnerApi();
    const unknown = await api.post('/v1/webhooks', {
      url: PUBLIC_URL,
      eventTypes: ['subscription.eaten'],
    });
    expectProblem(unknown, 400, 'validation_failed');
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ field: '/eventTypes/0', code: 'unknown_event_type' }),
    ]);

    const second = await api.post('/v1/webhooks', {
      url: PUBLIC_URL,
      eventTypes: ['customer.created', 'webhook.test'],
    });
    expectProblem(second, 400, 'validation_failed');
    expect(second.json().errors).toEqual([
      expect.objectContaining({ field: '/eventTypes/1', code: 'unknown_event_type' }),
    ]);

    const empty = await api.post('/v1/webhooks', { url: PUBLIC_URL, eventTypes: [] });
    expectProblem(empty, 400, 'validation_failed');
    expect(empty.json().errors).toEqual([
      expect.objectContaining({ field: expect.stringMatching(/^\/eventTypes/) }),
    ]);

    const starAndMore = await api.post('/v1/webhooks', {
      url: PUBLIC_URL,
      eventTypes: ['*', 'customer.created'],
    });
    expectProblem(starAndMore, 400, 'validation_failed');

    const missing = await api.post('/v1/webhooks', { url: PUBLIC_URL });
    expectProblem(missing, 400, 'validation_failed');

    const endpoint = await createEndpoint(api);
    const change = await api.patch(`/v1/webhooks/${endpoint.id}`, { eventTypes: ['nope'] });
    expectProblem(change, 400, 'validation_failed');
    expect(change.json().errors).toEqual([
      expect.objectContaining({ field: '/eventTypes/0', code: 'unknown_event_type' }),
    ]);
    expect((await api.get('/v1/webhooks')).json()).toEqual({ items: [withoutSecret(endpoint)] });
  });

  it('answers 400, never 500, to NUL characters, unknown fields and malformed bodies', async () => {
    const { api } = await partnerApi();
    const endpoint = await createEndpoint(api);
    const cases: [string, 'POST' | 'PATCH', unknown][] = [
      ['NUL in the URL', 'POST', { url: `${PUBLIC_URL}\u0000x`, eventTypes: ['*'] }],
      ['NUL in the host', 'POST', { url: 'https://93.184.216.34\u0000.evil/', eventTypes: ['*'] }],
      [
        'NUL in the description',
        'POST',
        { url: PUBLIC_URL, eventTypes: ['*'], description: 'a\u0000b' },
      ],
      ['NUL in an event type', 'POST', { url: PUBLIC_URL, eventTypes: ['customer.created\u0000'] }],
      ['a lone surrogate', 'POST', { url: PUBLIC_URL, eventTypes: ['*'], description: '\ud800' }],
      ['an unknown field', 'POST', { url: PUBLIC_URL, eventTypes: ['*'], secret: 'whsec_mine' }],
      ['enabled on creation', 'POST', { url: PUBLIC_URL, eventTypes: ['*'], enabled: false }],
      ['a URL that is a number', 'POST', { url: 42, eventTypes: ['*'] }],
      ['event types that are a string', 'POST', { url: PUBLIC_URL, eventTypes: '*' }],
      [
        'a description too long',
        'POST',
        { url: PUBLIC_URL, eventTypes: ['*'], description: 'x'.repeat(501) },
      ],
      ['a URL too long', 'POST', { url: `${PUBLIC_URL}/${'a'.repeat(2048)}`, eventTypes: ['*'] }],
      ['an empty change', 'PATCH', {}],
      ['NUL in a changed URL', 'PATCH', { url: `${PUBLIC_URL}\u0000` }],
      ['NUL in a changed description', 'PATCH', { description: '\u0000' }],
      ['an unknown field in a change', 'PATCH', { secret: 'whsec_mine' }],
      ['enabled that is a string', 'PATCH', { enabled: 'false' }],
    ];
    for (const [what, method, body] of cases) {
      const response =
        method === 'POST'
          ? await api.post('/v1/webhooks', body)
          : await api.patch(`/v1/webhooks/${endpoint.id}`, body);
      expect(response.statusCode, `${what}: ${response.body}`).toBe(400);
      expect(response.json().code, what).toBe('validation_failed');
    }
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: {
        authorization: `Bearer ${(await t.newPartner()).token}`,
        'content-type': 'application/json',
      },
      payload: '{"url": ',
    });
    expect(notJson.statusCode).toBe(400);
    expectProblem(await api.get('/v1/webhooks/not-a-uuid'), 400, 'validation_failed');
    expect((await api.get('/v1/webhooks')).json()).toEqual({ items: [withoutSecret(endpoint)] });
  });

  it('keeps at most 20 endpoints for a partner', async () => {
    const { api } = await partnerApi();
    const made: WithSecret[] = [];
    for (let i = 0; i < 20; i += 1) made.push(await createEndpoint(api, { description: `#${i}` }));
    const refused = await api.post('/v1/webhooks', { url: PUBLIC_URL, eventTypes: ['*'] });
    expectProblem(refused, 422, 'too_many_webhook_endpoints');
    expect((await api.get('/v1/webhooks')).json<{ items: Endpoint[] }>().items).toHaveLength(20);

    // Another partner has its own 20.
    await createEndpoint((await partnerApi()).api);

    expect((await api.delete(`/v1/webhooks/${made[0]?.id ?? ''}`)).statusCode).toBe(204);
    await createEndpoint(api);
    expectProblem(
      await api.post('/v1/webhooks', { url: PUBLIC_URL, eventTypes: ['*'] }),
      422,
      'too_many_webhook_endpoints',
    );
  });

  it('lets no two creations at once pass the limit together', async () => {
    const { api } = await partnerApi();
    for (let i = 0; i < 18; i += 1) await createEndpoint(api);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.post('/v1/webhooks', { url: PUBLIC_URL, eventTypes: ['*'] }),
      ),
    );
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(2);
    for (const answer of answers.filter((a) => a.statusCode !== 201)) {
      expect([422, 409, 503], answer.body).toContain(answer.statusCode);
    }
    expect((await api.get('/v1/webhooks')).json<{ items: Endpoint[] }>().items).toHaveLength(20);
  });

  it("answers 404 for another partner's endpoint on every route, and changes nothing", async () => {
    const { api: owner } = await partnerApi();
    const endpoint = await createEndpoint(owner, { eventTypes: ['*'] });
    const delivery = (await owner.post(`/v1/webhooks/${endpoint.id}/test`, {})).json<Delivery>();
    const before = {
      endpoint: (await owner.get(`/v1/webhooks/${endpoint.id}`)).json(),
      deliveries: await deliveriesOf(owner, endpoint.id),
      events: (await owner.get('/v1/events?limit=500')).json(),
    };

    const { api: stranger } = await partnerApi();
    await createEndpoint(stranger, { eventTypes: ['*'] });
    const base = `/v1/webhooks/${endpoint.id}`;
    const calls: [string, () => Promise<LightMyRequestResponse>][] = [
      ['get', () => stranger.get(base)],
      ['patch', () => stranger.patch(base, { enabled: false })],
      ['patch url', () => stranger.patch(base, { url: 'https://93.184.216.35/mine' })],
      ['delete', () => stranger.delete(base)],
      ['rotate', () => stranger.post(`${base}/rotate-secret`, {})],
      ['test', () => stranger.post(`${base}/test`, {})],
      ['deliveries', () => stranger.get(`${base}/deliveries`)],
      ['redeliver', () => stranger.post(`${base}/deliveries/${delivery.id}/redeliver`, {})],
    ];
    for (const [name, call] of calls) {
      const response = await call();
      expect(response.statusCode, `${name}: ${response.body}`).toBe(404);
      expect(response.json().code, name).toBe('not_found');
      expect(response.body, name).not.toContain(endpoint.url);
    }
    expect((await stranger.get('/v1/webhooks')).json<{ items: Endpoint[] }>().items).toHaveLength(
      1,
    );

    expect({
      endpoint: (await owner.get(`/v1/webhooks/${endpoint.id}`)).json(),
      deliveries: await deliveriesOf(owner, endpoint.id),
      events: (await owner.get('/v1/events?limit=500')).json(),
    }).toEqual(before);
  });

  it('answers 404 for an endpoint or a delivery that does not exist', async () => {
    const { api } = await partnerApi();
    const endpoint = await createEndpoint(api);
    const other = await createEndpoint(api);
    const missing = '0190f5f0-0000-7000-8000-000000000000';
    expectProblem(await api.get(`/v1/webhooks/${missing}`), 404, 'not_found');
    expectProblem(await api.patch(`/v1/webhooks/${missing}`, { enabled: false }), 404, 'not_found');
    expectProblem(await api.post(`/v1/webhooks/${missing}/rotate-secret`, {}), 404, 'not_found');
    expectProblem(await api.post(`/v1/webhooks/${missing}/test`, {}), 404, 'not_found');
    expectProblem(
      await api.post(`/v1/webhooks/${endpoint.id}/deliveries/${missing}/redeliver`, {}),
      404,
      'not_found',
    );
    // A delivery of one endpoint is not found under another.
    const delivery = (await api.post(`/v1/webhooks/${endpoint.id}/test`, {})).json<Delivery>();
    expectProblem(
      await api.post(`/v1/webhooks/${other.id}/deliveries/${delivery.id}/redeliver`, {}),
      404,
      'not_found',
    );
  });

  it('lets global admins and admin agents manage webhooks, and no other role', async () => {
    const { partner, api: admin } = await partnerApi();
    expect(ROLES.filter((role) => isAllowed(role, 'webhooks.manage'))).toEqual([
      'global_admin',
      'admin_agent',
    ]);
    for (const role of ROLES) {
      // Not "*": making the role's token is an event too.
      const endpoint = await createEndpoint(admin, { eventTypes: ['subscription.suspended'] });
      const delivery = (await admin.post(`/v1/webhooks/${endpoint.id}/test`, {})).json<Delivery>();
      const api = client(t.app, await tokenWithRole(t, partner.id, role));
      const log = await deliveriesOf(admin, endpoint.id);
      const base = `/v1/webhooks/${endpoint.id}`;
      const calls: [string, () => Promise<LightMyRequestResponse>][] = [
        ['list', () => api.get('/v1/webhooks')],
        ['event types', () => api.get('/v1/webhooks/event-types')],
        ['create', () => api.post('/v1/webhooks', { url: PUBLIC_URL, eventTypes: ['*'] })],
        ['get', () => api.get(base)],
        ['patch', () => api.patch(base, { description: role })],
        ['test', () => api.post(`${base}/test`, {})],
        ['deliveries', () => api.get(`${base}/deliveries`)],
        ['redeliver', () => api.post(`${base}/deliveries/${delivery.id}/redeliver`, {})],
        ['rotate', () => api.post(`${base}/rotate-secret`, {})],
        ['delete', () => api.delete(base)],
      ];
      const allowed = isAllowed(role, 'webhooks.manage');
      const seen: string[] = [];
      for (const [name, call] of calls) {
        const response = await call();
        expect(response.statusCode, `${role} ${name}: ${response.body}`).toBeLessThan(500);
        if (response.statusCode === 403) expect(response.json().code).toBe('forbidden');
        seen.push(`${name}: ${response.statusCode === 403 ? 'forbidden' : 'allowed'}`);
      }
      expect(seen, role).toEqual(
        calls.map(([name]) => `${name}: ${allowed ? 'allowed' : 'forbidden'}`),
      );
      if (!allowed) {
        expect((await admin.get(base)).json(), role).toEqual(withoutSecret(endpoint));
        expect(await deliveriesOf(admin, endpoint.id), role).toEqual(log);
        await admin.delete(base);
      }
    }
    // What the forbidden roles tried made nothing.
    expect((await admin.get('/v1/webhooks')).json<{ items: Endpoint[] }>().items).toHaveLength(2);
  });

  it('rotates the secret: a new one shown once, the old one signing for 24 hours more', async () => {
    const { api } = await partnerApi();
    const endpoint = await createEndpoint(api);
    const rotated = await api.post(`/v1/webhooks/${endpoint.id}/rotate-secret`, {});
    expect(rotated.statusCode, rotated.body).toBe(200);
    const next = rotated.json<WithSecret>();
    expect(next.secret).toMatch(SECRET_FORM);
    expect(next.secret).not.toBe(endpoint.secret);
    expect(next).toEqual({
      ...endpoint,
      secret: next.secret,
      previousSecretExpiresAt: new Date(Date.parse(NOW) + 24 * HOUR).toISOString(),
    });
    const got = await api.get(`/v1/webhooks/${endpoint.id}`);
    expect(got.json()).toEqual(withoutSecret(next));
    expect(got.body).not.toContain(next.secret);
    expect(got.body).not.toContain(endpoint.secret);

    const third = (
      await api.post(`/v1/webhooks/${endpoint.id}/rotate-secret`, {})
    ).json<WithSecret>();
    expect(third.secret).not.toBe(next.secret);
    expect(third.previousSecretExpiresAt).toBe(next.previousSecretExpiresAt);
    expect(await eventsOfType(api, 'webhook.secret_rotated')).toHaveLength(2);
  });

  it('replays a rotation with the same Idempotency-Key without the secret, rotating once', async () => {
    const { api } = await partnerApi();
    const endpoint = await createEndpoint(api);
    const url = `/v1/webhooks/${endpoint.id}/rotate-secret`;
    const first = await api.post(url, {}, { 'idempotency-key': 'rotate-1' });
    expect(first.statusCode, first.body).toBe(200);
    const rotated = first.json<WithSecret>();
    expect(rotated.secret).toMatch(SECRET_FORM);

    const replay = await api.post(url, {}, { 'idempotency-key': 'rotate-1' });
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual({ ...withoutSecret(rotated), secretsWithheld: ['secret'] });
    expect(replay.body).not.toContain(rotated.secret);
    expect(await eventsOfType(api, 'webhook.secret_rotated')).toHaveLength(1);
  });

  it('sends a test event to the endpoint it is asked for, and to no other', async () => {
    const { api } = await partnerApi();
    const asked = await createEndpoint(api, { eventTypes: ['subscription.suspended'] });
    const everything = await createEndpoint(api, { eventTypes: ['*'] });
    const response = await api.post(`/v1/webhooks/${asked.id}/test`, {});
    expect(response.statusCode, response.body).toBe(202);
    const delivery = response.json<Delivery>();
    expect(delivery).toEqual({
      id: expect.any(String),
      endpointId: asked.id,
      eventId: expect.any(String),
      eventType: 'webhook.test',
      status: 'pending',
      attempts: [],
      nextAttemptAt: NOW,
      inFlight: false,
      createdAt: NOW,
    });
    expect((await deliveriesOf(api, asked.id)).items).toEqual([delivery]);
    const others = (await deliveriesOf(api, everything.id)).items;
    expect(others.map((d) => d.eventType)).not.toContain('webhook.test');
    expect(others.map((d) => d.eventId)).not.toContain(delivery.eventId);

    const [event] = await eventsOfType(api, 'webhook.test');
    expect(event).toMatchObject({ id: delivery.eventId, data: { endpointId: asked.id } });

    // A disabled endpoint's log shows a test event too.
    await api.patch(`/v1/webhooks/${everything.id}`, { enabled: false });
    const toDisabled = await api.post(`/v1/webhooks/${everything.id}/test`, {});
    expect(toDisabled.statusCode).toBe(202);
    expect((await deliveriesOf(api, asked.id)).items).toHaveLength(1);
  });

  it('pages the delivery log newest first, and filters it by status', async () => {
    const { api } = await partnerApi();
    const endpoint = await createEndpoint(api);
    const made: Delivery[] = [];
    for (let i = 0; i < 3; i += 1) {
      made.push((await api.post(`/v1/webhooks/${endpoint.id}/test`, {})).json<Delivery>());
    }
    const newestFirst = [...made].reverse();
    expect((await deliveriesOf(api, endpoint.id)).items).toEqual(newestFirst);

    const paged: Delivery[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await deliveriesOf(api, endpoint.id, query);
      expect(page.items.length).toBeLessThanOrEqual(1);
      paged.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(paged).toEqual(newestFirst);

    const two = await deliveriesOf(api, endpoint.id, '?limit=2');
    expect(two.items).toEqual(newestFirst.slice(0, 2));
    expect(two.nextCursor).not.toBeNull();
    const rest = await deliveriesOf(
      api,
      endpoint.id,
      `?limit=2&cursor=${encodeURIComponent(two.nextCursor ?? '')}`,
    );
    expect(rest).toEqual({ items: newestFirst.slice(2), nextCursor: null });

    expect((await deliveriesOf(api, endpoint.id, '?status=pending')).items).toHaveLength(3);
    expect((await deliveriesOf(api, endpoint.id, '?status=succeeded')).items).toEqual([]);
    expect((await deliveriesOf(api, endpoint.id, '?status=failed')).items).toEqual([]);
    expectProblem(
      await api.get(`/v1/webhooks/${endpoint.id}/deliveries?status=lost`),
      400,
      'validation_failed',
    );

    const forged = Buffer.from(JSON.stringify(['not-a-uuid'])).toString('base64url');
    for (const bad of [forged, 'garbage', Buffer.from('[1]').toString('base64url')]) {
      expectProblem(
        await api.get(`/v1/webhooks/${endpoint.id}/deliveries?cursor=${bad}`),
        400,
        'invalid_cursor',
      );
    }
  });

  it('writes deliveries only for the types an endpoint asked for, and none while disabled', async () => {
    const { api } = await partnerApi();
    const customers = await createEndpoint(api, { eventTypes: ['customer.created'] });
    const suspensions = await createEndpoint(api, { eventTypes: ['subscription.suspended'] });
    const everything = await createEndpoint(api, { eventTypes: ['*'] });
    const off = await createEndpoint(api, { eventTypes: ['customer.created'] });
    await api.patch(`/v1/webhooks/${off.id}`, { enabled: false });
    const offBefore = (await deliveriesOf(api, off.id)).items;
    const everythingBefore = (await deliveriesOf(api, everything.id)).items.length;

    const customer = await api.post('/v1/customers', newCustomerBody());
    expect(customer.statusCode).toBe(201);
    const [created] = await eventsOfType(api, 'customer.created');

    const toCustomers = (await deliveriesOf(api, customers.id)).items;
    expect(toCustomers).toEqual([
      expect.objectContaining({ eventId: created?.id, eventType: 'customer.created' }),
    ]);
    expect((await deliveriesOf(api, suspensions.id)).items).toEqual([]);
    expect((await deliveriesOf(api, everything.id)).items).toHaveLength(everythingBefore + 1);
    expect((await deliveriesOf(api, off.id)).items).toEqual(offBefore);

    // Enabled again, it gets what happens from then on.
    await api.patch(`/v1/webhooks/${off.id}`, { enabled: true });
    await api.post('/v1/customers', newCustomerBody());
    expect((await deliveriesOf(api, off.id)).items).toHaveLength(offBefore.length + 1);
    // Another partner's events never reach this partner's endpoints.
    await (await partnerApi()).api.post('/v1/customers', newCustomerBody());
    expect((await deliveriesOf(api, customers.id)).items).toHaveLength(2);
  });

  it('writes the audit events of endpoints, never with a secret in them', async () => {
    const { api } = await partnerApi();
    const endpoint = await createEndpoint(api, { description: 'audited' });
    await api.patch(`/v1/webhooks/${endpoint.id}`, { description: 'changed', enabled: false });
    const rotated = (
      await api.post(`/v1/webhooks/${endpoint.id}/rotate-secret`, {})
    ).json<WithSecret>();
    expect((await api.delete(`/v1/webhooks/${endpoint.id}`)).statusCode).toBe(204);

    const created = await eventsOfType(api, 'webhook.endpoint_created');
    const updated = await eventsOfType(api, 'webhook.endpoint_updated');
    const secretRotated = await eventsOfType(api, 'webhook.secret_rotated');
    const deleted = await eventsOfType(api, 'webhook.endpoint_deleted');
    for (const events of [created, updated, secretRotated, deleted]) {
      expect(events).toHaveLength(1);
      expect(events[0]?.data.endpointId).toBe(endpoint.id);
      expect(events[0]?.actor.type).toBe('token');
      expect(events[0]?.occurredAt).toBe(NOW);
    }
    expect(updated[0]?.data).toEqual({
      endpointId: endpoint.id,
      description: 'changed',
      enabled: false,
    });
    expect(secretRotated[0]?.data).toMatchObject({
      previousSecretExpiresAt: rotated.previousSecretExpiresAt,
    });
    expect(deleted[0]?.data).toMatchObject({ url: PUBLIC_URL });

    const everything = await api.get('/v1/events?limit=500');
    const csv = await api.get('/v1/events', { accept: 'text/csv' });
    for (const text of [everything.body, csv.body]) {
      expect(text).not.toContain(endpoint.secret);
      expect(text).not.toContain(rotated.secret);
      expect(text).not.toContain(endpoint.secret.slice('whsec_'.length));
      expect(text).not.toContain('whsec_');
    }
  });

  it('keeps the secret sealed in the database, never in clear', async () => {
    const { api } = await partnerApi();
    const endpoint = await createEndpoint(api);
    const row = async () =>
      t.store.db
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('id', '=', endpoint.id)
        .executeTakeFirstOrThrow();
    const stored = await row();
    const raw = endpoint.secret.slice('whsec_'.length);
    for (const text of [JSON.stringify(stored), stored.secret]) {
      expect(text).not.toContain(endpoint.secret);
      expect(text).not.toContain(raw);
      expect(text).not.toContain(Buffer.from(raw, 'base64').toString('hex'));
      expect(text).not.toContain(Buffer.from(raw, 'base64').toString('base64url'));
    }
    const box = t.ctx.webhooks.secrets;
    expect(box?.open(stored.secret)).toBe(endpoint.secret);

    const rotated = (
      await api.post(`/v1/webhooks/${endpoint.id}/rotate-secret`, {})
    ).json<WithSecret>();
    const after = await row();
    expect(JSON.stringify(after)).not.toContain(rotated.secret);
    expect(JSON.stringify(after)).not.toContain(endpoint.secret);
    expect(box?.open(after.secret)).toBe(rotated.secret);
    expect(box?.open(after.previous_secret ?? '')).toBe(endpoint.secret);
  });
});

describe.each(DIALECTS)('webhook endpoints without a secret key, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { webhooks: { secrets: undefined } });
  });
  afterAll(() => t.close());

  it('refuses to make an endpoint or a secret it could not keep: 503 secret_key_missing', async () => {
    const { token } = await t.newPartner();
    const api = client(t.app, token);
    const refused = await api.post('/v1/webhooks', { url: PUBLIC_URL, eventTypes: ['*'] });
    expectProblem(refused, 503, 'secret_key_missing');
    expect((await api.get('/v1/webhooks')).json()).toEqual({ items: [] });
  });
});

/** A receiver of its own for one test, closed after it. */
async function withReceiver<T>(run: (receiver: WebhookReceiver, url: string) => Promise<T>) {
  const receiver = new WebhookReceiver();
  const url = await receiver.start();
  try {
    return await run(receiver, url);
  } finally {
    await receiver.close();
  }
}

function signatures(receipt: Receipt): string[] {
  return String(receipt.headers['webhook-signature']).split(' ');
}

/**
 * Whether one of the receipt's signatures is `secret`'s, whatever its timestamp: the reference
 * library's verify also refuses a timestamp 5 minutes from the wall clock, and a test's app clock
 * may be days from it.
 */
function signedBy(secret: string, receipt: Receipt): boolean {
  const id = String(receipt.headers['webhook-id']);
  const at = new Date(Number(receipt.headers['webhook-timestamp']) * 1000);
  return signatures(receipt).includes(new Webhook(secret).sign(id, at, receipt.body));
}

function verifiesWith(secret: string, receipt: Receipt): boolean {
  try {
    new Webhook(secret).verify(receipt.body, {
      'webhook-id': String(receipt.headers['webhook-id']),
      'webhook-timestamp': String(receipt.headers['webhook-timestamp']),
      'webhook-signature': String(receipt.headers['webhook-signature']),
    });
    return true;
  } catch {
    return false;
  }
}

describe.each(DIALECTS)('webhook deliveries to a real receiver, on %s', (dialect) => {
  const DELAYS_MS = [100, 200];
  let t: TestApp;
  let dispatcher: WebhookDispatcher;

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      clock: systemClock,
      webhooks: { allowPrivate: true, retryDelaysMs: DELAYS_MS },
      ownDatabase: true,
    });
    dispatcher = testDispatcher(t.ctx);
  });
  afterAll(async () => {
    await dispatcher.stop();
    await t.close();
  });

  async function partnerApi() {
    const { partner, token } = await t.newPartner();
    return { partner, api: client(t.app, token) };
  }

  async function newCustomerEvent(api: Api): Promise<string> {
    const response = await api.post('/v1/customers', newCustomerBody());
    expect(response.statusCode, response.body).toBe(201);
    const id = response.json<{ id: string }>().id;
    const events = (await api.get(`/v1/events?customerId=${id}`)).json<{ items: AuditEvent[] }>();
    const event = events.items.find((e) => e.type === 'customer.created');
    expect(event).toBeDefined();
    return event?.id ?? '';
  }

  const settled = (api: Api, endpointId: string, deliveryId: string) =>
    waitFor(
      async () => (await deliveriesOf(api, endpointId)).items.find((d) => d.id === deliveryId),
      (delivery) => delivery !== undefined && delivery.status !== 'pending' && !delivery.inFlight,
    );

  it('signs with the old and the new secret after a rotation, each verifying', async () => {
    await withReceiver(async (receiver, url) => {
      const { api } = await partnerApi();
      const endpoint = await createEndpoint(api, { url, eventTypes: ['customer.created'] });
      receiver.secrets = [endpoint.secret];

      const before = await newCustomerEvent(api);
      const [first] = await waitFor(
        () => receiver.of(before),
        (got) => got.length > 0,
      );
      expect(first?.verified).toBe(true);
      expect(signatures(first as Receipt)).toHaveLength(1);
      expect(signatures(first as Receipt)[0]).toMatch(/^v1,/);

      const rotated = (
        await api.post(`/v1/webhooks/${endpoint.id}/rotate-secret`, {})
      ).json<WithSecret>();
      const after = await newCustomerEvent(api);
      const [second] = await waitFor(
        () => receiver.of(after),
        (got) => got.length > 0,
      );
      const receipt = second as Receipt;
      expect(signatures(receipt)).toHaveLength(2);
      expect(signatures(receipt).every((s) => s.startsWith('v1,'))).toBe(true);
      expect(verifiesWith(rotated.secret, receipt)).toBe(true);
      expect(verifiesWith(endpoint.secret, receipt)).toBe(true);
      expect(signedBy(rotated.secret, receipt) && signedBy(endpoint.secret, receipt)).toBe(true);
      const stranger = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
      expect(verifiesWith(stranger, receipt)).toBe(false);
      // The new secret does not verify what was signed before the rotation.
      expect(verifiesWith(rotated.secret, first as Receipt)).toBe(false);
    });
  });

  it('delivers a test event to the endpoint it is asked for and to no other', async () => {
    await withReceiver((asked, askedUrl) =>
      withReceiver(async (other, otherUrl) => {
        const { api } = await partnerApi();
        const endpoint = await createEndpoint(api, {
          url: askedUrl,
          eventTypes: ['subscription.suspended'],
        });
        const everything = await createEndpoint(api, { url: otherUrl, eventTypes: ['*'] });
        asked.secrets = [endpoint.secret];
        other.secrets = [everything.secret];

        const sent = await api.post(`/v1/webhooks/${endpoint.id}/test`, {});
        expect(sent.statusCode).toBe(202);
        const delivery = sent.json<Delivery>();
        const [receipt] = await waitFor(
          () => asked.of(delivery.eventId),
          (got) => got.length > 0,
        );
        expect(receipt?.verified).toBe(true);
        expect(JSON.parse(receipt?.body ?? '{}')).toMatchObject({
          type: 'webhook.test',
          data: { id: delivery.eventId, type: 'webhook.test', data: { endpointId: endpoint.id } },
        });
        const done = await settled(api, endpoint.id, delivery.id);
        expect(done).toMatchObject({ status: 'succeeded', nextAttemptAt: null });
        expect(done?.attempts.map((a) => a.statusCode)).toEqual([200]);

        // Something else the "*" endpoint does get, to know the dispatcher has been by.
        const witness = await newCustomerEvent(api);
        await waitFor(
          () => other.of(witness),
          (got) => got.length > 0,
        );
        const types = other.receipts.map((r) => (JSON.parse(r.body) as { type: string }).type);
        expect(types).not.toContain('webhook.test');
        expect(other.of(delivery.eventId)).toEqual([]);
        expect(asked.receipts).toHaveLength(1);
      }),
    );
  });

  it('delivers nothing an endpoint did not ask for, and nothing while it is disabled', async () => {
    await withReceiver((quietReceiver, quietUrl) =>
      withReceiver(async (witness, witnessUrl) => {
        const { api } = await partnerApi();
        const suspensions = await createEndpoint(api, {
          url: quietUrl,
          eventTypes: ['subscription.suspended'],
        });
        const off = await createEndpoint(api, {
          url: quietUrl,
          eventTypes: ['customer.created'],
        });
        await api.patch(`/v1/webhooks/${off.id}`, { enabled: false });
        await createEndpoint(api, { url: witnessUrl, eventTypes: ['customer.created'] });

        const eventId = await newCustomerEvent(api);
        await waitFor(
          () => witness.of(eventId),
          (got) => got.length > 0,
        );
        // A moment more for anything that would have gone elsewhere.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(quietReceiver.receipts).toEqual([]);
        expect((await deliveriesOf(api, suspensions.id)).items).toEqual([]);
        expect((await deliveriesOf(api, off.id)).items).toEqual([]);
      }),
    );
  });

  it('fails a delivery after its retries, filters the log by status, and redelivers it', async () => {
    await withReceiver(async (receiver, url) => {
      const { api } = await partnerApi();
      const endpoint = await createEndpoint(api, { url, eventTypes: ['customer.created'] });
      receiver.secrets = [endpoint.secret];
      receiver.answer = () => 500;

      const eventId = await newCustomerEvent(api);
      const [made] = (await deliveriesOf(api, endpoint.id)).items;
      expect(made?.eventId).toBe(eventId);
      const failed = await settled(api, endpoint.id, made?.id ?? '');
      expect(failed).toMatchObject({ status: 'failed', nextAttemptAt: null, inFlight: false });
      expect(failed?.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500]);
      expect(failed?.attempts.every((a) => a.responseBody === 'answered 500')).toBe(true);
      expect(receiver.of(eventId)).toHaveLength(3);

      expect((await deliveriesOf(api, endpoint.id, '?status=failed')).items).toEqual([failed]);
      expect((await deliveriesOf(api, endpoint.id, '?status=succeeded')).items).toEqual([]);
      expect((await deliveriesOf(api, endpoint.id, '?status=pending')).items).toEqual([]);
      const health = (await api.get(`/v1/webhooks/${endpoint.id}`)).json<Endpoint>();
      expect(health.failingSince).toBe(failed?.attempts[0]?.at);
      expect(health.enabled).toBe(true);

      receiver.answer = () => 200;
      const redelivered = await api.post(
        `/v1/webhooks/${endpoint.id}/deliveries/${failed?.id ?? ''}/redeliver`,
        {},
      );
      expect(redelivered.statusCode, redelivered.body).toBe(202);
      expect(redelivered.json<Delivery>()).toMatchObject({
        id: failed?.id,
        status: 'pending',
        attempts: failed?.attempts,
      });
      expect(redelivered.json<Delivery>().nextAttemptAt).not.toBeNull();

      const succeeded = await settled(api, endpoint.id, failed?.id ?? '');
      expect(succeeded?.status).toBe('succeeded');
      expect(succeeded?.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 200]);
      expect(receiver.of(eventId).map((r) => r.answeredWith)).toEqual([500, 500, 500, 200]);
      expect(receiver.of(eventId).every((r) => r.verified)).toBe(true);
      expect((await deliveriesOf(api, endpoint.id, '?status=succeeded')).items).toEqual([
        succeeded,
      ]);
      expect((await deliveriesOf(api, endpoint.id, '?status=failed')).items).toEqual([]);
      // The success ended the endpoint's failing.
      expect(
        (await api.get(`/v1/webhooks/${endpoint.id}`)).json<Endpoint>().failingSince,
      ).toBeNull();

      // A redelivery of a succeeded delivery is a new schedule: one more attempt, and no more.
      await api.post(`/v1/webhooks/${endpoint.id}/deliveries/${failed?.id ?? ''}/redeliver`, {});
      const twice = await settled(api, endpoint.id, failed?.id ?? '');
      expect(twice?.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 200, 200]);
    });
  });

  it('retries with a fresh schedule after a redelivery: every retry again', async () => {
    await withReceiver(async (receiver, url) => {
      const { api } = await partnerApi();
      const endpoint = await createEndpoint(api, { url, eventTypes: ['customer.created'] });
      receiver.answer = () => 503;
      await newCustomerEvent(api);
      const [made] = (await deliveriesOf(api, endpoint.id)).items;
      const failed = await settled(api, endpoint.id, made?.id ?? '');
      expect(failed?.attempts).toHaveLength(3);
      await api.post(`/v1/webhooks/${endpoint.id}/deliveries/${made?.id ?? ''}/redeliver`, {});
      const again = await waitFor(
        () => settled(api, endpoint.id, made?.id ?? ''),
        (delivery) => (delivery?.attempts.length ?? 0) >= 6,
      );
      expect(again).toMatchObject({ status: 'failed' });
      expect(again?.attempts.map((a) => a.statusCode)).toEqual([503, 503, 503, 503, 503, 503]);
    });
  });

  it('deletes the attempts of a deleted endpoint with its deliveries', async () => {
    await withReceiver(async (_receiver, url) => {
      const { api } = await partnerApi();
      const endpoint = await createEndpoint(api, { url, eventTypes: ['customer.created'] });
      await newCustomerEvent(api);
      const [made] = (await deliveriesOf(api, endpoint.id)).items;
      await settled(api, endpoint.id, made?.id ?? '');
      const attempts = () =>
        t.store.db
          .selectFrom('webhook_attempts')
          .select('number')
          .where('delivery_id', '=', made?.id ?? '')
          .execute();
      expect(await attempts()).toHaveLength(1);
      expect((await api.delete(`/v1/webhooks/${endpoint.id}`)).statusCode).toBe(204);
      expect(await attempts()).toHaveLength(0);
      const deliveries = await t.store.db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('endpoint_id', '=', endpoint.id)
        .execute();
      expect(deliveries).toEqual([]);
    });
  });

  it('refuses to redeliver a delivery while an attempt of it is under way', async () => {
    await withReceiver(async (receiver, url) => {
      const { api } = await partnerApi();
      const endpoint = await createEndpoint(api, { url, eventTypes: ['customer.created'] });
      const gate: { release?: (status: number) => void } = {};
      receiver.answer = () =>
        new Promise<number>((resolve) => {
          gate.release = resolve;
        });
      const delivery = (await api.post(`/v1/webhooks/${endpoint.id}/test`, {})).json<Delivery>();
      // The receiver has the request and has not answered yet.
      await waitFor(
        () => gate.release,
        (release) => release !== undefined,
      );
      const held = (await deliveriesOf(api, endpoint.id)).items[0];
      expect(held).toMatchObject({
        id: delivery.id,
        status: 'pending',
        inFlight: true,
        nextAttemptAt: null,
      });
      const refused = await api.post(
        `/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`,
        {},
      );
      expectProblem(refused, 409, 'webhook_delivery_in_flight');
      gate.release?.(200);
      const done = await settled(api, endpoint.id, delivery.id);
      expect(done?.status).toBe('succeeded');
      expect(done?.attempts).toHaveLength(1);
    });
  });

  it('fails an attempt whose secret no key opens, naming no secret', async () => {
    await withReceiver(async (receiver, url) => {
      const { api } = await partnerApi();
      const endpoint = await createEndpoint(api, { url, eventTypes: ['customer.created'] });
      const box = t.ctx.webhooks.secrets;
      t.ctx.webhooks.secrets = new SecretBox(randomBytes(32));
      try {
        const delivery = (await api.post(`/v1/webhooks/${endpoint.id}/test`, {})).json<Delivery>();
        const failed = await waitFor(
          async () => (await deliveriesOf(api, endpoint.id)).items[0],
          (d) => (d?.attempts.length ?? 0) > 0,
        );
        expect(failed?.id).toBe(delivery.id);
        expect(failed?.attempts[0]).toMatchObject({ statusCode: null, responseBody: null });
        expect(failed?.attempts[0]?.error).toMatch(/^cannot sign: /);
        expect(JSON.stringify(failed)).not.toContain(endpoint.secret);
        expect(receiver.receipts).toEqual([]);
      } finally {
        t.ctx.webhooks.secrets = box;
      }
    });
  });

  it('records an answer whose body holds a NUL byte', async () => {
    const server: Server = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(200).end('ok\u0000done'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { api } = await partnerApi();
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
      const endpoint = await createEndpoint(api, { url, eventTypes: ['customer.created'] });
      const delivery = (await api.post(`/v1/webhooks/${endpoint.id}/test`, {})).json<Delivery>();
      const done = await waitFor(
        async () => (await deliveriesOf(api, endpoint.id)).items[0],
        (d) => d?.status === 'succeeded',
        5000,
      );
      expect(done?.id).toBe(delivery.id);
      expect(done?.attempts).toHaveLength(1);
      expect(done?.attempts[0]?.statusCode).toBe(200);
      expect(done?.attempts[0]?.responseBody).toMatch(/^ok.done$/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe.each(DIALECTS)('an endpoint that only fails, on %s', (dialect) => {
  // The app's clock stands where the wall clock stood at the start, and moves only by hand.
  const start = new Date();
  const at = (ms: number) => new Date(start.getTime() + ms);
  let clock: TestClock;
  let t: TestApp;
  let dispatcher: WebhookDispatcher;

  beforeAll(async () => {
    clock = new TestClock(start);
    t = await createTestApp(dialect, {
      clock,
      webhooks: { allowPrivate: true, retryDelaysMs: [HOUR, HOUR, HOUR, HOUR, HOUR] },
      ownDatabase: true,
    });
    dispatcher = testDispatcher(t.ctx);
  });
  afterAll(async () => {
    await dispatcher.stop();
    await t.close();
  });

  /** Sends a test event and waits until its one attempt is recorded. */
  async function attempt(api: Api, endpointId: string): Promise<Delivery> {
    const sent = (await api.post(`/v1/webhooks/${endpointId}/test`, {})).json<Delivery>();
    return waitFor(
      async () => (await deliveriesOf(api, endpointId)).items.find((d) => d.id === sent.id),
      (delivery) => (delivery?.attempts.length ?? 0) > 0 && !delivery?.inFlight,
      10_000,
    ) as Promise<Delivery>;
  }

  const endpointOf = async (api: Api, id: string) =>
    (await api.get(`/v1/webhooks/${id}`)).json<Endpoint>();

  it('is disabled once every delivery has failed for 5 days, with an event', async () => {
    clock.set(start);
    await withReceiver(async (receiver, url) => {
      receiver.answer = () => 500;
      const { token } = await t.newPartner();
      const api = client(t.app, token);
      const endpoint = await createEndpoint(api, { url, eventTypes: ['customer.created'] });
      // A delivery of an event it asked for, failing too: retried at each move of the clock.
      await api.post('/v1/customers', newCustomerBody());
      const customers = () =>
        receiver.receipts.filter(
          (r) => (JSON.parse(r.body) as { type: string }).type === 'customer.created',
        );
      await waitFor(customers, (got) => got.length === 1);

      const first = await attempt(api, endpoint.id);
      expect(first.attempts[0]?.statusCode).toBe(500);
      const failing = await endpointOf(api, endpoint.id);
      expect(failing.enabled).toBe(true);
      expect(failing.failingSince).not.toBeNull();
      const since = Date.parse(failing.failingSince ?? '');
      expect(since).toBeGreaterThanOrEqual(start.getTime());
      expect(since).toBeLessThan(start.getTime() + 60_000);

      // Just under 5 days: still enabled.
      clock.set(at(5 * DAY - 60_000));
      await attempt(api, endpoint.id);
      expect(await endpointOf(api, endpoint.id)).toMatchObject({
        enabled: true,
        disabledReason: null,
        failingSince: failing.failingSince,
      });
      expect(await eventsOfType(api, 'webhook.endpoint_disabled')).toEqual([]);

      // 5 days on: disabled.
      clock.set(at(5 * DAY + 60_000));
      await attempt(api, endpoint.id);
      const disabled = await endpointOf(api, endpoint.id);
      expect(disabled).toMatchObject({
        enabled: false,
        disabledReason: 'failing',
        failingSince: failing.failingSince,
      });
      const events = await eventsOfType(api, 'webhook.endpoint_disabled');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actor: { type: 'system' },
        data: { endpointId: endpoint.id, failingSince: failing.failingSince },
        occurredAt: at(5 * DAY + 60_000).toISOString(),
      });

      // A disabled endpoint gets no new deliveries, and no attempts of those it had.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const log = (await deliveriesOf(api, endpoint.id)).items;
      const [had] = log.filter((d) => d.eventType === 'customer.created');
      // Redelivered, it is due at once: but not while its endpoint is disabled.
      const redelivered = await api.post(
        `/v1/webhooks/${endpoint.id}/deliveries/${had?.id ?? ''}/redeliver`,
        {},
      );
      expect(redelivered.statusCode, redelivered.body).toBe(202);
      const held = [redelivered.json<Delivery>()];
      expect(held[0]?.status).toBe('pending');
      const tried = customers().length;
      await api.post('/v1/customers', newCustomerBody());
      clock.set(at(6 * DAY));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(customers()).toHaveLength(tried);
      const after = (await deliveriesOf(api, endpoint.id)).items;
      // Still waiting, with no attempt more (a due one shows the time it is now).
      expect(
        after
          .filter((d) => d.eventType === 'customer.created')
          .map((d) => ({ ...d, nextAttemptAt: null })),
      ).toEqual(held.map((d) => ({ ...d, nextAttemptAt: null })));

      // Enabled by hand, it starts afresh.
      const enabled = await api.patch(`/v1/webhooks/${endpoint.id}`, { enabled: true });
      expect(enabled.json()).toMatchObject({
        enabled: true,
        disabledReason: null,
        failingSince: null,
      });
    });
  });

  it('starts the 5 days again after a success', async () => {
    clock.set(start);
    await withReceiver(async (receiver, url) => {
      receiver.answer = () => 500;
      const { token } = await t.newPartner();
      const api = client(t.app, token);
      const endpoint = await createEndpoint(api, { url, eventTypes: ['customer.created'] });

      await attempt(api, endpoint.id);
      expect((await endpointOf(api, endpoint.id)).failingSince).not.toBeNull();

      receiver.answer = () => 200;
      clock.set(at(1 * DAY));
      const answered = await attempt(api, endpoint.id);
      expect(answered.status).toBe('succeeded');
      expect((await endpointOf(api, endpoint.id)).failingSince).toBeNull();

      receiver.answer = () => 500;
      clock.set(at(2 * DAY));
      await attempt(api, endpoint.id);
      const again = await endpointOf(api, endpoint.id);
      expect(again.failingSince).not.toBeNull();
      // Failing since the failure after the success, by the app's clock.
      expect(Date.parse(again.failingSince ?? '')).toBeGreaterThanOrEqual(at(2 * DAY).getTime());

      // 5 days after the first failure, but only 3 after the last success: still enabled.
      clock.set(at(5 * DAY + 60_000));
      await attempt(api, endpoint.id);
      expect(await endpointOf(api, endpoint.id)).toMatchObject({ enabled: true });
      expect(await eventsOfType(api, 'webhook.endpoint_disabled')).toEqual([]);

      clock.set(at(7 * DAY + 60_000));
      await attempt(api, endpoint.id);
      expect(await endpointOf(api, endpoint.id)).toMatchObject({
        enabled: false,
        disabledReason: 'failing',
      });
    });
  });

  it("stamps attempts and schedules retries by the app's clock", async () => {
    // A clock a year behind the wall clock: the delivery log and the schedule follow it.
    const past = new Date(start.getTime() - 365 * DAY);
    clock.set(past);
    await withReceiver(async (receiver, url) => {
      receiver.answer = () => 503;
      const { token } = await t.newPartner();
      const api = client(t.app, token);
      const endpoint = await createEndpoint(api, { url, eventTypes: ['customer.created'] });
      const first = await attempt(api, endpoint.id);
      expect(first.createdAt).toBe(past.toISOString());
      expect(first.attempts[0]?.at).toBe(past.toISOString());
      // The wait counts from the end of the attempt.
      const ended = past.getTime() + (first.attempts[0]?.durationMs ?? 0);
      expect(first.nextAttemptAt).toBe(new Date(ended + HOUR).toISOString());
      expect((await endpointOf(api, endpoint.id)).failingSince).toBe(past.toISOString());

      clock.set(new Date(ended + HOUR - 1));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await deliveriesOf(api, endpoint.id)).items[0]?.attempts).toHaveLength(1);
      clock.set(new Date(ended + HOUR));
      const retried = await waitFor(
        async () => (await deliveriesOf(api, endpoint.id)).items[0],
        (delivery) => (delivery?.attempts.length ?? 0) >= 2,
        5000,
      );
      expect(retried?.attempts[1]?.at).toBe(new Date(ended + HOUR).toISOString());
    });
  });

  it('signs with the old secret beside the new one for 24 hours after a rotation, then not', async () => {
    clock.set(start);
    await withReceiver(async (receiver, url) => {
      const { token } = await t.newPartner();
      const api = client(t.app, token);
      const endpoint = await createEndpoint(api, { url, eventTypes: ['customer.created'] });
      const rotated = (
        await api.post(`/v1/webhooks/${endpoint.id}/rotate-secret`, {})
      ).json<WithSecret>();
      expect(rotated.previousSecretExpiresAt).toBe(at(24 * HOUR).toISOString());

      const receiptAt = async (ms: number) => {
        clock.set(at(ms));
        const sent = (await api.post(`/v1/webhooks/${endpoint.id}/test`, {})).json<Delivery>();
        const [receipt] = await waitFor(
          () => receiver.of(sent.eventId),
          (got) => got.length > 0,
        );
        return receipt as Receipt;
      };
      const within = await receiptAt(24 * HOUR - 60_000);
      expect(signatures(within)).toHaveLength(2);
      expect(signedBy(rotated.secret, within)).toBe(true);
      expect(signedBy(endpoint.secret, within)).toBe(true);

      const after = await receiptAt(24 * HOUR + 60_000);
      expect(signatures(after)).toHaveLength(1);
      expect(signedBy(rotated.secret, after)).toBe(true);
      expect(signedBy(endpoint.secret, after)).toBe(false);
    });
  });

  it("stops signing with a sandbox partner's old secret 24 hours after the rotation", async () => {
    clock.set(start);
    await withReceiver(async (receiver, url) => {
      const { token } = await t.newPartner({ isSandbox: true });
      const api = client(t.app, token);
      // The sandbox's own clock is a year ahead of the app's.
      const moved = await api.post('/v1/sandbox/clock', { advanceBy: 'P365D' });
      expect(moved.statusCode, moved.body).toBe(200);
      const endpoint = await createEndpoint(api, { url, eventTypes: ['customer.created'] });
      const rotated = (
        await api.post(`/v1/webhooks/${endpoint.id}/rotate-secret`, {})
      ).json<WithSecret>();

      // Two days later by the app's clock, the clock deliveries are signed by.
      clock.set(at(2 * DAY));
      const delivery = (await api.post(`/v1/webhooks/${endpoint.id}/test`, {})).json<Delivery>();
      const [receipt] = await waitFor(
        () => receiver.of(delivery.eventId),
        (got) => got.length > 0,
      );
      expect(signedBy(rotated.secret, receipt as Receipt)).toBe(true);
      expect(signedBy(endpoint.secret, receipt as Receipt)).toBe(false);
      expect(signatures(receipt as Receipt)).toHaveLength(1);
    });
  });
});
