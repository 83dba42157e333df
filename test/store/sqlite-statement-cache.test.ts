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
});
