import { DomainError } from '../../domain/errors.js';
import type { DomainEvent } from '../../domain/event.js';
import type { Subscription } from '../../domain/subscription.js';
import type { Change, ChangeEvent } from '../../domain/verbs/change.js';
import { appendEvents } from '../../store/events.js';
import { updateSubscription } from '../../store/subscriptions.js';
import type { Db } from '../../store/tables.js';

/**
 * The one writer of subscriptions. Writes what the verbs decided, in the caller's transaction:
 * each subscription once (several steps of one request on one subscription make one new version),
 * only if nobody changed it since it was read (else `etag_mismatch`: a caller reads it again, a job
 * tries again on its next pass), and the events in the order the verbs gave them. This is where the
 * money ledger and the webhook outbox join the change.
 */
export async function applyChanges(
  trx: Db,
  changes: readonly Change[],
  stamp: (event: ChangeEvent) => DomainEvent,
): Promise<Map<string, Subscription>> {
  const merged = new Map<string, { before: Subscription; next: Subscription; visible: boolean }>();
  const events: DomainEvent[] = [];
  for (const change of changes.flatMap((c) => [c, ...c.followers])) {
    const earlier = merged.get(change.before.id);
    merged.set(change.before.id, {
      before: earlier?.before ?? change.before,
      next: change.next,
      visible: (earlier?.visible ?? false) || change.visible,
    });
    events.push(...change.events.map(stamp));
  }
  const written = new Map<string, Subscription>();
  for (const { before, next, visible } of merged.values()) {
    if (next === before) continue;
    const version = before.version + (visible ? 1 : 0);
    const row = { ...next, version };
    if (!(await updateSubscription(trx, row, before.version))) {
      throw new DomainError(
        'etag_mismatch',
        `Subscription ${before.id} changed meanwhile; read it again and retry.`,
      );
    }
    written.set(row.id, row);
  }
  await appendEvents(trx, events);
  return written;
}
