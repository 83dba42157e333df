import { v7 } from 'uuid';
import type { DomainEvent } from '../domain/event.js';
import type {
  AttemptVerdict,
  DeliveryAttempt,
  DeliveryStatus,
  WebhookDelivery,
} from '../domain/webhooks/delivery.js';
import { endpointWants, WEBHOOK_TEST_EVENT } from '../domain/webhooks/endpoint.js';
import { compiledOnce } from './compiled-once.js';
import { dialectOf } from './dialects/dialect-of.js';
import { insertRows } from './insert-rows.js';
import { keysetPage } from './keyset-page.js';
import type { Page } from './page.js';
import type { Db, WebhookAttemptsTable, WebhookDeliveriesTable } from './tables.js';

/**
 * One pending delivery per event and enabled endpoint that wants it, written with the events in
 * their transaction: a committed event always has its deliveries, a rolled-back one none.
 */
export async function enqueueDeliveries(db: Db, events: readonly DomainEvent[]): Promise<void> {
  const endpoints = [];
  for (const partnerId of new Set(events.map((event) => event.partnerId))) {
    endpoints.push(...(await enabledEndpoints(db, partnerId)));
  }
  if (endpoints.length === 0) return;
  const wanted = endpoints.map((row) => ({
    id: row.id,
    partnerId: row.partner_id,
    enabled: true,
    eventTypes: JSON.parse(row.event_types) as string[],
  }));
  const rows = events.flatMap((event) =>
    wanted
      .filter((endpoint) => endpoint.partnerId === event.partnerId)
      .filter((endpoint) => endpointWants(endpoint, event.type))
      .map((endpoint) => newDelivery(endpoint.id, event)),
  );
  await insertRows(db, 'webhook_deliveries', rows);
}

const enabledEndpoints = compiledOnce((db: Db, partnerId: string) =>
  db
    .selectFrom('webhook_endpoints')
    .select(['id', 'partner_id', 'event_types'])
    .where('partner_id', '=', partnerId)
    .where('enabled', '=', 1),
);

/** A delivery of `event` to one endpoint whatever it subscribes to: the test event's. */
export async function insertDelivery(
  db: Db,
  endpointId: string,
  event: DomainEvent,
): Promise<string> {
  const row = newDelivery(endpointId, event);
  await db.insertInto('webhook_deliveries').values(row).execute();
  return row.id;
}

function newDelivery(endpointId: string, event: DomainEvent): WebhookDeliveriesTable {
  return {
    id: v7(),
    partner_id: event.partnerId,
    endpoint_id: endpointId,
    event_id: event.id,
    event_type: event.type,
    status: 'pending',
    schedule_failures: 0,
    attempt_count: 0,
    next_attempt_at: null,
    claim_token: null,
    created_at: event.occurredAt.toISOString(),
  };
}

/** A delivery a dispatcher holds until `leaseUntil`: what it needs to post it. */
export interface ClaimedDelivery {
  id: string;
  partnerId: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  scheduleFailures: number;
  claimToken: string;
}

/**
 * Claims up to `limit` due deliveries of enabled endpoints (and test events of any), no more of one endpoint than its free
 * slots (none of `skipEndpoints`, whose slots are all busy), until `leaseUntil`, under
 * `claimToken`. On PostgreSQL rows
 * another worker is claiming are skipped (SKIP LOCKED); SQLite has one writer at a time. New and
 * redelivered ones go first, in the order they were made, then retries in the order they fell due.
 */
export async function claimDueDeliveries(
  db: Db,
  options: {
    now: Date;
    leaseUntil: Date;
    claimToken: string;
    limit: number;
    /** How many more deliveries of the endpoint this dispatcher may hold now. */
    freeSlots: (endpointId: string) => number;
    skipEndpoints: readonly string[];
  },
): Promise<ClaimedDelivery[]> {
  const due = (which: 'new' | 'retry', limit: number) => {
    let select = db
      .selectFrom('webhook_deliveries')
      .select(['id', 'endpoint_id'])
      .where('status', '=', 'pending')
      // A disabled endpoint's deliveries wait for it to be enabled, but for a test event: that
      // is how its owner sees that it works before enabling it again.
      .where((eb) =>
        eb.or([
          eb(
            'endpoint_id',
            'in',
            eb.selectFrom('webhook_endpoints').select('id').where('enabled', '=', 1),
          ),
          eb('event_type', '=', WEBHOOK_TEST_EVENT),
        ]),
      );
    if (options.skipEndpoints.length > 0) {
      select = select.where('endpoint_id', 'not in', options.skipEndpoints);
    }
    select =
      which === 'new'
        ? select.where('next_attempt_at', 'is', null).orderBy('id')
        : select
            .where('next_attempt_at', '<=', options.now.toISOString())
            .orderBy('next_attempt_at')
            .orderBy('id');
    return dialectOf(db).skipLocked(select.limit(limit)).execute();
  };
  const fresh = await due('new', options.limit);
  const retries =
    fresh.length < options.limit ? await due('retry', options.limit - fresh.length) : [];
  const taken = new Map<string, number>();
  const ids = [...fresh, ...retries].flatMap((row) => {
    const count = taken.get(row.endpoint_id) ?? 0;
    if (count >= options.freeSlots(row.endpoint_id)) return [];
    taken.set(row.endpoint_id, count + 1);
    return [row.id];
  });
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('webhook_deliveries')
    .set({ claim_token: options.claimToken, next_attempt_at: options.leaseUntil.toISOString() })
    .where('id', 'in', ids)
    .returning(['id', 'partner_id', 'endpoint_id', 'event_id', 'event_type', 'schedule_failures'])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    partnerId: row.partner_id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    scheduleFailures: row.schedule_failures,
    claimToken: options.claimToken,
  }));
}

