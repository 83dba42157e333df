import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer } from '../../src/domain/offer.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { seedCustomer } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';

describe.each(DIALECTS)('offers carry their translated texts on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('gives the offer and its product in 繁體中文 beside the English base text', async () => {
    const api = client(t.app, (await t.newPartner()).token);
    const response = await api.get('/v1/offers/mail-basic');
    expect(response.statusCode, response.body).toBe(200);
    const offer = response.json<Offer>();
    expect(offer.name).toBe('Litware Mail Basic');
    expect(offer.translations).toEqual({
      'zh-TW': {
        name: 'Litware 郵件基本版',
        description: expect.stringContaining('50 GB 信箱') as unknown,
      },
    });
    expect(offer.productName).toBe('Litware Mail');
    expect(offer.productTranslations?.['zh-TW']?.name).toBe('Litware 郵件');
  });

  it('every offer of the list has a 繁體中文 name', async () => {
    const api = client(t.app, (await t.newPartner()).token);
    const response = await api.get('/v1/offers?limit=200');
    const offers = response.json<{ items: Offer[] }>().items;
    expect(offers.length).toBe(t.ctx.catalog.offers.length);
    for (const offer of offers) {
      expect(offer.translations?.['zh-TW']?.name, offer.id).toMatch(/\p{Script=Han}/u);
      expect(offer.productTranslations?.['zh-TW']?.name, offer.id).toMatch(/\p{Script=Han}/u);
    }
  });

  it("a customer's catalog carries them too, for the New subscription page", async () => {
    const { api, base } = await seedCustomer(t);
    const response = await api.get(`${base}/offers?billingCycle=monthly`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{ items: { offer: Offer }[] }>().items;
    const mail = items.find((i) => i.offer.id === 'mail-basic')!;
    expect(mail.offer.translations?.['zh-TW']?.name).toBe('Litware 郵件基本版');
    expect(mail.offer.productTranslations?.['zh-TW']?.name).toBe('Litware 郵件');
  });
});
