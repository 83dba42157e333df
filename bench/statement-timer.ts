/**
 * Loaded into the built server by `PSC_PROFILE_STATEMENTS=1 npm run bench:profile`
 * (`node --import tsx --import ./bench/statement-timer.ts dist/main.js`): times every SQLite
 * statement the server runs, by SQL text, and writes the totals as JSON to the file
 * PSC_STATEMENT_TIMES when the server exits.
 */
import { writeFileSync } from 'node:fs';
import type {
  PreparedStatement,
  StatementCache as Cache,
} from '../src/store/dialects/sqlite-statement-cache.js';

export interface StatementTotals {
  [sql: string]: { calls: number; micros: number };
}

const out = process.env.PSC_STATEMENT_TIMES;
if (out === undefined) throw new Error('set PSC_STATEMENT_TIMES to the file to write');
const built = new URL('../dist/store/dialects/sqlite-statement-cache.js', import.meta.url).href;
const { StatementCache } = (await import(built)) as { StatementCache: typeof Cache };

const totals: StatementTotals = {};
const timed = new WeakSet<PreparedStatement>();
// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with each cache as `this`
const original = StatementCache.prototype.prepare;
StatementCache.prototype.prepare = function prepareTimed(this: Cache, sql: string) {
  const statement = original.call(this, sql);
  if (timed.has(statement)) return statement;
  timed.add(statement);
  const total = (totals[sql] ??= { calls: 0, micros: 0 });
  const all = statement.all.bind(statement);
  const run = statement.run.bind(statement);
  const time = <T>(work: () => T): T => {
    const start = process.hrtime.bigint();
    try {
      return work();
    } finally {
      total.calls += 1;
      total.micros += Number(process.hrtime.bigint() - start) / 1000;
    }
  };
  statement.all = (parameters) => time(() => all(parameters));
  statement.run = (parameters) => time(() => run(parameters));
  return statement;
};

process.on('exit', () => writeFileSync(out, JSON.stringify(totals)));
