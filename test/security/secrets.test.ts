import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { createLogger } from '../../src/logger.js';
import { createApiToken } from '../../src/services/create-api-token.js';
import { createFirstUser } from '../../src/services/create-user.js';
import { createPartner } from '../../src/services/create-partner.js';
import { testContext } from '../helpers/app.js';
import { openTestStore } from '../helpers/stores.js';
import type { Store } from '../../src/store/db.js';

describe('secrets', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore('sqlite');
  });
  afterAll(() => store.close());

  it('never appear in the logs, even at trace level, nor in answers after creation', async () => {
    let logs = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    const ctx = await testContext(store);
    const app = await buildApp(ctx, { logger: createLogger('trace', sink), version: 'test' });
    const partner = await createPartner(ctx, { name: 'Secretive', instance: 'global' });
    const { secret: token } = await createApiToken(ctx, { partnerId: partner.id, name: 'ci' });
    const password = 'the secret passphrase of Ada';
    await createFirstUser(ctx, partner.id, {
      email: 'ada@secretive.example',
      displayName: 'Ada',
      role: 'global_admin',
      password,
    });

    const authHeader = { authorization: `Bearer ${token}` };
    await app.inject({ method: 'GET', url: '/v1/customers', headers: authHeader });
    await app.inject({
      method: 'GET',
      url: '/v1/customers',
      headers: { authorization: 'Bearer psc_wrong' },
    });
    const session = await app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { email: 'ada@secretive.example', password },
    });
    const cookie = String(session.headers['set-cookie']).split(';')[0] ?? '';
    const sessionToken = cookie.split('=')[1] ?? '';
    const csrf = session.json().csrfToken as string;
    await app.inject({ method: 'GET', url: '/v1/session', headers: { cookie } });
    await app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { email: 'ada@secretive.example', password: `${password}!` },
    });
    const users = await app.inject({ method: 'GET', url: '/v1/users', headers: authHeader });
    // No route takes a secret in the query, but Fastify logs each request's url with its query.
    const inQuery = ['query-api-key-0123456789', 'query-client-secret-0123456789'];
    await app.inject({ method: 'GET', url: `/v1/customers?access_token=${token}` });
    await app.inject({ method: 'GET', url: `/v1/offers?limit=5&API_KEY=${inQuery[0]}&token=` });
    await app.inject({ method: 'GET', url: `/v1/nowhere?client%5Fsecret=${inQuery[1]}#x` });
    await app.close();

    expect(logs.length).toBeGreaterThan(0);
    expect(logs).toContain('/v1/customers?access_token=[Redacted]"');
    expect(logs).toContain('/v1/offers?limit=5&API_KEY=[Redacted]&token=[Redacted]"');
    for (const secret of [token, password, sessionToken, csrf, ...inQuery]) {
      expect(secret.length).toBeGreaterThan(10);
      expect(logs).not.toContain(secret);
    }
    expect(users.body).not.toContain('password');
    expect(users.body).not.toContain('$argon2');
  });
});
