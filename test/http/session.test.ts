import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstUser } from '../../src/services/create-user.js';
import {
  MAX_FAILED_SIGN_INS,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
} from '../../src/domain/user.js';
import { ROLES, permissionsOf, type Role } from '../../src/domain/permissions.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { HOUR, TestClock } from '../helpers/clock.js';
import { newCustomerBody } from '../helpers/customers.js';
import { DIALECTS } from '../helpers/stores.js';

const PASSWORD = 'correct horse battery staple';

describe.each(DIALECTS)('portal sessions on %s', (dialect) => {
  let t: TestApp;
  const clock = new TestClock('2026-03-01T00:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(() => t.close());

  let sequence = 0;
  async function user(role: Role = 'global_admin') {
    const { partner } = await t.newPartner();
    sequence += 1;
    const email = `user${sequence}-${Math.random().toString(36).slice(2, 8)}@${dialect}.example`;
    const created = await createFirstUser(t.ctx, partner.id, {
      email,
      displayName: 'Pat Agent',
      role,
      password: PASSWORD,
    });
    return { partner, email, user: created.user };
  }

  async function signIn(email: string, password = PASSWORD, ip = '10.0.0.1') {
    return t.app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { email, password },
      remoteAddress: ip,
    });
  }

  function cookieOf(response: Awaited<ReturnType<typeof signIn>>): string {
    const header = String(response.headers['set-cookie']);
    return header.split(';')[0] ?? '';
  }

  it("tells the portal what the user's role may do, from the one permission table", async () => {
    const { email } = await user('sales_agent');
    const { permissions } = (await signIn(email)).json();
    expect(permissions).toEqual(permissionsOf('sales_agent'));
    expect(permissions).toContain('orders.create');
    expect(permissions).not.toContain('subscriptions.cancel');
    expect(permissions).not.toContain('users.manage');
    const admin = (await signIn((await user('global_admin')).email)).json();
    expect(admin.permissions).toContain('users.manage');
    expect(admin.suspensionReasons).toEqual(['customer_request', 'nonpayment', 'fraud', 'other']);
    const billing = (await signIn((await user('billing_admin')).email)).json();
    expect(billing.suspensionReasons).toEqual(['nonpayment']);
  });

  it('tells the portal the roles and the password lengths the API accepts', async () => {
    const { email } = await user();
    const response = await signIn(email);
    expect(response.json().roles).toEqual(ROLES);
    expect(response.json().passwordLength).toEqual({
      min: MIN_PASSWORD_LENGTH,
      max: MAX_PASSWORD_LENGTH,
    });
    const cookie = cookieOf(response);
    const session = await t.app.inject({ method: 'GET', url: '/v1/session', headers: { cookie } });
    expect(session.json()).toMatchObject({
      roles: ROLES,
      passwordLength: { min: 12, max: 256 },
    });
  });

  it('signs in with an httpOnly SameSite cookie and protects writes with a CSRF token', async () => {
    const { email } = await user();
    const response = await signIn(email.toUpperCase());
    expect(response.statusCode).toBe(201);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^psc_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Secure');
    const { csrfToken, user: me } = response.json();
    expect(me).toMatchObject({ email, role: 'global_admin', disabled: false });
    expect(JSON.stringify(response.json())).not.toContain(PASSWORD);

    const cookie = cookieOf(response);
    const read = await t.app.inject({ method: 'GET', url: '/v1/customers', headers: { cookie } });
    expect(read.statusCode).toBe(200);
    const session = await t.app.inject({ method: 'GET', url: '/v1/session', headers: { cookie } });
    expect(session.json()).toMatchObject({ user: { email }, csrfToken });
    expect(session.json().permissions).toEqual(response.json().permissions);

    const body = newCustomerBody();
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { cookie },
      payload: body,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_token_invalid');
    const withCsrf = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: body,
    });
    expect(withCsrf.statusCode).toBe(201);
    const events = (
      await t.app.inject({
        method: 'GET',
        url: '/v1/events?type=customer.created',
        headers: { cookie },
      })
    ).json();
    expect(events.items[0].actor).toMatchObject({ type: 'user', name: 'Pat Agent' });

    const out = await t.app.inject({
      method: 'DELETE',
      url: '/v1/session',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/v1/customers', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown email alike, and locks after repeated failures', async () => {
    const { email } = await user();
    const unknown = await signIn('nobody@nowhere.example', PASSWORD, '10.0.1.1');
    const wrong = await signIn(email, 'not the password at all', '10.0.1.2');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().detail).toBe(wrong.json().detail);

    for (let i = 1; i < MAX_FAILED_SIGN_INS; i += 1) {
      expect((await signIn(email, 'wrong password again', `10.0.2.${i}`)).statusCode).toBe(401);
    }
    const locked = await signIn(email, PASSWORD, '10.0.3.1');
    expect(locked.statusCode).toBe(401);
    expect(locked.json().detail).toBe(wrong.json().detail);
    clock.advance(HOUR);
    expect((await signIn(email, PASSWORD, '10.0.3.2')).statusCode).toBe(201);
  });

  it('limits sign-in attempts per address', async () => {
    const { email } = await user();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push((await signIn(email, 'wrong password '.repeat(2), '10.9.9.9')).statusCode);
    }
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });

  it('changes the password and ends the other sessions', async () => {
    const { email } = await user();
    const first = await signIn(email, PASSWORD, '10.0.4.1');
    const second = await signIn(email, PASSWORD, '10.0.4.2');
    const cookie = cookieOf(second);
    const csrf = second.json().csrfToken as string;
    const weak = await t.app.inject({
      method: 'POST',
      url: '/v1/session/password',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/v1/session/password',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { currentPassword: PASSWORD, newPassword: 'a much longer new passphrase' },
    });
    expect(changed.statusCode).toBe(204);
    const old = await t.app.inject({
      method: 'GET',
      url: '/v1/customers',
      headers: { cookie: cookieOf(first) },
    });
    expect(old.statusCode).toBe(401);
    const same = await t.app.inject({ method: 'GET', url: '/v1/customers', headers: { cookie } });
    expect(same.statusCode).toBe(200);
    expect((await signIn(email, PASSWORD, '10.0.4.3')).statusCode).toBe(401);
    expect((await signIn(email, 'a much longer new passphrase', '10.0.4.4')).statusCode).toBe(201);
  });
});

