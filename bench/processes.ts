import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServerProcess extends BenchProcess {
  url: string;
}

const STARTUP_TIMEOUT_MS = 60_000;
const SHUTDOWN_TIMEOUT_MS = 15_000;
const KEPT_OUTPUT_LINES = 40;

const children = new Set<ChildProcess>();

// Last resort: whatever happens to the bench, no server it started outlives it.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** A node process the bench started: its CPU time so far, and how to stop it. */
export interface BenchProcess {
  /** CPU time (user + system) the process has used so far, in seconds; NaN off Linux. */
  cpuSeconds(): number;
  /** Asks the process to stop (SIGTERM), and kills it when it has not within 15 s. */
  stop(): Promise<void>;
}

/**
 * Starts `node <args>` as an HTTP server on a free loopback port and waits until `GET /healthz`
 * answers 200. The server's output is kept and shown only when it fails to start.
 */
export async function startServer(
  name: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { child, handle, output } = spawnNode(args, {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  try {
    await waitUntilHealthy(url, child);
  } catch (error) {
    await handle.stop();
    throw new Error(`${name} did not start: ${String(error)}\n${output().join('\n')}`, {
      cause: error,
    });
  }
  return { url, ...handle };
}

/**
 * Starts `node <args>` in the background (a `psc worker`) and checks after `settleMs` that it is
 * still running; its output is shown only when it has exited.
 */
export async function startBackground(
  name: string,
  args: readonly string[],
  env: Record<string, string>,
  settleMs = 1_000,
): Promise<BenchProcess> {
  const { child, handle, output } = spawnNode(args, env);
  await sleep(settleMs);
  if (child.exitCode !== null || child.signalCode !== null) {
    throw new Error(
      `${name} exited with ${String(child.exitCode ?? child.signalCode)}\n${output().join('\n')}`,
    );
  }
  return handle;
}

function spawnNode(args: readonly string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const handle: BenchProcess = {
    stop: () => stopChild(child),
    cpuSeconds: () => cpuSecondsOf(child.pid),
  };
  return { child, handle, output: keepLastLines(child) };
}

/** Linux reports a process's CPU time in /proc/<pid>/stat, in ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100;

export function cpuSecondsOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU time of the whole machine so far (every process and the kernel, all cores), from the first
 * line of /proc/stat: everything but idle and iowait, in seconds. NaN where there is no /proc.
 */
export function machineCpuSeconds(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    return (
      [user, nice, system, irq, softirq, steal].reduce<number>(
        (sum, ticks) => sum + (ticks ?? 0),
        0,
      ) / TICKS_PER_SECOND
    );
  } catch {
    return Number.NaN;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

async function waitUntilHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`exited with ${String(child.exitCode ?? child.signalCode)}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`no healthy answer within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), SHUTDOWN_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function keepLastLines(child: ChildProcess): () => string[] {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').trimEnd().split('\n'));
    lines.splice(0, Math.max(0, lines.length - KEPT_OUTPUT_LINES));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines;
}
