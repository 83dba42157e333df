import { validationFailed, type ErrorDetail } from './errors.js';
import type { PartnerSuspensionReason } from './subscription.js';
import type { SubscriptionChanges } from './subscription-changes.js';

export const BULK_OPERATIONS = [
  'set_auto_renew',
  'suspend',
  'reactivate',
  'cancel',
  'change_quantity',
] as const;
export type BulkOperation = (typeof BULK_OPERATIONS)[number];

/** The most subscriptions one bulk request may name. */
export const MAX_BULK_SUBSCRIPTIONS = 500;

export interface BulkRequest {
  operation: BulkOperation;
  subscriptionIds: readonly string[];
  autoRenewEnabled?: boolean;
  reason?: PartnerSuspensionReason;
  quantity?: number;
}

/** The single PATCH each item gets; the fields that do not go with the operation are refused. */
export function bulkChanges(request: BulkRequest): SubscriptionChanges {
  const { operation } = request;
  const problems: ErrorDetail[] = [];
  const needs = (field: 'autoRenewEnabled' | 'reason' | 'quantity', wanted: boolean) => {
    const sent = request[field] !== undefined;
    if (sent === wanted) return;
    problems.push(
      wanted
        ? {
            field: `/${field}`,
            code: 'required',
            detail: `/${field} is required for ${operation}.`,
          }
        : {
            field: `/${field}`,
            code: 'unknown_field',
            detail: `/${field} does not go with ${operation}.`,
          },
    );
  };
  needs('autoRenewEnabled', operation === 'set_auto_renew');
  needs('reason', operation === 'suspend');
  needs('quantity', operation === 'change_quantity');
  if (problems.length > 0) throw validationFailed(problems);
  switch (operation) {
    case 'set_auto_renew':
      return { autoRenewEnabled: request.autoRenewEnabled ?? false };
    case 'suspend':
      return {
        status: 'suspended',
        ...(request.reason ? { suspensionReason: request.reason } : {}),
      };
    case 'reactivate':
      return { status: 'active' };
    case 'cancel':
      return { status: 'deleted' };
    case 'change_quantity':
      return { quantity: request.quantity ?? 0 };
  }
}
