import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { tokenWithRole } from '../helpers/roles.js';
import { DIALECTS } from '../helpers/stores.js';

describe.each(DIALECTS)('partner users on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: new TestClock('2026-03-01T00:00:00.000Z') });
  });
  afterAll(() => t.close());

  const email = (name: string) =>
    `${name}-${Math.random().toString(36).slice(2, 8)}@${dialect}.example`;

  it('invites a user with a temporary password shown once, who then signs in', async () => {
    const { token } = await t.newPartner();
    const api = client(t.app, token);
    const address = email('sam');
    const invited = await api.post('/v1/users', {
      email: address,
      displayName: 'Sam Sales',
      role: 'sales_agent',
    });
    expect(invited.statusCode).toBe(201);
    const { user, temporaryPassword } = invited.json();
    expect(user).toMatchObject({ email: address, role: 'sales_agent', disabled: false });
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await api.get(`/v1/users/${user.id}`)).json()).toEqual(user);
    expect(JSON.stringify((await api.get('/v1/users')).json())).not.toContain(temporaryPassword);

    const signIn = await t.app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { email: address, password: temporaryPassword },
    });
    expect(signIn.statusCode).toBe(201);

    const taken = await api.post('/v1/users', {
      email: address.toUpperCase(),
      displayName: 'Other',
      role: 'billing_admin',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('user_email_taken');
  });

  it('changes roles and disables users, whose sessions end', async () => {
    const { token } = await t.newPartner();
    const api = client(t.app, token);
    const address = email('dana');
    const password = 'a long enough password';
    const { user } = (
      await api.post('/v1/users', {
        email: address,
        displayName: 'Dana',
        role: 'helpdesk_agent',
        password,
      })
    ).json();
    const session = await t.app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { email: address, password },
    });
    const cookie = String(session.headers['set-cookie']).split(';')[0] ?? '';

    const promoted = await api.patch(`/v1/users/${user.id}`, { role: 'admin_agent' });
    expect(promoted.json()).toMatchObject({ role: 'admin_agent' });
    expect(
      (await t.app.inject({ method: 'GET', url: '/v1/customers', headers: { cookie } })).statusCode,
    ).toBe(401);

    expect((await api.patch(`/v1/users/${user.id}`, { disabled: true })).json()).toMatchObject({
      disabled: true,
    });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { email: address, password },
    });
    expect(refused.statusCode).toBe(401);
    expect((await api.patch(`/v1/users/${user.id}`, { disabled: false })).statusCode).toBe(200);
    const back = await t.app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { email: address, password },
    });
    expect(back.statusCode).toBe(201);
  });

  it('lets nobody change their own access, and only global admins manage users', async () => {
    const { partner, token } = await t.newPartner();
    const api = client(t.app, token);
    const address = email('gina');
    const password = 'another long password';
    const { user } = (
      await api.post('/v1/users', {
        email: address,
        displayName: 'Gina',
        role: 'global_admin',
        password,
      })
    ).json();
    const session = await t.app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { email: address, password },
    });
    const headers = {
      cookie: String(session.headers['set-cookie']).split(';')[0] ?? '',
      'x-csrf-token': session.json().csrfToken as string,
    };
    const self = await t.app.inject({
      method: 'PATCH',
      url: `/v1/users/${user.id}`,
      headers,
      payload: { role: 'sales_agent' },
    });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('cannot_change_own_access');

    const agent = client(t.app, await tokenWithRole(t, partner.id, 'admin_agent'));
    const forbidden = await agent.post('/v1/users', {
      email: email('x'),
      displayName: 'X',
      role: 'global_admin',
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('forbidden');
  });
});
