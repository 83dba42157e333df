import type { FastifyInstance, InjectOptions } from 'fastify';
import { createContext } from '../../src/create-context.js';
import { indexCatalog, type CatalogIndex } from '../../src/domain/catalog-index.js';
import { fixedClock, type Clock } from '../../src/domain/clock.js';
import type { Partner } from '../../src/domain/partner.js';
import { buildApp } from '../../src/http/app.js';
import type { ServerTimeouts } from '../../src/http/timeouts.js';
import type { AppContext, WebhookSettings } from '../../src/services/context.js';
import { SecretBox } from '../../src/services/webhooks/secret-box.js';
import { randomBytes } from 'node:crypto';
import { createApiToken } from '../../src/services/create-api-token.js';
import { createPartner, type CreatePartnerInput } from '../../src/services/create-partner.js';
import { DEMO_CATALOG_PATH, loadCatalog } from '../../src/store/catalog-files.js';
import type { DialectName, Store } from '../../src/store/db.js';
import { openTestStore } from './stores.js';

let demoCatalog: CatalogIndex | undefined;
export function testCatalog(): CatalogIndex {
  demoCatalog ??= indexCatalog(loadCatalog(DEMO_CATALOG_PATH));
  return demoCatalog;
}

export const TEST_NOW = new Date('2026-03-01T12:00:00.000Z');

/** The context of a test: its store, the demo catalog, and a clock standing at TEST_NOW. */
export async function testContext(
  store: Store,
  clock?: Clock,
  webhooks: Partial<WebhookSettings> = {},
): Promise<AppContext> {
  const { ctx } = await createContext({
    database: store,
    clock: clock ?? fixedClock(TEST_NOW),
    catalog: testCatalog(),
    webhooks: { secrets: new SecretBox(randomBytes(32)), ...webhooks },
  });
  return ctx;
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  store: Store;
  /** A new partner with its own token, so that tests sharing a database never see each other. */
  newPartner(input?: Partial<CreatePartnerInput>): Promise<{ partner: Partner; token: string }>;
  close(): Promise<void>;
}

export async function createTestApp(
  dialect: DialectName,
  options: {
    clock?: Clock;
    bodyLimit?: number;
    trustProxy?: boolean;
    portalDir?: string;
    timeouts?: ServerTimeouts;
    webhooks?: Partial<WebhookSettings>;
    /** A PostgreSQL database of its own (see openTestStore): for tests that run dispatchers. */
    ownDatabase?: boolean;
  } = {},
): Promise<TestApp> {
  const store = await openTestStore(dialect, undefined, {
    ownDatabase: options.ownDatabase ?? false,
  });
  const ctx = await testContext(store, options.clock, options.webhooks);
  const app = await buildApp(ctx, {
    logger: false,
    version: 'test',
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    ...(options.portalDir === undefined ? {} : { portalDir: options.portalDir }),
    ...(options.timeouts === undefined ? {} : { timeouts: options.timeouts }),
  });
  await app.ready();
  return {
    app,
    ctx,
    store,
    async newPartner(input = {}) {
      const partner = await createPartner(ctx, {
        name: 'Test Partner',
        instance: 'global',
        ...input,
      });
      const { secret } = await createApiToken(ctx, { partnerId: partner.id, name: 'test' });
      return { partner, token: secret };
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** A client bound to one token: `api.post('/v1/customers', body)`. */
export function client(app: FastifyInstance, token: string) {
  const send = (method: InjectOptions['method'], url: string, payload?: unknown, headers = {}) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  return {
    get: (url: string, headers?: Record<string, string>) => send('GET', url, undefined, headers),
    post: (url: string, body: unknown, headers?: Record<string, string>) =>
      send('POST', url, body, headers),
    patch: (url: string, body: unknown, headers?: Record<string, string>) =>
      send('PATCH', url, body, headers),
    put: (url: string, body: unknown, headers?: Record<string, string>) =>
      send('PUT', url, body, headers),
    delete: (url: string, headers?: Record<string, string>) =>
      send('DELETE', url, undefined, headers),
  };
}
