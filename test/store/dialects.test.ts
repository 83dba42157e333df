import { setTimeout as sleep } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Partner } from '../../src/domain/partner.js';
import type { DialectName, Store } from '../../src/store/db.js';
import { dialectOf } from '../../src/store/dialects/dialect-of.js';
import { insertPartner } from '../../src/store/partners.js';
import type { Database, Db } from '../../src/store/tables.js';
import { DIALECTS, openTestStore } from '../helpers/stores.js';

function newPartner(): Partner {
  return {
    id: v7(),
    name: 'Dialect Test',
    instance: 'global',
    billingDay: 1,
    isSandbox: false,
    sandboxNow: null,
    priceBookVersion: 0,
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
  };
}

/** SQLite has no row locks and needs none: BEGIN IMMEDIATE already admits one writer. */
const LOCKING_SQL: Record<DialectName, { forUpdate: string; skipLocked: string }> = {
  sqlite: { forUpdate: '', skipLocked: '' },
  postgres: { forUpdate: ' for update', skipLocked: ' for update skip locked' },
};

/** Runs `work` in a transaction that stays open, holding its locks, until `end` is called. */
function holdTransaction<T>(db: Kysely<Database>, work: (trx: Db) => Promise<T>) {
  let end!: () => void;
  const ending = new Promise<void>((resolve) => (end = resolve));
  let done!: Promise<void>;
  const ready = new Promise<T>((resolve, reject) => {
    done = db.transaction().execute(async (trx) => {
      resolve(await work(trx));
      await ending;
    });
    done.catch(reject);
  });
  return {
    ready,
    end: () => {
      end();
      return done;
    },
  };
}

describe.each(DIALECTS)('the %s dialect', (dialect) => {
  let store: Store;
  let partner: Partner;
  const partnerRow = (db: Db) =>
    db.selectFrom('partners').select('id').where('id', '=', partner.id);

  beforeAll(async () => {
    store = await openTestStore(dialect);
    partner = newPartner();
    await insertPartner(store.db, partner);
  });
  afterAll(() => store.close());

  it('is the one that opened the store, and its transactions find it too', async () => {
    const opened = dialectOf(store.db);
    expect(opened.name).toBe(dialect);
    await store.db.transaction().execute((trx) => {
      expect(dialectOf(trx)).toBe(opened);
      return Promise.resolve();
    });
  });

  it('tells a unique violation from other refusals', async () => {
    const { isUniqueViolation } = dialectOf(store.db);
    const duplicate = await insertPartner(store.db, partner).catch((error: unknown) => error);
    const missingName = await sql`insert into partners (id) values (${v7()})`
      .execute(store.db)
      .catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(missingName).toBeInstanceOf(Error);
    expect(isUniqueViolation(missingName)).toBe(false);
    expect(isUniqueViolation(new Error('duplicate key'))).toBe(false);
  });

  it('reads the rows it locks, with or without skipping locked ones', async () => {
    const { lockForUpdate, skipLocked } = dialectOf(store.db);
    await store.db.transaction().execute(async (trx) => {
      expect(await lockForUpdate(partnerRow(trx)).execute()).toEqual([{ id: partner.id }]);
      expect(await skipLocked(partnerRow(trx)).execute()).toEqual([{ id: partner.id }]);
    });
  });

  it('claims an advisory lock inside a transaction', async () => {
    const { tryAdvisoryLock } = dialectOf(store.db);
    await store.db.transaction().execute(async (trx) => {
      expect(await tryAdvisoryLock(trx, `${partner.id}:claim`)).toBe(true);
    });
  });

  it('adds to a query only the locking SQL its database needs', () => {
    const { lockForUpdate, skipLocked } = dialectOf(store.db);
    const plain = partnerRow(store.db).compile().sql;
    expect(lockForUpdate(partnerRow(store.db)).compile().sql).toBe(
      plain + LOCKING_SQL[dialect].forUpdate,
    );
    expect(skipLocked(partnerRow(store.db)).compile().sql).toBe(
      plain + LOCKING_SQL[dialect].skipLocked,
    );
  });
});

// SQLite has neither row nor advisory locks to test: it admits one writer at a time.
describe('the postgres dialect across connections', () => {
  let store: Store;
  let partner: Partner;
  const partnerRow = (db: Db) =>
    db.selectFrom('partners').select('id').where('id', '=', partner.id);

  beforeAll(async () => {
    store = await openTestStore('postgres');
    partner = newPartner();
    await insertPartner(store.db, partner);
  });
  afterAll(() => store.close());

  // The pool gives each transaction its own connection: two sessions, as two servers would be.
  it('makes a second connection wait for a locked row, or pass it by with skipLocked', async () => {
    const { lockForUpdate, skipLocked } = dialectOf(store.db);
    const holder = holdTransaction(store.db, (trx) => lockForUpdate(partnerRow(trx)).execute());
    try {
      expect(await holder.ready).toEqual([{ id: partner.id }]);
      const skipped = await store.db
        .transaction()
        .execute((trx) => skipLocked(partnerRow(trx)).execute());
      expect(skipped).toEqual([]);

      let waiting = true;
      const waiter = store.db
        .transaction()
        .execute((trx) => lockForUpdate(partnerRow(trx)).execute())
        .finally(() => (waiting = false));
      await sleep(200);
      expect(waiting).toBe(true);

      await holder.end();
      expect(await waiter).toEqual([{ id: partner.id }]);
    } finally {
      await holder.end();
    }
  });

  it('refuses an advisory lock another transaction holds, until that transaction ends', async () => {
    const { tryAdvisoryLock } = dialectOf(store.db);
    const name = `${partner.id}:key`;
    const tryInOwnTransaction = (lockName: string) =>
      store.db.transaction().execute((trx) => tryAdvisoryLock(trx, lockName));

    const holder = holdTransaction(store.db, (trx) => tryAdvisoryLock(trx, name));
    try {
      expect(await holder.ready).toBe(true);
      expect(await tryInOwnTransaction(name)).toBe(false);
      expect(await tryInOwnTransaction(`${partner.id}:another key`)).toBe(true);

      await holder.end();
      expect(await tryInOwnTransaction(name)).toBe(true);
    } finally {
      await holder.end();
    }
  });
});

describe('dialectOf', () => {
  it('refuses a database the store did not open', async () => {
    const foreign = new Kysely<Database>({
      dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }),
    });
    expect(() => dialectOf(foreign)).toThrow('not opened by openStore');
    await foreign.destroy();
  });
});
