import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { createLogger } from '../../src/logger.js';
import type { AppContext } from '../../src/services/context.js';
import { createApiToken } from '../../src/services/create-api-token.js';
import { createPartner } from '../../src/services/create-partner.js';
import type { DialectName, Store } from '../../src/store/db.js';
import { testContext } from '../helpers/app.js';
import { openTestStore } from '../helpers/stores.js';

/**
 * The app as test/helpers/app.ts builds it, but with a logger that keeps what the error handler
 * logs, so that a 500 is reported with its cause (the answer itself is opaque by design).
 */
export interface FuzzApp {
  app: FastifyInstance;
  ctx: AppContext;
  store: Store;
  /** What was logged at error level for a request id, then forgotten. */
  takeLoggedError(requestId: string | undefined): string | undefined;
  newPartner(isSandbox?: boolean): Promise<{ partnerId: string; token: string }>;
  close(): Promise<void>;
}

export async function createFuzzApp(dialect: DialectName): Promise<FuzzApp> {
  const store = await openTestStore(dialect);
  const ctx = await testContext(store);
  const logged = new Map<string, string>();
  const destination = {
    write(line: string) {
      try {
        const entry = JSON.parse(line) as { reqId?: string; msg?: string; err?: ErrorLog };
        const key = entry.reqId ?? '';
        const text = entry.err ? describeError(entry.err) : (entry.msg ?? line);
        logged.set(key, logged.has(key) ? `${logged.get(key) ?? ''} | ${text}` : text);
      } catch {
        logged.set('', line);
      }
    },
  };
  const app = await buildApp(ctx, {
    logger: createLogger('error', destination),
    version: 'fuzz',
  });
  await app.ready();
  return {
    app,
    ctx,
    store,
    takeLoggedError(requestId) {
      const key = requestId ?? '';
      const text = logged.get(key) ?? logged.get('');
      logged.delete(key);
      logged.delete('');
      return text;
    },
    async newPartner(isSandbox = false) {
      const partner = await createPartner(ctx, {
        name: isSandbox ? 'Fuzz Sandbox Partner' : 'Fuzz Partner',
        instance: 'global',
        isSandbox,
      });
      // A global admin's token: what refuses a request is then validation, never a permission.
      const { secret } = await createApiToken(ctx, {
        partnerId: partner.id,
        name: 'fuzz',
        role: 'global_admin',
      });
      return { partnerId: partner.id, token: secret };
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

interface ErrorLog {
  type?: string;
  message?: string;
  code?: string;
  stack?: string;
}

function describeError(err: ErrorLog): string {
  const where = err.stack
    ?.split('\n')
    .slice(1)
    .find((l) => l.includes('/src/'))
    ?.trim()
    .replace(/^at /, '')
    .replace(/\(?\S*\/src\//, 'src/')
    .replace(/\)$/, '');
  const code = err.code ? ` [${err.code}]` : '';
  return `${err.type ?? 'Error'}${code}: ${err.message ?? '?'}${where ? ` (at ${where})` : ''}`;
}
