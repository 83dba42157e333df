import { createHash } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectName } from '../../src/store/db.js';

/**
 * Watches everything the fuzzed partners own: every table with a `partner_id` column (found by
 * introspection, so new tables count too) and the partners' own rows.
 *
 * - `take()` is the fingerprint: per table, the row count and a sum of row hashes. Two
 *   fingerprints differ when a row was added, removed or changed (and only then: a row written
 *   with the same content again hashes the same).
 * - `probe()` is a cheap signal that something may have been written (how, per database, below).
 *   The runner takes a fingerprint only when the probe moved, so a request that wrote nothing
 *   costs one small query.
 */
export interface Fingerprint {
  /** table → `count:hash`. */
  tables: Record<string, string>;
}

export interface DatabaseWatch {
  probe(): Promise<string>;
  take(): Promise<Fingerprint>;
  /** The tables it covers, for the report. */
  tables: readonly string[];
}

/**
 * What a refused request may change, because refusing it is meant to leave a trace: a wrong
 * password counts towards locking the account (docs/security.md), and locking it is audited.
 */
const REFUSAL_TRACES: {
  columns: Record<string, readonly string[]>;
  rows: Record<string, { column: string; value: string }>;
} = {
  columns: { users: ['failed_sign_ins', 'locked_until'] },
  rows: { events: { column: 'type', value: 'user.locked_out' } },
};

interface Watched {
  table: string;
  /** `id` for partners, else `partner_id`. */
  scope: string;
  /** The columns hashed: all but the refusal traces. */
  columns: string[];
}

export async function watchDatabase(
  // The tables are read by names found at run time, outside the typed schema.
  db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  dialect: DialectName,
  partnerIds: readonly string[],
): Promise<DatabaseWatch> {
  const watched: Watched[] = [];
  for (const table of await db.introspection.getTables()) {
    const names = table.columns.map((c) => c.name);
    const scope =
      table.name === 'partners' ? 'id' : names.includes('partner_id') ? 'partner_id' : null;
    if (scope === null) continue;
    const ignored = REFUSAL_TRACES.columns[table.name] ?? [];
    watched.push({ table: table.name, scope, columns: names.filter((n) => !ignored.includes(n)) });
  }
  watched.sort((a, b) => a.table.localeCompare(b.table));
  if (!watched.some((w) => w.table === 'subscriptions')) {
    throw new Error(`fingerprint: no partner tables (${watched.map((w) => w.table).join()})`);
  }
  const ids = sql.join(partnerIds.map((id) => sql`${id}`));
  const where = (w: Watched): RawBuilder<unknown> => {
    const trace = REFUSAL_TRACES.rows[w.table];
    const scoped = sql`${sql.ref(w.scope)} in (${ids})`;
    return trace ? sql`${scoped} and ${sql.ref(trace.column)} <> ${trace.value}` : scoped;
  };
  return dialect === 'postgres'
    ? postgresWatch(db, watched, where)
    : sqliteWatch(db, watched, where);
}

/**
 * SQLite: temporary triggers on the app's one connection (they live in that connection, not in
 * the database file) note the rowid of every row written, in a table of the connection; a
 * rollback takes the notes back with the writes. The probe is the last note's number; a
 * fingerprint rehashes only the rows noted since the last one, and sums each table's row hashes.
 */
