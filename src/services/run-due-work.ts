import type { AppContext } from './context.js';
import {
  processDueSubscription,
  type DueOutcome,
} from './subscriptions/process-due-subscription.js';
import { dueChange } from '../domain/verbs/due.js';
import type { Subscription } from '../domain/subscription.js';
import { dueCandidates, subscriptionsWithIds, type DueScope } from '../store/due-subscriptions.js';
import { processDueBatch } from './subscriptions/process-due-batch.js';
import { findSubscriptionById } from '../store/subscriptions.js';
import { offerOf } from './offer-of.js';
import { findPartner, listSandboxPartners } from '../store/partners.js';
import { issueDueInvoices } from './billing/issue-invoices.js';

export const DEFAULT_BATCH_SIZE = 200;

/**
 * Items claimed and written in one transaction: one commit (one fsync) per this many items, while
 * the write lock (SQLite) or row locks (PostgreSQL) are held only briefly.
 */
const CLAIM_SIZE = 50;

export type DueWorkCounts = Record<DueOutcome | 'issued', number>;

/** How often one pass does a subscription's due work in a row (a clock moved months ahead). */
const MAX_STEPS_PER_SUBSCRIPTION = 120;

export function emptyCounts(): DueWorkCounts {
  return {
    deprovisioned: 0,
    renewed: 0,
    expired: 0,
    warned: 0,
    charged: 0,
    issued: 0,
    nothing: 0,
    busy: 0,
  };
}

/**
 * One pass over everything due: real partners at real time, then each sandbox partner at its own
 * clock. Pages through candidates by id, so a pass ends, and processes them in batches.
 */
export async function runDueWork(
  ctx: AppContext,
  options: { batchSize?: number; sandboxes?: boolean } = {},
): Promise<DueWorkCounts> {
  const counts = emptyCounts();
  await runScope(ctx, {}, ctx.clock.now(), counts, options.batchSize);
  if (options.sandboxes === false) return counts;
  for (const partner of await listSandboxPartners(ctx.db)) {
    if (partner.sandboxNow) {
      await runScope(ctx, { partnerId: partner.id }, partner.sandboxNow, counts, options.batchSize);
    }
  }
  return counts;
}

/** One sandbox partner's due work at its clock: what a clock move triggers at once. */
export async function runPartnerDueWork(
  ctx: AppContext,
  partnerId: string,
): Promise<DueWorkCounts> {
  const counts = emptyCounts();
  const partner = await findPartner(ctx.db, partnerId);
  if (partner?.sandboxNow) await runScope(ctx, { partnerId }, partner.sandboxNow, counts);
  return counts;
}

async function runScope(
  ctx: AppContext,
  scope: DueScope,
  now: Date,
  counts: DueWorkCounts,
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<void> {
  let afterId: string | undefined;
  for (;;) {
    const candidates = await dueCandidates(ctx.db, scope, now, {
      limit: batchSize,
      ...(afterId === undefined ? {} : { afterId }),
    });
    for (let start = 0; start < candidates.length; start += CLAIM_SIZE) {
      await catchUpBatch(ctx, candidates.slice(start, start + CLAIM_SIZE), now, counts);
    }
    if (candidates.length < batchSize) break;
    afterId = candidates.at(-1)?.id;
  }
  // After the subscriptions, so that the periods they were due to charge are in the invoices.
  counts.issued += await issueDueInvoices(ctx, scope, now, batchSize);
}

/**
 * Does the due work of a batch of candidates until none is left: each step of those the batch can
 * do together in one transaction (processDueBatch), the others each in their own (catchUp). An
 * item that fails fails alone: the others' work is done, then the pass reports the failure.
 */
async function catchUpBatch(
  ctx: AppContext,
  candidates: readonly Subscription[],
  now: Date,
  counts: DueWorkCounts,
): Promise<void> {
  const failures: unknown[] = [];
  let subs = candidates;
  for (let step = 0; subs.length > 0 && step < MAX_STEPS_PER_SUBSCRIPTION; step += 1) {
    const due = await withDueWork(ctx, subs, now);
    if (due.length === 0) break;
    const batch = await processDueBatch(ctx, due, now);
    for (const outcome of batch.outcomes) counts[outcome] += 1;
    for (const sub of batch.deferred) {
      await catchUp(ctx, sub, now, counts, step).catch((error: unknown) => failures.push(error));
    }
    subs = batch.changed;
  }
  if (failures.length > 0) throw failures[0];
}

/**
 * Does a subscription's due work until none is left, each step in its own transaction: after a
 * long stop (or a sandbox clock moved ahead) that is several periods to charge and terms to renew.
 */
async function catchUp(
  ctx: AppContext,
  candidate: Subscription,
  now: Date,
  counts: DueWorkCounts,
  firstStep: number,
): Promise<void> {
  let sub: Subscription | undefined = candidate;
  for (let step = firstStep; sub && step < MAX_STEPS_PER_SUBSCRIPTION; step += 1) {
    if ((await withDueWork(ctx, [sub], now)).length === 0) return;
    const outcomes = await processDueSubscription(ctx, sub.id, now);
    for (const outcome of outcomes) counts[outcome] += 1;
    if (outcomes.includes('busy') || outcomes.includes('nothing')) return;
    sub = await findSubscriptionById(ctx.db, sub.id);
  }
}

/**
 * Those of `subs` the domain, asked without a lock, finds work for, so that the many with none (a
 * term that renews next week) cost no transaction; the work itself is decided again under the
 * lock. Their bases are read in one query. One the domain cannot decide (an offer gone from the
 * catalog) counts as having work: processing it reports why.
 */
async function withDueWork(
  ctx: AppContext,
  subs: readonly Subscription[],
  now: Date,
): Promise<Subscription[]> {
  const bases = await subscriptionsWithIds(
    ctx.db,
    subs.flatMap((sub) => (sub.parentSubscriptionId === null ? [] : [sub.parentSubscriptionId])),
  );
  return subs.filter((sub) => {
    try {
      const base =
        sub.parentSubscriptionId === null ? undefined : bases.get(sub.parentSubscriptionId);
      return dueChange(sub, { offer: offerOf(ctx, sub), base, addOns: [], now }) !== null;
    } catch {
      return true;
    }
  });
}
