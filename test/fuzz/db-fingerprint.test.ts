import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCustomerBody } from '../helpers/customers.js';
import { DIALECTS } from '../helpers/stores.js';
import { fingerprintDiff, watchDatabase } from './db-fingerprint.js';
import { createFuzzApp, type FuzzApp } from './fuzz-app.js';

/** The fingerprint the fuzz suite compares around each refused request catches what it is for. */
describe.each(DIALECTS)('the database fingerprint on %s', (dialect) => {
  let fuzz: FuzzApp;
  let watched: string;
  let token: string;
  let bystander: string;

  beforeAll(async () => {
    fuzz = await createFuzzApp(dialect);
    ({ partnerId: watched, token } = await fuzz.newPartner());
    bystander = (await fuzz.newPartner()).partnerId;
  });
  afterAll(() => fuzz.close());

  const db = () => fuzz.store.db;

  it('moves when a watched partner’s row changes, not when another partner’s does', async () => {
    const watch = await watchDatabase(db(), dialect, [watched]);
    expect(watch.tables).toEqual(expect.arrayContaining(['partners', 'customers', 'events']));
    const first = { probe: await watch.probe(), fingerprint: await watch.take() };

    await sql`update partners set name = 'Renamed' where id = ${bystander}`.execute(db());
    expect(await watch.take()).toEqual(first.fingerprint);

    await sql`update partners set name = 'Renamed' where id = ${watched}`.execute(db());
    expect(await watch.probe()).not.toBe(first.probe);
    const second = await watch.take();
    expect(second.tables.partners).not.toBe(first.fingerprint.tables.partners);
    expect(second.tables.events).toBe(first.fingerprint.tables.events);

    // The same content again: the fingerprint is of the content, not of the writes.
    await sql`update partners set name = 'Fuzz Partner' where id = ${watched}`.execute(db());
    expect(await watch.take()).toEqual(first.fingerprint);
  });

  it('counts rows the app inserts and rows that are deleted', async () => {
    const watch = await watchDatabase(db(), dialect, [watched]);
    const before = await watch.take();
    const created = await fuzz.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { authorization: `Bearer ${token}` },
      payload: newCustomerBody(),
    });
    expect(created.statusCode).toBe(201);
    const after = await watch.take();
    expect(fingerprintDiff(before, after)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^customers 0→1$/),
        expect.stringMatching(/^events /),
      ]),
    );
    await sql`delete from events where partner_id = ${watched} and type = 'customer.created'`.execute(
      db(),
    );
    expect(fingerprintDiff(after, await watch.take())).toEqual([expect.stringMatching(/^events /)]);
  });
});
