import type { AppContext } from './context.js';
import {
  processDueSubscription,
  type DueOutcome,
} from './subscriptions/process-due-subscription.js';
import { dueChange } from '../domain/verbs/due.js';
import type { Subscription } from '../domain/subscription.js';
import { dueCandidates, type DueScope } from '../store/due-subscriptions.js';
import { findSubscriptionById } from '../store/subscriptions.js';
import { offerOf } from './offer-of.js';
import { findPartner, listSandboxPartners } from '../store/partners.js';
import { issueDueInvoices } from './billing/issue-invoices.js';

export const DEFAULT_BATCH_SIZE = 200;

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
 * clock. Pages through candidates by id, so a pass ends, and processes each in its own transaction.
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
    for (const candidate of candidates) await catchUp(ctx, candidate, now, counts);
    if (candidates.length < batchSize) break;
    afterId = candidates.at(-1)?.id;
  }
  // After the subscriptions, so that the periods they were due to charge are in the invoices.
  counts.issued += await issueDueInvoices(ctx, scope, now, batchSize);
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
): Promise<void> {
  let sub: Subscription | undefined = candidate;
  for (let step = 0; sub && step < MAX_STEPS_PER_SUBSCRIPTION; step += 1) {
    if (!(await hasDueWork(ctx, sub, now))) return;
    const outcomes = await processDueSubscription(ctx, sub.id, now);
    for (const outcome of outcomes) counts[outcome] += 1;
    if (outcomes.includes('busy') || outcomes.includes('nothing')) return;
    sub = await findSubscriptionById(ctx.db, sub.id);
  }
}

/**
 * Asks the domain without a lock whether a candidate has work, so that the many with none (a term
 * that renews next week) cost no transaction; the work itself is decided again under the lock.
 */
async function hasDueWork(ctx: AppContext, sub: Subscription, now: Date): Promise<boolean> {
  const base =
    sub.parentSubscriptionId === null
      ? undefined
      : await findSubscriptionById(ctx.db, sub.parentSubscriptionId);
  return dueChange(sub, { offer: offerOf(ctx, sub), base, addOns: [], now }) !== null;
}
