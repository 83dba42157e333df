import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledOnce, compiledPerShape } from '../../src/store/compiled-once.js';
import type { Store } from '../../src/store/db.js';
import { insertRows } from '../../src/store/insert-rows.js';
import type { Db } from '../../src/store/tables.js';
import { dialectOf } from '../../src/store/dialects/dialect-of.js';
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

const buildsPerShape = new Map<string, number>();
/** Partners by billing day, optionally also by name, in either order by name. */
const byDayMaybeName = compiledPerShape(
  (shape: { byName: boolean; descending: boolean }) => `${shape.byName} ${shape.descending}`,
  (db: Db, shape: { byName: boolean; descending: boolean }, values: Record<string, unknown>) => {
    const key = `${dialectOf(db).name} ${shape.byName} ${shape.descending}`;
    buildsPerShape.set(key, (buildsPerShape.get(key) ?? 0) + 1);
    const byDay = db
      .selectFrom('partners')
      .select(['id', 'name'])
      .where('billing_day', '=', values.day as number);
    return (shape.byName ? byDay.where('name', '=', values.name as string) : byDay)
      .orderBy('name', shape.descending ? 'desc' : 'asc')
      .orderBy('id');
  },
);

describe.each(DIALECTS)('a query compiled once per shape on %s', (dialect) => {
  let store: Store;
  const rows = [partner('Shape A', 11), partner('Shape B', 11), partner('Shape B', 12)];
  const ours = (found: { id: string }[]) =>
    found.filter((row) => rows.some((r) => r.id === row.id)).map((row) => row.id);
  beforeAll(async () => {
    store = await openTestStore(dialect);
    await insertRows(store.db, 'partners', rows);
  });
  afterAll(() => store.close());

  it('builds each shape once and binds each call its own values', async () => {
    const [a, b, c] = rows.map((row) => row.id);
    const ascending = { byName: false, descending: false };
    const named = { byName: true, descending: false };
    expect(ours(await byDayMaybeName(store.db, ascending, { day: 11 }))).toEqual([a, b]);
    expect(ours(await byDayMaybeName(store.db, ascending, { day: 12 }))).toEqual([c]);
    expect(
      ours(await byDayMaybeName(store.db, { byName: false, descending: true }, { day: 11 })),
    ).toEqual([b, a]);
    expect(ours(await byDayMaybeName(store.db, named, { day: 11, name: 'Shape B' }))).toEqual([b]);
    expect(ours(await byDayMaybeName(store.db, named, { day: 12, name: 'Shape A' }))).toEqual([]);
    const name = dialectOf(store.db).name;
    for (const shape of ['false false', 'false true', 'true false']) {
      expect(buildsPerShape.get(`${name} ${shape}`)).toBe(1);
    }
  });

  it('refuses a call without a value its shape binds', async () => {
    await expect(
      byDayMaybeName(store.db, { byName: true, descending: true }, { day: 11, name: 'x' }),
    ).resolves.toEqual([]);
    await expect(
      byDayMaybeName(store.db, { byName: true, descending: true }, { day: 11 }),
    ).rejects.toThrow('no value for slot name');
  });
});
