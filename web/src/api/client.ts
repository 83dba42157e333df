import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/** Every shape comes from the server's OpenAPI document (`npm run api:generate`). */
export type Schemas = components['schemas'];
export type Customer = Schemas['Customer'];
export type Subscription = Schemas['Subscription'];
export type Offer = Schemas['Offer'];
export type OfferAvailability = Schemas['OfferAvailability'];
export type AvailabilityReasonCode = OfferAvailability['reasons'][number]['code'];
export type Problem = Schemas['Problem'];
export type User = Schemas['User'];
export type BillingCycle = Subscription['billingCycle'];
export type TermDuration = Subscription['termDuration'];
export type SubscriptionStatus = Subscription['status'];
export type SubscriptionAction = Subscription['actions'][number];
export type SubscriptionPatch = NonNullable<
  paths['/v1/customers/{customerId}/subscriptions/{subscriptionId}']['patch']['requestBody']
>['content']['application/json'];
export type SuspensionReason = NonNullable<SubscriptionPatch['suspensionReason']>;
export type Segment = Customer['segment'];
export type NewCustomer = NonNullable<
  paths['/v1/customers']['post']['requestBody']
>['content']['application/json'];
export type Market =
  paths['/v1/markets']['get']['responses'][200]['content']['application/json']['items'][number];
export type NewOrder = NonNullable<
  paths['/v1/customers/{customerId}/orders']['post']['requestBody']
>['content']['application/json'];
export type OrderPreview = Schemas['OrderPreview'];
export type PreviewLine = OrderPreview['lineItems'][number];
export type PriceBook = Schemas['PriceBook'];
export type PriceRule = PriceBook['rules'][number];
export type Invoice = Schemas['Invoice'];
export type InvoiceSummary = Schemas['InvoiceSummary'];
export type Charge = Schemas['Charge'];
export type Session = paths['/v1/session']['get']['responses'][200]['content']['application/json'];

let csrfToken = '';

/** The session's CSRF token, sent as X-CSRF-Token with every write made with the cookie. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken !== '') {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: globalThis.location.origin });
api.use(csrf);

/** A refusal from the API: its RFC 9457 problem, with the stable `code`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
  ) {
    super(problem.detail ?? `HTTP ${status}`);
  }
}

/** The data of a successful answer, or an ApiError with the problem. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, error ?? {});
  return data as T;
}
