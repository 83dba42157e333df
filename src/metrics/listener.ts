import Fastify, { type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { metricsRoutes } from '../http/routes/metrics.js';

/**
 * A listener of its own for `/metrics` (PSC_METRICS_PORT), without a token: for a port that only
 * the monitoring network reaches, apart from the public one.
 */
export async function startMetricsListener(
  registry: Registry,
  address: { port: number; host: string },
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  metricsRoutes(app, registry, undefined);
  await app.listen(address);
  return app;
}
