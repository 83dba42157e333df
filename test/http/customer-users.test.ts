import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { newCustomerBody } from '../helpers/customers.js';
import { del, newCustomerUserBody } from '../helpers/customer-users.js';
import { tokenWithRole } from '../helpers/roles.js';
import { seedCustomer } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';

type Seeded = Awaited<ReturnType<typeof seedCustomer>>;
interface User {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  [key: string]: unknown;
}

describe.each(DIALECTS)('customer users, licenses and the entitlement check on %s', (dialect) => {
  let t: TestApp;
  const clock = new TestClock('2026-03-01T00:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(() => t.close());

  async function addUser(s: Seeded, overrides: Record<string, unknown> = {}): Promise<User> {
    const response = await s.api.post(`${s.base}/users`, newCustomerUserBody(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<User>();
  }

  async function orderOne(s: Seeded, line: Record<string, unknown>): Promise<string> {
    const response = await s.api.post(`${s.base}/orders`, {
      billingCycle: 'monthly',
      lineItems: [line],
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().lineItems[0].subscriptionId as string;
  }

  const check = async (s: Seeded, userId: string, offerId: string) => {
    const response = await s.api.get(
      `${s.base}/entitlements/check?userId=${userId}&offerId=${offerId}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const { access, reason, allowed } = response.json();
    return { access, reason, allowed };
  };

  describe('customer users', () => {
    it('creates, reads, lists, updates and deletes users', async () => {
      clock.set('2026-03-01T00:00:00.000Z');
      const s = await seedCustomer(t);
      const created = await s.api.post(`${s.base}/users`, {
        email: 'Megan.Bowen@Contoso.example',
        displayName: 'Megan Bowen',
        isAdmin: true,
      });
      expect(created.statusCode).toBe(201);
      const megan = created.json<User>();
      expect(megan).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        customerId: s.customer.id,
        email: 'megan.bowen@contoso.example',
        displayName: 'Megan Bowen',
        isAdmin: true,
        createdAt: '2026-03-01T00:00:00.000Z',
      });
      expect(created.headers.location).toBe(`/v1/customers/${s.customer.id}/users/${megan.id}`);
      expect((await s.api.get(`${s.base}/users/${megan.id}`)).json()).toEqual(megan);

      const alex = await addUser(s, { email: 'alex@contoso.example', displayName: 'Alex' });
      expect(alex.isAdmin).toBe(false);
      await addUser(s, { email: 'zoe@contoso.example' });

      const first = (await s.api.get(`${s.base}/users?limit=2`)).json();
      expect(first.items.map((u: User) => u.email)).toEqual([
        'alex@contoso.example',
        'megan.bowen@contoso.example',
      ]);
      const second = (await s.api.get(`${s.base}/users?limit=2&cursor=${first.nextCursor}`)).json();
      expect(second).toEqual({
        items: [expect.objectContaining({ email: 'zoe@contoso.example' })],
        nextCursor: null,
      });
      const badCursor = await s.api.get(`${s.base}/users?cursor=nope`);
      expect(badCursor.statusCode).toBe(400);

      const patched = await s.api.patch(`${s.base}/users/${alex.id}`, {
        displayName: 'Alex Wilber',
        isAdmin: true,
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({
        displayName: 'Alex Wilber',
        isAdmin: true,
        email: alex.email,
      });

      expect((await del(t.app, s.token, `${s.base}/users/${alex.id}`)).statusCode).toBe(204);
      expect((await s.api.get(`${s.base}/users/${alex.id}`)).statusCode).toBe(404);
      expect((await del(t.app, s.token, `${s.base}/users/${alex.id}`)).statusCode).toBe(404);

      const events = (await s.api.get(`/v1/events?customerId=${s.customer.id}`))
        .json()
        .items.filter((e: { type: string }) => e.type.startsWith('customer_user.'))
        .map((e: { type: string; data: { userId: string } }) => [e.type, e.data.userId]);
      expect(events).toEqual([
        ['customer_user.created', megan.id],
        ['customer_user.created', alex.id],
        ['customer_user.created', expect.any(String)],
        ['customer_user.updated', alex.id],
        ['customer_user.deleted', alex.id],
      ]);
    });

    it('refuses a second user with the same email in the customer, not in another', async () => {
      const s = await seedCustomer(t);
      await addUser(s, { email: 'pat@contoso.example' });
      const again = await s.api.post(
        `${s.base}/users`,
        newCustomerUserBody({ email: 'PAT@contoso.example' }),
      );
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: 'customer_user_email_taken',
        errors: [expect.objectContaining({ field: '/email' })],
      });
      const other = (await s.api.post('/v1/customers', newCustomerBody())).json();
      const elsewhere = await s.api.post(
        `/v1/customers/${other.id}/users`,
        newCustomerUserBody({ email: 'pat@contoso.example' }),
      );
      expect(elsewhere.statusCode).toBe(201);
    });

    it.each([
      ['no email', { displayName: 'X' }],
      ['a bad email', { email: 'not-an-email', displayName: 'X' }],
      ['a blank name', { email: 'x@contoso.example', displayName: '   ' }],
      ['an unknown field', { email: 'x@contoso.example', displayName: 'X', role: 'admin' }],
      ['isAdmin as a string', { email: 'x@contoso.example', displayName: 'X', isAdmin: 'true' }],
    ])('refuses a new user with %s (400)', async (_name, body) => {
      const s = await seedCustomer(t);
      const response = await s.api.post(`${s.base}/users`, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('validation_failed');
    });

    it('refuses an empty or unknown change and the email as a change (400)', async () => {
      const s = await seedCustomer(t);
      const user = await addUser(s);
      for (const body of [{}, { email: 'new@contoso.example' }, { isAdmin: 1 }]) {
        const response = await s.api.patch(`${s.base}/users/${user.id}`, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
      }
    });

    it('replays a creation sent again with the same Idempotency-Key', async () => {
      const s = await seedCustomer(t);
      const body = newCustomerUserBody();
      const headers = { 'idempotency-key': `create-user-${body.email}` };
      const first = await s.api.post(`${s.base}/users`, body, headers);
      const second = await s.api.post(`${s.base}/users`, body, headers);
      expect(first.statusCode).toBe(201);
      expect(second.statusCode).toBe(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.json()).toEqual(first.json());
      expect((await s.api.get(`${s.base}/users`)).json().items).toHaveLength(1);
    });

    it('lets every role read and only writers write', async () => {
      const s = await seedCustomer(t);
      const user = await addUser(s);
      const sales = client(t.app, await tokenWithRole(t, s.partner.id, 'sales_agent'));
      expect((await sales.get(`${s.base}/users`)).statusCode).toBe(200);
      expect((await sales.post(`${s.base}/users`, newCustomerUserBody())).statusCode).toBe(403);
      expect(
        (await sales.patch(`${s.base}/users/${user.id}`, { displayName: 'Y' })).statusCode,
      ).toBe(403);
      expect(
        (await sales.get(`${s.base}/entitlements/check?userId=${user.id}&offerId=mail-basic`))
          .statusCode,
      ).toBe(200);
      const helpdesk = client(t.app, await tokenWithRole(t, s.partner.id, 'helpdesk_agent'));
      expect((await helpdesk.post(`${s.base}/users`, newCustomerUserBody())).statusCode).toBe(201);
    });
  });

  describe('licenses', () => {
    it('assigns up to the quantity, shows assigned and purchased, and unassigns', async () => {
      clock.set('2026-03-01T00:00:00.000Z');
      const s = await seedCustomer(t);
      const subId = await orderOne(s, { offerId: 'mail-basic', quantity: 2 });
      const sub = `${s.base}/subscriptions/${subId}`;
      const [a, b, c] = [await addUser(s), await addUser(s), await addUser(s)];

      const first = await s.api.post(`${sub}/licenses`, { userId: a.id });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toEqual({
        subscriptionId: subId,
        userId: a.id,
        assignedAt: '2026-03-01T00:00:00.000Z',
        user: a,
      });
      clock.set('2026-03-01T01:00:00.000Z');
      const twice = await s.api.post(`${sub}/licenses`, { userId: a.id });
      expect(twice.statusCode).toBe(200);
      expect(twice.json()).toEqual(first.json());
      expect((await s.api.post(`${sub}/licenses`, { userId: b.id })).statusCode).toBe(201);

      const full = await s.api.post(`${sub}/licenses`, { userId: c.id });
      expect(full.statusCode).toBe(409);
      expect(full.json().code).toBe('license_limit_reached');

      expect((await s.api.get(sub)).json()).toMatchObject({ quantity: 2, assignedLicenses: 2 });
      const listed = (await s.api.get(`${s.base}/subscriptions`)).json().items;
      expect(listed).toEqual([expect.objectContaining({ id: subId, assignedLicenses: 2 })]);
      const across = (await s.api.get(`/v1/subscriptions?customerId=${s.customer.id}`)).json();
      expect(across.items).toEqual([expect.objectContaining({ id: subId, assignedLicenses: 2 })]);
      const holders = (await s.api.get(`${sub}/licenses`)).json();
      expect(holders.items.map((l: { userId: string }) => l.userId).sort()).toEqual(
        [a.id, b.id].sort(),
      );
      const page = (await s.api.get(`${sub}/licenses?limit=1`)).json();
      expect(page.items).toHaveLength(1);
      const rest = (await s.api.get(`${sub}/licenses?limit=1&cursor=${page.nextCursor}`)).json();
      expect(rest.nextCursor).toBeNull();
      expect([page.items[0].userId, rest.items[0].userId].sort()).toEqual([a.id, b.id].sort());

      // More licenses, then c fits.
      expect((await s.api.patch(sub, { quantity: 3 })).json().assignedLicenses).toBe(2);
      expect((await s.api.post(`${sub}/licenses`, { userId: c.id })).statusCode).toBe(201);

      expect((await del(t.app, s.token, `${sub}/licenses/${b.id}`)).statusCode).toBe(204);
      expect((await del(t.app, s.token, `${sub}/licenses/${b.id}`)).statusCode).toBe(204);
      expect((await s.api.get(sub)).json().assignedLicenses).toBe(2);

      const history = (await s.api.get(`${sub}/events`))
        .json()
        .items.map((e: { type: string; data: { userId?: string } }) =>
          e.data.userId ? `${e.type}:${e.data.userId}` : e.type,
        );
      expect(history).toEqual([
        'subscription.created',
        'charge.created',
        `subscription.license_assigned:${a.id}`,
        `subscription.license_assigned:${b.id}`,
        'subscription.quantity_changed',
        'charge.created',
        `subscription.license_assigned:${c.id}`,
        `subscription.license_unassigned:${b.id}`,
      ]);
    });

    it('refuses to lower the quantity below the assigned licenses', async () => {
      clock.set('2026-03-01T00:00:00.000Z');
      const s = await seedCustomer(t);
      const subId = await orderOne(s, { offerId: 'mail-basic', quantity: 3 });
      const sub = `${s.base}/subscriptions/${subId}`;
      const [a, b] = [await addUser(s), await addUser(s)];
      await s.api.post(`${sub}/licenses`, { userId: a.id });
      await s.api.post(`${sub}/licenses`, { userId: b.id });
      const lower = await s.api.patch(sub, { quantity: 1 });
      expect(lower.statusCode).toBe(409);
      expect(lower.json()).toMatchObject({
        code: 'quantity_below_assigned',
        errors: [expect.objectContaining({ field: '/quantity' })],
      });
      expect((await s.api.get(sub)).json()).toMatchObject({ quantity: 3, etag: '"1"' });
      expect((await s.api.patch(sub, { quantity: 2 })).statusCode).toBe(200);
      expect((await del(t.app, s.token, `${sub}/licenses/${b.id}`)).statusCode).toBe(204);
      expect((await s.api.patch(sub, { quantity: 1 })).json()).toMatchObject({
        quantity: 1,
        assignedLicenses: 1,
      });
    });

    it("frees a deleted user's licenses", async () => {
      clock.set('2026-03-01T00:00:00.000Z');
      const s = await seedCustomer(t);
      const mail = await orderOne(s, { offerId: 'mail-basic', quantity: 1 });
      const apps = await orderOne(s, { offerId: 'office-apps-business', quantity: 1 });
      const [a, b] = [await addUser(s), await addUser(s)];
      for (const id of [mail, apps]) {
        expect(
          (await s.api.post(`${s.base}/subscriptions/${id}/licenses`, { userId: a.id })).statusCode,
        ).toBe(201);
      }
      expect((await del(t.app, s.token, `${s.base}/users/${a.id}`)).statusCode).toBe(204);
      for (const id of [mail, apps]) {
        const url = `${s.base}/subscriptions/${id}`;
        expect((await s.api.get(url)).json().assignedLicenses).toBe(0);
        expect((await s.api.get(`${url}/licenses`)).json().items).toEqual([]);
        expect((await s.api.post(`${url}/licenses`, { userId: b.id })).statusCode).toBe(201);
        const last = (await s.api.get(`${url}/events`))
          .json()
          .items.filter((e: { type: string }) => e.type === 'subscription.license_unassigned');
        expect(last).toEqual([
          expect.objectContaining({ reason: 'user_deleted', data: { userId: a.id } }),
        ]);
      }
    });

    it('assigns while suspended, never once deleted', async () => {
      clock.set('2026-03-01T00:00:00.000Z');
      const s = await seedCustomer(t);
      const subId = await orderOne(s, { offerId: 'mail-basic', quantity: 2 });
      const sub = `${s.base}/subscriptions/${subId}`;
      const [a, b] = [await addUser(s), await addUser(s)];
      await s.api.patch(sub, { status: 'suspended', suspensionReason: 'customer_request' });
      expect((await s.api.post(`${sub}/licenses`, { userId: a.id })).statusCode).toBe(201);
      expect((await s.api.patch(sub, { status: 'deleted' })).statusCode).toBe(200);
      const refused = await s.api.post(`${sub}/licenses`, { userId: b.id });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('subscription_deleted');
      const unassign = await del(t.app, s.token, `${sub}/licenses/${a.id}`);
      expect(unassign.statusCode).toBe(409);
      expect(unassign.json().code).toBe('subscription_deleted');
    });

    it('refuses a bad body and unknown users', async () => {
      const s = await seedCustomer(t);
      const subId = await orderOne(s, { offerId: 'mail-basic', quantity: 2 });
      const sub = `${s.base}/subscriptions/${subId}/licenses`;
      const user = await addUser(s);
      for (const body of [{}, { userId: 'x' }, { userId: user.id, extra: 1 }]) {
        expect((await s.api.post(sub, body)).statusCode, JSON.stringify(body)).toBe(400);
      }
      // A user of another customer of the same partner is not this customer's user.
      const other = (await s.api.post('/v1/customers', newCustomerBody())).json();
      const stranger = (
        await s.api.post(`/v1/customers/${other.id}/users`, newCustomerUserBody())
      ).json();
      const response = await s.api.post(sub, { userId: stranger.id });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
    });

    it('replays an assignment sent again with the same Idempotency-Key', async () => {
      const s = await seedCustomer(t);
      const subId = await orderOne(s, { offerId: 'mail-basic', quantity: 2 });
      const user = await addUser(s);
      const url = `${s.base}/subscriptions/${subId}/licenses`;
      const headers = { 'idempotency-key': `assign-${user.id}` };
      expect((await s.api.post(url, { userId: user.id }, headers)).statusCode).toBe(201);
      const replay = await s.api.post(url, { userId: user.id }, headers);
      expect(replay.statusCode).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
    });
  });

  describe('the entitlement check', () => {
    it('follows the seed through suspend, reactivate and cancel', async () => {
      clock.set('2026-03-01T00:00:00.000Z');
      const s = await seedCustomer(t);
      const subId = await orderOne(s, { offerId: 'mail-basic', quantity: 5 });
      const sub = `${s.base}/subscriptions/${subId}`;
      const admin = await addUser(s, { isAdmin: true });
      const user = await addUser(s);
      const unlicensed = await addUser(s);
      const unlicensedAdmin = await addUser(s, { isAdmin: true });
      await s.api.post(`${sub}/licenses`, { userId: admin.id });
      await s.api.post(`${sub}/licenses`, { userId: user.id });

      const full = { allowed: true, access: 'full', reason: 'licensed' };
      const notAssigned = { allowed: false, access: 'none', reason: 'license_not_assigned' };
      expect(await check(s, admin.id, 'mail-basic')).toEqual(full);
      expect(await check(s, user.id, 'mail-basic')).toEqual(full);
      expect(await check(s, unlicensed.id, 'mail-basic')).toEqual(notAssigned);
      expect(await check(s, unlicensedAdmin.id, 'mail-basic')).toEqual(notAssigned);
      expect(await check(s, user.id, 'mail-plus')).toEqual({
        allowed: false,
        access: 'none',
        reason: 'no_subscription',
      });
      const whole = await s.api.get(
        `${s.base}/entitlements/check?userId=${user.id}&offerId=mail-basic`,
      );
      expect(whole.json()).toEqual({
        userId: user.id,
        offerId: 'mail-basic',
        ...full,
        subscriptionId: subId,
      });

      // Suspended: users cannot sign in; administrators can still sign in and reach the data.
      await s.api.patch(sub, { status: 'suspended', suspensionReason: 'nonpayment' });
      expect(await check(s, admin.id, 'mail-basic')).toEqual({
        allowed: true,
        access: 'admin_data_only',
        reason: 'subscription_suspended',
      });
      expect(await check(s, user.id, 'mail-basic')).toEqual({
        allowed: false,
        access: 'none',
        reason: 'subscription_suspended',
      });
      expect(await check(s, unlicensedAdmin.id, 'mail-basic')).toEqual(notAssigned);

      // Reactivated: everyone licensed is back.
      clock.set('2026-03-02T00:00:00.000Z');
      expect((await s.api.patch(sub, { status: 'active' })).statusCode).toBe(200);
      expect(await check(s, admin.id, 'mail-basic')).toEqual(full);
      expect(await check(s, user.id, 'mail-basic')).toEqual(full);

      // Cancelled: nobody.
      expect((await s.api.patch(sub, { status: 'deleted' })).statusCode).toBe(200);
      const gone = { allowed: false, access: 'none', reason: 'subscription_deleted' };
      expect(await check(s, admin.id, 'mail-basic')).toEqual(gone);
      expect(await check(s, user.id, 'mail-basic')).toEqual(gone);
    });

    it('lets nobody in once the retention period has deleted the data (seed step 4)', async () => {
      clock.set('2026-03-01T00:00:00.000Z');
      const { partner, token } = await t.newPartner({ isSandbox: true });
      const api = client(t.app, token);
      expect(
        (await api.post('/v1/sandbox/clock', { to: '2026-03-01T00:00:00.000Z' })).statusCode,
      ).toBe(200);
      const customer = (
        await api.post(
          '/v1/customers',
          newCustomerBody({ accountOpenedAt: '2026-01-10T15:30:00Z' }),
        )
      ).json<{ id: string }>();
      const s: Seeded = { partner, token, api, customer, base: `/v1/customers/${customer.id}` };
      const subId = await orderOne(s, { offerId: 'mail-basic', quantity: 1 });
      const admin = await addUser(s, { isAdmin: true });
      await api.post(`${s.base}/subscriptions/${subId}/licenses`, { userId: admin.id });
      const suspended = await api.patch(`${s.base}/subscriptions/${subId}`, {
        status: 'suspended',
        suspensionReason: 'nonpayment',
      });
      expect(suspended.json().expiresAt).toBe('2026-06-21T00:00:00.000Z');

      await api.post('/v1/sandbox/clock', { to: '2026-06-20T23:59:59.999Z' });
      expect((await check(s, admin.id, 'mail-basic')).access).toBe('admin_data_only');
      const moved = await api.post('/v1/sandbox/clock', { to: '2026-06-21T00:00:00.001Z' });
      expect(moved.json().processed.deprovisioned).toBe(1);
      expect(await check(s, admin.id, 'mail-basic')).toEqual({
        allowed: false,
        access: 'none',
        reason: 'subscription_deleted',
      });
    });

    it('treats an add-on as its base allows', async () => {
      clock.set('2026-03-01T00:00:00.000Z');
      const s = await seedCustomer(t);
      const mail = await orderOne(s, { offerId: 'mail-basic', quantity: 5 });
      const atp = await orderOne(s, {
        offerId: 'security-advanced-threat-protection',
        quantity: 5,
        parentSubscriptionId: mail,
      });
      const admin = await addUser(s, { isAdmin: true });
      const user = await addUser(s);
      const addOnOnly = await addUser(s);
      for (const u of [admin, user]) {
        for (const id of [mail, atp]) {
          await s.api.post(`${s.base}/subscriptions/${id}/licenses`, { userId: u.id });
        }
      }
      await s.api.post(`${s.base}/subscriptions/${atp}/licenses`, { userId: addOnOnly.id });
      const offer = 'security-advanced-threat-protection';
      expect(await check(s, user.id, offer)).toEqual({
        allowed: true,
        access: 'full',
        reason: 'licensed',
      });
      // A license of the add-on without one of its base is no access.
      expect(await check(s, addOnOnly.id, offer)).toEqual({
        allowed: false,
        access: 'none',
        reason: 'license_not_assigned',
      });

      // Suspending the base suspends the add-on: the seed's rule holds for it too.
      await s.api.patch(`${s.base}/subscriptions/${mail}`, {
        status: 'suspended',
        suspensionReason: 'nonpayment',
      });
      expect(await check(s, admin.id, offer)).toEqual({
        allowed: true,
        access: 'admin_data_only',
        reason: 'subscription_suspended',
      });
      expect(await check(s, user.id, offer)).toEqual({
        allowed: false,
        access: 'none',
        reason: 'subscription_suspended',
      });
      await s.api.patch(`${s.base}/subscriptions/${mail}`, { status: 'active' });
      expect((await check(s, user.id, offer)).access).toBe('full');

      // Cancelling the base ends the add-on.
      await s.api.patch(`${s.base}/subscriptions/${mail}`, { status: 'deleted' });
      expect(await check(s, admin.id, offer)).toEqual({
        allowed: false,
        access: 'none',
        reason: 'subscription_deleted',
      });
    });

    it('answers 404 for an unknown user or offer, 400 without them', async () => {
      const s = await seedCustomer(t);
      const user = await addUser(s);
      const unknownUser = await s.api.get(
        `${s.base}/entitlements/check?userId=0190a3b2-0000-7000-8000-000000000000&offerId=mail-basic`,
      );
      expect(unknownUser.statusCode).toBe(404);
      const unknownOffer = await s.api.get(
        `${s.base}/entitlements/check?userId=${user.id}&offerId=no-such-offer`,
      );
      expect(unknownOffer.statusCode).toBe(404);
      expect(unknownOffer.json().code).toBe('not_found');
      expect((await s.api.get(`${s.base}/entitlements/check?offerId=mail-basic`)).statusCode).toBe(
        400,
      );
    });
  });

  it("answers 404 for another partner's customer, subscription and user, and changes nothing", async () => {
    clock.set('2026-03-01T00:00:00.000Z');
    const owner = await seedCustomer(t);
    const subId = await orderOne(owner, { offerId: 'mail-basic', quantity: 2 });
    const user = await addUser(owner);
    await owner.api.post(`${owner.base}/subscriptions/${subId}/licenses`, { userId: user.id });
    const intruder = await seedCustomer(t);
    const api = intruder.api;
    const foreignUser = `${owner.base}/users/${user.id}`;
    const foreignLicenses = `${owner.base}/subscriptions/${subId}/licenses`;
    // The intruder's own customer with the owner's user and subscription ids.
    const mixedUser = `${intruder.base}/users/${user.id}`;
    const mixedLicenses = `${intruder.base}/subscriptions/${subId}/licenses`;
    const answers = [
      await api.get(`${owner.base}/users`),
      await api.post(`${owner.base}/users`, newCustomerUserBody()),
      await api.get(foreignUser),
      await api.get(mixedUser),
      await api.patch(foreignUser, { displayName: 'Taken over' }),
      await api.patch(mixedUser, { isAdmin: true }),
      await del(t.app, intruder.token, foreignUser),
      await del(t.app, intruder.token, mixedUser),
      await api.get(foreignLicenses),
      await api.get(mixedLicenses),
      await api.post(foreignLicenses, { userId: user.id }),
      await api.post(mixedLicenses, { userId: user.id }),
      await del(t.app, intruder.token, `${foreignLicenses}/${user.id}`),
      await del(t.app, intruder.token, `${mixedLicenses}/${user.id}`),
      await api.get(`${owner.base}/entitlements/check?userId=${user.id}&offerId=mail-basic`),
      await api.get(`${intruder.base}/entitlements/check?userId=${user.id}&offerId=mail-basic`),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 404));
    expect((await owner.api.get(foreignUser)).json()).toEqual(user);
    expect((await owner.api.get(foreignLicenses)).json().items).toHaveLength(1);
    expect((await owner.api.get(`${owner.base}/users`)).json().items).toHaveLength(1);
  });
});
