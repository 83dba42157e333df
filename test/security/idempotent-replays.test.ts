import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstUser } from '../../src/services/create-user.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { newCustomerBody } from '../helpers/customers.js';
import { tokenWithRole } from '../helpers/roles.js';
import { DIALECTS } from '../helpers/stores.js';

const PASSWORD = 'correct horse battery staple';

describe.each(DIALECTS)('idempotent replays and the caller on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const invite = (label: string) => ({
    email: `${label}-${Math.random().toString(36).slice(2, 8)}@${dialect}.example`,
    displayName: 'New Admin',
    role: 'global_admin',
  });

  async function userCount(partnerId: string): Promise<number> {
    const rows = await t.store.db
      .selectFrom('users')
      .select('id')
      .where('partner_id', '=', partnerId)
      .execute();
    return rows.length;
  }

  it("never replays an admin's answer to a caller who may not make the request", async () => {
    const { partner, token } = await t.newPartner();
    const admin = client(t.app, token);
    const sales = client(t.app, await tokenWithRole(t, partner.id, 'sales_agent'));
    const body = invite('escalate');
    const first = await admin.post('/v1/users', body, { 'idempotency-key': 'invite-1' });
    expect(first.statusCode).toBe(201);
    expect(first.json().temporaryPassword).toEqual(expect.any(String));

    const replay = await sales.post('/v1/users', body, { 'idempotency-key': 'invite-1' });
    expect(replay.statusCode).toBe(403);
    expect(replay.json().code).toBe('forbidden');
    expect(replay.body).not.toContain(first.json().temporaryPassword);
    expect(replay.headers['idempotent-replayed']).toBeUndefined();
    expect(await userCount(partner.id)).toBe(1);
  });

  it("keeps keys per caller: another caller's key is a new key, not a replay", async () => {
    const { partner, token } = await t.newPartner();
    const first = client(t.app, token);
    const second = client(t.app, await tokenWithRole(t, partner.id, 'admin_agent'));
    const a = await first.post('/v1/customers', newCustomerBody(), { 'idempotency-key': 'same' });
    const b = await second.post('/v1/customers', newCustomerBody(), { 'idempotency-key': 'same' });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.json().id).not.toBe(a.json().id);
    const again = await second.post('/v1/customers', newCustomerBody(), {
      'idempotency-key': 'same',
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('idempotency_key_reused');
  });

  it('never stores a secret shown once: a replay answers without it and says so', async () => {
    const { partner, token } = await t.newPartner();
    const admin = client(t.app, token);
    const body = invite('secret');
    const first = await admin.post('/v1/users', body, { 'idempotency-key': 'invite-2' });
    const password = first.json().temporaryPassword as string;
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(first.json().secretsWithheld).toBeUndefined();

    const replay = await admin.post('/v1/users', body, { 'idempotency-key': 'invite-2' });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual({
      user: first.json().user,
      secretsWithheld: ['temporaryPassword'],
    });
    const stored = await t.store.db
      .selectFrom('idempotency_keys')
      .select('response_body')
      .where('partner_id', '=', partner.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.response_body).not.toContain(password);
    expect(await userCount(partner.id)).toBe(1);
  });

  it('checks the permission again before replaying to a user whose role changed', async () => {
    const { partner, token } = await t.newPartner();
    const admin = client(t.app, token);
    const email = `demoted-${Math.random().toString(36).slice(2, 8)}@${dialect}.example`;
    const { user } = await createFirstUser(t.ctx, partner.id, {
      email,
      displayName: 'Soon Demoted',
      role: 'admin_agent',
      password: PASSWORD,
    });
    async function session() {
      const signedIn = await t.app.inject({
        method: 'POST',
        url: '/v1/session',
        payload: { email, password: PASSWORD },
      });
      return {
        cookie: String(signedIn.headers['set-cookie']).split(';')[0] ?? '',
        'x-csrf-token': signedIn.json().csrfToken as string,
      };
    }
    const body = newCustomerBody();
    const post = async (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/customers',
        payload: body,
        headers: { ...headers, 'idempotency-key': 'customer-1' },
      });
    const first = await post(await session());
    expect(first.statusCode).toBe(201);
    expect((await post(await session())).headers['idempotent-replayed']).toBe('true');

    expect((await admin.patch(`/v1/users/${user.id}`, { role: 'billing_admin' })).statusCode).toBe(
      200,
    );
    const replay = await post(await session());
    expect(replay.statusCode).toBe(403);
    expect(replay.body).not.toContain(first.json().id);
  });
});
