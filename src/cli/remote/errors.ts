import type { components } from '../api/schema.js';
import { EXIT, exitCodeForStatus, type ExitCode } from './exit-codes.js';

type Problem = components['schemas']['Problem'];

/** A failure of a remote command, carrying its exit status and the lines to print on stderr. */
export class RemoteError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    readonly lines: string[],
  ) {
    super(lines[0] ?? 'failed');
  }
}

/** The server refused: its RFC 9457 problem, printed as `error: <title> [<code>]` and details. */
export class ApiProblemError extends RemoteError {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
  ) {
    super(exitCodeForStatus(status), problemLines(status, problem));
  }
}

export function problemLines(status: number, problem: Partial<Problem>): string[] {
  const title = problem.title ?? `HTTP ${status}`;
  const lines = [`error: ${title}${problem.code ? ` [${problem.code}]` : ''}`];
  if (problem.detail && problem.detail !== title) lines.push(`  ${problem.detail}`);
  for (const item of problem.errors ?? []) {
    const where =
      item.lineItemNumber !== undefined ? `line item ${item.lineItemNumber}` : item.field;
    lines.push(`  - ${where ? `${where}: ` : ''}${item.detail} [${item.code}]`);
  }
  if (problem.requestId) lines.push(`  request id: ${problem.requestId}`);
  return lines;
}

export class NotSignedInError extends RemoteError {
  constructor(missing: string) {
    super(EXIT.auth, [
      `error: not signed in (${missing} is not set)`,
      '  Run `psc login --url URL --token TOKEN`, or set PSC_URL and PSC_TOKEN.',
    ]);
  }
}

export class UnreachableError extends RemoteError {
  constructor(url: string, cause: unknown) {
    const reason = describeCause(cause);
    super(EXIT.unreachable, [`error: cannot reach the server at ${url}`, `  ${reason}`]);
  }
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as Error & { cause?: unknown }).cause;
  return inner instanceof Error ? `${cause.message}: ${inner.message}` : cause.message;
}

/** The user's config file cannot be used (unsafe permissions, not JSON, wrong shape). */
export class ConfigFileError extends RemoteError {
  constructor(message: string, hint?: string) {
    super(EXIT.auth, [`error: ${message}`, ...(hint ? [`  ${hint}`] : [])]);
  }
}
