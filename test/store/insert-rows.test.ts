import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/db.js';
import { insertRows } from '../../src/store/insert-rows.js';
import { DIALECTS, openTestStore } from '../helpers/stores.js';

const partner = (name: string) => ({
  id: v7(),
  name,
  instance: 'global',
  billing_day: 1,
  is_sandbox: 0,
  sandbox_now: null,
  price_book_version: 0,
  created_at: '2026-01-01T00:00:00.000Z',
});

describe.each(DIALECTS)('insertRows on %s', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(() => store.close());

  const read = (ids: string[]) =>
    store.db
      .selectFrom('partners')
      .select(['id', 'name', 'billing_day', 'sandbox_now'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();

  it('writes every row with its own values, once and again with the kept statement', async () => {
    for (const round of [1, 2]) {
      const rows = [partner(`A${round}`), { ...partner(`B${round}`), billing_day: 15 }];
      await insertRows(store.db, 'partners', rows);
      expect(await read(rows.map((r) => r.id))).toEqual(
        rows.map(({ id, name, billing_day }) => ({ id, name, billing_day, sandbox_now: null })),
      );
    }
  });

  it('writes nothing for no rows, and refuses a row without one of the columns', async () => {
    await insertRows(store.db, 'partners', []);
    const complete = partner('Complete');
    const nameless: Record<string, unknown> = partner('Nameless');
    delete nameless.name;
    const refused = insertRows(store.db, 'partners', [complete, nameless as typeof complete]);
    await expect(refused).rejects.toThrow('insert into partners: a row has no name');
    expect(await read([complete.id])).toEqual([]);
  });
});
