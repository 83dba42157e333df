import { ConfigError } from '../config.js';
import { DomainError } from '../domain/errors.js';
import { CatalogError } from '../store/catalog-files.js';
import { MigrationFailedError } from '../store/migrate.js';
import { SecretKeyError } from '../services/webhooks/secret-box.js';
import { runMigrate } from './commands/migrate.js';
import { runPartnerCreate } from './commands/partner-create.js';
import { runUserCreate } from './commands/user-create.js';
import { runWorker } from './commands/worker.js';
import { runSecretsNewKey, runSecretsReseal } from './commands/secrets.js';
import { runTokenCreate, runTokenList, runTokenRevoke } from './commands/tokens.js';
import { UsageError, type CommandOutput } from './output.js';

const USAGE = `Usage: psc <command> [options]

Commands:
  partner create --name NAME [--instance global|usgov] [--billing-day 1-28] [--sandbox] [--json]
                                 Create a partner and its first API token.
  user create --partner ID --email EMAIL [--name NAME] [--role ROLE] [--json]
                                 Create a partner user; a temporary password is printed once.
  token create --partner ID [--name NAME] [--role ROLE] [--json]
                                 Create an API token; it is printed once and never again.
  token list --partner ID [--json]
                                 List a partner's tokens (prefix and state, never the secret).
  token revoke --partner ID --token TOKEN_ID
                                 Revoke a token at once.
  worker [--once] [--interval-ms N]
                                 Run the lifecycle scheduler (retention deletions, renewals,
                                 expiries, warnings) and the webhook dispatcher until SIGTERM,
                                 or one lifecycle pass with --once.
  secrets new-key                Print a new key for PSC_SECRET_KEY.
  secrets reseal [--json]        Encrypt every webhook secret again under PSC_SECRET_KEY, after
                                 a key rotation (the old key in PSC_SECRET_KEY_PREVIOUS).
  migrate                        Bring the database schema up to date.

The database and catalog come from DATABASE_URL and CATALOG_PATH, as for the server.`;

const COMMANDS: Record<string, (args: string[], out: CommandOutput) => Promise<void>> = {
  'partner create': runPartnerCreate,
  'token create': runTokenCreate,
  'user create': runUserCreate,
  'token list': runTokenList,
  'token revoke': runTokenRevoke,
  migrate: (args, out) => runMigrate(args, out),
  worker: runWorker,
  'secrets new-key': runSecretsNewKey,
  'secrets reseal': runSecretsReseal,
};

export async function runCli(argv: string[], out: CommandOutput): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    out.stdout(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  const two = `${argv[0]} ${argv[1] ?? ''}`;
  const [name, rest] = COMMANDS[two] ? [two, argv.slice(2)] : [argv[0] ?? '', argv.slice(1)];
  const command = COMMANDS[name];
  if (!command) {
    out.stderr(`psc: unknown command "${argv.join(' ')}"\n\n${USAGE}`);
    return 2;
  }
  try {
    await command(rest, out);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr(`psc ${name}: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (
      error instanceof ConfigError ||
      error instanceof CatalogError ||
      error instanceof MigrationFailedError ||
      error instanceof SecretKeyError ||
      error instanceof DomainError
    ) {
      out.stderr(`psc ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
