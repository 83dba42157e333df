import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** A node process whose output is read as it comes (a full pipe would stall it) and kept. */
export interface Spawned {
  child: ChildProcess;
  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first. */
  printed(pattern: RegExp): Promise<RegExpMatchArray>;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** `node <args>` from the project's root, with `env` over this process's environment. */
export function spawnNode(
  args: string[],
  env: Record<string, string>,
  started: ChildProcess[],
): Spawned {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  const waiting = new Set<() => void>();
  const read = (chunk: Buffer) => {
    // Only the start matters; later request logs are read and dropped.
    if (output.length < 100_000) output += chunk.toString('utf8');
    for (const check of waiting) check();
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  const printed = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match) {
          waiting.delete(check);
          resolve(match);
        }
      };
      waiting.add(check);
      child.once('exit', (code) =>
        reject(new Error(`exited with ${String(code)} before ${String(pattern)}:\n${output}`)),
      );
      check();
    });
  return { child, printed };
}

/** A server from the sources on a free port, once it logs that it listens. */
export async function startServerProcess(
  env: Record<string, string>,
  started: ChildProcess[],
): Promise<ServerProcess> {
  const node = spawnNode(['--import', 'tsx', 'src/main.ts'], env, started);
  const [, url] = await node.printed(/"url":"(http:\/\/[^"]+)"[^\n]*"msg":"listening"/);
  return { child: node.child, url: url as string };
}

/** Asks a process to stop (SIGTERM) and waits until it has. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

/** A request to a server process with the bearer `token`, its answer's status and JSON body. */
export async function call(
  base: string,
  token: string,
  path: string,
  init: RequestInit,
): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});

export const patch = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'PATCH',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});