async function sqliteWatch(
  db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  watched: readonly Watched[],
  where: (w: Watched) => RawBuilder<unknown>,
): Promise<DatabaseWatch> {
  await sql`create temp table if not exists fuzz_written (seq integer primary key autoincrement, t text not null, rid integer not null)`.execute(
    db,
  );
  for (const w of watched) {
    for (const [event, row] of [
      ['insert', 'new'],
      ['update', 'new'],
      ['delete', 'old'],
    ] as const) {
      const trigger = sql.raw(`"fuzz_${w.table}_${event}"`);
      await sql`create temp trigger if not exists ${trigger} after ${sql.raw(event)} on main.${sql.table(w.table)} begin insert into fuzz_written (t, rid) values (${sql.lit(w.table)}, ${sql.raw(row)}.rowid); end`.execute(
        db,
      );
    }
  }
  const MASK = (1n << 64n) - 1n;
  const rowHash = (row: Record<string, unknown>) =>
    BigInt(
      `0x${createHash('sha1')
        .update(JSON.stringify(Object.values(row)))
        .digest('hex')
        .slice(0, 16)}`,
    );
  /** Per table: each row's hash by rowid, and their sum. */
  const tables = new Map(
    watched.map((w) => [w.table, { rows: new Map<number, bigint>(), sum: 0n }]),
  );
  const load = async (w: Watched, rowids?: readonly number[]) => {
    const columns = sql.join(w.columns.map((c) => sql.ref(c)));
    const only = rowids ? sql` and rowid in (${sql.join(rowids.map((r) => sql`${r}`))})` : sql``;
    const { rows } = await sql<
      Record<string, unknown>
    >`select rowid as fuzz_rowid, ${columns} from ${sql.table(w.table)} where ${where(w)}${only}`.execute(
      db,
    );
    const table = tables.get(w.table);
    if (!table) return;
    for (const rowid of rowids ?? []) {
      table.sum = (table.sum - (table.rows.get(rowid) ?? 0n)) & MASK;
      table.rows.delete(rowid);
    }
    for (const { fuzz_rowid: rowid, ...row } of rows) {
      const hash = rowHash(row);
      table.rows.set(Number(rowid), hash);
      table.sum = (table.sum + hash) & MASK;
    }
  };
  const lastNote = async () => {
    const { rows } = await sql<{
      seq: number | null;
    }>`select max(seq) as seq from temp.fuzz_written`.execute(db);
    return rows[0]?.seq ?? 0;
  };
  let seen = await lastNote();
  for (const w of watched) await load(w);
  return {
    tables: watched.map((w) => w.table),
    probe: async () => String(await lastNote()),
    async take() {
      const { rows } = await sql<{
        seq: number;
        t: string;
        rid: number;
      }>`select seq, t, rid from temp.fuzz_written where seq > ${seen}`.execute(db);
      const written = new Map<string, Set<number>>();
      for (const note of rows) {
        written.set(note.t, (written.get(note.t) ?? new Set()).add(note.rid));
        seen = Math.max(seen, note.seq);
      }
      for (const w of watched) {
        const rowids = written.get(w.table);
        if (rowids) await load(w, [...rowids]);
      }
      return {
        tables: Object.fromEntries(
          [...tables].map(([name, t]) => [name, `${t.rows.size}:${t.sum.toString(16)}`]),
        ),
      };
    },
  };
}

/**
 * PostgreSQL: the WAL insert position says whether anything at all was written since the last
 * look (one tiny query); only then the partner rows' count and sum of xmin per table, and the
 * content hash (a sum of row hashes, so no sort) only of the tables whose probe moved.
 */
function postgresWatch(
  db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  watched: readonly Watched[],
  where: (w: Watched) => RawBuilder<unknown>,
): DatabaseWatch {
  const union = (tables: readonly Watched[], part: (w: Watched) => RawBuilder<unknown>) =>
    sql.join(tables.map(part), sql` union all `);
  const probeQuery = union(
    watched,
    (w) =>
      sql`select ${w.table}::text as t, count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text as v from ${sql.table(w.table)} where ${where(w)}`,
  );
  const contentOf = (w: Watched) => {
    const row = sql`row(${sql.join(w.columns.map((c) => sql.ref(c)))})::text`;
    return sql`select ${w.table}::text as t, count(*)::text || ':' || coalesce(sum(hashtextextended(${row}, 0)), 0)::text as v from ${sql.table(w.table)} where ${where(w)}`;
  };
  const run = async (query: RawBuilder<unknown>) => {
    const { rows } = await query.execute(db);
    return Object.fromEntries((rows as { t: string; v: string }[]).map((r) => [r.t, r.v]));
  };
  let walAvailable = true;
  let last: { lsn: string | null; tables: Record<string, string> } | null = null;
  const probeTables = async (): Promise<Record<string, string>> => {
    let lsn: string | null = null;
    if (walAvailable) {
      try {
        const { rows } = await sql<{
          lsn: string;
        }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(db);
        lsn = rows[0]?.lsn ?? null;
      } catch {
        walAvailable = false; // not allowed for this role: always probe the tables
      }
    }
    if (last && lsn !== null && lsn === last.lsn) return last.tables;
    last = { lsn, tables: await run(probeQuery) };
    return last.tables;
  };
  /** Content per table, and the probe value it was computed at. */
  const content = new Map<string, { probe: string; value: string }>();
  return {
    tables: watched.map((w) => w.table),
    probe: async () => JSON.stringify(await probeTables()),
    async take() {
      const probes = await probeTables();
      const stale = watched.filter((w) => content.get(w.table)?.probe !== probes[w.table]);
      if (stale.length > 0) {
        const values = await run(union(stale, contentOf));
        for (const w of stale) {
          content.set(w.table, { probe: probes[w.table] ?? '', value: values[w.table] ?? '' });
        }
      }
      return {
        tables: Object.fromEntries(
          watched.map((w) => [w.table, content.get(w.table)?.value ?? '']),
        ),
      };
    },
  };
}

/** The tables whose rows differ, with their counts before and after: `events 12→13`. */
export function fingerprintDiff(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before.tables), ...Object.keys(after.tables)]);
  const changed: string[] = [];
  for (const name of names) {
    const a = before.tables[name];
    const b = after.tables[name];
    if (a !== b) changed.push(`${name} ${a?.split(':')[0] ?? '-'}→${b?.split(':')[0] ?? '-'}`);
  }
  return changed;
}
