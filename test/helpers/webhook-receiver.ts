import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import {
  startWebhookDispatcher,
  type WebhookDispatcher,
} from '../../src/jobs/webhook-dispatcher.js';
import type { AppContext } from '../../src/services/context.js';

/** One request the receiver got, and whether the reference library verified its signature. */
export interface Receipt {
  id: string;
  headers: IncomingHttpHeaders;
  body: string;
  verified: boolean;
  answeredWith: number;
  at: number;
}

/**
 * A real HTTP receiver on loopback that checks every request with the `standardwebhooks`
 * reference library, answering with what `answer` says for each request (200 by default).
 */
export class WebhookReceiver {
  readonly receipts: Receipt[] = [];
  secrets: string[] = [];
  answer: (receipt: Omit<Receipt, 'answeredWith'>, earlier: Receipt[]) => number | Promise<number> =
    () => 200;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const id = String(request.headers['webhook-id']);
        const receipt = {
          id,
          headers: request.headers,
          body,
          verified: this.verify(body, request.headers),
          at: Date.now(),
        };
        const earlier = this.receipts.filter((r) => r.id === id);
        void Promise.resolve(this.answer(receipt, earlier)).then((status) => {
          this.receipts.push({ ...receipt, answeredWith: status });
          response.writeHead(status, { 'content-type': 'text/plain' }).end(`answered ${status}`);
        });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  verify(body: string, headers: IncomingHttpHeaders): boolean {
    const wanted = {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    };
    return this.secrets.some((secret) => {
      try {
        new Webhook(secret).verify(body, wanted);
        return true;
      } catch {
        return false;
      }
    });
  }

  of(id: string): Receipt[] {
    return this.receipts.filter((receipt) => receipt.id === id);
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Waits until `check` holds, polling; fails after `timeoutMs` with what it last saw. */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (check(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`gave up waiting; last saw ${JSON.stringify(value).slice(0, 500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** A dispatcher for a test: quick polls, quiet logs. Stop it before closing its store. */
export function testDispatcher(ctx: AppContext): WebhookDispatcher {
  return startWebhookDispatcher(ctx, {
    pollIntervalMs: 50,
    concurrencyPerEndpoint: 4,
    logger: quiet,
  });
}
