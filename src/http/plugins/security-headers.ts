import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet, { type HelmetOptions } from 'helmet';
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
export function installSecurityHeaders(app: FastifyInstance, portalDir = DEFAULT_PORTAL_DIR): void {
  const common: HelmetOptions = {
    frameguard: { action: 'deny' },
    // Unlike no-referrer, keeps the Origin header of the portal's own POSTs (CSRF checks).
    referrerPolicy: { policy: 'same-origin' },
  };
  // Griffel (Fluent UI) adds empty <style> elements and fills them through insertRule, which CSP
  // does not govern: the empty text's hash is all it needs, not 'unsafe-inline'.
  const portal = headersOf({
    ...common,
    contentSecurityPolicy: policy(["'self'", styleHash(''), ...portalStyleHashes(portalDir)]),
  });
  // Swagger UI adds a <style> of its own, which changes with its version; /docs shows nothing
  // but our own OpenAPI document.
  const docs = headersOf({
    ...common,
    contentSecurityPolicy: policy(["'self'", "'unsafe-inline'"]),
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (DOCS_PATH.test(request.url)) reply.headers(docs);
    else reply.headers(portal);
    if (PRIVATE_PATH.test(request.url)) reply.header('cache-control', 'no-store');
    done();
  });
}

/**
 * The headers helmet sets with these options, worked out once: they are the same for every
 * answer, and @fastify/helmet builds helmet's middleware again for each request (a few per cent
 * of an order's CPU, parsing the same policy).
 */
function headersOf(options: HelmetOptions): Record<string, string> {
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  helmet(options)(response.req, response, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error('helmet refused its options');
  });
  return Object.fromEntries(
    Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]),
  );
}
