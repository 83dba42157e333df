import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledOnce } from '../../src/store/compiled-once.js';
import type { Store } from '../../src/store/db.js';
import { insertRows } from '../../src/store/insert-rows.js';
import type { Db } from '../../src/store/tables.js';
import { DIALECTS, openTestStore } from '../helpers/stores.js';

const partner = (name: string, billingDay: number) => ({
  id: v7(),
  name,
  instance: 'global',
  billing_day: billingDay,
  is_sandbox: 0,
  sandbox_now: null,
  price_book_version: 0,
  created_at: '2026-01-01T00:00:00.000Z',
});

let built = 0;
const byNameAndDay = compiledOnce((db: Db, name: string, billingDay: number) => {
  built += 1;
  return db
    .selectFrom('partners')
    .select(['id', 'name'])
    .where('billing_day', '=', billingDay)
    .where('is_sandbox', '=', 0)
    .where('name', '=', name);
});

describe.each(DIALECTS)('a query compiled once on %s', (dialect) => {
  let store: Store;
  const rows = [partner('North', 3), partner('North', 7), partner('South', 3)];
  beforeAll(async () => {
    store = await openTestStore(dialect);
    await insertRows(store.db, 'partners', rows);
  });
  afterAll(() => store.close());

  it('binds each call its own values, in the places the builder used them', async () => {
    const before = built;
    const find = async (name: string, day: number) =>
      (await byNameAndDay(store.db, name, day)).filter((row) => rows.some((r) => r.id === row.id));
    expect(await find('North', 7)).toEqual([{ id: rows[1]!.id, name: 'North' }]);
    expect(await find('South', 3)).toEqual([{ id: rows[2]!.id, name: 'South' }]);
    expect(await find('South', 7)).toEqual([]);
    await store.db.transaction().execute(async (trx) => {
      expect(await byNameAndDay(trx, 'North', 3)).toContainEqual({
        id: rows[0]!.id,
        name: 'North',
      });
    });
    // Built at most once for this dialect, whichever test file's store was first.
    expect(built - before).toBeLessThanOrEqual(1);
  });
});
