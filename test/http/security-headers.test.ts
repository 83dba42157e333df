import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstUser } from '../../src/services/create-user.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/stores.js';

const INLINE_STYLE = 'body{margin:0}';
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** A built portal in miniature: index.html with one inline style, and one hashed asset. */
function portalDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'psc-portal-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><style>${INLINE_STYLE}</style>` +
      '<script type="module" src="/assets/index-abc123.js"></script></head><body></body></html>',
  );
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1);');
  return `${dir}/`;
}

function directives(response: LightMyRequestResponse): Map<string, string> {
  const header = response.headers['content-security-policy'] ?? '';
  return new Map(
    header.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources.join(' ')];
    }),
  );
}

function expectCommonHeaders(response: LightMyRequestResponse): void {
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['referrer-policy']).toBe('same-origin');
  const csp = directives(response);
  expect(csp.get('default-src')).toBe("'self'");
  expect(csp.get('script-src')).toBe("'self'");
  expect(csp.get('script-src-attr')).toBe("'none'");
  expect(csp.get('object-src')).toBe("'none'");
  expect(csp.get('frame-ancestors')).toBe("'none'");
}

describe.each(DIALECTS)('security headers on %s', (dialect) => {
  let t: TestApp;
  let token: string;
  let email: string;
  const password = 'a long enough password';
  beforeAll(async () => {
    t = await createTestApp(dialect, { portalDir: portalDir() });
    const { partner, token: secret } = await t.newPartner();
    token = secret;
    email = `ada-${partner.id}@headers.example`;
    await createFirstUser(t.ctx, partner.id, {
      email,
      displayName: 'Ada',
      role: 'global_admin',
      password,
    });
  });
  afterAll(() => t.close());

  it('keeps every API answer out of caches: data, refusals, sessions and exports', async () => {
    const api = client(t.app, token);
    const answers = [
      await api.get('/v1/offers'),
      await api.get('/v1/events', { accept: 'text/csv' }),
      await api.get('/v1/no-such-thing'),
      await t.app.inject({ method: 'GET', url: '/v1/customers' }),
      await t.app.inject({
        method: 'POST',
        url: '/v1/session',
        payload: { email, password },
      }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 404, 401, 201]);
    expect(answers[4]!.headers['set-cookie']).toBeDefined();
    for (const response of answers) {
      expect(response.headers['cache-control']).toBe('no-store');
      expectCommonHeaders(response);
    }
  });

  it("gives the portal a CSP without 'unsafe-inline' and keeps its caching", async () => {
    const index = await t.app.inject({
      method: 'GET',
      url: '/customers',
      headers: { accept: 'text/html' },
    });
    expect(index.statusCode).toBe(200);
    expectCommonHeaders(index);
    // Griffel's empty <style> elements, and index.html's own inline style.
    expect(directives(index).get('style-src')).toBe(`'self' ${hash('')} ${hash(INLINE_STYLE)}`);
    expect(index.headers['cache-control']).toBe('no-cache');
    const asset = await t.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
  });

  it('relaxes the styles for Swagger UI at /docs only, never its scripts', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(docs.statusCode).toBe(200);
    expectCommonHeaders(docs);
    expect(directives(docs).get('style-src')).toBe("'self' 'unsafe-inline'");
    const script = await t.app.inject({
      method: 'GET',
      url: '/docs/static/swagger-initializer.js',
    });
    expect(directives(script).get('style-src')).toBe("'self' 'unsafe-inline'");
    const json = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(directives(json).get('style-src')).not.toContain('unsafe-inline');
  });
});
