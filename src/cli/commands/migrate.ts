import { loadConfig } from '../../config.js';
import { openStore } from '../../store/db.js';
import { migrateToLatest } from '../../store/migrate.js';
import { parseOptions } from '../args.js';
import type { CommandOutput } from '../output.js';

export async function runMigrate(args: string[], out: CommandOutput): Promise<void> {
  parseOptions(args, {});
  const config = loadConfig();
  const store = openStore(config.database);
  try {
    const results = await migrateToLatest(store);
    if (results.length === 0) out.stdout(`${config.databaseUrl}: schema is up to date`);
    for (const r of results) out.stdout(`${config.databaseUrl}: applied ${r.migrationName}`);
  } finally {
    await store.close();
  }
}
