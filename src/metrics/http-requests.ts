import type { FastifyInstance } from 'fastify';
import { Histogram, type Registry } from 'prom-client';

/** The route label of a request no route matched (no raw URLs in labels: ids would be in them). */
export const UNMATCHED_ROUTE = 'unmatched';

const BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Child = Histogram.Internal<'route' | 'method' | 'status_code'>;

/**
 * Times every answer by route pattern, method and status: one histogram (its `_count` is the
 * request count), and its children kept per label set, so a request only looks one up.
 */
export function installRequestMetrics(app: FastifyInstance, registry: Registry): void {
  const durations = new Histogram({
    name: 'psc_http_request_duration_seconds',
    help: 'Time from a request received to its answer sent, by route pattern, method and status code.',
    labelNames: ['route', 'method', 'status_code'],
    buckets: BUCKETS_SECONDS,
    registers: [registry],
  });
  const children = new Map<string, Map<string, Map<number, Child>>>();
  const childOf = (route: string, method: string, status: number): Child => {
    let byMethod = children.get(route);
    if (!byMethod) children.set(route, (byMethod = new Map<string, Map<number, Child>>()));
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, (byStatus = new Map<number, Child>()));
    let child = byStatus.get(status);
    if (!child) byStatus.set(status, (child = durations.labels(route, method, String(status))));
    return child;
  };
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    childOf(route, request.method, reply.statusCode).observe(reply.elapsedTime / 1000);
    done();
  });
}
