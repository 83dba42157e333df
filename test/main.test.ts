import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TOKEN = `psc_${'k'.repeat(43)}`;

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(running: Running, pattern: RegExp): Promise<RegExpMatchArray> {
  for (let i = 0; i < 300; i += 1) {
    const match = pattern.exec(running.output());
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server never printed ${String(pattern)}:\n${running.output()}`);
}

describe('the server process', () => {
  it('refuses a bad setting with one line naming it', async () => {
    const running = startServer({ PORT: 'abc' });
    expect(await running.exited).toBe(1);
    expect(running.output().trim()).toBe(
      'psc: PORT must be a whole number from 0 to 65535, not "abc"',
    );
  });

  it('starts with demo data, answers with the bootstrap token, keeps it out of the logs and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'psc-main-'));
    const running = startServer({
      DATABASE_URL: `sqlite:${join(dir, 'psc.sqlite')}`,
      PSC_BOOTSTRAP_TOKEN: TOKEN,
      LOG_LEVEL: 'info',
    });
    const [, url] = await waitFor(running, /Portal and API: +(http:\/\/\S+)/);
    const response = await fetch(`${url}/v1/offers`, {
      headers: { authorization: `Bearer ${TOKEN}`, 'x-correlation-id': 'main-test' },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    const customers = await fetch(`${url}/v1/customers`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(((await customers.json()) as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(
      4,
    );

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    const output = running.output();
    expect(output).toContain('"correlationId":"main-test"');
    expect(output).toContain('API token:       the value of PSC_BOOTSTRAP_TOKEN');
    expect(output).not.toContain(TOKEN);
  });
});
