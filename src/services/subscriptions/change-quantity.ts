import { changeQuantity } from '../../domain/verbs/change-quantity.js';
import { assignedCount } from '../../store/license-assignments.js';
import type { ChangeStep } from './run-change.js';

/** A new number of licenses, never below those assigned to users. */
export function changeQuantityStep(quantity: number): ChangeStep {
  return async (trx, ctx, { sub, offer }) =>
    changeQuantity(sub, {
      offer,
      role: ctx.role,
      quantity,
      assigned: quantity < sub.quantity ? await assignedCount(trx, ctx.partner.id, sub.id) : 0,
      now: ctx.clock.now(),
    });
}
