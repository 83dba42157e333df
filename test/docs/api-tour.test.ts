import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedValues, tourBlocks, type TourBlock } from './tour/blocks.js';
import { jsonValuesIn } from './tour/json-values.js';
import { runShellBlocks, startServer, type BlockRun } from './tour/run-tour.js';
import { closestMismatches, shapeMismatches } from './tour/shape.js';

/**
 * docs/api.md works as written: its shell blocks, run in order on a fresh server with the demo
 * data, all succeed, and every answer it shows is the answer its command gets (fields and shapes,
 * and every value that does not change from run to run). The markers a block may carry are
 * explained in ./tour/blocks.ts.
 */
const CHECKOUT = resolve(import.meta.dirname, '../..');
const TOUR = readFileSync(join(CHECKOUT, 'docs/api.md'), 'utf8');

describe('docs/api.md, the curl tour', () => {
  const blocks = tourBlocks(TOUR);
  let runs: BlockRun[] = [];
  let stopServer: () => Promise<void> = async () => {};
  const workDir = mkdtempSync(join(tmpdir(), 'psc-tour-'));

  beforeAll(async () => {
    // What the tour's start block writes before `npm start`.
    writeFileSync(join(workDir, '.psc-token'), `${randomBytes(32).toString('hex')}\n`);
    writeFileSync(join(workDir, '.psc-password'), `${randomBytes(12).toString('hex')}\n`);
    const env = { DATABASE_URL: `sqlite:${join(workDir, 'data', 'psc.sqlite')}` };
    const server = await startServer(CHECKOUT, workDir, env);
    stopServer = () => server.stop();
    runs = await runShellBlocks(blocks, {
      checkout: CHECKOUT,
      workDir,
      serverUrl: server.url,
      env,
    });
  }, 600_000);
  afterAll(async () => {
    await stopServer();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('has shell blocks to run, and markers only where they mean something', () => {
    expect(runs.length).toBeGreaterThan(20);
    const misplaced = blocks.filter(
      (b) =>
        (b.marker === 'skip' && b.kind !== 'shell') ||
        (b.marker === 'example' && b.kind !== 'answer'),
    );
    expect(misplaced.map((b) => `line ${b.line}`)).toEqual([]);
  });

  it('runs every shell block with set -euo pipefail, each exiting 0', () => {
    const failed = runs
      .filter((run) => run.exitCode !== 0)
      .map((run) =>
        run.exitCode === undefined
          ? `line ${run.block.line}: not run, an earlier block failed`
          : `line ${run.block.line}: exit ${run.exitCode}\n${tail(run.stderr)}\n${tail(run.stdout)}`,
      );
    expect(failed).toEqual([]);
  });

  it('shows the answers the commands get', () => {
    const mismatches: string[] = [];
    for (const [index, block] of blocks.entries()) {
      if (block.kind !== 'answer' || block.marker === 'example') continue;
      const command = commandBefore(blocks, index);
      if (!command || command.marker === 'skip') {
        mismatches.push(`line ${block.line}: follows no command that runs; mark it example`);
        continue;
      }
      const run = runs.find((r) => r.block === command);
      if (run?.exitCode !== 0) continue;
      const answers = jsonValuesIn(run.stdout);
      for (const documented of documentedValues(block)) {
        if (answers.some((answer) => shapeMismatches(documented, answer).length === 0)) continue;
        mismatches.push(
          `line ${block.line} (the command at line ${command.line}):\n  ${closestMismatches(documented, answers).join('\n  ')}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('gets no problem answer that the tour does not show', () => {
    const unshown: string[] = [];
    for (const run of runs) {
      if (run.exitCode !== 0) continue;
      const shown = answersAfter(blocks, run.block).flatMap(problemCodes);
      for (const code of jsonValuesIn(run.stdout).flatMap(problemCodes)) {
        if (!shown.includes(code)) unshown.push(`line ${run.block.line}: answered ${code}`);
      }
    }
    expect(unshown).toEqual([]);
  });
});

/** The last shell block before the answer at `index`. */
function commandBefore(blocks: readonly TourBlock[], index: number): TourBlock | undefined {
  return blocks.slice(0, index).findLast((b) => b.kind === 'shell');
}

/** The answers shown after a shell block, up to the next one. */
function answersAfter(blocks: readonly TourBlock[], command: TourBlock): unknown[] {
  const start = blocks.indexOf(command) + 1;
  const next = blocks.findIndex((b, i) => i >= start && b.kind === 'shell');
  return blocks
    .slice(start, next === -1 ? undefined : next)
    .filter((b) => b.kind === 'answer')
    .flatMap(documentedValues);
}

function problemCodes(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || !('code' in value)) return [];
  const { type, code } = value as { type?: unknown; code?: unknown };
  const isProblem = typeof type !== 'string' || type.startsWith('urn:psc:problem:');
  return isProblem && typeof code === 'string' && 'status' in value ? [code] : [];
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-15).join('\n');
}
