import type { Kysely } from 'kysely';
import type { Clock } from '../domain/clock.js';
import type { Actor } from '../domain/event.js';
import type { CatalogIndex } from '../domain/catalog-index.js';
import type { Partner } from '../domain/partner.js';
import type { Role } from '../domain/permissions.js';
import type { Database } from '../store/tables.js';
import type { PriceBookCache } from './billing/price-book-cache.js';
import type { SecretBox } from './webhooks/secret-box.js';

/** What every use case gets from the process: the database, the clock and the catalog. */
export interface AppContext {
  db: Kysely<Database>;
  clock: Clock;
  catalog: CatalogIndex;
  /** The partners' price books in memory, true to the version each caller's partner row says. */
  priceBooks: PriceBookCache;
  webhooks: WebhookSettings;
}

export interface WebhookSettings {
  /** Whether receivers may be http, or on loopback, private and link-local addresses. */
  allowPrivate: boolean;
  /** The waits between a delivery's attempts (domain/webhooks/retry-schedule.ts). */
  retryDelaysMs: readonly number[];
  /** Seals the endpoints' signing secrets; none where no key is configured. */
  secrets: SecretBox | undefined;
}

/** A use case called on behalf of someone: every query is scoped to `partner`. */
export interface CallerContext extends AppContext {
  partner: Partner;
  actor: Actor;
  /** What the caller may do (domain/permissions.ts): the user's or the API token's role. */
  role: Role;
  /**
   * The server's own clock, where `clock` is a sandbox partner's: for what lives in real time
   * whatever the partner's clock says (webhook deliveries, their leases, a rotated secret's day).
   */
  serverClock: Clock;
}
