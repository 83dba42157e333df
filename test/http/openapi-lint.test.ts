import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

const ROOT = join(import.meta.dirname, '..', '..');
const REDOCLY = join(ROOT, 'node_modules', '.bin', 'redocly');

interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: { pointer: string }[];
}

/** `redocly lint` with the repository's redocly.yaml, offline: its findings, one line each. */
async function lint(documentPath: string): Promise<string[]> {
  const run = promisify(execFile);
  const args = ['lint', documentPath, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'];
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  // It exits 1 when it finds errors; the findings are in its JSON either way.
  const output = await run(REDOCLY, args, { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 }).catch(
    (failure: unknown) => ({ stdout: (failure as { stdout?: string }).stdout ?? '' }),
  );
  const report = JSON.parse(output.stdout) as { problems: LintProblem[] };
  return report.problems.map(
    (p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`,
  );
}

describe('the served OpenAPI document', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    dir = await mkdtemp(join(tmpdir(), 'psc-openapi-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('passes redocly lint (recommended rules) with no error and no warning', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const path = join(dir, 'openapi.json');
    await writeFile(path, response.body);
    expect(await lint(path)).toEqual([]);
  }, 120_000);

  it('reports an operation without an operationId, so the lint above really ran', async () => {
    const document = JSON.parse(
      (await t.app.inject({ method: 'GET', url: '/openapi.json' })).body,
    ) as { paths: Record<string, Record<string, { operationId?: string }>> };
    delete document.paths['/v1/customers']!.get!.operationId;
    const path = join(dir, 'broken.json');
    await writeFile(path, JSON.stringify(document));
    expect(await lint(path)).toEqual([
      expect.stringMatching(/^warn operation-operationId at #\/paths\/~1v1~1customers\/get/),
    ]);
  }, 120_000);
});
