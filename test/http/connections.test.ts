import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/stores.js';

const TIMEOUTS = { headersMs: 500, requestMs: 1000, idleMs: 1500 };

/** What a server wrote on one raw connection before closing it. */
interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: string;
  closedAfterMs: number;
}

/**
 * Writes `chunks` on a raw socket (what no HTTP client would send) and waits for the server to
 * close it: a connection the server leaves open fails the test after 10 s.
 */
function exchange(port: number, chunks: string[]): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let text = '';
    const socket = connect(port, '127.0.0.1', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept the connection open; it sent: ${text}`));
    }, 10_000);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    // A reset after the answer is a way of closing too.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(giveUp);
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => {
          const at = line.indexOf(':');
          return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()];
        }),
      );
      const status = Number(statusLine.split(' ')[1] ?? 0);
      resolve({ status, headers, body, closedAfterMs: Date.now() - started });
    });
  });
}

function expectProblem(answer: Exchange, status: number, code: string) {
  expect(answer.status, `${answer.status} ${answer.body}`).toBe(status);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  expect(answer.headers.connection).toBe('close');
  expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
  expect(JSON.parse(answer.body)).toMatchObject({ status, code, type: `urn:psc:problem:${code}` });
}

/** Requests that never become one, on a real listening server (inject skips Node's parser). */
describe.each(DIALECTS)('raw connections on %s', (dialect) => {
  let t: TestApp;
  let port: number;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { timeouts: TIMEOUTS });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
    token = (await t.newPartner()).token;
  });
  afterAll(() => t.close());

  it('answers headers over the limit with 431 header_too_large and closes', async () => {
    const big = `GET /v1/offers HTTP/1.1\r\nHost: psc\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`;
    expectProblem(await exchange(port, [big]), 431, 'header_too_large');
  });

  it.each([
    ['a request line that is not HTTP', 'HELLO THERE\r\n\r\n'],
    ['a method with a space in it', 'GE T /v1/offers HTTP/1.1\r\nHost: psc\r\n\r\n'],
    ['a header without a name', 'GET /v1/offers HTTP/1.1\r\nHost: psc\r\n: x\r\n\r\n'],
    [
      'a chunk size that is not hex',
      'POST /v1/customers HTTP/1.1\r\nHost: psc\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
    ],
  ])('answers %s with 400 bad_request and closes', async (_name, request) => {
    expectProblem(await exchange(port, [request]), 400, 'bad_request');
  });

  it('closes a connection whose body never finishes, after the request timeout', async () => {
    const head =
      'POST /v1/customers HTTP/1.1\r\nHost: psc\r\nContent-Type: application/json\r\n' +
      `Authorization: Bearer ${token}\r\nContent-Length: 1000\r\n\r\n`;
    const answer = await exchange(port, [head, '{"companyName": "Slow']);
    expectProblem(answer, 408, 'request_timeout');
    expect(answer.closedAfterMs).toBeGreaterThanOrEqual(TIMEOUTS.requestMs - 100);
  });

  it('closes a connection whose headers never finish, after the headers timeout', async () => {
    const answer = await exchange(port, ['GET /v1/offers HTTP/1.1\r\nHost: psc\r\n']);
    expectProblem(answer, 408, 'request_timeout');
  });

  it('closes a connection that sends nothing at all', async () => {
    const answer = await exchange(port, []);
    expect(answer.closedAfterMs).toBeLessThan(5000);
  });

  it('still answers a well-formed request on the same server', async () => {
    const answer = await exchange(port, [
      `GET /v1/offers?limit=1 HTTP/1.1\r\nHost: psc\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`,
    ]);
    expect(answer.status).toBe(200);
  });
});
