import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Partner } from '../../src/domain/partner.js';
import type { Store } from '../../src/store/db.js';
import { inItemTransaction } from '../../src/store/item-transaction.js';
import { insertPartner } from '../../src/store/partners.js';
import type { Db } from '../../src/store/tables.js';
import { DIALECTS, openTestStore } from '../helpers/stores.js';

function newPartner(name: string): Partner {
  return {
    id: v7(),
    name,
    instance: 'global',
    billingDay: 1,
    isSandbox: false,
    sandboxNow: null,
    priceBookVersion: 0,
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
  };
}

const rename = (db: Db, id: string, name: string) =>
  db.updateTable('partners').set({ name }).where('id', '=', id).execute();

const nameOf = async (db: Db, id: string) =>
  (await db.selectFrom('partners').select('name').where('id', '=', id).executeTakeFirstOrThrow())
    .name;

describe.each(DIALECTS)('one item of a batch on %s', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(() => store.close());

  it('inside a transaction, undoes a failed item and keeps the items around it', async () => {
    const [first, failed, last] = ['first', 'failed', 'last'].map(newPartner);
    for (const partner of [first!, failed!, last!]) await insertPartner(store.db, partner);
    await store.db.transaction().execute(async (trx) => {
      await inItemTransaction(trx, (item) => rename(item, first!.id, 'first done'));
      await expect(
        inItemTransaction(trx, async (item) => {
          await rename(item, failed!.id, 'half done');
          throw new Error('refused after a write');
        }),
      ).rejects.toThrow('refused after a write');
      // A database error too: PostgreSQL would otherwise refuse every later statement.
      await expect(
        inItemTransaction(trx, async (item) => {
          await rename(item, failed!.id, 'half done again');
          await insertPartner(item, first!);
        }),
      ).rejects.toThrow();
      await inItemTransaction(trx, (item) => rename(item, last!.id, 'last done'));
    });
    expect(await nameOf(store.db, first!.id)).toBe('first done');
    expect(await nameOf(store.db, failed!.id)).toBe('failed');
    expect(await nameOf(store.db, last!.id)).toBe('last done');
  });

  it('outside a transaction, commits each item on its own', async () => {
    const partner = newPartner('alone');
    await insertPartner(store.db, partner);
    await inItemTransaction(store.db, (item) => rename(item, partner.id, 'renamed'));
    await expect(
      inItemTransaction(store.db, async (item) => {
        await rename(item, partner.id, 'not kept');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await nameOf(store.db, partner.id)).toBe('renamed');
  });
});
