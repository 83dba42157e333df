import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LookupAddress } from 'node:dns';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import { KEPT_RESPONSE_BYTES } from '../../../src/domain/webhooks/retry-schedule.js';
import {
  guardedLookup,
  publicAddresses,
  type Resolve,
} from '../../../src/services/webhooks/address-guard.js';
import { WebhookSender } from '../../../src/services/webhooks/webhook-sender.js';

const v4 = (address: string): LookupAddress => ({ address, family: 4 });
const v6 = (address: string): LookupAddress => ({ address, family: 6 });

/** A resolver from a table; it counts its calls, and refuses names it does not know. */
function fakeResolver(
  table: Record<string, LookupAddress[] | ((call: number) => LookupAddress[])>,
) {
  const calls: string[] = [];
  const resolve: Resolve = (hostname) => {
    calls.push(hostname);
    const entry = table[hostname];
    if (entry === undefined) {
      return Promise.reject(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
      );
    }
    const count = calls.filter((name) => name === hostname).length;
    return Promise.resolve(typeof entry === 'function' ? entry(count) : entry);
  };
  return { resolve, calls };
}

const noResolver: Resolve = (hostname) =>
  Promise.reject(new Error(`the resolver was asked for ${hostname}`));

async function refusalOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('publicAddresses', () => {
  it("answers a name's addresses when every one is public", async () => {
    const { resolve } = fakeResolver({
      'hooks.example': [v4('93.184.216.34'), v6('2606:4700::1111')],
    });
    expect(await publicAddresses('hooks.example', resolve)).toEqual([
      v4('93.184.216.34'),
      v6('2606:4700::1111'),
    ]);
  });

  it('refuses a name with one private address among public ones, whole', async () => {
    const { resolve } = fakeResolver({
      'mixed.example': [v4('93.184.216.34'), v4('10.0.0.7'), v6('2606:4700::1111')],
      'mixed6.example': [v4('93.184.216.34'), v6('fd00:ec2::254')],
    });
    const error = await refusalOf(publicAddresses('mixed.example', resolve));
    expect(error.code).toBe('webhook_url_not_allowed');
    expect(error.message).toContain('mixed.example is a private address');
    expect(error.errors).toEqual([
      expect.objectContaining({ field: '/url', code: 'webhook_url_not_allowed' }),
    ]);
    const six = await refusalOf(publicAddresses('mixed6.example', resolve));
    expect(six.message).toContain('uniqueLocal');
  });

  it.each([
    [[v4('127.0.0.1')], 'loopback'],
    [[v4('169.254.169.254')], 'linkLocal'],
    [[v6('::1')], 'loopback'],
    [[v6('::ffff:127.0.0.1')], 'loopback'],
    [[v6('64:ff9b::a9fe:a9fe')], 'rfc6052'],
  ])('refuses a name resolving to %j', async (addresses, addressClass) => {
    const { resolve } = fakeResolver({ 'inside.example': addresses });
    const error = await refusalOf(publicAddresses('inside.example', resolve));
    expect(error.message).toContain(addressClass);
  });

  it('checks a literal address without the resolver', async () => {
    expect(await publicAddresses('8.8.8.8', noResolver)).toEqual([v4('8.8.8.8')]);
    expect(await publicAddresses('[2606:4700::1111]', noResolver)).toEqual([v6('2606:4700::1111')]);
    for (const host of ['127.0.0.1', '10.1.2.3', '169.254.169.254', '[::1]', '[fe80::1]']) {
      const error = await refusalOf(publicAddresses(host, noResolver));
      expect(error.code, host).toBe('webhook_url_not_allowed');
    }
  });

  it("passes the resolver's own failure on: it is no refusal", async () => {
    const { resolve } = fakeResolver({});
    await expect(publicAddresses('nowhere.example', resolve)).rejects.toThrow(/ENOTFOUND/);
    await expect(publicAddresses('nowhere.example', resolve)).rejects.not.toBeInstanceOf(
      DomainError,
    );
  });
});

