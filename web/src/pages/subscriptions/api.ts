import {
  api,
  unwrap,
  type Problem,
  type Subscription,
  type SuspensionReason,
} from '../../api/client';

/**
 * The routes across customers (API.md "Across customers"), typed by their contract until they are
 * in the served OpenAPI document; then these types come from it like every other.
 */
export type ListedSubscription = Subscription & { customerName: string };

export interface SubscriptionPage {
  items: ListedSubscription[];
  nextCursor: string | null;
}

export type SortKey =
  | 'customerName'
  | 'offerName'
  | 'commitmentEndDate'
  | 'trialEndDate'
  | 'expiresAt'
  | 'creationDate'
  | 'quantity';

export interface SubscriptionQuery {
  status?: string;
  offerId?: string;
  customerId?: string;
  q?: string;
  renewsBefore?: string;
  expiresBefore?: string;
  trialEndsBefore?: string;
  deletedBefore?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
}

export type BulkOperation =
  'set_auto_renew' | 'suspend' | 'reactivate' | 'cancel' | 'change_quantity';

export interface BulkRequest {
  operation: BulkOperation;
  subscriptionIds: string[];
  autoRenewEnabled?: boolean;
  reason?: SuspensionReason;
  quantity?: number;
}

export interface BulkResult {
  subscriptionId: string;
  status: 'done' | 'refused';
  subscription?: Subscription;
  error?: Partial<Problem>;
}

type Answer = Promise<{ data?: unknown; error?: unknown; response: Response }>;
interface UntypedClient {
  GET: (path: string, init: { params: { query: SubscriptionQuery } }) => Answer;
  POST: (path: string, init: { body: BulkRequest; headers: Record<string, string> }) => Answer;
}
const untyped = api as unknown as UntypedClient;

export async function listSubscriptions(query: SubscriptionQuery): Promise<SubscriptionPage> {
  return (await unwrap(
    untyped.GET('/v1/subscriptions', { params: { query } }),
  )) as SubscriptionPage;
}

/** One bulk action; the key makes a retry of the same click answer the first outcome. */
export async function bulkUpdateSubscriptions(
  body: BulkRequest,
  idempotencyKey: string,
): Promise<BulkResult[]> {
  const answer = (await unwrap(
    untyped.POST('/v1/subscriptions/bulk', {
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  )) as { results: BulkResult[] };
  return answer.results;
}
