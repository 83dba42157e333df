import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_PORTAL_DIR } from '../../config.js';

/** Answers under /v1 carry private data, tokens and sessions: no cache may keep them. */
const PRIVATE_PATH = /^\/v1(\/|\?|$)/;
const DOCS_PATH = /^\/docs(\/|\?|$)/;

/** What a CSP source list needs to allow one inline <style> element with this text. */
function styleHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/** The built portal's own inline styles (index.html), allowed one by one by their hashes. */
function portalStyleHashes(dir: string): string[] {
  const index = `${dir}index.html`;
  if (!existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  return [...html.matchAll(/<style[^>]*>([^<]*)<\/style>/g)].map((m) => styleHash(m[1] ?? ''));
}

function policy(styleSrc: string[]) {
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      // The portal's favicon is `data:,` (no request for one); Swagger UI draws its icons so.
      imgSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc,
    },
  };
}

/**
 * Security headers on every answer (helmet), a Content-Security-Policy that allows no inline
 * script anywhere, and `Cache-Control: no-store` on the API.
 */
export async function installSecurityHeaders(
  app: FastifyInstance,
  portalDir = DEFAULT_PORTAL_DIR,
): Promise<void> {
  // Griffel (Fluent UI) adds empty <style> elements and fills them through insertRule, which CSP
  // does not govern: the empty text's hash is all it needs, not 'unsafe-inline'.
  const portal = policy(["'self'", styleHash(''), ...portalStyleHashes(portalDir)]);
  // Swagger UI adds a <style> of its own, which changes with its version; /docs shows nothing
  // but our own OpenAPI document.
  const docs = policy(["'self'", "'unsafe-inline'"]);
  await app.register(helmet, {
    contentSecurityPolicy: portal,
    frameguard: { action: 'deny' },
    // Unlike no-referrer, keeps the Origin header of the portal's own POSTs (CSRF checks).
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (PRIVATE_PATH.test(request.url)) reply.header('cache-control', 'no-store');
    if (DOCS_PATH.test(request.url)) reply.helmet({ contentSecurityPolicy: docs });
    done();
  });
}