describe('guardedLookup', () => {
  type Answer = { error: NodeJS.ErrnoException | null; address: unknown; family?: number };
  const lookup = (resolve: Resolve, hostname: string, options: object) =>
    new Promise<Answer>((done) => {
      guardedLookup(resolve)(hostname, options, (error, address, family) =>
        done({ error, address, family }),
      );
    });

  it('hands the socket the checked address, resolving once', async () => {
    const { resolve, calls } = fakeResolver({
      'hooks.example': [v4('93.184.216.34'), v6('2606:4700::1111')],
    });
    expect(await lookup(resolve, 'hooks.example', {})).toEqual({
      error: null,
      address: '93.184.216.34',
      family: 4,
    });
    expect(await lookup(resolve, 'hooks.example', { family: 6 })).toEqual({
      error: null,
      address: '2606:4700::1111',
      family: 6,
    });
    const all = await lookup(resolve, 'hooks.example', { all: true });
    expect(all.error).toBeNull();
    expect(all.address).toEqual([v4('93.184.216.34'), v6('2606:4700::1111')]);
    expect(calls).toEqual(['hooks.example', 'hooks.example', 'hooks.example']);
  });

  it('refuses a private answer', async () => {
    const { resolve } = fakeResolver({ 'inside.example': [v4('10.0.0.1')] });
    const answer = await lookup(resolve, 'inside.example', {});
    expect(answer.error).toBeInstanceOf(DomainError);
    expect(answer.error?.message).toContain('private');
  });

  it('answers ENOTFOUND when no address of the family asked for is there', async () => {
    const { resolve } = fakeResolver({ 'hooks.example': [v4('93.184.216.34')] });
    const answer = await lookup(resolve, 'hooks.example', { family: 6 });
    expect(answer.error?.code).toBe('ENOTFOUND');
  });
});

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A receiver on loopback that records what reaches it and answers with `handle`. */
class Receiver {
  readonly received: Received[] = [];
  handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) =>
    response.writeHead(200).end('ok');
  private server: Server | undefined;
  port = 0;

  async start() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        this.handle(request, response);
      });
    });
    // Any connection counts, even one that never makes a request.
    this.server.on('connection', () => this.connections++);
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  connections = 0;

  async close() {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('WebhookSender', () => {
  const receiver = new Receiver();
  const senders: WebhookSender[] = [];
  const sender = (options: ConstructorParameters<typeof WebhookSender>[0]) => {
    const made = new WebhookSender(options);
    senders.push(made);
    return made;
  };
  const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' };

  beforeAll(() => receiver.start());
  afterAll(() => receiver.close());
  afterEach(() => {
    for (const made of senders.splice(0)) made.close();
    receiver.received.length = 0;
    receiver.connections = 0;
    receiver.handle = (_request, response) => response.writeHead(200).end('ok');
  });

  it('refuses a name that resolves to loopback, and nothing reaches the receiver', async () => {
    const { resolve } = fakeResolver({ 'public.example': [v4('127.0.0.1')] });
    const guarded = sender({ allowPrivate: false, connectionsPerOrigin: 2, resolve });
    const attempt = await guarded.post(`http://public.example:${receiver.port}/`, headers, '{}');
    expect(attempt.statusCode).toBeNull();
    expect(attempt.error).toMatch(/not allowed/);
    expect(attempt.error).toContain('loopback');
    expect(attempt.responseBody).toBeNull();
    expect(receiver.received).toHaveLength(0);
    expect(receiver.connections).toBe(0);
  });

  it('refuses a literal private address without asking the resolver', async () => {
    const guarded = sender({ allowPrivate: false, connectionsPerOrigin: 2, resolve: noResolver });
    for (const host of ['127.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '2130706433', '0x7f.1']) {
      const attempt = await guarded.post(`http://${host}:${receiver.port}/`, headers, '{}');
      expect(attempt.statusCode, host).toBeNull();
      expect(attempt.error, host).not.toBeNull();
    }
    expect(receiver.received).toHaveLength(0);
    expect(receiver.connections).toBe(0);
  });

  it('never lets a rebinding name reach the receiver: public when checked, loopback after', async () => {
    const { resolve, calls } = fakeResolver({
      'public.example': (call) => (call === 1 ? [v4('93.184.216.34')] : [v4('127.0.0.1')]),
    });
    const guarded = sender({
      allowPrivate: false,
      connectionsPerOrigin: 2,
      resolve,
      timeoutMs: 300,
    });
    // Whichever answer a connection is made with, it is one that was checked: the public one
    // (which is not this receiver), never the loopback one given after.
    for (let i = 0; i < 3; i += 1) {
      const attempt = await guarded.post(`http://public.example:${receiver.port}/`, headers, '{}');
      expect(attempt.statusCode).toBeNull();
      expect(attempt.error).not.toBeNull();
    }
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(receiver.received).toHaveLength(0);
    expect(receiver.connections).toBe(0);
  });

  it('never lets a rebinding name reach the receiver, however many times it is tried', async () => {
    let answers = 0;
    const resolve: Resolve = () => {
      answers += 1;
      return Promise.resolve(answers % 2 === 1 ? [v4('93.184.216.34')] : [v4('127.0.0.1')]);
    };
    const guarded = sender({
      allowPrivate: false,
      connectionsPerOrigin: 2,
      resolve,
      timeoutMs: 300,
    });
    for (let i = 0; i < 4; i += 1) {
      const attempt = await guarded.post(`http://public.example:${receiver.port}/`, headers, '{}');
      expect(attempt.statusCode).toBeNull();
    }
    expect(receiver.received).toHaveLength(0);
    expect(receiver.connections).toBe(0);
  });

  it('reaches a loopback receiver where private receivers are allowed', async () => {
    receiver.handle = (_request, response) => response.writeHead(204).end();
    const open = sender({ allowPrivate: true, connectionsPerOrigin: 2, userAgent: 'psc-test' });
    const body = JSON.stringify({ type: 'webhook.test', data: {} });
    const attempt = await open.post(`http://127.0.0.1:${receiver.port}/hooks?x=1`, headers, body);
    expect(attempt).toMatchObject({ statusCode: 204, error: null, responseBody: null });
    expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
    expect(receiver.received).toEqual([
      expect.objectContaining({ method: 'POST', url: '/hooks?x=1', body }),
    ]);
    expect(receiver.received[0]?.headers).toMatchObject({
      ...headers,
      'content-type': 'application/json',
      'user-agent': 'psc-test',
    });
  });

  it('keeps the answer of a failing receiver, with its status', async () => {
    receiver.handle = (_request, response) => response.writeHead(503).end('try later');
    const open = sender({ allowPrivate: true, connectionsPerOrigin: 2 });
    const attempt = await open.post(`http://127.0.0.1:${receiver.port}/`, headers, '{}');
    expect(attempt).toMatchObject({ statusCode: 503, error: null, responseBody: 'try later' });
  });

  it('does not follow a redirect', async () => {
    receiver.handle = (_request, response) =>
      response
        .writeHead(302, { location: `http://127.0.0.1:${receiver.port}/elsewhere` })
        .end('moved');
    const open = sender({ allowPrivate: true, connectionsPerOrigin: 2 });
    const attempt = await open.post(`http://127.0.0.1:${receiver.port}/hooks`, headers, '{}');
    expect(attempt.statusCode).toBe(302);
    expect(attempt.error).toBe('redirects are not followed');
    expect(receiver.received.map((r) => r.url)).toEqual(['/hooks']);
  });

  it('gives up on a slow receiver at the deadline', async () => {
    const timers: NodeJS.Timeout[] = [];
    receiver.handle = (_request, response) => {
      timers.push(setTimeout(() => response.writeHead(200).end('late'), 3000));
    };
    const open = sender({ allowPrivate: true, connectionsPerOrigin: 2, timeoutMs: 200 });
    const attempt = await open.post(`http://127.0.0.1:${receiver.port}/`, headers, '{}');
    for (const timer of timers) clearTimeout(timer);
    expect(attempt).toMatchObject({ statusCode: null, error: 'timed out', responseBody: null });
    expect(attempt.durationMs).toBeGreaterThanOrEqual(150);
    expect(attempt.durationMs).toBeLessThan(2000);
  });

  it('gives up on a receiver that answers its status and then stalls', async () => {
    receiver.handle = (_request, response) => {
      response.writeHead(200);
      response.write('partial');
    };
    const open = sender({ allowPrivate: true, connectionsPerOrigin: 2, timeoutMs: 200 });
    const attempt = await open.post(`http://127.0.0.1:${receiver.port}/`, headers, '{}');
    expect(attempt).toMatchObject({ statusCode: null, error: 'timed out' });
  });

  it(`keeps only the first ${KEPT_RESPONSE_BYTES} bytes of a long answer`, async () => {
    const long = Array.from({ length: 10_240 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(
      '',
    );
    receiver.handle = (_request, response) => response.writeHead(200).end(long);
    const open = sender({ allowPrivate: true, connectionsPerOrigin: 2 });
    const attempt = await open.post(`http://127.0.0.1:${receiver.port}/`, headers, '{}');
    expect(attempt.statusCode).toBe(200);
    expect(attempt.responseBody).toBe(long.slice(0, KEPT_RESPONSE_BYTES));
  });

  it('answers a refused connection as an attempt, never by throwing', async () => {
    const closed = new Receiver();
    await closed.start();
    const port = closed.port;
    await closed.close();
    const open = sender({ allowPrivate: true, connectionsPerOrigin: 2 });
    const attempt = await open.post(`http://127.0.0.1:${port}/`, headers, '{}');
    expect(attempt.statusCode).toBeNull();
    expect(attempt.error).toContain('ECONNREFUSED');
    const garbage = await open.post('not a url', headers, '{}');
    expect(garbage.statusCode).toBeNull();
    expect(garbage.error).not.toBeNull();
  });
});
