import { validationFailed } from '../../domain/errors.js';
import { authorize, authorizeSuspensionReason } from '../../domain/permissions.js';
import type { Subscription } from '../../domain/subscription.js';
import type { SubscriptionChanges } from '../../domain/subscription-changes.js';
import type { CallerContext } from '../context.js';
import { cancelStep } from './cancel-subscription.js';
import { changeQuantityStep } from './change-quantity.js';
import { reactivateStep } from './reactivate-subscription.js';
import { runChange, type ChangeStep } from './run-change.js';
import { suspendStep } from './suspend-subscription.js';
import { updateDetailsStep } from './update-details.js';

export type { SubscriptionChanges };

/**
 * A PATCH of the edit page: name and auto-renewal, then the quantity or the status (suspend,
 * reactivate, cancel), as steps of one transaction, all or nothing. `expectedVersion` (If-Match)
 * refuses the change when someone changed the subscription meanwhile.
 */
export function patchSubscription(
  ctx: CallerContext,
  ids: { customerId: string; subscriptionId: string },
  changes: SubscriptionChanges,
  expectedVersion?: number,
): Promise<Subscription> {
  assertCoherent(changes);
  authorizeChanges(ctx, changes);
  return runChange(ctx, ids, stepsOf(changes), expectedVersion);
}

function stepsOf(changes: SubscriptionChanges): ChangeStep[] {
  const steps: ChangeStep[] = [];
  const { friendlyName, autoRenewEnabled } = changes;
  if (friendlyName !== undefined || autoRenewEnabled !== undefined) {
    steps.push(
      updateDetailsStep({
        ...(friendlyName === undefined ? {} : { friendlyName }),
        ...(autoRenewEnabled === undefined ? {} : { autoRenewEnabled }),
      }),
    );
  }
  if (changes.quantity !== undefined) steps.push(changeQuantityStep(changes.quantity));
  if (changes.status === 'suspended') steps.push(suspendStep(changes.suspensionReason));
  if (changes.status === 'active') steps.push(reactivateStep());
  if (changes.status === 'deleted') steps.push(cancelStep());
  return steps;
}

const STATUS_PERMISSIONS = {
  suspended: 'subscriptions.suspend',
  active: 'subscriptions.reactivate',
  deleted: 'subscriptions.cancel',
} as const;

/**
 * The permissions a PATCH needs, by the fields it sends: checked before anything is read or
 * replayed (the verbs check again as they decide).
 */
export function authorizeChanges(ctx: CallerContext, changes: SubscriptionChanges): void {
  if (changes.friendlyName !== undefined || changes.autoRenewEnabled !== undefined) {
    authorize(ctx.role, 'subscriptions.update_details');
  }
  if (changes.quantity !== undefined) authorize(ctx.role, 'subscriptions.change_quantity');
  if (changes.status !== undefined) authorize(ctx.role, STATUS_PERMISSIONS[changes.status]);
  authorizeSuspensionReason(ctx.role, changes.suspensionReason);
}

function assertCoherent(changes: SubscriptionChanges): void {
  if (changes.status !== undefined && changes.quantity !== undefined) {
    throw validationFailed([
      {
        field: '/quantity',
        code: 'status_with_quantity',
        detail: 'Change the status and the quantity in two requests.',
      },
    ]);
  }
  if (changes.suspensionReason !== undefined && changes.status !== 'suspended') {
    throw validationFailed([
      {
        field: '/suspensionReason',
        code: 'reason_without_suspension',
        detail: 'suspensionReason goes with status "suspended".',
      },
    ]);
  }
}
