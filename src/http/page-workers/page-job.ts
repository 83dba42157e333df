import type { CallerContext } from '../../services/context.js';
import {
  listSubscriptions,
  type SubscriptionListQuery,
} from '../../services/list-subscriptions.js';
import {
  listPartnerSubscriptions,
  type PartnerSubscriptionQuery,
} from '../../services/subscriptions/list-partner-subscriptions.js';
import { presentSubscription } from '../presenters/subscription.js';

/** A page of a subscription list, as its route asks for it: what a page worker is sent. */
export type PageJob =
  | { list: 'customer'; customerId: string; query: SubscriptionListQuery }
  | { list: 'partner'; query: PartnerSubscriptionQuery };

/** The page as its route answers it, in the event loop or in a page worker. */
export async function answerPage(ctx: CallerContext, job: PageJob) {
  const page =
    job.list === 'customer'
      ? await listSubscriptions(ctx, job.customerId, job.query)
      : await listPartnerSubscriptions(ctx, job.query);
  return {
    items: page.items.map((view) => presentSubscription(view)),
    nextCursor: page.nextCursor,
  };
}
