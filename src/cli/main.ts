import { UsageError, type CommandOutput } from './output.js';
import { REMOTE_COMMANDS } from './remote/commands.js';
import { findRemoteCommand, groupHelp, runRemote } from './remote/run.js';

const USAGE = `Usage: psc <command> [options]

Over the API of a running server (PSC_URL and PSC_TOKEN, or psc login; docs/cli.md):
${REMOTE_COMMANDS.map((c) => `  ${c.name.padEnd(29)}  ${firstSentence(c.summary)}`).join('\n')}
  (psc <command> --help tells each one's options.)

On the database of DATABASE_URL:
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

function firstSentence(text: string): string {
  return text.split(/(?<=\.) /)[0] ?? text;
}

type LocalCommand = (args: string[], out: CommandOutput) => Promise<void>;

// Loaded on use, so that the commands that only talk to a server start without the database code.
const COMMANDS: Record<string, () => Promise<LocalCommand>> = {
  'partner create': async () => (await import('./commands/partner-create.js')).runPartnerCreate,
  'token create': async () => (await import('./commands/tokens.js')).runTokenCreate,
  'user create': async () => (await import('./commands/user-create.js')).runUserCreate,
  'token list': async () => (await import('./commands/tokens.js')).runTokenList,
  'token revoke': async () => (await import('./commands/tokens.js')).runTokenRevoke,
  migrate: async () => (await import('./commands/migrate.js')).runMigrate,
  worker: async () => (await import('./commands/worker.js')).runWorker,
  'secrets new-key': async () => (await import('./commands/secrets.js')).runSecretsNewKey,
  'secrets reseal': async () => (await import('./commands/secrets.js')).runSecretsReseal,
};

/** What psc reads besides its arguments: the environment and, for `login --token -`, stdin. */
export interface CliInput {
  env: NodeJS.ProcessEnv;
  readStdin(): Promise<string>;
}

const PROCESS_INPUT: CliInput = {
  env: process.env,
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

export async function runCli(
  argv: string[],
  out: CommandOutput,
  input: CliInput = PROCESS_INPUT,
): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    out.stdout(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  const remote = findRemoteCommand(argv);
  if (remote) return runRemote(remote.command, remote.args, { out, ...input });
  const group = groupHelp(argv[0] ?? '');
  if (group !== undefined && (argv.length === 1 || ['--help', '-h'].includes(argv[1] ?? ''))) {
    out[argv.length === 1 ? 'stderr' : 'stdout'](group);
    return argv.length === 1 ? 2 : 0;
  }
  const two = `${argv[0]} ${argv[1] ?? ''}`;
  const [name, rest] = COMMANDS[two] ? [two, argv.slice(2)] : [argv[0] ?? '', argv.slice(1)];
  const load = COMMANDS[name];
  if (!load) {
    out.stderr(`psc: unknown command "${argv.join(' ')}"\n\n${group ?? USAGE}`);
    return 2;
  }
  try {
    await (
      await load()
    )(rest, out);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr(`psc ${name}: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (await isKnownFailure(error)) {
      out.stderr(`psc ${name}: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}

/** A failure the command explains in its message: bad settings, catalog, migration, key or rule. */
async function isKnownFailure(error: unknown): Promise<boolean> {
  const [config, domain, catalog, migrate, secrets] = await Promise.all([
    import('../config.js'),
    import('../domain/errors.js'),
    import('../store/catalog-files.js'),
    import('../store/migrate.js'),
    import('../services/webhooks/secret-box.js'),
  ]);
  return (
    error instanceof config.ConfigError ||
    error instanceof catalog.CatalogError ||
    error instanceof migrate.MigrationFailedError ||
    error instanceof secrets.SecretKeyError ||
    error instanceof domain.DomainError
  );
}
