import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TourBlock } from './blocks.js';

/** Where the tour says the server is; the test's server listens on a port of its own. */
export const TOUR_ADDRESS = 'http://localhost:3000';

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/**
 * The server as `npm start` runs it on a fresh machine (but for the scheduler's interval): a new
 * SQLite file, the demo data, the tour's token and password (the tour's start block writes them to .psc-token and .psc-password
 * in the directory the tour runs in), one port.
 */
export async function startServer(checkout: string, workDir: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: checkout,
    env: {
      ...process.env,
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // The scheduler runs in the server as npm start has it, but its passes (one at start, then
      // hourly) never race the tour's clock moves for what they process, whose counts it shows.
      PSC_SCHEDULER_INTERVAL_MS: '3600000',
      PSC_BOOTSTRAP_TOKEN: readFileSync(join(workDir, '.psc-token'), 'utf8').trim(),
      PSC_BOOTSTRAP_PASSWORD: readFileSync(join(workDir, '.psc-password'), 'utf8').trim(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await waitForUrl(child, () => output);
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  for (let i = 0; i < 600; i += 1) {
    const match = /Portal and API: +(http:\/\/\S+)/.exec(output());
    if (match) return match[1]!;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not start:\n${output()}`);
}

export interface BlockRun {
  block: TourBlock;
  /** Undefined when it did not run (skipped, or an earlier block failed). */
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
}

/**
 * Runs the shell blocks in order in one bash session with `set -euo pipefail`, each sourced so
 * that the variables it sets stay for the next, with its output kept apart. The session stops at
 * the first block that fails. Two adaptations, both because the test cannot be the reader's
 * machine: the tour's address becomes the test server's, and `npx` (the psc command) runs in the
 * checkout while the tour's own files (cookie jar, CSV downloads) go to `workDir`.
 */
export async function runShellBlocks(
  blocks: readonly TourBlock[],
  options: { checkout: string; workDir: string; serverUrl: string; env: Record<string, string> },
): Promise<BlockRun[]> {
  const toRun = blocks.filter((b) => b.kind === 'shell' && b.marker !== 'skip');
  const script = [
    'set -euo pipefail',
    `cd ${quote(options.workDir)}`,
    `npx() { (cd ${quote(options.checkout)} && command npx "$@"); }`,
    ...toRun.map((block, index) => {
      const file = join(options.workDir, `block-${index}.sh`);
      writeFileSync(file, block.text.replaceAll(TOUR_ADDRESS, options.serverUrl) + '\n');
      const out = join(options.workDir, `block-${index}`);
      return `source ${quote(file)} > ${quote(`${out}.out`)} 2> ${quote(`${out}.err`)}; echo ${index} >> progress`;
    }),
  ].join('\n');
  writeFileSync(join(options.workDir, 'tour.sh'), script + '\n');
  const exitCode = await new Promise<number>((resolve) => {
    const bash = spawn('bash', ['--noprofile', '--norc', 'tour.sh'], {
      cwd: options.workDir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
      stdio: 'ignore',
    });
    bash.on('exit', (code) => resolve(code ?? 1));
  });
  const progressFile = join(options.workDir, 'progress');
  const done = existsSync(progressFile)
    ? readFileSync(progressFile, 'utf8').trim().split('\n').filter(Boolean).length
    : 0;
  return toRun.map((block, index) => {
    const read = (ext: string) => {
      const file = join(options.workDir, `block-${index}.${ext}`);
      return existsSync(file) ? readFileSync(file, 'utf8') : '';
    };
    const ran = index < done ? 0 : index === done && exitCode !== 0 ? exitCode : undefined;
    return { block, exitCode: ran, stdout: read('out'), stderr: read('err') };
  });
}

function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
