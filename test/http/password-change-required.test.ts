import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { newCustomerBody } from '../helpers/customers.js';
import { sessionClient } from '../helpers/sessions.js';
import { DIALECTS } from '../helpers/stores.js';

const CHOSEN = 'a password of my own choosing';

describe.each(DIALECTS)('a temporary password must be changed first, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: new TestClock('2026-03-01T00:00:00.000Z') });
  });
  afterAll(() => t.close());

  async function invited(password?: string) {
    const { partner, token } = await t.newPartner();
    const admin = client(t.app, token);
    const email = `new-${Math.random().toString(36).slice(2, 8)}@${dialect}.example`;
    const answer = await admin.post('/v1/users', {
      email,
      displayName: 'New Person',
      role: 'global_admin',
      ...(password === undefined ? {} : { password }),
    });
    const { user, temporaryPassword } = answer.json<{
      user: { id: string; mustChangePassword: boolean };
      temporaryPassword?: string;
    }>();
    return { partner, admin, email, user, temporaryPassword };
  }

  it('lets the session read itself, change the password and sign out, and nothing else until then', async () => {
    const { admin, email, user, temporaryPassword = '' } = await invited();
    expect(user.mustChangePassword).toBe(true);
    const session = await sessionClient(t, email, temporaryPassword);
    expect(session.signedIn.user.mustChangePassword).toBe(true);
    const read = await session.get('/v1/session');
    expect(read.statusCode).toBe(200);
    expect(read.json().user.mustChangePassword).toBe(true);

    for (const refused of [
      await session.get('/v1/customers'),
      await session.get(`/v1/users/${user.id}`),
      await session.post('/v1/customers', newCustomerBody(), { 'idempotency-key': 'k1' }),
    ]) {
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('password_change_required');
    }
    expect((await admin.get('/v1/customers')).json().items).toEqual([]);

    const kept = await session.post('/v1/session/password', {
      currentPassword: temporaryPassword,
      newPassword: temporaryPassword,
    });
    expect(kept.statusCode).toBe(400);
    expect(kept.json().errors).toEqual([
      expect.objectContaining({ field: '/newPassword', code: 'password_unchanged' }),
    ]);

    const changed = await session.post('/v1/session/password', {
      currentPassword: temporaryPassword,
      newPassword: CHOSEN,
    });
    expect(changed.statusCode).toBe(204);
    expect((await session.get('/v1/session')).json().user.mustChangePassword).toBe(false);
    expect((await session.get('/v1/customers')).statusCode).toBe(200);
    expect((await admin.get(`/v1/users/${user.id}`)).json().mustChangePassword).toBe(false);
    expect((await session.delete('/v1/session')).statusCode).toBe(204);
  });

  it('lets a forced session sign out', async () => {
    const { email, temporaryPassword = '' } = await invited();
    const session = await sessionClient(t, email, temporaryPassword);
    expect((await session.delete('/v1/session')).statusCode).toBe(204);
    expect((await session.get('/v1/session')).statusCode).toBe(401);
  });

  it('gives no idempotent replay to a session that must change its password', async () => {
    const { admin, email, user } = await invited(CHOSEN);
    expect(user.mustChangePassword).toBe(false);
    const before = await sessionClient(t, email, CHOSEN);
    const body = newCustomerBody();
    const first = await before.post('/v1/customers', body, { 'idempotency-key': 'before' });
    expect(first.statusCode).toBe(201);

    // An admin resets it: the user signs in again with the temporary password.
    const { temporaryPassword } = (
      await admin.post(`/v1/users/${user.id}/password-reset`, {})
    ).json<{ temporaryPassword: string }>();
    const forced = await sessionClient(t, email, temporaryPassword);
    const replay = await forced.post('/v1/customers', body, { 'idempotency-key': 'before' });
    expect(replay.statusCode).toBe(403);
    expect(replay.json().code).toBe('password_change_required');
    expect(replay.body).not.toContain(first.json().id as string);
  });

  it('leaves API tokens and users invited with a password alone', async () => {
    const { admin, email } = await invited(CHOSEN);
    const session = await sessionClient(t, email, CHOSEN);
    expect(session.signedIn.user.mustChangePassword).toBe(false);
    expect((await session.get('/v1/customers')).statusCode).toBe(200);
    expect((await admin.get('/v1/customers')).statusCode).toBe(200);
  });
});
