import type { DetailsChange } from '../../domain/subscription-lifecycle.js';
import { updateDetails } from '../../domain/verbs/update-details.js';
import type { ChangeStep } from './run-change.js';

/** Renames a subscription or turns its auto-renewal on or off. */
export function updateDetailsStep(details: DetailsChange): ChangeStep {
  return (_trx, ctx, { sub, offer }) =>
    Promise.resolve(updateDetails(sub, { offer, role: ctx.role, details }));
}
