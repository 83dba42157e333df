import { authorize } from '../../domain/permissions.js';
import {
  listPartnerSubscriptions as queryPartnerSubscriptions,
  type PartnerSubscriptionQuery,
} from '../../store/partner-subscriptions.js';
import type { CallerContext } from '../context.js';
import { invalidCursor } from '../invalid-cursor.js';
import { withActions, type SubscriptionView } from '../subscription-views.js';

export {
  PARTNER_SUBSCRIPTION_SORTS,
  type PartnerSubscriptionQuery,
  type PartnerSubscriptionSort,
} from '../../store/partner-subscriptions.js';

export interface PartnerSubscriptionView extends SubscriptionView {
  customerName: string;
}

/** The partner's subscriptions across its customers, as the customer's own list shows them. */
export async function listPartnerSubscriptions(
  ctx: CallerContext,
  query: PartnerSubscriptionQuery,
): Promise<{ items: PartnerSubscriptionView[]; nextCursor: string | null }> {
  authorize(ctx.role, 'subscriptions.read');
  const page = await queryPartnerSubscriptions(ctx.db, ctx.partner.id, query);
  if (!page) throw invalidCursor();
  const names = new Map(page.items.map((item) => [item.subscription.id, item.customerName]));
  const views = await withActions(
    ctx,
    page.items.map((item) => item.subscription),
    {
      customers: page.items.map((item) => item.customer),
      assignedLicenses: new Map(page.items.map((i) => [i.subscription.id, i.assignedLicenses])),
    },
  );
  return {
    items: views.map((view) => ({
      ...view,
      customerName: names.get(view.subscription.id) ?? '',
    })),
    nextCursor: page.nextCursor,
  };
}
