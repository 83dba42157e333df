import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { DeliveryAttempt } from '../domain/webhooks/delivery.js';
import { presentEvent } from '../http/presenters/event.js';
import type { AppContext } from '../services/context.js';
import {
  claimDeliveries,
  claimLeaseMs,
  prepareDeliveries,
  recordAttempts,
  type ClaimedDelivery,
} from '../services/webhooks/dispatch.js';
import type { Resolve } from '../services/webhooks/address-guard.js';
import { WebhookSender } from '../services/webhooks/webhook-sender.js';
import { MAX_WEBHOOK_ENDPOINTS } from '../domain/webhooks/endpoint.js';
import { ATTEMPT_TIMEOUT_MS } from '../domain/webhooks/retry-schedule.js';
import { VERSION } from '../version.js';

export interface DispatcherOptions {
  /** How often to look for due deliveries while idle. */
  pollIntervalMs: number;
  /** Attempts at once to one endpoint from this process. */
  concurrencyPerEndpoint: number;
  /** Attempts at once in all. */
  maxInFlight?: number;
  logger: Pick<FastifyBaseLogger, 'info' | 'error' | 'warn'>;
  /** A test's resolver; the system's by default. */
  resolve?: Resolve;
  /** How long one attempt may take (15 s by default). */
  timeoutMs?: number;
}

/** The dispatcher's settings from the configuration. */
export function dispatcherOptions(config: Config) {
  return {
    pollIntervalMs: config.webhooks.pollIntervalMs,
    concurrencyPerEndpoint: config.webhooks.concurrencyPerEndpoint,
    timeoutMs: config.webhooks.timeoutMs,
  };
}

export interface WebhookDispatcher {
  /** Looks for due deliveries now rather than at the next poll. */
  nudge(): void;
  /** Claims no more, lets the attempts under way finish and records them. */
  stop(): Promise<void>;
}

interface Finished {
  claimed: ClaimedDelivery;
  attempt: DeliveryAttempt;
}

/**
 * Delivers webhooks from this process: claims due deliveries (never one another dispatcher
 * holds), posts them with bounded concurrency per endpoint, and records the attempts in batches.
 * A process that dies loses nothing: what it held is claimed again when its lease runs out.
 */
export function startWebhookDispatcher(
  ctx: AppContext,
  options: DispatcherOptions,
): WebhookDispatcher {
  const maxInFlight = options.maxInFlight ?? 128;
  const timeoutMs = options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const sender = new WebhookSender({
    allowPrivate: ctx.webhooks.allowPrivate,
    connectionsPerOrigin: options.concurrencyPerEndpoint * MAX_WEBHOOK_ENDPOINTS,
    userAgent: `psc-webhooks/${VERSION}`,
    now: () => ctx.clock.now(),
    ...(options.resolve ? { resolve: options.resolve } : {}),
    timeoutMs,
  });
  const leaseMs = claimLeaseMs(timeoutMs);
  const perEndpoint = new Map<string, number>();
  let inFlight = 0;
  let stopped = false;
  let pumping = false;
  let pumpAgain = false;
  let timer: NodeJS.Timeout | undefined;
  const finished: Finished[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let flushQueued = false;
  const attempts = new Set<Promise<void>>();

  const isRunning = () => !stopped;
  const busy = () =>
    [...perEndpoint].filter(([, n]) => n >= options.concurrencyPerEndpoint).map(([id]) => id);
  const freeSlots = (endpointId: string) =>
    options.concurrencyPerEndpoint - (perEndpoint.get(endpointId) ?? 0);

  const flush = () => {
    if (flushQueued) return;
    flushQueued = true;
    flushing = flushing.then(async () => {
      flushQueued = false;
      const batch = finished.splice(0);
      try {
        await recordAttempts(ctx, batch);
      } catch (err) {
        // Unrecorded attempts are made again once their claims run out: none is lost.
        options.logger.error({ err, attempts: batch.length }, 'recording webhook attempts failed');
      }
    });
  };

  const send = (claimed: ClaimedDelivery, post: () => Promise<DeliveryAttempt>) => {
    inFlight += 1;
    perEndpoint.set(claimed.endpointId, (perEndpoint.get(claimed.endpointId) ?? 0) + 1);
    const running = post().then((attempt) => {
      inFlight -= 1;
      const left = (perEndpoint.get(claimed.endpointId) ?? 1) - 1;
      if (left === 0) perEndpoint.delete(claimed.endpointId);
      else perEndpoint.set(claimed.endpointId, left);
      finished.push({ claimed, attempt });
      flush();
      pump();
    });
    attempts.add(running);
    void running.finally(() => attempts.delete(running));
  };

  const claimAndSend = async (): Promise<boolean> => {
    const room = maxInFlight - inFlight;
    if (room <= 0) return false;
    const claimed = await claimDeliveries(ctx, {
      limit: Math.min(room, 100),
      freeSlots,
      skipEndpoints: busy(),
      leaseMs,
    });
    if (claimed.length === 0) return false;
    for (const prepared of await prepareDeliveries(ctx, claimed, presentEvent)) {
      if ('failure' in prepared) {
        const attempt = {
          at: ctx.clock.now(),
          statusCode: null,
          error: prepared.failure,
          durationMs: 0,
          responseBody: null,
        };
        send(prepared.claimed, () => Promise.resolve(attempt));
      } else {
        send(prepared.claimed, () => sender.post(prepared.url, prepared.headers, prepared.body));
      }
    }
    return true;
  };

  const pump = () => {
    if (stopped) return;
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    // A nudge while claiming means more may have fallen due: look once more before resting.
    const nudged = () => {
      const again = pumpAgain && isRunning();
      pumpAgain = false;
      return again;
    };
    void (async () => {
      try {
        do {
          while (isRunning() && (await claimAndSend()));
        } while (nudged());
      } catch (err) {
        options.logger.error({ err }, 'claiming webhook deliveries failed');
      } finally {
        pumping = false;
      }
    })();
  };

  const tick = () => {
    if (stopped) return;
    pump();
    timer = setTimeout(tick, options.pollIntervalMs);
  };
  tick();

  return {
    nudge: pump,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      while (pumping) await new Promise((resolve) => setTimeout(resolve, 5));
      await Promise.all([...attempts]);
      flush();
      await flushing;
      sender.close();
    },
  };
}
