import { Histogram, type Registry } from 'prom-client';
import type { CommitObserver } from '../store/commit-timings.js';

const BUCKETS_SECONDS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/** The commit waits the store reports (store/commit-timings.ts). */
export function commitHistogram(registry: Registry): CommitObserver {
  const waits = new Histogram({
    name: 'psc_db_commit_wait_seconds',
    help: 'Time from the end of a transaction’s work to its commit acknowledged (durable).',
    buckets: BUCKETS_SECONDS,
    registers: [registry],
  });
  return { observeCommit: (seconds) => waits.observe(seconds) };
}
