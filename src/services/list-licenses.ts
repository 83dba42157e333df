import type { AssignedUser } from '../domain/customer-user.js';
import { notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { listAssignedUsers, type LicenseListQuery } from '../store/license-assignments.js';
import type { Page } from '../store/page.js';
import { findSubscription } from '../store/subscriptions.js';
import type { CallerContext } from './context.js';
import { invalidCursor } from './invalid-cursor.js';

/** The users holding a license of the subscription, in email order. */
export async function listLicenses(
  ctx: CallerContext,
  customerId: string,
  subscriptionId: string,
  query: LicenseListQuery,
): Promise<Page<AssignedUser>> {
  authorize(ctx.role, 'customer_users.read');
  if (!(await findSubscription(ctx.db, ctx.partner.id, customerId, subscriptionId))) {
    throw notFound('Subscription', subscriptionId);
  }
  const page = await listAssignedUsers(ctx.db, ctx.partner.id, subscriptionId, query);
  if (!page) throw invalidCursor();
  return page;
}
