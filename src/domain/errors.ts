import { AVAILABILITY_REASON_CODES } from './availability.js';

/** A price rule or a billing period that cannot be: the refusal's code and its items' codes. */
const BILLING_CODES = [
  'negative_markup',
  'currency_mismatch',
  'unknown_offer',
  'unknown_customer',
  'invalid_price_rule',
  'duplicate_price_rule',
  'not_a_billing_day',
] as const;

/** An endpoint or a delivery of webhooks that cannot be as asked. */
const WEBHOOK_CODES = [
  'webhook_url_not_allowed',
  'too_many_webhook_endpoints',
  'webhook_delivery_in_flight',
  'secret_key_missing',
] as const;

/**
 * The one registry of the domain's error codes. Every refusal that domain or service code can
 * give has a stable snake_case code here; HTTP maps each code to a status once
 * (src/http/problem-statuses.ts) and adds its own for requests it refuses before any service runs
 * (src/http/problem-codes.ts).
 */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_cursor',
  'unauthorized',
  'forbidden',
  'not_found',
  'subscription_not_found',
  'rate_limited',
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
  'cannot_reset_own_password',
  'password_change_required',
  'customer_user_email_taken',
  'license_limit_reached',
  'quantity_below_assigned',
  ...BILLING_CODES,
  ...WEBHOOK_CODES,
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one registry of the codes of the items of a refusal (`errors[].code`). */
export const DETAIL_CODES = [
  // A field that does not fit the request's schema (checked at the edge).
  'required',
  'unknown_field',
  'invalid_type',
  'invalid_value',
  'invalid_format',
  'out_of_range',
  'invalid_length',
  'invalid_text',
  'invalid',
  // A field that fits the schema but breaks a rule.
  'invalid_cursor',
  'invalid_idempotency_key',
  'invalid_name',
  'invalid_billing_day',
  'invalid_domain',
  'invalid_country',
  'in_the_future',
  'invalid_duration',
  'weak_password',
  'password_unchanged',
  'customer_domain_taken',
  'user_email_taken',
  'customer_user_email_taken',
  // A subscription change that cannot be made as asked.
  'status_with_quantity',
  'reason_without_suspension',
  'not_auto_renewable',
  'invalid_conversion_target',
  'quantity_out_of_range',
  'quantity_below_assigned',
  // A line item of an order, beside the reasons an offer is unavailable.
  'not_found',
  'offer_not_found',
  'not_an_add_on',
  'parent_subscription_required',
  'term_not_supported',
  'price_not_found',
  'unknown_event_type',
  'webhook_url_not_allowed',
  ...BILLING_CODES,
  ...AVAILABILITY_REASON_CODES,
] as const;

export type DetailCode = (typeof DETAIL_CODES)[number];

/** One problem inside a refusal: a field of the input or a line item of an order. */
export interface ErrorDetail {
  code: DetailCode;
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
