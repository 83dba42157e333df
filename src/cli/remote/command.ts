import type { RemoteIo } from './session.js';

/** A command that talks to the server: its name, its help, and what it does. */
export interface RemoteCommand {
  /** The words that call it: `customers list`. */
  name: string;
  /** Its arguments in one line, after the name. */
  synopsis: string;
  summary: string;
  help: string;
  run(args: string[], io: RemoteIo): Promise<void>;
}

const COMMON_FLAGS: Record<string, string> = {
  '--json': "Print the API's JSON answer instead of a table (for scripts and jq).",
  '--limit N': 'Items per page (the server caps it).',
  '--cursor C': 'Start at this nextCursor of an earlier page.',
  '--all': 'Follow nextCursor and print every page.',
  '--idempotency-key K': 'Send this Idempotency-Key (default: a new UUID): a retry acts once.',
};

export function defineCommand(spec: {
  name: string;
  synopsis: string;
  summary: string;
  flags?: readonly (readonly [string, string])[];
  common?: readonly (keyof typeof COMMON_FLAGS)[];
  run: RemoteCommand['run'];
}): RemoteCommand {
  const flags = [
    ...(spec.flags ?? []),
    ...(spec.common ?? []).map((flag) => [flag, COMMON_FLAGS[flag] ?? ''] as const),
  ];
  const width = Math.max(0, ...flags.map(([flag]) => flag.length));
  const help = [
    `Usage: psc ${spec.name} ${spec.synopsis}`.trimEnd(),
    '',
    spec.summary,
    ...(flags.length > 0
      ? ['', 'Options:', ...flags.map(([flag, what]) => `  ${flag.padEnd(width)}  ${what}`)]
      : []),
    '',
    'Exit status: 0 ok, 1 unexpected, 2 usage, 3 not signed in or forbidden, 4 not found,',
    '5 refused by the server, 6 server error or unreachable (docs/cli.md).',
  ].join('\n');
  return { name: spec.name, synopsis: spec.synopsis, summary: spec.summary, help, run: spec.run };
}
