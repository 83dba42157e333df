import { collectDefaultMetrics, Registry } from 'prom-client';
import { observeActivityWith } from '../services/activity-observer.js';
import type { AppContext } from '../services/context.js';
import { observeCommitsWith } from '../store/commit-timings.js';
import { activityCounters } from './activity-counters.js';
import { commitHistogram } from './commit-histogram.js';
import { databaseGauges } from './database-gauges.js';

export const METRICS_PREFIX = 'psc_';

/**
 * The process's metrics: Node's own (CPU, memory, event loop lag), orders and charges, commit
 * waits and the database gauges; the HTTP app adds its requests (installRequestMetrics). The
 * services and the store report through their observers, so they never import prom-client.
 */
export function createMetrics(ctx: Pick<AppContext, 'db' | 'clock'>): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRICS_PREFIX });
  observeActivityWith(activityCounters(registry));
  observeCommitsWith(commitHistogram(registry));
  databaseGauges(registry, ctx);
  return registry;
}

/** Stops the process-wide observers reporting to a registry (a closed server's, a test's). */
export function stopObserving(): void {
  observeActivityWith(undefined);
  observeCommitsWith(undefined);
}
