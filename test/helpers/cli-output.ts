/** What a `runCli` call printed: its lines on stdout and on stderr. */
export function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    output: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) },
  };
}
