import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_SIGN_INS } from '../../src/domain/user.js';
import { listEventsOf } from '../../src/store/events.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { sessionClient, signIn } from '../helpers/sessions.js';
import { DIALECTS } from '../helpers/stores.js';

const PASSWORD = 'the user chose this one';

describe.each(DIALECTS)('resetting a user’s password on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: new TestClock('2026-03-01T00:00:00.000Z') });
  });
  afterAll(() => t.close());

  const email = (name: string) =>
    `${name}-${Math.random().toString(36).slice(2, 8)}@${dialect}.example`;

  async function partnerWithUser(role = 'sales_agent') {
    const { partner, token } = await t.newPartner();
    const admin = client(t.app, token);
    const address = email('riley');
    const invited = await admin.post('/v1/users', {
      email: address,
      displayName: 'Riley',
      role,
      password: PASSWORD,
    });
    const user = invited.json<{ user: { id: string; mustChangePassword: boolean } }>().user;
    return { partner, admin, address, user };
  }

  it('ends the old password and the sessions; the temporary one signs in, to be changed first', async () => {
    const { partner, admin, address, user } = await partnerWithUser();
    expect(user.mustChangePassword).toBe(false);
    const before = await sessionClient(t, address, PASSWORD);
    expect((await before.get('/v1/customers')).statusCode).toBe(200);

    const reset = await admin.post(`/v1/users/${user.id}/password-reset`, {});
    expect(reset.statusCode, reset.body).toBe(200);
    const { temporaryPassword } = reset.json<{ temporaryPassword: string }>();
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(reset.json().user).toMatchObject({ id: user.id, mustChangePassword: true });

    expect((await before.get('/v1/customers')).statusCode).toBe(401);
    expect((await signIn(t, address, PASSWORD)).statusCode).toBe(401);
    const signedIn = await signIn(t, address, temporaryPassword);
    expect(signedIn.statusCode).toBe(201);
    expect(signedIn.json().user).toMatchObject({ id: user.id, mustChangePassword: true });
    expect((await admin.get(`/v1/users/${user.id}`)).json().mustChangePassword).toBe(true);

    const events = await listEventsOf(t.store.db, partner.id, {});
    const recorded = events.filter((e) => e.type === 'user.password_reset');
    expect(recorded).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ type: 'token' }) }),
    ]);
    expect(recorded[0]?.data).toEqual({ userId: user.id });
    expect(JSON.stringify(events)).not.toContain(temporaryPassword);
  });

  it('withholds the temporary password from a replay, and makes no second one', async () => {
    const { admin, address, user } = await partnerWithUser();
    const url = `/v1/users/${user.id}/password-reset`;
    const first = await admin.post(url, {}, { 'idempotency-key': 'reset-1' });
    const replay = await admin.post(url, {}, { 'idempotency-key': 'reset-1' });
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual({
      user: first.json().user,
      secretsWithheld: ['temporaryPassword'],
    });
    expect((await signIn(t, address, first.json().temporaryPassword as string)).statusCode).toBe(
      201,
    );
  });

  it('lifts a lockout, so the temporary password works at once', async () => {
    const { admin, address, user } = await partnerWithUser();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await signIn(t, address, 'wrong password 123');
    expect((await signIn(t, address, PASSWORD)).statusCode).toBe(401);
    const { temporaryPassword } = (
      await admin.post(`/v1/users/${user.id}/password-reset`, {})
    ).json<{ temporaryPassword: string }>();
    expect((await signIn(t, address, temporaryPassword)).statusCode).toBe(201);
  });

  it('refuses your own password (change it instead), another partner’s user and non-admins', async () => {
    const { partner, admin, address, user } = await partnerWithUser('global_admin');
    const self = await sessionClient(t, address, PASSWORD);
    const own = await self.post(`/v1/users/${user.id}/password-reset`, {});
    expect(own.statusCode).toBe(409);
    expect(own.json().code).toBe('cannot_reset_own_password');
    expect((await signIn(t, address, PASSWORD)).statusCode).toBe(201);

    const stranger = await partnerWithUser();
    const foreign = await stranger.admin.post(`/v1/users/${user.id}/password-reset`, {});
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('not_found');

    const agent = await partnerWithUser('admin_agent');
    const other = await admin.post('/v1/users', {
      email: agent.address.replace('riley', 'kim'),
      displayName: 'Kim',
      role: 'admin_agent',
      password: PASSWORD,
    });
    const kim = await sessionClient(t, other.json().user.email as string, PASSWORD);
    const forbidden = await kim.post(`/v1/users/${user.id}/password-reset`, {});
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('forbidden');
    const events = await listEventsOf(t.store.db, partner.id, {});
    expect(events.filter((e) => e.type === 'user.password_reset')).toEqual([]);
  });
});
