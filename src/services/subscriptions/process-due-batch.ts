import { termEndsAt } from '../../domain/due-transitions.js';
import type { Subscription } from '../../domain/subscription.js';
import type { Change } from '../../domain/verbs/change.js';
import { dueChange } from '../../domain/verbs/due.js';
import { claimForWork } from '../../store/due-subscriptions.js';
import { findPartner } from '../../store/partners.js';
import type { Db } from '../../store/tables.js';
import { inTransaction } from '../../store/transaction.js';
import { decideLedger } from '../billing/ledger-writer.js';
import type { AppContext } from '../context.js';
import { systemEvent } from '../events.js';
import { offerOf } from '../offer-of.js';
import { applyChanges } from './apply-changes.js';
import { outcomeOf, type DueOutcome } from './process-due-subscription.js';

export interface DueBatch {
  /** One outcome per subscription the batch changed or found busy or with nothing to do. */
  outcomes: DueOutcome[];
  /** The batch's subscriptions as it left them: they may have more due work (catching up). */
  changed: Subscription[];
  /** Those the batch left to processDueSubscription, each in its own transaction (see below). */
  deferred: Subscription[];
}

/**
 * Does the due work of many subscriptions in one transaction, so that they share one commit: the
 * batch is claimed with one query (locked, skipping those another worker holds), each item is
 * decided by the domain under that lock, and the changes are written together.
 *
 * Only work that needs nothing beyond the row itself is done here: a deletion after retention, a
 * warning, anything before an active term's end, and without charges. An item at its term's end (a
 * renewal reprices from the customer's price book and takes its add-ons along; an expiry takes
 * them too) and an item whose change writes charges (into its customer's invoice, a row shared
 * with other items and locked while written) are deferred: each gets its own transaction, as
 * before, so that a batch never waits on another's rows while holding its own. If anything in
 * the batch fails, nothing of it is written and every item is deferred: a failing item fails
 * alone there and does not hold back the others.
 */
export async function processDueBatch(
  ctx: AppContext,
  due: readonly Subscription[],
  now: Date,
): Promise<DueBatch> {
  try {
    return await inTransaction(ctx.db, (trx) => claimAndWrite(trx, ctx, due, now));
  } catch {
    return { outcomes: [], changed: [], deferred: [...due] };
  }
}

async function claimAndWrite(
  trx: Db,
  ctx: AppContext,
  due: readonly Subscription[],
  now: Date,
): Promise<DueBatch> {
  const claimed = new Map(
    (
      await claimForWork(
        trx,
        due.map((s) => s.id),
      )
    ).map((s) => [s.id, s]),
  );
  const outcomes: DueOutcome[] = [];
  const deferred: Subscription[] = [];
  const changes: Change[] = [];
  for (const { id } of due) {
    const sub = claimed.get(id);
    if (!sub) outcomes.push('busy');
    else {
      const change = decideAlone(ctx, sub, now);
      if (change === 'defer') deferred.push(sub);
      else if (change === null) outcomes.push('nothing');
      else changes.push(change);
    }
  }
  const ledger = await decideLedger(
    trx,
    changes.map(({ before, next }) => ({ before, next, cancelled: false })),
    now,
  );
  const free = changes.filter((c) => ledger.get(c.next.id)?.charges.length === 0);
  deferred.push(...changes.filter((c) => !free.includes(c)).map((c) => c.before));
  const changed = await writeByPartner(trx, free, now);
  outcomes.push(...free.map(outcomeOf));
  return { outcomes, changed, deferred };
}

/**
 * The item's due change when the row alone decides it: neither the base, the add-ons nor a new
 * price play a part unless an active term has ended (a suspended one is only ever deleted). 'defer'
 * otherwise, and when deciding fails (an offer gone from the catalog), so that the item fails alone.
 */
function decideAlone(ctx: AppContext, sub: Subscription, now: Date): Change | null | 'defer' {
  if (sub.status === 'active' && now.getTime() >= termEndsAt(sub).getTime()) return 'defer';
  try {
    const change = dueChange(sub, { offer: offerOf(ctx, sub), base: undefined, addOns: [], now });
    return change && change.followers.length > 0 ? 'defer' : change;
  } catch {
    return 'defer';
  }
}

/** One applyChanges per partner (its events and billing day), for all its items at once. */
async function writeByPartner(trx: Db, changes: readonly Change[], now: Date) {
  const byPartner = new Map<string, Change[]>();
  for (const change of changes) {
    const group = byPartner.get(change.before.partnerId);
    if (group) group.push(change);
    else byPartner.set(change.before.partnerId, [change]);
  }
  const written: Subscription[] = [];
  for (const [partnerId, ofPartner] of byPartner) {
    const partner = await findPartner(trx, partnerId);
    if (!partner) throw new Error(`partner ${partnerId} of a due subscription is missing`);
    const rows = await applyChanges(trx, ofPartner, {
      partnerId,
      billingDay: partner.billingDay,
      now,
      stamp: (event) => systemEvent(partnerId, now, event),
    });
    written.push(...rows.values());
  }
  return written;
}
