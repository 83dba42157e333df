import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StatementCache } from '../../src/store/dialects/sqlite-statement-cache.js';

describe('SQLite statements prepared once per SQL text', () => {
  const database = new Database(':memory:');
  afterEach(() => database.exec('drop table if exists t'));

  it('gives the same statement for the same text, and it runs with new parameters', () => {
    const cached = new StatementCache(database);
    cached.prepare('create table t (n integer)').run([]);
    const insert = cached.prepare('insert into t (n) values (?)');
    expect(cached.prepare('insert into t (n) values (?)')).toBe(insert);
    for (const n of [1, 2, 3]) cached.prepare('insert into t (n) values (?)').run([n]);
    expect(cached.prepare('select sum(n) as s from t').all([])).toEqual([{ s: 6 }]);
  });

  it('gives a fresh one while the cached one is still being iterated', () => {
    const cached = new StatementCache(database);
    cached.prepare('create table t (n integer)').run([]);
    for (const n of [1, 2]) cached.prepare('insert into t (n) values (?)').run([n]);
    const select = 'select n from t order by n';
    const outer = cached.prepare(select);
    const seen: unknown[] = [];
    for (const row of outer.iterate([])) {
      const inner = cached.prepare(select);
      expect(inner).not.toBe(outer);
      seen.push(row, inner.all([]));
    }
    expect(seen).toEqual([{ n: 1 }, [{ n: 1 }, { n: 2 }], { n: 2 }, [{ n: 1 }, { n: 2 }]]);
    expect(cached.prepare(select)).toBe(outer);
  });

  it('answers rows as better-sqlite3 does: by column name, a later column of a name winning', () => {
    const cached = new StatementCache(database);
    cached.prepare('create table t (n integer, label text, at text)').run([]);
    cached.prepare('insert into t values (?, ?, ?), (?, ?, ?)').run([1, 'a', null, 2, 'b', 'x']);
    const select = 'select n, label, at, label as n from t order by rowid';
    const own = database.prepare(select).all();
    expect(cached.prepare(select).all([])).toEqual(own);
    expect([...cached.prepare(select).iterate([])]).toEqual(own);
    expect(own).toEqual([
      { n: 'a', label: 'a', at: null },
      { n: 'b', label: 'b', at: 'x' },
    ]);
    const returning = 'insert into t (n, label) values (?, ?) returning n, label';
    expect(cached.prepare(returning).all([3, 'c'])).toEqual([{ n: 3, label: 'c' }]);
    expect(cached.prepare('update t set at = ? where n = ?').run(['y', 3]).changes).toBe(1);
  });
});
