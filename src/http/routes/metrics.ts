import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';
import { DomainError } from '../../domain/errors.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * `GET /metrics` in Prometheus's text format, outside the /v1 API and its document. With a token,
 * only a scraper sending it as a bearer token gets them; without one, anyone who reaches the
 * listener does (the metrics port, on an internal interface).
 */
export function metricsRoutes(
  app: FastifyInstance,
  registry: Registry,
  token: string | undefined,
): void {
  const expected = token === undefined ? undefined : digest(token);
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (expected !== undefined && !bearerMatches(request, expected)) {
      throw new DomainError(
        'unauthorized',
        'Send the metrics token as Authorization: Bearer <token>.',
      );
    }
    const text = await registry.metrics();
    return reply.type(registry.contentType).send(text);
  });
}

// Digests have one length whatever was sent, so the comparison takes the same time for any guess.
function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function bearerMatches(request: FastifyRequest, expected: Buffer): boolean {
  const sent = BEARER.exec(request.headers.authorization ?? '')?.[1];
  return sent !== undefined && timingSafeEqual(digest(sent), expected);
}
