import { UsageError } from '../output.js';
import type { RemoteCommand } from './command.js';
import { REMOTE_COMMANDS } from './commands.js';
import { RemoteError } from './errors.js';
import { EXIT } from './exit-codes.js';
import type { RemoteIo } from './session.js';

/** The command `argv` names and the arguments after its name, if it is a remote command. */
export function findRemoteCommand(
  argv: readonly string[],
): { command: RemoteCommand; args: string[] } | undefined {
  for (const command of REMOTE_COMMANDS) {
    const words = command.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) {
      return { command, args: argv.slice(words.length) };
    }
  }
  return undefined;
}

/** The commands of a group (`psc customers`), for its help. */
export function groupHelp(group: string): string | undefined {
  const commands = REMOTE_COMMANDS.filter((c) => c.name.split(' ')[0] === group);
  if (commands.length === 0 || commands.some((c) => c.name === group)) return undefined;
  return [
    `Usage: psc ${group} <command> [options]`,
    '',
    ...commands.map((c) => `  psc ${c.name} ${c.synopsis}\n      ${c.summary}`),
    '',
    `psc ${group} <command> --help tells more.`,
  ].join('\n');
}

export async function runRemote(
  command: RemoteCommand,
  args: string[],
  io: RemoteIo,
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out.stdout(command.help);
    return EXIT.ok;
  }
  try {
    await command.run(args, io);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.out.stderr(`psc ${command.name}: ${error.message}\n\n${command.help}`);
      return EXIT.usage;
    }
    if (error instanceof RemoteError) {
      io.out.stderr(error.lines.join('\n'));
      return error.exitCode;
    }
    io.out.stderr(`psc ${command.name}: unexpected error: ${String(error)}`);
    return EXIT.unexpected;
  }
}
