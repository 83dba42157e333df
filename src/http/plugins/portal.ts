import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_PORTAL_DIR } from '../../config.js';

/** Paths that belong to the API and its documentation: never answered with the portal. */
const API_PATH = /^\/(v1|docs|openapi\.json|healthz)(\/|\?|$)/;

/**
 * Serves the built portal at `/` when it exists. Its own routes (/customers/…) are the browser's:
 * a GET that asks for HTML anywhere outside the API gets index.html; anything else still gets the
 * API's `route_not_found` problem.
 */
export async function installPortal(
  app: FastifyInstance,
  dir = DEFAULT_PORTAL_DIR,
): Promise<boolean> {
  if (!existsSync(`${dir}index.html`)) return false;
  await app.register(fastifyStatic, {
    root: dir,
    wildcard: false,
    cacheControl: false,
    setHeaders: (res, path) => {
      // Vite puts a content hash in every asset's name: they never change.
      if (path.includes('/assets/')) {
        res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      } else {
        res.setHeader('cache-control', 'no-cache');
      }
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const acceptsHtml = (request.headers.accept ?? '').includes('text/html');
    if (API_PATH.test(request.url) || !acceptsHtml) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
  return true;
}
