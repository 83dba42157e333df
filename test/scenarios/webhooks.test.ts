/**
 * The "done when", through the API alone on both databases: a suspension reaches a real
 * receiver that refused it twice, on the third attempt, signed so that the reference library
 * verifies it, with webhook-id equal to the event id, and the delivery log shows the three
 * attempts with the configured waits between them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookDispatcher } from '../../src/jobs/webhook-dispatcher.js';
import { systemClock } from '../../src/services/system-clock.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { orderLine, seedCustomer } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';
import { testDispatcher, waitFor, WebhookReceiver } from '../helpers/webhook-receiver.js';

const DELAYS_MS = [300, 600];

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: { at: string; statusCode: number | null; error: string | null; durationMs: number }[];
}

describe.each(DIALECTS)('webhooks through the API alone, on %s', (dialect) => {
  let t: TestApp;
  let dispatcher: WebhookDispatcher;
  const receiver = new WebhookReceiver();
  let url: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      clock: systemClock,
      webhooks: { allowPrivate: true, retryDelaysMs: DELAYS_MS },
      ownDatabase: true,
    });
    url = await receiver.start();
    dispatcher = testDispatcher(t.ctx);
  });
  afterAll(async () => {
    await dispatcher.stop();
    await receiver.close();
    await t.close();
  });

  it('delivers a suspension on the third attempt to a receiver that refused it twice', async () => {
    const { api, base } = await seedCustomer(t);
    const created = await api.post('/v1/webhooks', {
      url,
      eventTypes: ['subscription.suspended'],
      description: 'PSA',
    });
    expect(created.statusCode, created.body).toBe(201);
    const endpoint = created.json<{ id: string; secret: string; eventTypes: string[] }>();
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint.eventTypes).toEqual(['subscription.suspended']);
    receiver.secrets = [endpoint.secret];
    receiver.answer = (_receipt, earlier) => (earlier.length < 2 ? 503 : 200);

    const subscriptionId = await orderLine(api, base, { offerId: 'mail-basic', quantity: 3 });
    const suspended = await api.patch(`${base}/subscriptions/${subscriptionId}`, {
      status: 'suspended',
      suspensionReason: 'nonpayment',
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const history = await api.get(`${base}/subscriptions/${subscriptionId}/events`);
    const event = history
      .json<{ items: { id: string; type: string }[] }>()
      .items.find((item) => item.type === 'subscription.suspended');
    expect(event).toBeDefined();
    const eventId = event?.id ?? '';

    const receipts = await waitFor(
      () => receiver.of(eventId),
      (got) => got.some((receipt) => receipt.answeredWith === 200),
    );
    // Only the suspension was asked for: the order's events went nowhere.
    expect(new Set(receiver.receipts.map((receipt) => receipt.id))).toEqual(new Set([eventId]));
    expect(receipts.map((receipt) => receipt.answeredWith)).toEqual([503, 503, 200]);
    expect(receipts.every((receipt) => receipt.verified)).toBe(true);
    expect(receipts.every((receipt) => receipt.headers['webhook-id'] === eventId)).toBe(true);
    const waits = receipts.slice(1).map((receipt, i) => receipt.at - (receipts[i]?.at ?? 0));
    expect(waits[0]).toBeGreaterThanOrEqual(DELAYS_MS[0] ?? 0);
    expect(waits[1]).toBeGreaterThanOrEqual(DELAYS_MS[1] ?? 0);

    const body = JSON.parse(receipts[2]?.body ?? '{}') as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'subscription.suspended',
      data: { id: eventId, type: 'subscription.suspended', subscriptionId },
    });
    const events = await api.get(`/v1/events?subscriptionId=${subscriptionId}`);
    const shown = events.json<{ items: { id: string }[] }>().items.find((e) => e.id === eventId);
    expect(body.data).toEqual(shown);
    expect(body.timestamp).toBe((shown as { occurredAt?: string } | undefined)?.occurredAt);

    // A body changed on the way fails verification with the same headers.
    const last = receipts[2];
    expect(
      last && receiver.verify(last.body.replace('suspended', 'reactivated'), last.headers),
    ).toBe(false);

    const log = await waitFor(
      async () =>
        (await api.get(`/v1/webhooks/${endpoint.id}/deliveries`)).json<{ items: Delivery[] }>(),
      (page) => page.items[0]?.status === 'succeeded',
    );
    expect(log.items).toHaveLength(1);
    const delivery = log.items[0];
    expect(delivery).toMatchObject({ eventId, eventType: 'subscription.suspended' });
    expect(delivery?.attempts.map((attempt) => attempt.statusCode)).toEqual([503, 503, 200]);
    const logged = delivery?.attempts.map((attempt) => Date.parse(attempt.at)) ?? [];
    expect((logged[1] ?? 0) - (logged[0] ?? 0)).toBeGreaterThanOrEqual(DELAYS_MS[0] ?? 0);
    expect((logged[2] ?? 0) - (logged[1] ?? 0)).toBeGreaterThanOrEqual(DELAYS_MS[1] ?? 0);
  });
});
