/**
 * The forms people use most, in chromium against the real server: New subscription (prices per
 * line and the total from the API's preview, licenses checked as typed, available only, Submit
 * always in view), a subscription's history newest first with what changed, the toast after a
 * change, and the 繁體中文 portal naming offers in 繁體中文, at 390 px too.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, reportMissingChromium, usePortal } from './harness.js';

reportMissingChromium('test/e2e/forms.test.ts');

interface Preview {
  currency: string;
  total: string;
  lineItems: { offerId: string; quantity: number; unitPrice: string; amount: string }[];
}

const cents = (amount: string) => Math.round(Number(amount) * 100);

describe.skipIf(!hasChromium)('the forms people use most, in chromium', () => {
  const { url, newPage, shot, signIn, pageErrors, api } = usePortal();

  async function contoso(page: Page): Promise<string> {
    const found = (await api(page, 'GET', '/v1/customers?q=contoso')) as {
      items: { id: string }[];
    };
    return found.items[0]!.id;
  }

  /** Submit is on screen wherever the page is scrolled. */
  async function submitInView(page: Page, name: string) {
    const viewport = page.viewportSize()!;
    for (const y of [0, 600, 100_000]) {
      await page.evaluate((top) => {
        (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, top);
      }, y);
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      expect(box, `Submit at scroll ${y}`).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
    }
  }

  it('prices every line, checks licenses as typed, hides what cannot be bought, shows history newest first', async () => {
    const page = await newPage('en-US');
    await signIn(page);
    await page.getByRole('heading', { name: 'Customers' }).first().waitFor();
    const customerId = await contoso(page);
    const previews: Preview[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/orders/preview') && response.ok()) {
        void response.json().then((body: Preview) => previews.push(body));
      }
    });
    await page.goto(url(`/customers/${customerId}/new-subscription`));
    await page.getByRole('heading', { name: /^New subscription for Contoso/ }).waitFor();

    // Licenses are checked as they are typed, in the app's words, and nothing is ordered.
    const mailBasic = page.locator('div[data-offer-id="mail-basic"]');
    await mailBasic.getByRole('checkbox').check();
    const licenses = mailBasic.getByRole('spinbutton');
    await licenses.fill('301');
    await mailBasic.getByText('At most 300.').waitFor();
    await licenses.fill('0');
    await mailBasic.getByText('At least 1.').waitFor();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const warning = page.getByText('Correct the number of licenses of: Litware Mail Basic.');
    await warning.waitFor();
    // Fixing the cause takes the warnings away.
    await licenses.fill('10');
    await expect.poll(() => warning.count()).toBe(0);
    expect(await mailBasic.getByText('At least 1.').count()).toBe(0);

    const mailPlus = page.locator('div[data-offer-id="mail-plus"]');
    await mailPlus.getByRole('checkbox').check();
    await mailPlus.getByRole('spinbutton').fill('3');
    await mailPlus.getByRole('spinbutton').press('Tab');

    // Each line: quantity × unit price = amount, the API's figures; the total is theirs too.
    const lines = page.getByTestId('line-amount');
    await expect.poll(() => lines.count()).toBe(2);
    await expect
      .poll(() =>
        previews
          .at(-1)
          ?.lineItems.map((l) => `${l.offerId}:${l.quantity}`)
          .join(),
      )
      .toBe('mail-basic:10,mail-plus:3');
    const preview = previews.at(-1)!;
    const money = (amount: string) =>
      new Intl.NumberFormat('en', { style: 'currency', currency: preview.currency }).format(
        amount as unknown as number,
      );
    for (const line of preview.lineItems) {
      expect(cents(line.amount)).toBe(cents(line.unitPrice) * line.quantity);
      const card = page.locator(`div[data-offer-id="${line.offerId}"]`);
      await expect
        .poll(() => card.getByTestId('line-amount').innerText())
        .toContain(`${line.quantity} × ${money(line.unitPrice)} = ${money(line.amount)}`);
    }
    expect(cents(preview.total)).toBe(
      preview.lineItems.reduce((sum, line) => sum + cents(line.amount), 0),
    );
    await expect.poll(() => page.getByTestId('order-total').innerText()).toBe(money(preview.total));
    await expect
      .poll(() => page.getByTestId('total-bar').innerText())
      .toContain(money(preview.total));

    // Available only hides the offers the customer cannot buy.
    const govSuite = page.locator('[data-offer-id="gov-suite-g3"]');
    expect(await govSuite.count()).toBe(1);
    await page.getByRole('switch', { name: 'Available offers only' }).check();
    await expect.poll(() => govSuite.count()).toBe(0);
    await page.getByText(/offers? that cannot be bought now (is|are) hidden/).waitFor();
    expect(await mailBasic.count()).toBe(1);
    await submitInView(page, 'Submit');
    await shot(page, 'forms-new-subscription');

    const [placed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/orders') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Submit', exact: true }).click(),
    ]);
    expect(placed.status()).toBe(201);
    const order = (await placed.json()) as {
      lineItems: { offerId: string; subscriptionId: string }[];
    };
    await page
      .getByText('Order placed: 2 subscriptions created for Contoso Ltd.')
      .first()
      .waitFor();

    // A change: its toast, and the history newest first with what changed.
    const basic = order.lineItems.find((line) => line.offerId === 'mail-basic')!;
    await page.goto(url(`/customers/${customerId}/subscriptions/${basic.subscriptionId}`));
    await page.getByRole('heading', { name: 'Edit subscription: Litware Mail Basic' }).waitFor();
    const quantity = page.getByRole('spinbutton', { name: 'Quantity of licenses' });
    await quantity.fill('12');
    await quantity.press('Tab');
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByText('Litware Mail Basic saved: licenses 10 → 12.').first().waitFor();
    // Newest first; the charges a change records are listed too, these are its own entries.
    const history = page
      .getByTestId('history')
      .locator('tbody tr[data-event-type^="subscription."]');
    await expect.poll(() => history.first().innerText()).toMatch(/Quantity changed[\s\S]*10 → 12/);
    await page.getByRole('switch', { name: /Renew automatically/ }).uncheck();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByText('Litware Mail Basic saved: auto-renew on → off.').first().waitFor();
    await expect
      .poll(() => history.first().innerText())
      .toMatch(/Updated[\s\S]*auto-renew on → off/);
    const rows = await history.allInnerTexts();
    expect(rows.at(-1)).toMatch(/^[\s\S]*Created[\s\S]*10 licenses/);
    await shot(page, 'forms-subscription-history');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('names offers in 繁體中文 and keeps Submit in view at 390 px', async () => {
    const page = await newPage('zh-TW');
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page);
    await page.getByRole('heading', { name: '客戶' }).first().waitFor();
    const customerId = await contoso(page);
    await page.goto(url(`/customers/${customerId}/new-subscription`));
    await page.getByRole('heading', { level: 3, name: 'Litware 郵件' }).waitFor();
    const mailBasic = page.locator('div[data-offer-id="mail-basic"]');
    await expect.poll(() => mailBasic.innerText()).toContain('Litware 郵件基本版');
    const main = page.locator('main');
    for (const english of ['Litware Mail Basic', 'Business email', 'Litware Office Apps for']) {
      expect(await main.innerText()).not.toContain(english);
    }
    await mailBasic.getByRole('checkbox').check();
    await mailBasic.getByRole('spinbutton').fill('0');
    await mailBasic.getByText('至少 1 個。').waitFor();
    await mailBasic.getByRole('spinbutton').fill('2');
    await expect.poll(() => mailBasic.getByText('至少 1 個。').count()).toBe(0);
    await submitInView(page, '提交');
    await shot(page, 'forms-new-subscription-zh-TW-390');

    // A subscription, its customer's list and its history name the offer in 繁體中文 too.
    const placed = (await api(page, 'POST', `/v1/customers/${customerId}/orders`, {
      billingCycle: 'monthly',
      lineItems: [{ offerId: 'mail-basic', quantity: 4 }],
    })) as { lineItems: { subscriptionId: string }[] };
    const subscriptionId = placed.lineItems[0]!.subscriptionId;
    await page.goto(url(`/customers/${customerId}/subscriptions/${subscriptionId}`));
    await page.getByRole('heading', { level: 1, name: '編輯訂閱：Litware 郵件基本版' }).waitFor();
    await expect
      .poll(() => page.getByTestId('history').innerText())
      .toContain('Litware 郵件基本版');
    // The friendly name box holds the name as stored; everything else is in 繁體中文.
    await expect
      .poll(async () => (await main.innerText()).includes('Litware Mail Basic'))
      .toBe(false);
    await shot(page, 'forms-subscription-zh-TW-390');
    await page.goto(url(`/customers/${customerId}`));
    await page.locator(`a[href$="/subscriptions/${subscriptionId}"]`).first().waitFor();
    await expect
      .poll(async () => (await main.innerText()).includes('Litware 郵件基本版'))
      .toBe(true);
    expect(await main.innerText()).not.toContain('Litware Mail Basic');

    await page.goto(url('/pricing'));
    await page.getByRole('heading', { level: 4, name: 'Litware 郵件基本版' }).first().waitFor();
    expect(await main.innerText()).not.toContain('Litware Mail Basic');
    await shot(page, 'forms-pricing-zh-TW-390');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
