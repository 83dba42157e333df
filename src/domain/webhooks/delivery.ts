export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One try to post an event to an endpoint, as the delivery log shows it. */
export interface DeliveryAttempt {
  at: Date;
  /** The receiver's HTTP status; null when no answer came (refused, timed out, not allowed). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** The start of the receiver's answer (see KEPT_RESPONSE_BYTES). */
  responseBody: string | null;
}

/** An event on its way to one endpoint: tried until it succeeds or its retries are spent. */
export interface WebhookDelivery {
  id: string;
  partnerId: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  /** When the next attempt is due; null once it succeeded or failed. */
  nextAttemptAt: Date | null;
  /** Whether a dispatcher holds it right now (an attempt is under way). */
  inFlight: boolean;
  createdAt: Date;
}

/** What a finished attempt does to its delivery: done, or when to try again, or failed. */
export type AttemptVerdict =
  | { status: 'succeeded'; nextAttemptAt: null }
  | { status: 'pending'; nextAttemptAt: Date }
  | { status: 'failed'; nextAttemptAt: null };
