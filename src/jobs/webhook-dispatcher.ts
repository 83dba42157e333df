import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import { presentEvent } from '../http/presenters/event.js';
import type { AppContext } from '../services/context.js';
import {
  claimDeliveries,
  claimLeaseMs,
  prepareDeliveries,
  releaseDeliveries,
  type PreparedDelivery,
} from '../services/webhooks/dispatch.js';
import type { Resolve } from '../services/webhooks/address-guard.js';
import { WebhookSender } from '../services/webhooks/webhook-sender.js';
import { MAX_WEBHOOK_ENDPOINTS } from '../domain/webhooks/endpoint.js';
import { ATTEMPT_TIMEOUT_MS } from '../domain/webhooks/retry-schedule.js';
import { VERSION } from '../version.js';
import { AttemptRecorder } from './attempt-recorder.js';
import { EndpointLanes } from './endpoint-lanes.js';

export interface DispatcherOptions {
  /** How often to look for due deliveries while idle. */
  pollIntervalMs: number;
  /** Attempts at once to one endpoint from this process. */
  concurrencyPerEndpoint: number;
  /** Deliveries held at once in all, posting or waiting for their endpoint. */
  maxHeld?: number;
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
  /** Claims no more, gives back what waits, lets the attempts under way finish, records them. */
  stop(): Promise<void>;
}

/**
 * Each endpoint holds three rounds of its concurrency: the posts under way and the next two,
 * claimed ahead so that finishing a post starts the next without asking the database. Three
 * rounds of attempts fit in a claim's lease (four attempt timeouts), so a waiting claim never
 * runs out before its turn.
 */
const ROUNDS_HELD = 3;

/**
 * Delivers webhooks from this process: claims due deliveries (never one another dispatcher
 * holds), posts them with bounded concurrency per endpoint, and records the attempts in batches.
 * A process that dies loses nothing: what it held is claimed again when its lease runs out.
 */
export function startWebhookDispatcher(
  ctx: AppContext,
  options: DispatcherOptions,
): WebhookDispatcher {
  const maxHeld = options.maxHeld ?? 384;
  const timeoutMs = options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const leaseMs = claimLeaseMs(timeoutMs);
  const sender = new WebhookSender({
    allowPrivate: ctx.webhooks.allowPrivate,
    connectionsPerOrigin: options.concurrencyPerEndpoint * MAX_WEBHOOK_ENDPOINTS,
    userAgent: `psc-webhooks/${VERSION}`,
    now: () => ctx.clock.now(),
    ...(options.resolve ? { resolve: options.resolve } : {}),
    timeoutMs,
  });
  const recorder = new AttemptRecorder(ctx, (err, attempts) =>
    // Unrecorded attempts are made again once their claims run out: none is lost.
    options.logger.error({ err, attempts }, 'recording webhook attempts failed'),
  );
  const lanes = new EndpointLanes<PreparedDelivery>(
    options.concurrencyPerEndpoint,
    ROUNDS_HELD,
    async (prepared) => {
      const attempt =
        'failure' in prepared
          ? {
              at: ctx.clock.now(),
              statusCode: null,
              error: prepared.failure,
              durationMs: 0,
              responseBody: null,
            }
          : await sender.post(prepared.url, prepared.headers, prepared.body);
      recorder.add(prepared.claimed, attempt);
      if (lanes.runningLow(prepared.claimed.endpointId)) pump();
    },
  );
  let stopped = false;
  let pumping = false;
  let pumpAgain = false;
  let timer: NodeJS.Timeout | undefined;
  const isRunning = () => !stopped;

  const claimMore = async (): Promise<boolean> => {
    const room = maxHeld - lanes.size;
    if (room <= 0) return false;
    const claimed = await claimDeliveries(ctx, {
      limit: Math.min(room, 100),
      freeSlots: (endpointId) => lanes.room(endpointId),
      skipEndpoints: lanes.full(),
      leaseMs,
    });
    if (claimed.length === 0) return false;
    for (const prepared of await prepareDeliveries(ctx, claimed, presentEvent)) {
      lanes.add(prepared.claimed.endpointId, prepared);
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
          while (isRunning() && (await claimMore()));
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
      const waiting = lanes.drainWaiting().map((prepared) => prepared.claimed);
      await releaseDeliveries(ctx, waiting).catch((err: unknown) => {
        // Not given back, they are claimed again when their leases run out.
        options.logger.error({ err }, 'giving back webhook deliveries failed');
      });
      while (lanes.size > 0) await new Promise((resolve) => setTimeout(resolve, 5));
      await recorder.flush();
      sender.close();
    },
  };
}
