import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { sessionClient } from '../helpers/sessions.js';
import { DIALECTS } from '../helpers/stores.js';
import { securityFixture } from './fixture.js';
import { ROUTE_CALLS, send } from './routes.js';

describe.each(DIALECTS)('a session that must change its password, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: new TestClock('2026-03-01T00:00:00.000Z') });
  });
  afterAll(() => t.close());

  it('gets 403 password_change_required on every route of the table and changes nothing', async () => {
    const fixture = await securityFixture(t);
    const email = `forced-${Math.random().toString(36).slice(2, 8)}@gate.example`;
    const invited = await fixture.admin.post('/v1/users', {
      email,
      displayName: 'Forced Admin',
      role: 'global_admin',
    });
    const session = await sessionClient(t, email, invited.json().temporaryPassword as string);
    const events = (await fixture.admin.get('/v1/events?limit=500')).json().items.length as number;
    for (const call of ROUTE_CALLS) {
      const response = await send(session, call, fixture);
      expect(response.statusCode, `${call.name}: ${response.body}`).toBe(403);
      expect(response.json().code, call.name).toBe('password_change_required');
    }
    expect((await fixture.admin.get('/v1/events?limit=500')).json().items).toHaveLength(events);
    expect((await session.get('/v1/session')).statusCode).toBe(200);
  });
});
