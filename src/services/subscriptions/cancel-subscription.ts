import { cancel } from '../../domain/verbs/cancel.js';
import type { ChangeStep } from './run-change.js';
import { addOnsOfSubject } from './subject.js';

/** Cancels a subscription inside its window; its add-ons end with it. */
export function cancelStep(): ChangeStep {
  return async (trx, ctx, { sub }) =>
    cancel(sub, {
      addOns: await addOnsOfSubject(trx, ctx, sub),
      role: ctx.role,
      now: ctx.clock.now(),
    });
}
