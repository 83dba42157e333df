/**
 * A dispatcher that stops gives back the deliveries it claimed but has not started, so another
 * dispatcher takes them at once instead of after their leases; the one under way is recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookDispatcher } from '../../src/jobs/webhook-dispatcher.js';
import { systemEvent } from '../../src/services/events.js';
import { systemClock } from '../../src/services/system-clock.js';
import { appendEvents } from '../../src/store/events.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/stores.js';
import { waitFor, WebhookReceiver } from '../helpers/webhook-receiver.js';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe.each(DIALECTS)('a stopping webhook dispatcher, on %s', (dialect) => {
  let t: TestApp;
  const receiver = new WebhookReceiver();
  let url: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      clock: systemClock,
      webhooks: { allowPrivate: true, retryDelaysMs: [100] },
      ownDatabase: true,
    });
    url = await receiver.start();
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  it('gives back what it claimed and did not start', async () => {
    receiver.answer = () => new Promise((resolve) => setTimeout(() => resolve(200), 300));
    const { partner, token } = await t.newPartner();
    const created = await client(t.app, token).post('/v1/webhooks', {
      url,
      eventTypes: ['subscription.updated'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const events = Array.from({ length: 3 }, (_, n) =>
      systemEvent(partner.id, new Date(), { type: 'subscription.updated', data: { n } }),
    );
    await t.store.db.transaction().execute((trx) => appendEvents(trx, events));

    // One at a time: the first posts, the other two wait, claimed, in this process.
    const dispatcher = startWebhookDispatcher(t.ctx, {
      pollIntervalMs: 50,
      concurrencyPerEndpoint: 1,
      logger: quiet,
    });
    const rows = () =>
      t.store.db
        .selectFrom('webhook_deliveries')
        .select(['event_id', 'status', 'claim_token', 'next_attempt_at', 'attempt_count'])
        .where('partner_id', '=', partner.id)
        .orderBy('event_id')
        .execute();
    await waitFor(rows, (all) => all.length === 3 && all.every((row) => row.claim_token !== null));
    await dispatcher.stop();

    const after = await rows();
    expect(after.map((row) => row.status)).toEqual(['succeeded', 'pending', 'pending']);
    expect(after[0]?.attempt_count).toBe(1);
    for (const row of after.slice(1)) {
      expect(row).toMatchObject({ claim_token: null, next_attempt_at: null, attempt_count: 0 });
    }
    expect(receiver.receipts.map((receipt) => receipt.id)).toEqual([events[0]?.id]);
  });
});
