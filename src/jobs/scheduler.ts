import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../services/context.js';
import { purgeIdempotencyKeys } from '../services/purge-idempotency-keys.js';
import { purgeSignInAttempts } from '../services/purge-sign-in-attempts.js';
import { runDueWork, type DueWorkCounts } from '../services/run-due-work.js';

export interface Scheduler {
  /** Stops after the pass under way, if any. */
  stop(): Promise<void>;
}

/**
 * Runs the due work every `intervalMs`, one pass at a time (a slow pass delays the next, never
 * overlaps it). Errors are logged and the next pass tries again: every batch of items, and every
 * item kept out of one, commits on its own, so a failed pass loses nothing and repeats nothing.
 */
export function startScheduler(
  ctx: AppContext,
  options: { intervalMs: number; logger: Pick<FastifyBaseLogger, 'info' | 'error'> },
): Scheduler {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const pass = async () => {
    try {
      const counts = await runDueWork(ctx);
      const purgedKeys = await purgeIdempotencyKeys(ctx);
      const purgedSignInWindows = await purgeSignInAttempts(ctx);
      if (didWork(counts) || purgedKeys > 0) {
        options.logger.info({ counts, purgedKeys, purgedSignInWindows }, 'lifecycle pass');
      }
    } catch (err) {
      options.logger.error({ err }, 'lifecycle pass failed');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().then(schedule);
    }, options.intervalMs);
  };
  running = pass().then(schedule);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

function didWork(counts: DueWorkCounts): boolean {
  const { deprovisioned, renewed, expired, warned, charged, issued } = counts;
  return deprovisioned + renewed + expired + warned + charged + issued > 0;
}
