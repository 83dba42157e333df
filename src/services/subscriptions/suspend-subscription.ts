import type { PartnerSuspensionReason } from '../../domain/subscription.js';
import { suspend } from '../../domain/verbs/suspend.js';
import type { ChangeStep } from './run-change.js';
import { addOnsOfSubject } from './subject.js';

/** Suspends a subscription for a reason; its add-ons follow. */
export function suspendStep(reason: PartnerSuspensionReason | undefined): ChangeStep {
  return async (trx, ctx, { sub, offer, customer }) =>
    suspend(sub, {
      offer,
      addOns: await addOnsOfSubject(trx, ctx, sub),
      account: customer,
      reason,
      role: ctx.role,
      now: ctx.clock.now(),
    });
}
