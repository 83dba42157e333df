/**
 * The Pricing and offers page in chromium against the real server: the restricted offers are the
 * API's, and the prices shown are the API's, in the chosen country's currency and the reader's
 * language.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { components } from '../../web/src/api/schema.js';
import { hasChromium, reportMissingChromium, usePortal } from './harness.js';

type Offer = components['schemas']['Offer'];

reportMissingChromium('test/e2e/pricing.test.ts');

describe.skipIf(!hasChromium)('the Pricing and offers page in chromium', () => {
  const { url, newPage, shot, signIn, pageErrors } = usePortal();

  /** Every offer the API gives for `query`, with the page's session. */
  async function apiOffers(page: Page, query = ''): Promise<Offer[]> {
    const response = await page.request.get(url(`/v1/offers?limit=500${query}`));
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: Offer[]; nextCursor: string | null };
    expect(body.nextCursor).toBe(null);
    return body.items;
  }

  /** The ids of the offers shown in the price list. */
  async function shownOffers(page: Page): Promise<string[]> {
    const cards = await page.locator('[data-product-id] [data-offer-id]').all();
    return Promise.all(cards.map(async (card) => (await card.getAttribute('data-offer-id')) ?? ''));
  }

  function price(offer: Offer, currency: string, billingCycle: string, termDuration: string) {
    const row = offer.prices.find(
      (p) =>
        p.currency === currency &&
        p.billingCycle === billingCycle &&
        p.termDuration === termDuration,
    );
    expect(row, `${offer.id} ${currency} ${billingCycle} ${termDuration}`).toBeDefined();
    return Number(row!.unitPrice);
  }

  it('lists the restricted offers, then prices by country and segment', async () => {
    const page = await newPage('en-US');
    await signIn(page);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Pricing and offers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pricing and offers' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Restricted offers' }).waitFor();

    const catalog = await apiOffers(page);
    const byId = new Map(catalog.map((offer) => [offer.id, offer]));
    const restricted = page.getByTestId('restricted');
    const rows = restricted.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const rowText = async (id: string) =>
      restricted.locator(`tr[data-offer-id="${id}"]`).innerText();

    // The limited offers are exactly the API's offers with a limit, each in words.
    const limitWords = /One subscription per customer|At most \d+ active|Once per customer/;
    const texts = await rows.allInnerTexts();
    const ids = await Promise.all(
      (await rows.all()).map((row) => row.getAttribute('data-offer-id')),
    );
    const limited = ids.filter((id, index) => limitWords.test(texts[index] ?? ''));
    const withLimit = catalog.filter((offer) => offer.limit !== null).map((offer) => offer.id);
    expect(limited.sort()).toEqual(withLimit.sort());
    expect(withLimit).toEqual(
      expect.arrayContaining([
        'security-compliance-center',
        'office-apps-business-trial',
        'security-endpoint-trial',
      ]),
    );
    expect(await rowText('security-compliance-center')).toContain('One subscription per customer');
    expect(await rowText('office-apps-business-trial')).toContain('Once per customer');
    expect(await rowText('security-endpoint-trial')).toContain('Once per customer');

    // Every add-on, with its base offers by name.
    const or = new Intl.ListFormat('en', { type: 'disjunction' });
    const addOns = catalog.filter((offer) => offer.isAddOn);
    expect(addOns.length).toBeGreaterThan(0);
    for (const addOn of addOns) {
      const bases = or.format(addOn.baseOfferIds.map((id) => byId.get(id)?.name ?? id));
      expect(await rowText(addOn.id)).toContain(`Needs a subscription to ${bases}`);
    }
    expect(await rowText('voice-audio-conferencing')).toContain(
      'Needs a subscription to Litware Office Apps for Business, Litware Office Apps for Enterprise, or Litware Phone System',
    );
    // Sold only to some segments, or only in the US government cloud.
    expect(await rowText('edu-campus-students')).toContain('For education customers only');
    expect(await rowText('gov-suite-g5')).toContain('For government customers only');
    expect(await rowText('gov-suite-g5')).toContain('In the US government cloud only');
    expect(await restricted.locator('tr[data-offer-id="mail-basic"]').count()).toBe(0);
    await shot(page, 'pricing-restricted');

    // The default country is the US: the list is the API's for the US, in US dollars.
    const us = await apiOffers(page, '&country=US');
    await expect.poll(() => shownOffers(page)).toEqual(us.map((offer) => offer.id));

    // Japan: only what is sold there, priced in yen as English readers write it.
    await page.getByLabel('Country').selectOption({ label: 'Japan' });
    await page.waitForURL(/country=JP/);
    const japan = await apiOffers(page, '&country=JP');
    await expect.poll(() => shownOffers(page)).toEqual(japan.map((offer) => offer.id));
    expect(japan.some((offer) => offer.id === 'gov-suite-g3')).toBe(false);
    const mailBasic = japan.find((offer) => offer.id === 'mail-basic')!;
    const yen = new Intl.NumberFormat('en', { style: 'currency', currency: 'JPY' });
    const card = page.locator('[data-product-id] [data-offer-id="mail-basic"]');
    const prices = card.locator('[data-fact="prices"]');
    await expect
      .poll(() => prices.innerText())
      .toContain(
        `Billed monthly, one-year term: ${yen.format(price(mailBasic, 'JPY', 'monthly', 'P1Y'))} per license per month`,
      );
    expect(await prices.innerText()).toContain(
      `Billed annually, one-year term: ${yen.format(price(mailBasic, 'JPY', 'annual', 'P1Y'))} per license per year`,
    );
    const cardText = await card.innerText();
    expect(cardText).toContain('Cancel within 7 days of purchase');
    expect(cardText).toContain('Reduce the quantity within 7 days of purchase');
    expect(cardText).toContain('Renews automatically');
    const trial = japan.find((offer) => offer.id === 'office-apps-business-trial')!;
    const trialText = await page
      .locator('[data-product-id] [data-offer-id="office-apps-business-trial"]')
      .innerText();
    expect(trialText).toContain(
      `Free for ${trial.trial!.days} days, up to ${trial.trial!.maxQuantity} licenses`,
    );
    expect(trialText).toContain('Cancel at any time');
    expect(trialText).toContain('Does not renew automatically');
    expect(await page.getByText('Prices in Japanese yen').count()).toBe(1);
    await shot(page, 'pricing-japan');

    // Education, in the US: the campus offers show, the government-only ones do not.
    await page.getByLabel('Country').selectOption({ label: 'United States' });
    await expect.poll(() => shownOffers(page)).toContain('gov-suite-g3');
    await page.getByLabel('Customer segment').selectOption('education');
    await page.waitForURL(/segment=education/);
    const education = await apiOffers(page, '&country=US&segment=education');
    await expect.poll(() => shownOffers(page)).toEqual(education.map((offer) => offer.id));
    const shown = await shownOffers(page);
    expect(shown).toContain('edu-campus-faculty');
    expect(shown).not.toContain('gov-suite-g3');
    expect(shown).not.toContain('gov-suite-g5');

    // The filters live in the address: a reload keeps them.
    await page.reload();
    await expect.poll(() => page.getByLabel('Customer segment').inputValue()).toBe('education');
    await expect.poll(() => shownOffers(page)).toEqual(education.map((offer) => offer.id));

    // Annual billing: the API's annual offers, with their annual prices alone.
    await page.getByLabel('Billing frequency').selectOption('annual');
    await page.waitForURL(/billingCycle=annual/);
    const annual = await apiOffers(page, '&country=US&segment=education&billingCycle=annual');
    await expect.poll(() => shownOffers(page)).toEqual(annual.map((offer) => offer.id));
    const faculty = page.locator('[data-product-id] [data-offer-id="edu-campus-faculty"]');
    const facultyPrices = await faculty.locator('[data-fact="prices"]').innerText();
    expect(facultyPrices).toContain('Billed annually, one-year term');
    expect(facultyPrices).not.toContain('Billed monthly');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('speaks 繁體中文 and formats prices for zh-TW', async () => {
    const page = await newPage('en-US');
    await signIn(page);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    await page.getByLabel('Language').selectOption('zh-TW');
    await page.getByRole('navigation').getByRole('link', { name: '價格與優惠' }).click();
    await page.getByRole('heading', { level: 1, name: '價格與優惠' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '有限制的供應項目' }).waitFor();
    const restricted = page.getByTestId('restricted');
    await expect
      .poll(() => restricted.locator('tr[data-offer-id="security-compliance-center"]').innerText())
      .toContain('每位客戶限一個訂閱');

    await page.getByLabel('國家/地區').selectOption({ label: '日本' });
    await page.waitForURL(/country=JP/);
    const mailBasic = (await apiOffers(page, '&country=JP')).find((o) => o.id === 'mail-basic')!;
    const yen = new Intl.NumberFormat('zh-TW', { style: 'currency', currency: 'JPY' });
    await expect
      .poll(() => page.locator('[data-product-id] [data-offer-id="mail-basic"]').innerText())
      .toContain(
        `按月計費，一年期：${yen.format(price(mailBasic, 'JPY', 'monthly', 'P1Y'))}（每個授權每月）`,
      );
    await shot(page, 'pricing-zh-TW');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
