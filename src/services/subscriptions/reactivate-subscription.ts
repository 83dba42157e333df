import { reactivate } from '../../domain/verbs/reactivate.js';
import type { ChangeStep } from './run-change.js';
import { addOnsOfSubject, baseOfSubject } from './subject.js';

/** Brings a suspended subscription back, with the add-ons that were suspended with it. */
export function reactivateStep(): ChangeStep {
  return async (trx, ctx, { sub }) =>
    reactivate(sub, {
      addOns: await addOnsOfSubject(trx, ctx, sub),
      base: await baseOfSubject(trx, ctx, sub),
      role: ctx.role,
      now: ctx.clock.now(),
    });
}
