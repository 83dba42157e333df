import { randomBytes } from 'node:crypto';
import { DomainError, notFound } from '../../domain/errors.js';
import { authorize } from '../../domain/permissions.js';
import {
  ALL_EVENT_TYPES,
  MAX_WEBHOOK_ENDPOINTS,
  SUBSCRIBABLE_EVENT_TYPES,
  normalizeEventTypes,
  previousSecretExpiry,
  type WebhookEndpoint,
} from '../../domain/webhooks/endpoint.js';
import { parseWebhookUrl } from '../../domain/webhooks/webhook-url.js';
import { appendEvents } from '../../store/events.js';
import { lockPartner } from '../../store/partners.js';
import { inTransaction } from '../../store/transaction.js';
import {
  deleteEndpoint as removeEndpoint,
  findEndpoint,
  insertEndpoint,
  listEndpoints as queryEndpoints,
  updateEndpoint as writeEndpoint,
  type StoredEndpoint,
} from '../../store/webhook-endpoints.js';
import type { CallerContext } from '../context.js';
import { callerEvent } from '../events.js';
import { newId } from '../ids.js';
import { publicAddresses } from './address-guard.js';
import type { SecretBox } from './secret-box.js';

export interface EndpointInput {
  url: string;
  eventTypes: string[];
  description?: string | null;
}

export interface EndpointChanges extends Partial<EndpointInput> {
  enabled?: boolean;
}

/** An endpoint with its signing secret, shown this once. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

export async function listEndpoints(ctx: CallerContext): Promise<WebhookEndpoint[]> {
  authorize(ctx.role, 'webhooks.manage');
  return (await queryEndpoints(ctx.db, ctx.partner.id)).map((stored) => stored.endpoint);
}

/** The event types an endpoint may name, and the name for all of them. */
export function subscribableEventTypes(ctx: CallerContext): { items: string[]; all: '*' } {
  authorize(ctx.role, 'webhooks.manage');
  return { items: [...SUBSCRIBABLE_EVENT_TYPES], all: ALL_EVENT_TYPES };
}

export async function getEndpoint(ctx: CallerContext, id: string): Promise<WebhookEndpoint> {
  authorize(ctx.role, 'webhooks.manage');
  return (await found(ctx, id)).endpoint;
}

