import type { Kysely, Transaction } from 'kysely';

/**
 * Row types as both databases return them. Instants are ISO 8601 UTC strings
 * (`2026-03-01T00:00:00.000Z`), calendar dates are `YYYY-MM-DD`, flags are 0/1 and JSON is text:
 * one representation for SQLite and PostgreSQL, set up in db.ts.
 */
export interface PartnersTable {
  id: string;
  name: string;
  instance: string;
  billing_day: number;
  is_sandbox: number;
  created_at: string;
  /** A sandbox partner's own clock; null for real partners, who live in real time. */
  sandbox_now: string | null;
  /** The price book's version, moved with it: callers read it with the partner. */
  price_book_version: number;
}

export interface ApiTokensTable {
  id: string;
  partner_id: string;
  name: string;
  /** SHA-256 of the token, hex. The token itself is never stored. */
  token_hash: string;
  /** The first characters of the token, to tell tokens apart in lists. */
  token_prefix: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
  /** The role the token acts with (domain/permissions.ts). */
  role: string;
}

export interface UsersTable {
  id: string;
  partner_id: string;
  email: string;
  display_name: string;
  role: string;
  /** argon2id; the password itself is never stored. */
  password_hash: string;
  disabled_at: string | null;
  failed_sign_ins: number;
  locked_until: string | null;
  must_change_password: number;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  /** SHA-256 of the session cookie's value. */
  token_hash: string;
  csrf_token: string;
  user_id: string;
  partner_id: string;
  created_at: string;
  expires_at: string;
}

export interface CustomersTable {
  id: string;
  partner_id: string;
  company_name: string;
  /** customerNameKey(company_name): the key searches and the list order use. */
  company_name_key: string;
  domain: string;
  country: string;
  segment: string;
  billing_first_name: string;
  billing_last_name: string;
  billing_email: string;
  billing_line1: string;
  billing_city: string;
  billing_postal_code: string;
  billing_country: string;
  account_opened_at: string;
  first_billing_period_start: string;
  created_at: string;
}

export interface EventsTable {
  id: string;
  partner_id: string;
  type: string;
  occurred_at: string;
  actor_type: string;
  actor_id: string;
  actor_name: string;
  customer_id: string | null;
  subscription_id: string | null;
  order_id: string | null;
  reason: string | null;
  data: string;
}

export interface OrdersTable {
  id: string;
  partner_id: string;
  customer_id: string;
  billing_cycle: string;
  status: string;
  created_at: string;
  currency: string;
}

export interface OrderLineItemsTable {
  order_id: string;
  line_item_number: number;
  partner_id: string;
  offer_id: string;
  quantity: number;
  term_duration: string;
  friendly_name: string;
  parent_subscription_id: string | null;
  subscription_id: string;
  unit_price: string | null;
  amount: string | null;
}

export interface SubscriptionsTable {
  id: string;
  partner_id: string;
  customer_id: string;
  offer_id: string;
  offer_name: string;
  friendly_name: string;
  quantity: number;
  unit_type: string;
  parent_subscription_id: string | null;
  order_id: string;
  status: string;
  billing_cycle: string;
  term_duration: string;
  auto_renew_enabled: number;
  is_trial: number;
  trial_end_date: string | null;
  creation_date: string;
  effective_start_date: string;
  commitment_end_date: string;
  cancellation_allowed_until: string | null;
  quantity_decrease_allowed_until: string | null;
  /** JSON array of suspension reasons. */
  suspension_reasons: string;
  suspended_at: string | null;
  expires_at: string | null;
  deleted_at: string | null;
  unit_price: string;
  unit_cost: string;
  currency: string;
  next_charge_date: string | null;
  version: number;
  /** The end (retention, term or trial) last warned about, so each end is warned about once. */
  expiring_soon_warned_for: string | null;
  /** The customer's `company_name_key`, kept here so the list across customers reads by index. */
  customer_name_key: string;
}

export interface CustomerUsersTable {
  id: string;
  partner_id: string;
  customer_id: string;
  /** Trimmed and lower-cased: unique per customer. */
  email: string;
  display_name: string;
  is_admin: number;
  created_at: string;
}

export interface LicenseAssignmentsTable {
  partner_id: string;
  subscription_id: string;
  customer_user_id: string;
  assigned_at: string;
}

export interface IdempotencyKeysTable {
  partner_id: string;
  /** Who sent the request (`token:<id>` or `user:<id>`): only they may replay its answer. */
  caller: string;
  key: string;
  /** SHA-256 of method, path and body: the same key with another request is refused. */
  request_hash: string;
  response_status: number;
  response_body: string;
  created_at: string;
}

/** Sign-in attempts per address or account and minute, shared by every node. */
export interface SignInAttemptsTable {
  /** `address:<ip>` or `account:<SHA-256 of the email>`. */
  key: string;
  window_start: string;
  attempts: number;
}

export interface PriceBooksTable {
  partner_id: string;
  default_markup_percent: string;
  /** JSON array of price rules (domain/money/price-book.ts). */
  rules: string;
  version: number;
  updated_at: string;
}

/** Amounts are integers of the currency's minor unit (cents); see domain/money/amount.ts. */
export interface ChargesTable {
  id: string;
  partner_id: string;
  customer_id: string;
  subscription_id: string;
  invoice_id: string;
  type: string;
  date: string;
  period_start: string;
  period_end: string;
  quantity: number;
  days: number;
  period_days: number;
  unit_price: number;
  unit_cost: number;
  amount: number;
  cost: number;
  currency: string;
  event_id: string;
  created_at: string;
}

export interface InvoicesTable {
  id: string;
  partner_id: string;
  customer_id: string;
  period_start: string;
  period_end: string;
  currency: string;
  status: string;
  /** Set when issued, with the totals frozen then. */
  number: string | null;
  total: number | null;
  cost: number | null;
  issued_at: string | null;
  created_at: string;
}

export interface InvoiceNumbersTable {
  partner_id: string;
  year: number;
  last_number: number;
}

export interface WebhookEndpointsTable {
  id: string;
  partner_id: string;
  url: string;
  description: string | null;
  /** JSON array of event types, or ["*"]. */
  event_types: string;
  enabled: number;
  disabled_reason: string | null;
  /** Encrypted with the server's secret key (services/webhooks/secret-box.ts). */
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  failing_since: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  partner_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: string;
  schedule_failures: number;
  attempt_count: number;
  /** Null while pending: due at once. */
  next_attempt_at: string | null;
  claim_token: string | null;
  created_at: string;
}

export interface WebhookAttemptsTable {
  delivery_id: string;
  number: number;
  at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  response_body: string | null;
}

export interface Database {
  partners: PartnersTable;
  api_tokens: ApiTokensTable;
  customers: CustomersTable;
  events: EventsTable;
  orders: OrdersTable;
  order_line_items: OrderLineItemsTable;
  subscriptions: SubscriptionsTable;
  idempotency_keys: IdempotencyKeysTable;
  sign_in_attempts: SignInAttemptsTable;
  users: UsersTable;
  sessions: SessionsTable;
  customer_users: CustomerUsersTable;
  license_assignments: LicenseAssignmentsTable;
  price_books: PriceBooksTable;
  charges: ChargesTable;
  invoices: InvoicesTable;
  invoice_numbers: InvoiceNumbersTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

/** A connection or an open transaction: query modules accept either. */
export type Db = Kysely<Database> | Transaction<Database>;
