import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowed, ROLES } from '../../src/domain/permissions.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { tokenWithRole } from '../helpers/roles.js';
import { DIALECTS } from '../helpers/stores.js';
import { securityFixture } from './fixture.js';
import { ROUTE_CALLS, send } from './routes.js';

describe.each(DIALECTS)('the permission table, route by route, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: new TestClock('2026-03-01T00:00:00.000Z') });
  });
  afterAll(() => t.close());

  it.each(ROLES)('%s gets exactly what the table gives it', async (role) => {
    const fixture = await securityFixture(t);
    const api = client(t.app, await tokenWithRole(t, fixture.partner.id, role));
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const call of ROUTE_CALLS) {
      const response = await send(api, call, fixture);
      expect(response.statusCode, `${call.name}: ${response.body}`).toBeLessThan(500);
      outcomes.push(`${call.name}: ${response.statusCode === 403 ? 'forbidden' : 'allowed'}`);
      expected.push(`${call.name}: ${isAllowed(role, call.permission) ? 'allowed' : 'forbidden'}`);
    }
    expect(outcomes).toEqual(expected);
  });

  it('lets a billing admin suspend for non-payment only', async () => {
    const fixture = await securityFixture(t);
    const api = client(t.app, await tokenWithRole(t, fixture.partner.id, 'billing_admin'));
    const fraud = await api.patch(fixture.sub(fixture.ids.active), {
      status: 'suspended',
      suspensionReason: 'fraud',
    });
    expect(fraud.statusCode).toBe(403);
    const nonpayment = await api.patch(fixture.sub(fixture.ids.active), {
      status: 'suspended',
      suspensionReason: 'nonpayment',
    });
    expect(nonpayment.statusCode).toBe(200);
  });
});

describe.each(DIALECTS)("another partner's ids, on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: new TestClock('2026-03-01T00:00:00.000Z') });
  });
  afterAll(() => t.close());

  it('answer 404 on every route and change nothing', async () => {
    const owner = await securityFixture(t);
    const before = (await owner.admin.get(`${owner.base}/subscriptions?limit=500`)).json();
    const ownerEvents = (await owner.admin.get('/v1/events?limit=500')).json().items
      .length as number;
    const { token } = await t.newPartner({ isSandbox: true });
    const stranger = client(t.app, token);
    for (const call of ROUTE_CALLS.filter((c) => c.scoped)) {
      const response = await send(stranger, call, owner);
      expect(response.statusCode, `${call.name}: ${response.body}`).toBe(404);
    }
    expect((await owner.admin.get(`${owner.base}/subscriptions?limit=500`)).json()).toEqual(before);
    expect((await owner.admin.get('/v1/events?limit=500')).json().items).toHaveLength(ownerEvents);
  });
});
