import type { SuspensionReason } from '../../api/client';
import type { Permission } from '../../session';
import type { BulkRequest } from './api';

/** The bulk actions as the page offers them (auto-renew on and off are two). */
export const BULK_ACTIONS = [
  'auto_renew_on',
  'auto_renew_off',
  'suspend',
  'reactivate',
  'cancel',
  'change_quantity',
] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** The permission each action needs: a role without it is not offered the action. */
export const ACTION_PERMISSION: Record<BulkAction, Permission> = {
  auto_renew_on: 'subscriptions.update_details',
  auto_renew_off: 'subscriptions.update_details',
  suspend: 'subscriptions.suspend',
  reactivate: 'subscriptions.reactivate',
  cancel: 'subscriptions.cancel',
  change_quantity: 'subscriptions.change_quantity',
};

/** The request of an action on these subscriptions, with what its form asked for. */
export function bulkRequest(
  action: BulkAction,
  subscriptionIds: string[],
  input: { reason: SuspensionReason | ''; quantity: number },
): BulkRequest {
  switch (action) {
    case 'auto_renew_on':
    case 'auto_renew_off':
      return {
        operation: 'set_auto_renew',
        subscriptionIds,
        autoRenewEnabled: action === 'auto_renew_on',
      };
    case 'suspend':
      return {
        operation: 'suspend',
        subscriptionIds,
        ...(input.reason ? { reason: input.reason } : {}),
      };
    case 'change_quantity':
      return { operation: 'change_quantity', subscriptionIds, quantity: input.quantity };
    default:
      return { operation: action, subscriptionIds };
  }
}
