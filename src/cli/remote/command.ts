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
    ...wrap(`Usage: psc ${spec.name} ${spec.synopsis}`.trimEnd(), 96).map((line, n) =>
      n === 0 ? line : `         ${line}`,
    ),
    '',
    ...wrap(spec.summary, 96),
    ...(flags.length > 0
      ? ['', 'Options:', ...flags.map(([flag, what]) => `  ${flag.padEnd(width)}  ${what}`)]
      : []),
    '',
    'Exit status: 0 ok, 1 unexpected, 2 usage, 3 not signed in or forbidden, 4 not found,',
    '5 refused by the server, 6 server error or unreachable (docs/cli.md).',
  ].join('\n');
  return { name: spec.name, synopsis: spec.synopsis, summary: spec.summary, help, run: spec.run };
}

/** Words in lines of at most `width` columns, for help that reads in a terminal. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}
