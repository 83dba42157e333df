import { execFile } from 'node:child_process';
import { fdatasync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { GroupCommitSqliteDialect } from '../../src/store/dialects/sqlite-driver.js';
import { WalCheckpointer } from '../../src/store/dialects/wal-checkpointer.js';
import { WalSync, WalSyncError } from '../../src/store/dialects/wal-sync.js';

const run = promisify(execFile);

interface Rows {
  t: { n: number };
}

/**
 * The real fdatasync, held back until the test lets it go: shows what waits for which sync.
 * `started` counts the syncs begun, `release()` lets the oldest held one finish.
 */
function heldSync() {
  const held: (() => Promise<void>)[] = [];
  let started = 0;
  const syncFile = (fd: number, done: (error: Error | null) => void) => {
    started += 1;
    held.push(
      () =>
        new Promise<void>((finished) => {
          fdatasync(fd, (error) => {
            done(error);
            finished();
          });
        }),
    );
  };
  return {
    syncFile,
    started: () => started,
    /** Lets the oldest held sync run, and resolves once it has finished (a busy disk is slow). */
    release: async () => {
      await held.shift()?.();
    },
    forgetStarted: () => (started = 0),
  };
}

/** Lets pending callbacks and promise reactions run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function tracked<T>(promise: Promise<T>) {
  const state = { done: false, value: undefined as T | undefined, error: undefined as unknown };
  void promise.then(
    (value) => {
      state.done = true;
      state.value = value;
    },
    (error: unknown) => {
      state.error = error;
    },
  );
  return state;
}

describe('group commit on SQLite', () => {
  let path: string;
  let database: SqliteDatabase.Database;
  let db: Kysely<Rows>;
  let sync: ReturnType<typeof heldSync>;

  beforeEach(async () => {
    path = join(mkdtempSync(join(tmpdir(), 'psc-group-commit-')), 'db.sqlite');
    database = new SqliteDatabase(path);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    sync = heldSync();
    db = new Kysely<Rows>({
      dialect: new GroupCommitSqliteDialect(database, {
        sync: new WalSync(`${path}-wal`, sync.syncFile),
        checkpointer: new WalCheckpointer(path, (message) => {
          throw new Error(message);
        }),
      }),
    });
    const created = sql`create table t (n integer not null)`.execute(db);
    await settle();
    await sync.release();
    await created;
    sync.forgetStarted();
  });
  afterEach(() => db.destroy());

  const insert = (n: number) =>
    db.transaction().execute((trx) => trx.insertInto('t').values({ n }).execute());

  it('answers a transaction only once a sync begun after its commit has finished', async () => {
    const first = tracked(insert(1));
    await settle();
    expect(sync.started()).toBe(1);
    expect(first.done).toBe(false);
    await sync.release();
    await settle();
    expect(first.done).toBe(true);
  });

  it('lets every commit waiting during one sync share the next one', async () => {
    const first = tracked(insert(0));
    await settle();
    const waiting = Array.from({ length: 20 }, (_, i) => tracked(insert(i + 1)));
    await settle();
    // All twenty committed while the first sync was running, so none of them is durable yet.
    expect(database.prepare('select count(*) as c from t').get()).toEqual({ c: 21 });
    expect(sync.started()).toBe(1);
    await sync.release();
    await settle();
    expect(first.done).toBe(true);
    expect(waiting.some((state) => state.done)).toBe(false);
    expect(sync.started()).toBe(2);
    await sync.release();
    await settle();
    expect(waiting.every((state) => state.done)).toBe(true);
    expect(sync.started()).toBe(2);
  });

  it('hands the connection on while a commit waits for its sync, and holds back what reads it', async () => {
    const first = tracked(insert(1));
    await settle();
    const second = tracked(insert(2));
    const read = tracked(db.selectFrom('t').select('n').execute());
    await settle();
    // Both ran (the second commit is in the file) before the first's sync was done...
    expect(database.prepare('select count(*) as c from t').get()).toEqual({ c: 2 });
    expect([first.done, second.done, read.done]).toEqual([false, false, false]);
    await sync.release();
    await settle();
    // ...and the read, which saw the second commit, answers with it.
    expect([first.done, second.done, read.done]).toEqual([true, false, false]);
    await sync.release();
    await settle();
    expect([second.done, read.done]).toEqual([true, true]);
    expect(read.value).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('answers a read at once when every commit it could see is durable', async () => {
    const first = tracked(insert(1));
    await settle();
    await sync.release();
    await settle();
    expect(first.done).toBe(true);
    expect(await db.selectFrom('t').select('n').execute()).toEqual([{ n: 1 }]);
    expect(sync.started()).toBe(1);
  });

  it('syncs a write made outside a transaction, and nothing for reads and rollbacks', async () => {
    const lone = tracked(db.insertInto('t').values({ n: 1 }).execute());
    await settle();
    expect(lone.done).toBe(false);
    await sync.release();
    await settle();
    expect(lone.done).toBe(true);

    await db.selectFrom('t').selectAll().execute();
    await db.transaction().execute((trx) => trx.selectFrom('t').selectAll().execute());
    const refused = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ n: 2 }).execute();
      throw new Error('refused');
    });
    await expect(refused).rejects.toThrow('refused');
    expect(sync.started()).toBe(1);
    expect(database.prepare('select count(*) as c from t').get()).toEqual({ c: 1 });
  });

  it('commits the transactions that queued while one ran once for all, each undone alone', async () => {
    const outcomes = [1, 2, 3, 4, 5].map((n) =>
      tracked(
        db.transaction().execute(async (trx) => {
          await trx.insertInto('t').values({ n }).execute();
          if (n === 3) throw new Error('refused');
        }),
      ),
    );
    await settle();
    expect(sync.started()).toBe(1);
    expect(outcomes.some((state) => state.done)).toBe(false);
    await sync.release();
    await settle();
    expect(outcomes.map((state) => state.done)).toEqual([true, true, false, true, true]);
    expect(outcomes[2]?.error).toEqual(new Error('refused'));
    expect(database.prepare('select n from t order by n').all()).toEqual(
      [1, 2, 4, 5].map((n) => ({ n })),
    );
  });

  it('fails every transaction of a batch whose commit fails, keeping none of them', async () => {
    // A deferred foreign key is checked at the commit: one member's violation fails the batch.
    database.pragma('foreign_keys = ON');
    const created = db.transaction().execute(async (trx) => {
      await sql`create table parent (id integer primary key)`.execute(trx);
      await sql`create table child (parent integer references parent (id) deferrable initially deferred)`.execute(
        trx,
      );
    });
    await settle();
    await sync.release();
    await created;
    const valid = db.transaction().execute((trx) => trx.insertInto('t').values({ n: 1 }).execute());
    const orphan = db
      .transaction()
      .execute((trx) => sql`insert into child (parent) values (99)`.execute(trx));
    const results = await Promise.allSettled([valid, orphan]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(database.prepare('select count(*) as c from t').get()).toEqual({ c: 0 });
    expect(database.inTransaction).toBe(false);
    expect(sync.started()).toBe(1);
    // The connection goes on: the next transaction commits.
    const next = tracked(db.insertInto('t').values({ n: 2 }).execute());
    await settle();
    await sync.release();
    await settle();
    expect(next.done).toBe(true);
  });

  it('fails a sync whose write-ahead log cannot be opened, instead of throwing', async () => {
    const missing = new WalSync(join(path, 'no-such-dir', 'db.sqlite-wal'));
    await expect(missing.sync()).rejects.toBeInstanceOf(WalSyncError);
    await expect(missing.settled()).rejects.toThrow(/could not be opened/);
  });

  it('refuses to confirm anything after a failed sync', async () => {
    const failing = new WalSync(`${path}-wal`, (_fd, done) => done(new Error('EIO')));
    await expect(failing.sync()).rejects.toBeInstanceOf(WalSyncError);
    await expect(failing.sync()).rejects.toThrow(/could not be synced.*restart the server/);
    failing.close();
  });
});

describe('reads outside transactions on a store', () => {
  it('read what is committed at once, neither queueing behind a transaction nor seeing it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'psc-reads-')), 'psc.sqlite');
    const store = openStore({ dialect: 'sqlite', path });
    const db = store.db as unknown as Kysely<Rows>;
    try {
      await sql`create table t (n integer not null)`.execute(db);
      await db.insertInto('t').values({ n: 1 }).execute();
      let finish: () => void = () => undefined;
      const open = new Promise<void>((resolve) => (finish = resolve));
      const transaction = db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ n: 2 }).execute();
        await open;
      });
      await settle();
      expect(await db.selectFrom('t').select('n').execute()).toEqual([{ n: 1 }]);
      finish();
      await transaction;
      expect(await db.selectFrom('t').select('n').orderBy('n').execute()).toEqual([
        { n: 1 },
        { n: 2 },
      ]);
      await expect(sql`insert into t (n) values (3)`.execute(db)).resolves.toBeDefined();
    } finally {
      await store.close();
    }
  });

  it('answer rows with the columns a migration gave the table, not those cached before', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'psc-reads-')), 'psc.sqlite');
    const store = openStore({ dialect: 'sqlite', path });
    const db = store.db as unknown as Kysely<{ t: { a: string; b: string } }>;
    try {
      await sql`create table t (a text, b text)`.execute(db);
      await db.insertInto('t').values({ a: 'x', b: 'y' }).execute();
      expect(await db.selectFrom('t').selectAll().execute()).toEqual([{ a: 'x', b: 'y' }]);
      await db.transaction().execute(async (trx) => {
        await sql`alter table t rename to t_old`.execute(trx);
        await sql`create table t (b text, a text)`.execute(trx);
        await sql`insert into t (a, b) select a, b from t_old`.execute(trx);
      });
      expect(await db.selectFrom('t').selectAll().execute()).toEqual([{ a: 'x', b: 'y' }]);
    } finally {
      await store.close();
    }
  });
});

describe('the checkpointer thread', () => {
  it('copies the WAL into the database file while the server connection only commits', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'psc-checkpoint-')), 'psc.sqlite');
    const store = openStore({ dialect: 'sqlite', path });
    try {
      await sql`create table t (n integer not null, filler text not null)`.execute(store.db);
      const sizeBefore = statSync(path).size;
      for (let n = 0; n < 250; n += 1) {
        await sql`insert into t (n, filler) values (${n}, ${'x'.repeat(4000)})`.execute(store.db);
      }
      // Checkpoints every 100 commits: the first 200 rows reach the database file.
      const copied = sizeBefore + 200 * 4000;
      let size = statSync(path).size;
      for (let i = 0; i < 100 && size < copied; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        size = statSync(path).size;
      }
      expect(size).toBeGreaterThanOrEqual(copied);
    } finally {
      await store.close();
    }
  });
});

describe('closing a store whose checkpointer thread runs', () => {
  it('ends the process normally once the store is closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'psc-checkpoint-close-'));
    const root = process.cwd();
    // Enough commits for two checkpoints, and nothing else that would keep the process alive.
    const script = `
      import { openStore } from '${root}/src/store/db.ts';
      import { sql } from '${root}/node_modules/kysely/dist/esm/index.js';
      const store = openStore({ dialect: 'sqlite', path: '${join(dir, 'psc.sqlite')}' });
      await sql\`create table t (n integer)\`.execute(store.db);
      for (let n = 0; n < 250; n += 1) await sql\`insert into t (n) values (\${n})\`.execute(store.db);
      await store.close();
      console.log('closed');
    `;
    writeFileSync(join(dir, 'close.mts'), script);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(dir, 'close.mts')]);
    expect(stdout.trim()).toBe('closed');
  });
});
