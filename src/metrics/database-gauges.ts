import type { Kysely } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { AppContext } from '../services/context.js';
import { poolStatsOf } from '../store/pool-stats.js';
import { oldestDueAt } from '../store/scheduler-lag.js';
import type { Database } from '../store/tables.js';
import { webhookBacklog, type WebhookBacklog } from '../store/webhook-backlog.js';

/**
 * Gauges read from the database when scraped, each by an indexed query: how late the scheduler
 * is, the webhook backlog, and the connection pool. A database that does not answer fails the
 * scrape, as it fails /healthz.
 */
export function databaseGauges(registry: Registry, ctx: Pick<AppContext, 'db' | 'clock'>): void {
  const registers = [registry];
  new Gauge({
    name: 'psc_scheduler_lag_seconds',
    help: 'Seconds since the longest-waiting due work of the scheduler fell due (renewals, expiries, deletions, period charges); 0 when none waits.',
    registers,
    async collect() {
      const now = ctx.clock.now();
      const oldest = await oldestDueAt(ctx.db, now);
      this.set(oldest === undefined ? 0 : Math.max(0, now.getTime() - oldest.getTime()) / 1000);
    },
  });
  // Both backlog gauges are collected in the same scrape: one query serves them.
  let backlogQuery: Promise<WebhookBacklog> | undefined;
  const backlog = () =>
    (backlogQuery ??= webhookBacklog(ctx.db, ctx.clock.now()).finally(() => {
      backlogQuery = undefined;
    }));
  new Gauge({
    name: 'psc_webhook_deliveries_pending',
    help: 'Webhook deliveries not yet delivered nor failed (due, waiting for a retry, or in flight).',
    registers,
    async collect() {
      this.set((await backlog()).pending);
    },
  });
  new Gauge({
    name: 'psc_webhook_deliveries_due',
    help: 'Webhook deliveries a dispatcher could attempt now: new ones and retries whose time came.',
    registers,
    async collect() {
      this.set((await backlog()).due);
    },
  });
  poolGauges(registers, ctx.db);
}

/** PostgreSQL's pool of this process; SQLite has one connection, on which queries take turns. */
function poolGauges(registers: Registry[], db: Kysely<Database>): void {
  const stats = () => poolStatsOf(db) ?? { total: 1, idle: 0, waiting: 0 };
  new Gauge({
    name: 'psc_db_pool_connections',
    help: 'Open database connections of this process (SQLite: its one connection).',
    registers,
    collect() {
      this.set(stats().total);
    },
  });
  if (poolStatsOf(db) === undefined) return;
  new Gauge({
    name: 'psc_db_pool_idle_connections',
    help: 'Open database connections not in use.',
    registers,
    collect() {
      this.set(stats().idle);
    },
  });
  new Gauge({
    name: 'psc_db_pool_waiting_queries',
    help: 'Queries waiting for a free connection.',
    registers,
    collect() {
      this.set(stats().waiting);
    },
  });
}
