import type BetterSqlite3 from 'better-sqlite3';

/** Distinct SQL texts kept prepared; an `in (…)` of another length is another text. */
const CAPACITY = 500;

/**
 * Counts the schema changes made through any cache that shares it. A statement is prepared for
 * the schema it was prepared with: SQLite prepares it again by itself after a change, but the
 * column names a cached statement keeps (PreparedStatement) would then be stale.
 */
export class SchemaChanges {
  count = 0;
}

const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i;

/**
 * Each SQL text prepared once: preparing is about a fifth of the CPU of a short query, and the
 * same few dozen texts run all day. A statement still being iterated (a streamed select) is busy;
 * a second use of its text gets a fresh one. A schema change (a migration) run through a cache
 * that shares `schema` empties every such cache.
 */
export class StatementCache {
  readonly #database: BetterSqlite3.Database;
  readonly #statements = new Map<string, PreparedStatement>();
  readonly #schema: SchemaChanges;
  #preparedFor: number;

  constructor(database: BetterSqlite3.Database, schema = new SchemaChanges()) {
    this.#database = database;
    this.#schema = schema;
    this.#preparedFor = schema.count;
  }

  prepare(sql: string): PreparedStatement {
    if (this.#preparedFor !== this.#schema.count) {
      this.#statements.clear();
      this.#preparedFor = this.#schema.count;
    }
    const cached = this.#statements.get(sql);
    if (cached && !cached.busy) return cached;
    const changesSchema = SCHEMA_CHANGE.test(sql) ? this.#schema : undefined;
    const statement = new PreparedStatement(this.#database.prepare(sql), changesSchema);
    if (cached) return statement;
    if (this.#statements.size >= CAPACITY) {
      const oldest = this.#statements.keys().next().value;
      if (oldest !== undefined) this.#statements.delete(oldest);
    }
    this.#statements.set(sql, statement);
    return statement;
  }
}

type Row = Record<string, unknown>;

/**
 * A prepared statement whose rows are read as arrays and made objects here, by column position.
 * better-sqlite3 builds each row object in C++ one property at a time, which for a page of 50
 * subscriptions (31 columns) took twice as long as reading the arrays and building the objects
 * in JavaScript, where every row of a statement gets the same shape. Rows are as
 * better-sqlite3's own: a later column of the same name wins.
 */
export class PreparedStatement {
  readonly #statement: BetterSqlite3.Statement;
  /** Read after its first run: SQLite may prepare it again then, for a schema it had not seen. */
  #columns: readonly string[] | undefined;
  readonly #changesSchema: SchemaChanges | undefined;

  constructor(statement: BetterSqlite3.Statement, changesSchema?: SchemaChanges) {
    this.#statement = statement;
    this.#changesSchema = changesSchema;
    if (statement.reader) statement.raw(true);
  }

  get reader(): boolean {
    return this.#statement.reader;
  }

  get readonly(): boolean {
    return this.#statement.readonly;
  }

  get busy(): boolean {
    return this.#statement.busy;
  }

  all(parameters: readonly unknown[]): Row[] {
    const rows = this.#statement.all(parameters) as unknown[][];
    const objects = new Array<Row>(rows.length);
    for (let index = 0; index < rows.length; index += 1) {
      objects[index] = this.#objectOf(rows[index] as unknown[]);
    }
    return objects;
  }

  *iterate(parameters: readonly unknown[]): IterableIterator<Row> {
    for (const values of this.#statement.iterate(parameters) as IterableIterator<unknown[]>) {
      yield this.#objectOf(values);
    }
  }

  run(parameters: readonly unknown[]): BetterSqlite3.RunResult {
    const result = this.#statement.run(parameters);
    if (this.#changesSchema) this.#changesSchema.count += 1;
    return result;
  }

  #columnNames(): string[] {
    return this.#statement.columns().map((column) => column.name);
  }

  #objectOf(values: readonly unknown[]): Row {
    // `select *` after another process added a column: SQLite prepared it again with one more.
    let columns = (this.#columns ??= this.#columnNames());
    if (values.length !== columns.length) columns = this.#columns = this.#columnNames();
    const row: Row = {};
    for (let index = 0; index < columns.length; index += 1) {
      row[columns[index] as string] = values[index];
    }
    return row;
  }
}