describe.each(DIALECTS)('portal sessions behind a proxy on %s', (dialect) => {
  let behind: TestApp;
  let direct: TestApp;
  beforeAll(async () => {
    behind = await createTestApp(dialect, { trustProxy: true });
    direct = await createTestApp(dialect);
  });
  afterAll(async () => {
    await behind.close();
    await direct.close();
  });

  async function signInThrough(t: TestApp, headers: Record<string, string>) {
    const { partner } = await t.newPartner();
    const email = `proxy-${Math.random().toString(36).slice(2, 10)}@${dialect}.example`;
    await createFirstUser(t.ctx, partner.id, {
      email,
      displayName: 'Pat Proxy',
      role: 'global_admin',
      password: PASSWORD,
    });
    return t.app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { email, password: PASSWORD },
      remoteAddress: '10.0.0.1',
      headers,
    });
  }

  it('marks the cookie Secure for HTTPS the trusted proxy reports, and only then', async () => {
    const https = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };
    const trusted = await signInThrough(behind, https);
    expect(trusted.statusCode).toBe(201);
    expect(String(trusted.headers['set-cookie'])).toContain('Secure');
    const untrusted = await signInThrough(direct, https);
    expect(untrusted.statusCode).toBe(201);
    expect(String(untrusted.headers['set-cookie'])).not.toContain('Secure');
  });

  it('counts sign-in attempts per client, not per proxy', async () => {
    const attempt = (client: string) =>
      behind.app.inject({
        method: 'POST',
        url: '/v1/session',
        payload: { email: 'nobody@proxy.example', password: 'not the password' },
        remoteAddress: '10.0.0.1',
        headers: { 'x-forwarded-for': client },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await attempt('198.51.100.1')).statusCode);
    expect(statuses.at(-1)).toBe(429);
    expect((await attempt('198.51.100.2')).statusCode).toBe(401);
  });
});
