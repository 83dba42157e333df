import { Webhook } from 'standardwebhooks';

/**
 * The Standard Webhooks headers of one attempt: the event id, the time in seconds, and a
 * signature by each secret that signs now (two, space-separated, for a day after a rotation, so
 * receivers that still hold the old secret keep verifying).
 */
export function signedHeaders(
  eventId: string,
  body: string,
  secrets: readonly string[],
  at: Date,
): Record<string, string> {
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets
      .map((secret) => new Webhook(secret).sign(eventId, at, body))
      .join(' '),
  };
}
