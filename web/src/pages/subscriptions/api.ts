import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';

/** The routes across customers, as the served OpenAPI document describes them. */
export type ListedSubscription = components['schemas']['PartnerSubscription'];

export type SubscriptionPage =
  paths['/v1/subscriptions']['get']['responses'][200]['content']['application/json'];

export type SortKey =
  | 'customerName'
  | 'offerName'
  | 'commitmentEndDate'
  | 'trialEndDate'
  | 'expiresAt'
  | 'creationDate'
  | 'quantity';

export type SubscriptionQuery = NonNullable<
  paths['/v1/subscriptions']['get']['parameters']['query']
>;

export type BulkRequest = NonNullable<
  paths['/v1/subscriptions/bulk']['post']['requestBody']
>['content']['application/json'];
export type BulkOperation = BulkRequest['operation'];
export type BulkResult =
  paths['/v1/subscriptions/bulk']['post']['responses'][200]['content']['application/json']['results'][number];

export function listSubscriptions(query: SubscriptionQuery): Promise<SubscriptionPage> {
  return unwrap(api.GET('/v1/subscriptions', { params: { query } }));
}

/** One bulk action; the key makes a retry of the same click answer the first outcome. */
export async function bulkUpdateSubscriptions(
  body: BulkRequest,
  idempotencyKey: string,
): Promise<BulkResult[]> {
  const answer = await unwrap(
    api.POST('/v1/subscriptions/bulk', {
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  );
  return answer.results;
}