export async function createEndpoint(
  ctx: CallerContext,
  input: EndpointInput,
): Promise<EndpointWithSecret> {
  authorize(ctx.role, 'webhooks.manage');
  const url = await receiverUrl(ctx, input.url);
  const eventTypes = normalizeEventTypes(input.eventTypes);
  const box = secretBox(ctx);
  const secret = newSigningSecret();
  const now = ctx.serverClock.now();
  const endpoint: WebhookEndpoint = {
    id: newId(),
    partnerId: ctx.partner.id,
    url,
    description: cleanDescription(input.description),
    eventTypes,
    enabled: true,
    disabledReason: null,
    failingSince: null,
    previousSecretExpiresAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await inTransaction(ctx.db, async (trx) => {
    // Counted under the partner's lock, so two at once cannot both pass the limit.
    await lockPartner(trx, ctx.partner.id);
    const existing = await queryEndpoints(trx, ctx.partner.id);
    if (existing.length >= MAX_WEBHOOK_ENDPOINTS) {
      throw new DomainError(
        'too_many_webhook_endpoints',
        `A partner has at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints; remove one first.`,
      );
    }
    await insertEndpoint(trx, { endpoint, secrets: { current: box.seal(secret), previous: null } });
    await appendEvents(trx, [
      callerEvent(ctx, ctx.clock.now(), {
        type: 'webhook.endpoint_created',
        data: { endpointId: endpoint.id, url, eventTypes },
      }),
    ]);
  });
  return { endpoint, secret };
}

export async function updateEndpoint(
  ctx: CallerContext,
  id: string,
  changes: EndpointChanges,
): Promise<WebhookEndpoint> {
  authorize(ctx.role, 'webhooks.manage');
  const url = changes.url === undefined ? undefined : await receiverUrl(ctx, changes.url);
  const eventTypes =
    changes.eventTypes === undefined ? undefined : normalizeEventTypes(changes.eventTypes);
  return inTransaction(ctx.db, async (trx) => {
    const stored = await found(ctx, id, trx);
    const before = stored.endpoint;
    const now = ctx.serverClock.now();
    const enabled = changes.enabled ?? before.enabled;
    const after: WebhookEndpoint = {
      ...before,
      url: url ?? before.url,
      eventTypes: eventTypes ?? before.eventTypes,
      description:
        changes.description === undefined
          ? before.description
          : cleanDescription(changes.description),
      enabled,
      disabledReason: enabled ? null : before.enabled ? 'manual' : before.disabledReason,
      // A re-enabled endpoint gets a fresh five days before it can be disabled again.
      failingSince: enabled && !before.enabled ? null : before.failingSince,
      updatedAt: now,
    };
    await writeEndpoint(trx, { ...stored, endpoint: after });
    await appendEvents(trx, [
      callerEvent(ctx, ctx.clock.now(), {
        type: 'webhook.endpoint_updated',
        data: { endpointId: id, ...changedFields(before, after) },
      }),
    ]);
    return after;
  });
}

export async function deleteEndpoint(ctx: CallerContext, id: string): Promise<void> {
  authorize(ctx.role, 'webhooks.manage');
  await inTransaction(ctx.db, async (trx) => {
    const { endpoint } = await found(ctx, id, trx);
    await removeEndpoint(trx, ctx.partner.id, id);
    await appendEvents(trx, [
      callerEvent(ctx, ctx.clock.now(), {
        type: 'webhook.endpoint_deleted',
        data: { endpointId: id, url: endpoint.url },
      }),
    ]);
  });
}

/**
 * A new signing secret; the one it replaces keeps signing beside it for a day, so receivers can
 * switch without losing a delivery. Rotating again within the day drops the oldest.
 */
export async function rotateSecret(ctx: CallerContext, id: string): Promise<EndpointWithSecret> {
  authorize(ctx.role, 'webhooks.manage');
  const box = secretBox(ctx);
  const secret = newSigningSecret();
  return inTransaction(ctx.db, async (trx) => {
    const stored = await found(ctx, id, trx);
    const now = ctx.serverClock.now();
    const endpoint: WebhookEndpoint = {
      ...stored.endpoint,
      previousSecretExpiresAt: previousSecretExpiry(now),
      updatedAt: now,
    };
    await writeEndpoint(trx, {
      endpoint,
      secrets: { current: box.seal(secret), previous: stored.secrets.current },
    });
    await appendEvents(trx, [
      callerEvent(ctx, ctx.clock.now(), {
        type: 'webhook.secret_rotated',
        data: {
          endpointId: id,
          previousSecretExpiresAt: endpoint.previousSecretExpiresAt?.toISOString(),
        },
      }),
    ]);
    return { endpoint, secret };
  });
}

async function found(ctx: CallerContext, id: string, db = ctx.db): Promise<StoredEndpoint> {
  const stored = await findEndpoint(
    db,
    ctx.partner.id,
    id,
    db.isTransaction ? 'for_update' : 'none',
  );
  if (!stored) throw notFound('Webhook endpoint', id);
  return stored;
}

/** The URL as stored, after the checks that need the network: what its host resolves to. */
async function receiverUrl(ctx: CallerContext, text: string): Promise<string> {
  const url = parseWebhookUrl(text, ctx.webhooks.allowPrivate);
  if (!ctx.webhooks.allowPrivate) {
    // A name that does not resolve yet is taken: every delivery checks it again.
    await publicAddresses(url.hostname).catch((error: unknown) => {
      if (error instanceof DomainError) throw error;
    });
  }
  return url.href;
}

function secretBox(ctx: CallerContext): SecretBox {
  if (!ctx.webhooks.secrets) {
    throw new DomainError(
      'secret_key_missing',
      'This server has no PSC_SECRET_KEY to keep signing secrets with; ask its operator to set one (docs/operations.md).',
    );
  }
  return ctx.webhooks.secrets;
}

/** `whsec_` and 32 random bytes in base64: the Standard Webhooks form of a signing secret. */
function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

function cleanDescription(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function changedFields(before: WebhookEndpoint, after: WebhookEndpoint) {
  const keys = ['url', 'eventTypes', 'description', 'enabled'] as const;
  return Object.fromEntries(
    keys
      .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      .map((key) => [key, after[key]]),
  );
}