/**
 * Records a finished attempt of a claimed delivery and what it leads to. False, recording
 * nothing, when the claim is no longer this dispatcher's (its lease ran out and another took it).
 */
export async function recordAttempt(
  db: Db,
  claimed: Pick<ClaimedDelivery, 'id' | 'claimToken' | 'scheduleFailures'>,
  attempt: DeliveryAttempt,
  verdict: AttemptVerdict,
): Promise<boolean> {
  const updated = await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      status: verdict.status,
      next_attempt_at: verdict.nextAttemptAt?.toISOString() ?? null,
      schedule_failures:
        verdict.status === 'succeeded' ? claimed.scheduleFailures : claimed.scheduleFailures + 1,
      attempt_count: eb('attempt_count', '+', 1),
      claim_token: null,
    }))
    .where('id', '=', claimed.id)
    .where('claim_token', '=', claimed.claimToken)
    .returning('attempt_count')
    .executeTakeFirst();
  if (!updated) return false;
  await db
    .insertInto('webhook_attempts')
    .values({
      delivery_id: claimed.id,
      number: updated.attempt_count,
      at: attempt.at.toISOString(),
      status_code: attempt.statusCode,
      error: attempt.error,
      duration_ms: attempt.durationMs,
      response_body: attempt.responseBody,
    })
    .execute();
  return true;
}

/** Gives back claims not acted on (a stopping dispatcher's): due at once, for any dispatcher. */
export async function releaseClaims(
  db: Db,
  claims: readonly Pick<ClaimedDelivery, 'id' | 'claimToken'>[],
): Promise<void> {
  for (const claim of claims) {
    await db
      .updateTable('webhook_deliveries')
      .set({ claim_token: null, next_attempt_at: null })
      .where('id', '=', claim.id)
      .where('claim_token', '=', claim.claimToken)
      .execute();
  }
}

/**
 * Makes the delivery due at once with a new retry schedule. False when it is not the partner's
 * endpoint's, or when a dispatcher holds it now (the attempt under way decides what comes next).
 */
export async function redeliver(
  db: Db,
  partnerId: string,
  endpointId: string,
  deliveryId: string,
  now: Date,
): Promise<'done' | 'in_flight' | 'not_found'> {
  const found = await db
    .selectFrom('webhook_deliveries')
    .select(['claim_token', 'next_attempt_at'])
    .where('id', '=', deliveryId)
    .where('partner_id', '=', partnerId)
    .where('endpoint_id', '=', endpointId)
    .executeTakeFirst();
  if (!found) return 'not_found';
  if (isHeld(found, now)) return 'in_flight';
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: null, schedule_failures: 0, claim_token: null })
    .where('id', '=', deliveryId)
    .execute();
  return 'done';
}

function isHeld(row: Pick<WebhookDeliveriesTable, 'claim_token' | 'next_attempt_at'>, now: Date) {
  return (
    row.claim_token !== null && row.next_attempt_at !== null && new Date(row.next_attempt_at) > now
  );
}

export interface DeliveryQuery {
  status?: DeliveryStatus;
  limit: number;
  cursor?: string;
}

/** The endpoint's deliveries, newest first, with their attempts. Null for a forged cursor. */
export async function listDeliveries(
  db: Db,
  partnerId: string,
  endpointId: string,
  query: DeliveryQuery,
  now: Date,
): Promise<Page<WebhookDelivery> | null> {
  let select = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('endpoint_id', '=', endpointId);
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  const page = await keysetPage(select, { column: 'id', holds: 'uuid', descending: true }, query);
  if (!page) return null;
  const attempts = await attemptsOf(
    db,
    page.rows.map((row) => row.id),
  );
  return {
    items: page.rows.map((row) => toDelivery(row, attempts.get(row.id) ?? [], now)),
    nextCursor: page.nextCursor,
  };
}

export async function findDelivery(
  db: Db,
  partnerId: string,
  deliveryId: string,
  now: Date,
): Promise<WebhookDelivery | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', deliveryId)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  if (!row) return undefined;
  const attempts = await attemptsOf(db, [row.id]);
  return toDelivery(row, attempts.get(row.id) ?? [], now);
}

async function attemptsOf(
  db: Db,
  deliveryIds: readonly string[],
): Promise<Map<string, DeliveryAttempt[]>> {
  const byDelivery = new Map<string, DeliveryAttempt[]>();
  if (deliveryIds.length === 0) return byDelivery;
  const rows = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', 'in', deliveryIds)
    .orderBy('delivery_id')
    .orderBy('number')
    .execute();
  for (const row of rows) {
    const list = byDelivery.get(row.delivery_id) ?? [];
    list.push(toAttempt(row));
    byDelivery.set(row.delivery_id, list);
  }
  return byDelivery;
}

function toAttempt(row: WebhookAttemptsTable): DeliveryAttempt {
  return {
    at: new Date(row.at),
    statusCode: row.status_code,
    error: row.error,
    durationMs: row.duration_ms,
    responseBody: row.response_body,
  };
}

function toDelivery(
  row: WebhookDeliveriesTable,
  attempts: DeliveryAttempt[],
  now: Date,
): WebhookDelivery {
  const inFlight = isHeld(row, now);
  return {
    id: row.id,
    partnerId: row.partner_id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status as DeliveryStatus,
    attempts,
    // A held delivery's next_attempt_at is its lease; a new one's null means "now".
    nextAttemptAt:
      row.status !== 'pending' || inFlight
        ? null
        : row.next_attempt_at === null
          ? now
          : new Date(row.next_attempt_at),
    inFlight,
    createdAt: new Date(row.created_at),
  };
}

/** Pending deliveries and the oldest of them due: the backlog, for the bench and operations. */
export async function pendingCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
