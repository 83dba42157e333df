import http from 'node:http';
import https from 'node:https';
import { DomainError } from '../../domain/errors.js';
import type { DeliveryAttempt } from '../../domain/webhooks/delivery.js';
import { ATTEMPT_TIMEOUT_MS, KEPT_RESPONSE_BYTES } from '../../domain/webhooks/retry-schedule.js';
import { literalAddress } from '../../domain/webhooks/webhook-url.js';
import { guardedLookup, publicAddresses, systemResolve, type Resolve } from './address-guard.js';

/** More of an answer than this is not read: the connection is dropped instead. */
const MAX_READ_BYTES = 256 * 1024;

export interface SenderOptions {
  allowPrivate: boolean;
  /** Connections kept open to one receiver (origin). */
  connectionsPerOrigin: number;
  timeoutMs?: number;
  resolve?: Resolve;
  userAgent?: string;
  /** Stamps each attempt: the app's clock, which also schedules its retry. */
  now?: () => Date;
}

/**
 * Posts webhook bodies: keep-alive connections per receiver, a deadline for the whole attempt,
 * redirects not followed, and every connection to an address that was checked first unless
 * private receivers are allowed. Never throws: every outcome is an attempt for the log.
 */
export class WebhookSender {
  private readonly agents = new Map<string, http.Agent>();
  private readonly timeoutMs: number;

  constructor(private readonly options: SenderOptions) {
    this.timeoutMs = options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  }

  async post(url: string, headers: Record<string, string>, body: string): Promise<DeliveryAttempt> {
    const at = this.options.now?.() ?? new Date();
    const started = performance.now();
    const attempt = (fields: Pick<DeliveryAttempt, 'statusCode' | 'error' | 'responseBody'>) => ({
      at,
      durationMs: Math.round(performance.now() - started),
      ...fields,
    });
    try {
      const target = new URL(url);
      // A literal address never goes through lookup: check it here (names are checked there).
      if (!this.options.allowPrivate && literalAddress(target.hostname) !== null) {
        await publicAddresses(target.hostname);
      }
      const answer = await this.request(target, headers, body);
      const redirected = answer.statusCode >= 300 && answer.statusCode < 400;
      return attempt({
        statusCode: answer.statusCode,
        error: redirected ? 'redirects are not followed' : null,
        responseBody: answer.body,
      });
    } catch (error) {
      return attempt({ statusCode: null, error: describe(error), responseBody: null });
    }
  }

  close(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }

  private request(
    target: URL,
    headers: Record<string, string>,
    body: string,
  ): Promise<{ statusCode: number; body: string | null }> {
    const secure = target.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const request = (secure ? https : http).request(target, {
        method: 'POST',
        agent: this.agentFor(target),
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': this.options.userAgent ?? 'psc-webhooks',
        },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      request.on('error', (error) => reject(error));
      request.on('response', (response) => {
        const kept: Buffer[] = [];
        let keptBytes = 0;
        let readBytes = 0;
        response.on('data', (chunk: Buffer) => {
          readBytes += chunk.length;
          if (keptBytes < KEPT_RESPONSE_BYTES) {
            const part = chunk.subarray(0, KEPT_RESPONSE_BYTES - keptBytes);
            kept.push(part);
            keptBytes += part.length;
          }
          if (readBytes > MAX_READ_BYTES) response.destroy();
        });
        const finish = () => {
          // A NUL cannot be stored as text on PostgreSQL: the log shows it as U+FFFD.
          const text = Buffer.concat(kept).toString('utf8').replaceAll('\u0000', '\uFFFD');
          resolve({ statusCode: response.statusCode ?? 0, body: text.length > 0 ? text : null });
        };
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', () => finish());
      });
      request.end(body);
    });
  }

  private agentFor(target: URL): http.Agent {
    let agent = this.agents.get(target.origin);
    if (!agent) {
      const options = {
        keepAlive: true,
        maxSockets: this.options.connectionsPerOrigin,
        ...(this.options.allowPrivate
          ? {}
          : { lookup: guardedLookup(this.options.resolve ?? systemResolve) }),
      };
      agent = target.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
      this.agents.set(target.origin, agent);
    }
    return agent;
  }
}

/** One line for the delivery log: never a stack, never a header. */
function describe(error: unknown): string {
  if (error instanceof DomainError) return `not allowed: ${error.message}`;
  if (error instanceof Error) {
    if (error.name === 'AbortError' || error.name === 'TimeoutError') return 'timed out';
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
