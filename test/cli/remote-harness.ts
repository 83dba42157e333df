import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../helpers/app.js';
import type { DialectName } from '../../src/store/db.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'psc.js');

export interface PscRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `psc` in a child process with only the environment given (and PATH), its home
 * and config directory in `home`, and `stdin` as its standard input.
 */
export function psc(
  args: readonly string[],
  env: Record<string, string>,
  stdin = '',
): Promise<PscRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** A home directory of its own, so that no test reads or writes the user's psc config. */
export function tempHome(): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'psc-home-'));
  return { HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
}

/** The test app listening on a free port of 127.0.0.1, and its base URL. */
export async function listeningApp(
  dialect: DialectName,
  options: Parameters<typeof createTestApp>[1] = {},
): Promise<{ t: TestApp; url: string }> {
  const t = await createTestApp(dialect, options);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { t, url: `http://127.0.0.1:${port}` };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/**
 * A proxy in front of `target` that records each request and lets a test act before one is
 * forwarded (`before`) or answer it itself (`answer`): to see the headers psc sends and to make
 * a change race psc's, or the server fail.
 */
export async function recordingProxy(target: string) {
  const requests: RecordedRequest[] = [];
  const hooks: {
    before?: (request: RecordedRequest) => Promise<void>;
    answer?: (
      request: RecordedRequest,
    ) => { status: number; body: unknown; contentType?: string } | undefined;
  } = {};
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const recorded = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
        requests.push(recorded);
        const own = hooks.answer?.(recorded);
        if (own) {
          res.writeHead(own.status, {
            'content-type': own.contentType ?? 'application/problem+json',
          });
          res.end(typeof own.body === 'string' ? own.body : JSON.stringify(own.body));
          return;
        }
        await hooks.before?.(recorded);
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === 'string' && name !== 'host' && name !== 'connection') {
            headers.set(name, value);
          }
        }
        const body = Buffer.concat(chunks);
        const answer = await fetch(target + recorded.url, {
          method: recorded.method,
          headers,
          ...(body.length > 0 ? { body } : {}),
        });
        const answerHeaders: Record<string, string> = {};
        answer.headers.forEach((value, name) => {
          if (name !== 'content-encoding' && name !== 'transfer-encoding') {
            answerHeaders[name] = value;
          }
        });
        const text = Buffer.from(await answer.arrayBuffer());
        answerHeaders['content-length'] = String(text.length);
        res.writeHead(answer.status, answerHeaders);
        res.end(text);
      })().catch((error: unknown) => {
        res.writeHead(599);
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    hooks,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A URL where nothing listens: a port that was free a moment ago. */
export async function closedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
