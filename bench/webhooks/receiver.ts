/**
 * The webhook bench's receiver, a child process of bench/webhooks.ts so that it does not share an
 * event loop with the dispatcher it measures: a bare node:http server on 127.0.0.1 that reads each
 * request whole, answers 200 and records when it got each `webhook-id`. A sample of the requests
 * (the first 20, then every 50th) is checked with the `standardwebhooks` reference library and
 * against its body: the body's event id must be the `webhook-id`.
 *
 * Spoken to over the IPC channel (messages in receiver-protocol.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { ToParent, ToReceiver } from './receiver-protocol.js';

const SAMPLE_FIRST = 20;
const SAMPLE_EVERY = 50;

let ids: string[] = [];
let times: number[] = [];
let requests = 0;
let webhook: Webhook | undefined;
const sample = { checked: 0, verified: 0, failures: [] as string[] };

const now = () => performance.timeOrigin + performance.now();

const send = (message: ToParent) => process.send?.(message);

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const at = now();
    const id = String(request.headers['webhook-id']);
    ids.push(id);
    times.push(at);
    requests += 1;
    if (webhook && (requests <= SAMPLE_FIRST || requests % SAMPLE_EVERY === 0)) {
      check(webhook, id, Buffer.concat(chunks).toString('utf8'), request.headers);
    }
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': 2 }).end('ok');
  });
});

function check(
  verifier: Webhook,
  id: string,
  body: string,
  headers: Record<string, string | string[] | undefined>,
): void {
  sample.checked += 1;
  try {
    verifier.verify(body, {
      'webhook-id': id,
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    });
    const parsed = JSON.parse(body) as { data?: { id?: string } };
    if (parsed.data?.id !== id) throw new Error(`body's data.id ${parsed.data?.id} ≠ webhook-id`);
    sample.verified += 1;
  } catch (error) {
    if (sample.failures.length < 5) sample.failures.push(`${id}: ${String(error)}`);
  }
}

process.on('message', (message: ToReceiver) => {
  switch (message.type) {
    case 'secret':
      webhook = new Webhook(message.secret);
      break;
    case 'count':
      send({ type: 'count', requests });
      break;
    case 'collect':
      send({ type: 'receipts', ids, times, sample: { ...sample } });
      ids = [];
      times = [];
      break;
    case 'stop':
      server.closeAllConnections();
      server.close(() => process.exit(0));
      break;
  }
});

// Many keep-alive connections at once from the dispatcher's agent: no limit on either side.
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  send({ type: 'listening', port: (server.address() as AddressInfo).port });
});
// The parent gone (killed, crashed): nothing to receive for.
process.on('disconnect', () => process.exit(0));
