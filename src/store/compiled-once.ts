import type { Compilable, CompiledQuery } from 'kysely';
import { dialectOf } from './dialects/dialect-of.js';
import type { Db } from './tables.js';

/** Where an argument goes in a query built once: each run binds the call's value there. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A query whose SQL depends only on the dialect, built and compiled once per dialect and then run
 * with each call's values. Building and compiling a Kysely query tree costs more than SQLite
 * takes to answer a lookup by key, on every request's token and partner reads. Each argument is
 * one value, bound where the builder uses it: never a list, whose length would change the SQL.
 */
export function compiledOnce<A extends unknown[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<R[]> {
  const compiled = new Map<string, CompiledQuery<R>>();
  return async (db, ...args) => {
    const dialect = dialectOf(db).name;
    let query = compiled.get(dialect);
    if (query === undefined) {
      const slots = args.map((_, index) => new Slot(index)) as A;
      query = build(db, ...slots).compile();
      compiled.set(dialect, query);
    }
    const parameters = query.parameters.map((value) =>
      value instanceof Slot ? args[value.index] : value,
    );
    const result = await db.executeQuery<R>({ ...query, parameters });
    return result.rows;
  };
}
