/**
 * The one registry of error codes. Every refusal the product can give has a stable snake_case
 * code here; HTTP maps each code to a status once (src/http/plugins/errors.ts).
 */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_cursor',
  'bad_request',
  'uri_too_long',
  'header_too_large',
  'request_timeout',
  'unauthorized',
  'forbidden',
  'not_found',
  'route_not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'not_acceptable',
  'rate_limited',
  'internal_error',
  'service_unavailable',
  'customer_domain_taken',
  'etag_mismatch',
  'idempotency_key_reused',
  'idempotency_key_in_use',
  'offer_unavailable',
  'quantity_out_of_range',
  'quantity_decrease_not_allowed',
  'invalid_status_transition',
  'subscription_suspended',
  'subscription_deleted',
  'retention_expired',
  'cancellation_window_expired',
  'base_subscription_inactive',
  'trial_quantity_fixed',
  'suspension_reason_required',
  'sandbox_only',
  'sandbox_clock_backwards',
  'invalid_credentials',
  'csrf_token_invalid',
  'user_email_taken',
  'cannot_change_own_access',
  'customer_user_email_taken',
  'license_limit_reached',
  'quantity_below_assigned',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem inside a refusal: a field of the input or a line item of an order. */
export interface ErrorDetail {
  code: string;
  detail: string;
  field?: string;
  lineItemNumber?: number;
  subscriptionId?: string;
}

/** The only error that domain and service code throws for a refusal a client can cause. */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  /** For a refusal that passes with time (rate_limited): when to try again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: ErrorDetail[] = [],
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function validationFailed(errors: ErrorDetail[]): DomainError {
  const first = errors[0];
  const summary =
    errors.length === 1 && first
      ? first.detail
      : `${errors.length} fields are not valid; see errors.`;
  return new DomainError('validation_failed', summary, errors);
}

export function notFound(what: string, id: string): DomainError {
  return new DomainError('not_found', `${what} ${id} was not found.`);
}
