import { randomBytes } from 'node:crypto';
import pg from 'pg';

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
