/** What psc's exit status says about a command that talks to the server (docs/cli.md). */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  /** Not signed in, a refused token (401), or a role that may not do it (403). */
  auth: 3,
  notFound: 4,
  /** The server understood and said no: 409, 412, 422 and every other 4xx. */
  refused: 5,
  /** A 5xx, or no answer at all (connection refused, DNS, reset). */
  unreachable: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeForStatus(status: number): ExitCode {
  if (status === 401 || status === 403) return EXIT.auth;
  if (status === 404) return EXIT.notFound;
  if (status >= 500) return EXIT.unreachable;
  if (status >= 400) return EXIT.refused;
  return EXIT.unexpected;
}
