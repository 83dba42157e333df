import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { CpuMeter } from './measure.js';
import { cpuSecondsOf } from './processes.js';

export interface ScratchDatabase {
  /** Connection URL of the new database. */
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty database `psc_bench_<random>` on the server of `serverUrl` (connecting to the
 * database that URL names), for one bench run; `drop()` removes it, closing what is still open.
 */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `psc_bench_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await onServer(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** The server's version and the settings that decide what a commit costs. */
export async function describeServer(serverUrl: string): Promise<string> {
  const rows = await onServer<{ name: string; setting: string }>(
    serverUrl,
    `select name, setting from pg_settings
      where name in ('server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'commit_delay')
      order by name`,
  );
  const setting = new Map(rows.map((r) => [r.name, r.setting]));
  const version = setting.get('server_version') ?? '?';
  setting.delete('server_version');
  return `PostgreSQL ${version}: ${[...setting].map(([name, value]) => `${name}=${value}`).join(', ')}`;
}

/**
 * Counts the CPU time of the server processes serving `databaseUrl`'s database (its backends),
 * read from /proc: NaN when the server is not on this machine. Each backend counts from the start
 * or from when it connected; one that disconnects meanwhile is not counted, nor is shared work
 * (WAL writer, checkpointer).
 */
export function backendsCpu(databaseUrl: string): CpuMeter {
  const snapshot = async () => {
    const backends = await onServer<{ pid: number }>(
      databaseUrl,
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return new Map(
      backends.map(({ pid }) => [pid, isPostgres(pid) ? cpuSecondsOf(pid) : Number.NaN]),
    );
  };
  return async () => {
    const before = await snapshot();
    return async () => {
      let seconds = 0;
      for (const [pid, cpu] of await snapshot()) seconds += cpu - (before.get(pid) ?? 0);
      return seconds;
    };
  };
}

/** A remote server's backend pid may name another process here, or none. */
function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres');
  } catch {
    return false;
  }
}

async function onServer<Row extends object = object>(
  serverUrl: string,
  statement: string,
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query<Row>(statement)).rows;
  } finally {
    await client.end();
  }
}
