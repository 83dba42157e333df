import type { Compilable, CompiledQuery } from 'kysely';
import { dialectOf } from './dialects/dialect-of.js';
import type { Db } from './tables.js';

/** Where a value goes in a query built once: each run binds the call's value there. */
class Slot {
  constructor(readonly name: string) {}
}

/** What a call binds into its shape's query, by slot name. */
export type ShapeValues = Readonly<Record<string, unknown>>;

/** The compiled query with each slot's value of this call in its place. */
function bound<R>(query: CompiledQuery<R>, values: ShapeValues) {
  const parameters = query.parameters.map((value) => {
    if (!(value instanceof Slot)) return value;
    if (!(value.name in values)) throw new Error(`no value for slot ${value.name}`);
    return values[value.name];
  });
  return { ...query, parameters };
}

/**
 * A query whose SQL depends on a few choices (which filters are given, the order, whether there is
 * a cursor): built and compiled once per dialect and shape, then run with each call's values. The
 * builder decides the SQL from `shape` alone and uses each of `values` only as a value to bind
 * (never to decide anything: on the first build it holds placeholders), and `values` must have the
 * same keys for the same shape. A list's query tree cost a tenth of its page's CPU to build.
 */
export function compiledPerShape<S, V extends ShapeValues, R>(
  shapeKey: (shape: S) => string,
  build: (db: Db, shape: S, values: V) => Compilable<R>,
): (db: Db, shape: S, values: V) => Promise<R[]> {
  const compiled = new Map<string, CompiledQuery<R>>();
  return async (db, shape, values) => {
    const key = `${dialectOf(db).name} ${shapeKey(shape)}`;
    let query = compiled.get(key);
    if (query === undefined) {
      const slots = Object.fromEntries(Object.keys(values).map((name) => [name, new Slot(name)]));
      query = build(db, shape, slots as unknown as V).compile();
      compiled.set(key, query);
    }
    const result = await db.executeQuery<R>(bound(query, values));
    return result.rows;
  };
}

/**
 * A query whose SQL depends only on the dialect: compiledPerShape with one shape, its arguments
 * the values. Building and compiling a Kysely query tree costs more than SQLite takes to answer a
 * lookup by key, on every request's token and partner reads. Each argument is one value, bound
 * where the builder uses it: never a list, whose length would change the SQL.
 */
export function compiledOnce<A extends unknown[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<R[]> {
  const run = compiledPerShape(
    () => '',
    (db: Db, _shape: undefined, args: ShapeValues) => build(db, ...(Object.values(args) as A)),
  );
  return (db, ...args) => run(db, undefined, Object.fromEntries(args.entries()));
}
