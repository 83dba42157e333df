import type { WebhookDisabledReason, WebhookEndpoint } from '../domain/webhooks/endpoint.js';
import { dialectOf } from './dialects/dialect-of.js';
import type { Db, WebhookEndpointsTable } from './tables.js';

/** The endpoint's signing secrets as stored: encrypted (services/webhooks/secret-box.ts). */
export interface SealedSecrets {
  current: string;
  /** The secret before the last rotation, while it still signs. */
  previous: string | null;
}

export interface StoredEndpoint {
  endpoint: WebhookEndpoint;
  secrets: SealedSecrets;
}

export async function insertEndpoint(db: Db, stored: StoredEndpoint): Promise<void> {
  await db.insertInto('webhook_endpoints').values(toRow(stored)).execute();
}

/** Writes every field of the endpoint back; false when it is gone. */
export async function updateEndpoint(db: Db, stored: StoredEndpoint): Promise<boolean> {
  const { id, partner_id: partnerId, ...values } = toRow(stored);
  const result = await db
    .updateTable('webhook_endpoints')
    .set(values)
    .where('id', '=', id)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Removes the endpoint with its deliveries and their attempts; false when it was not there. */
export async function deleteEndpoint(db: Db, partnerId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('webhook_endpoints')
    .where('id', '=', id)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The endpoint, locked until the transaction ends with `for_update`. */
export async function findEndpoint(
  db: Db,
  partnerId: string,
  id: string,
  lock: 'for_update' | 'none' = 'none',
): Promise<StoredEndpoint | undefined> {
  let select = db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('id', '=', id)
    .where('partner_id', '=', partnerId);
  if (lock === 'for_update') select = dialectOf(db).lockForUpdate(select);
  const row = await select.executeTakeFirst();
  return row && toStored(row);
}

/** Every endpoint of the partner, oldest first (there are at most MAX_WEBHOOK_ENDPOINTS). */
export async function listEndpoints(db: Db, partnerId: string): Promise<StoredEndpoint[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .orderBy('id')
    .execute();
  return rows.map(toStored);
}

/** Endpoints by id, of any partner: the dispatcher's, to sign what it claimed. */
export async function endpointsByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, StoredEndpoint>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, toStored(row)]));
}

/** Every endpoint's sealed secrets, for re-encrypting them under a new key. */
export async function allSealedSecrets(
  db: Db,
): Promise<{ id: string; secret: string; previous_secret: string | null }[]> {
  return db.selectFrom('webhook_endpoints').select(['id', 'secret', 'previous_secret']).execute();
}

export async function resealSecrets(
  db: Db,
  id: string,
  secrets: { secret: string; previous_secret: string | null },
): Promise<void> {
  await db.updateTable('webhook_endpoints').set(secrets).where('id', '=', id).execute();
}

function toRow({ endpoint, secrets }: StoredEndpoint): WebhookEndpointsTable {
  return {
    id: endpoint.id,
    partner_id: endpoint.partnerId,
    url: endpoint.url,
    description: endpoint.description,
    event_types: JSON.stringify(endpoint.eventTypes),
    enabled: endpoint.enabled ? 1 : 0,
    disabled_reason: endpoint.disabledReason,
    secret: secrets.current,
    previous_secret: secrets.previous,
    previous_secret_expires_at: endpoint.previousSecretExpiresAt?.toISOString() ?? null,
    failing_since: endpoint.failingSince?.toISOString() ?? null,
    created_at: endpoint.createdAt.toISOString(),
    updated_at: endpoint.updatedAt.toISOString(),
  };
}

export function toStored(row: WebhookEndpointsTable): StoredEndpoint {
  const instant = (value: string | null) => (value === null ? null : new Date(value));
  return {
    endpoint: {
      id: row.id,
      partnerId: row.partner_id,
      url: row.url,
      description: row.description,
      eventTypes: JSON.parse(row.event_types) as string[],
      enabled: row.enabled === 1,
      disabledReason: row.disabled_reason as WebhookDisabledReason | null,
      failingSince: instant(row.failing_since),
      previousSecretExpiresAt: instant(row.previous_secret_expires_at),
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
    },
    secrets: { current: row.secret, previous: row.previous_secret },
  };
}

/** The endpoint answered: it is failing no more. */
export async function markEndpointAnswering(db: Db, id: string): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({ failing_since: null })
    .where('id', '=', id)
    .where('failing_since', 'is not', null)
    .execute();
}

/**
 * The endpoint failed at `at`: failing since then unless it was already. Answers since when it
 * has been failing, and whether it is still enabled.
 */
export async function markEndpointFailing(
  db: Db,
  id: string,
  at: Date,
): Promise<{ failingSince: Date; enabled: boolean } | undefined> {
  await db
    .updateTable('webhook_endpoints')
    .set({ failing_since: at.toISOString() })
    .where('id', '=', id)
    .where('failing_since', 'is', null)
    .execute();
  const row = await db
    .selectFrom('webhook_endpoints')
    .select(['failing_since', 'enabled'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.failing_since
    ? { failingSince: new Date(row.failing_since), enabled: row.enabled === 1 }
    : undefined;
}

/** Disables an endpoint that has failed too long; false when it already was disabled. */
export async function disableFailingEndpoint(db: Db, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('webhook_endpoints')
    .set({ enabled: 0, disabled_reason: 'failing', updated_at: at.toISOString() })
    .where('id', '=', id)
    .where('enabled', '=', 1)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
