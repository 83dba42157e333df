import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.js';
import {
  SIGN_IN_ATTEMPTS_PER_ACCOUNT,
  SIGN_IN_ATTEMPTS_PER_ADDRESS,
  signInWindow,
} from '../../src/domain/sign-in-limits.js';
import { LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from '../../src/domain/user.js';
import { buildApp } from '../../src/http/app.js';
import { createFirstUser } from '../../src/services/create-user.js';
import { purgeSignInAttempts } from '../../src/services/purge-sign-in-attempts.js';
import type { Store } from '../../src/store/db.js';
import { countSignInAttempt } from '../../src/store/sign-in-attempts.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { DIALECTS, openTestStore } from '../helpers/stores.js';

const PASSWORD = 'correct horse battery staple';
const MINUTE = 60_000;

/** What a client can compare between two refusals: everything but the request's own id. */
function visible(response: { statusCode: number; json(): Record<string, unknown> }) {
  const body = response.json();
  delete body.requestId;
  return { status: response.statusCode, body };
}

describe.each(DIALECTS)('sign-in under attack on %s', (dialect) => {
  let t: TestApp;
  let secondNode: { app: TestApp['app']; store: Store };
  const clock = new TestClock('2026-05-01T00:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    // Another server process on the same database: limits must hold across both.
    const store = await openTestStore(dialect, t.store);
    const app = await buildApp({ ...t.ctx, db: store.db }, { logger: false, version: 'test' });
    secondNode = { app, store };
  });
  afterAll(async () => {
    await secondNode.app.close();
    await secondNode.store.close();
    await t.close();
  });

  let sequence = 0;
  async function account() {
    const { partner } = await t.newPartner();
    sequence += 1;
    const email = `target${sequence}-${Math.random().toString(36).slice(2, 8)}@${dialect}.example`;
    await createFirstUser(t.ctx, partner.id, {
      email,
      displayName: 'Pat Target',
      role: 'global_admin',
      password: PASSWORD,
    });
    return { email, partnerId: partner.id };
  }

  function signIn(email: string, password: string, ip: string, app = t.app) {
    return app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { email, password },
      remoteAddress: ip,
    });
  }

  it('counts every one of many parallel wrong passwords, so they lock the account', async () => {
    const { email, partnerId } = await account();
    const attempts = Array.from({ length: 12 }, (_, i) =>
      signIn(
        email,
        `wrong password number ${i}`,
        `10.1.${i % 3}.1`,
        i % 2 ? secondNode.app : t.app,
      ),
    );
    const answers = await Promise.all(attempts);
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(401));

    const right = await signIn(email, PASSWORD, '10.1.9.1');
    const wrong = await signIn(email, 'yet another wrong one', '10.1.9.2');
    expect(visible(right)).toEqual(visible(wrong));
    expect(right.headers['set-cookie']).toBeUndefined();
    const events = await t.store.db
      .selectFrom('events')
      .select('type')
      .where('partner_id', '=', partnerId)
      .where('type', '=', 'user.locked_out')
      .execute();
    // 12 failures: the 5th locks, and so does the 10th of those already on their way.
    expect(events).toHaveLength(2);

    clock.advance(LOCKOUT_MINUTES * MINUTE + 1);
    expect((await signIn(email, PASSWORD, '10.1.9.3')).statusCode).toBe(201);
  });

  it('answers a locked account exactly as a wrong password and an unknown email', async () => {
    const { email } = await account();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i += 1) {
      await signIn(email, 'not it at all, sorry', `10.2.0.${i}`);
    }
    const locked = await signIn(email, PASSWORD, '10.2.1.1');
    const unknown = await signIn(`nobody-${sequence}@${dialect}.example`, PASSWORD, '10.2.1.2');
    expect(visible(locked)).toEqual(visible(unknown));
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe('invalid_credentials');
    expect(locked.json().detail).toMatch(/locked for a while/);
    // The right password given to a locked account did the work of a failure (so its timing is
    // that of one): it was counted.
    const row = await t.store.db
      .selectFrom('users')
      .select('failed_sign_ins')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.failed_sign_ins).toBe(1);
  });

  it('limits attempts per address across server processes', async () => {
    const { email } = await account();
    const ip = `10.3.${sequence}.1`;
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_ADDRESS + 2; i += 1) {
      const app = i % 2 ? secondNode.app : t.app;
      statuses.push((await signIn(`x${i}-${email}`, 'a wrong password', ip, app)).statusCode);
    }
    expect(statuses.slice(0, SIGN_IN_ATTEMPTS_PER_ADDRESS)).toEqual(
      Array(SIGN_IN_ATTEMPTS_PER_ADDRESS).fill(401),
    );
    const limited = await signIn(email, PASSWORD, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toContain('application/problem+json');

    clock.advance(MINUTE);
    expect((await signIn(email, PASSWORD, ip)).statusCode).toBe(201);
  });

  it('forgets the counts of windows that have ended', async () => {
    // Long before any other test's clock, since the database is shared with them.
    const at = new Date('2000-01-01T00:00:30.000Z');
    await countSignInAttempt(t.store.db, `address:purge-${dialect}`, signInWindow(at).start);
    const later = { ...t.ctx, clock: fixedClock(new Date(at.getTime() + MINUTE)) };
    expect(await purgeSignInAttempts(later)).toBe(1);
    expect(await purgeSignInAttempts(later)).toBe(0);
  });

  it('limits attempts per account from many addresses, and lets in who signs in often', async () => {
    const { email } = await account();
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_ACCOUNT; i += 1) {
      await signIn(email.toUpperCase(), 'a wrong password', `10.4.${sequence}.${i}`);
    }
    const limited = await signIn(email, PASSWORD, `10.4.${sequence}.250`, secondNode.app);
    expect(limited.statusCode).toBe(429);

    clock.advance(LOCKOUT_MINUTES * MINUTE + 1);
    const { email: regular } = await account();
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_ADDRESS + 5; i += 1) {
      statuses.push((await signIn(regular, PASSWORD, '10.4.255.1')).statusCode);
    }
    expect(new Set(statuses)).toEqual(new Set([201]));
  });
});
