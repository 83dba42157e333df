/**
 * The portal in a real browser (Debian's chromium driven by playwright-core) against the real
 * server on a fresh SQLite file: the seed's flow in English, and a run in 繁體中文.
 * Screenshots of every page go to test-results/portal/.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, reportMissingChromium, shownDate, usePortal } from './harness.js';

reportMissingChromium('test/e2e/portal.test.ts');

describe.skipIf(!hasChromium)('the portal in chromium', () => {
  const { url, newPage, shot, signIn, pageErrors } = usePortal();

  it('walks the seed: sign in, order mail-basic, change quantity, suspend, reactivate, cancel', async () => {
    const page = await newPage('en-US');
    await page.goto(url());
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shot(page, '01-sign-in');
    await signIn(page);

    // Seed step 1: Customers, then choose one.
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    await page.getByRole('link', { name: 'Fabrikam GmbH' }).waitFor();
    await shot(page, '02-customers');
    await page.getByLabel('Search customers').fill('contoso');
    await expect.poll(() => page.getByRole('link', { name: 'Fabrikam GmbH' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Contoso Ltd.' }).click();
    await page.getByRole('heading', { name: 'Contoso Ltd.' }).waitFor();
    await shot(page, '03-customer');

    // Steps 2–5: New subscription, monthly, tick mail-basic, 5 licenses, Submit.
    await page.getByRole('button', { name: 'New subscription' }).click();
    await page.getByRole('heading', { name: 'New subscription for Contoso Ltd.' }).waitFor();
    await page.getByRole('tab', { name: 'Monthly' }).click();
    const mailBasic = page.locator('[data-offer-id="mail-basic"]');
    await mailBasic.getByRole('checkbox').check();
    const licenses = mailBasic.getByRole('spinbutton');
    await licenses.fill('5');
    await licenses.press('Tab');
    // An offer this customer cannot buy is shown greyed, with its reason in words.
    const govSuite = page.locator('[data-offer-id="gov-suite-g3"]');
    await expect.poll(() => govSuite.getByRole('checkbox').isDisabled()).toBe(true);
    await expect
      .poll(() => govSuite.innerText())
      .toContain('Not available for the customer’s segment.');
    await shot(page, '04-new-subscription');
    const [orderResponse] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/orders') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Submit' }).click(),
    ]);
    expect(orderResponse.status()).toBe(201);
    const order = (await orderResponse.json()) as {
      lineItems: { offerId: string; quantity: number; subscriptionId: string }[];
    };
    expect(order.lineItems).toMatchObject([{ offerId: 'mail-basic', quantity: 5 }]);
    const subscriptionId = order.lineItems[0]!.subscriptionId;

    // Back on the customer, with the new subscription in the list.
    await page.getByText('1 subscription created.').waitFor();
    const link = page.locator(`a[href$="/subscriptions/${subscriptionId}"]`);
    const row = page.getByRole('row').filter({ has: link });
    await expect.poll(() => row.innerText()).toContain('0 / 5');
    await expect.poll(() => row.innerText()).toContain('Active');
    await shot(page, '05-customer-with-subscription');

    // Steps 6–7: open it, change the quantity.
    await link.click();
    await page.getByRole('heading', { name: /^Edit subscription/ }).waitFor();
    await shot(page, '06-subscription');
    const quantity = page.getByRole('spinbutton', { name: 'Quantity of licenses' });
    await quantity.fill('8');
    await quantity.press('Tab');
    const [quantityResponse] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      page.getByRole('button', { name: 'Submit' }).click(),
    ]);
    expect(quantityResponse.status()).toBe(200);
    expect(await quantityResponse.json()).toMatchObject({ quantity: 8 });
    await page.getByText('Changes saved.').waitFor();
    await expect.poll(() => quantity.inputValue()).toBe('8');

    // Suspend with a reason: the expiry shown before submitting is the API's expiresAt.
    await page.getByRole('radio', { name: 'Suspended' }).check();
    await page.getByLabel('Reason for suspending').selectOption('nonpayment');
    const shownBefore = await page.getByTestId('expiry').innerText();
    await shot(page, '07-suspend');
    const [suspendResponse] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      page.getByRole('button', { name: 'Submit' }).click(),
    ]);
    expect(suspendResponse.status()).toBe(200);
    const suspended = (await suspendResponse.json()) as {
      status: string;
      expiresAt: string;
      suspensionReasons: string[];
    };
    expect(suspended).toMatchObject({ status: 'suspended', suspensionReasons: ['nonpayment'] });
    expect(shownBefore).toBe(
      `If not reactivated, it expires on ${shownDate(suspended.expiresAt)} and its data is deleted.`,
    );
    await expect
      .poll(() => page.getByTestId('expiry').innerText())
      .toContain(`Expires on ${shownDate(suspended.expiresAt)} unless reactivated.`);
    await expect
      .poll(() => page.getByRole('spinbutton', { name: 'Quantity of licenses' }).isDisabled())
      .toBe(true);
    await shot(page, '08-suspended');

    // Reactivate.
    await page.getByRole('radio', { name: 'Active' }).check();
    const [reactivateResponse] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      page.getByRole('button', { name: 'Submit' }).click(),
    ]);
    expect(reactivateResponse.status()).toBe(200);
    expect(await reactivateResponse.json()).toMatchObject({ status: 'active', expiresAt: null });
    await page.getByText('Changes saved.').waitFor();
    await expect.poll(() => page.getByRole('radio', { name: 'Suspended' }).isEnabled()).toBe(true);
    await shot(page, '09-reactivated');

    // History: every change so far, oldest first, with who did it and the suspension's reason.
    const history = page.getByTestId('history');
    await expect.poll(() => history.getByRole('row').count()).toBe(5);
    const historyText = await history.innerText();
    for (const what of ['Created', 'Quantity changed', 'Suspended', 'Reactivated', 'Nonpayment']) {
      expect(historyText).toContain(what);
    }

    // Cancel, within mail-basic's 7-day window, through the confirmation dialog.
    await page
      .getByTestId('cancel-window')
      .getByText(/can be cancelled until/)
      .waitFor();
    const dialog = page.getByRole('dialog');
    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.locator('#root').getAttribute('aria-hidden')).toBe(null);
    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    await expect.poll(() => dialog.innerText()).toContain('and its add-ons with it');
    await shot(page, '14-cancel-dialog');
    const [cancelResponse] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      dialog.getByRole('button', { name: 'Cancel subscription' }).click(),
    ]);
    expect(cancelResponse.status()).toBe(200);
    expect(await cancelResponse.json()).toMatchObject({ status: 'deleted' });
    await page.getByText('This subscription cannot be changed.').waitFor();
    await expect.poll(() => page.locator('dl').innerText()).toMatch(/Status\s+Deleted/);
    await expect.poll(() => history.innerText()).toContain('Cancelled');
    expect(await page.getByRole('button', { name: 'Cancel subscription' }).count()).toBe(0);
    // The dialog has gone, and the page behind it is no longer hidden from assistive technology.
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.locator('#root').getAttribute('aria-hidden')).toBe(null);
    await shot(page, '15-cancelled');

    // Sign out.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('shows an unavailable offer with its reason and a Reactivate link to the suspended one', async () => {
    const page = await newPage('en-US');
    await signIn(page);
    await page.getByRole('link', { name: 'Contoso Ltd.' }).click();
    await page.getByRole('button', { name: 'New subscription' }).click();
    await page.getByRole('tab', { name: 'Annual' }).click();
    const compliance = page.locator('[data-offer-id="security-compliance-center"]');
    await compliance.getByRole('checkbox').check();
    const [orderResponse] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/orders') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Submit' }).click(),
    ]);
    expect(orderResponse.status()).toBe(201);
    const order = (await orderResponse.json()) as { lineItems: { subscriptionId: string }[] };
    const subscriptionId = order.lineItems[0]!.subscriptionId;

    await page.locator(`a[href$="/subscriptions/${subscriptionId}"]`).click();
    await page.getByRole('radio', { name: 'Suspended' }).check();
    await page.getByLabel('Reason for suspending').selectOption('customer_request');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText(/Suspended since/).waitFor();

    await page.getByRole('link', { name: 'Contoso Ltd.' }).click();
    await page.getByRole('button', { name: 'New subscription' }).click();
    await page.getByRole('tab', { name: 'Annual' }).click();
    await expect
      .poll(() => compliance.innerText())
      .toContain('reactivate it instead of buying a new one.');
    expect(await compliance.getByRole('checkbox').isDisabled()).toBe(true);
    await shot(page, '13-unavailable-with-reactivate');
    await compliance.getByRole('link', { name: 'Reactivate the suspended subscription' }).click();
    await page.waitForURL(`**/subscriptions/${subscriptionId}`);
    await page.getByRole('radio', { name: 'Active' }).check();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Changes saved.').waitFor();
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('speaks 繁體中文 after the switch in the header, and remembers it', async () => {
    const page = await newPage('en-US');
    await signIn(page);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    await page.getByLabel('Language').selectOption('zh-TW');
    await page.getByRole('heading', { name: '客戶' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-TW');
    await page.reload();
    await page.getByRole('heading', { name: '客戶' }).waitFor();
    await shot(page, '10-zh-TW-customers');

    await page.getByRole('link', { name: 'Contoso Ltd.' }).click();
    await page.getByRole('heading', { name: '訂閱' }).waitFor();
    await shot(page, '11-zh-TW-customer');
    await page.getByRole('button', { name: '新增訂閱' }).click();
    await page.getByRole('heading', { name: '計費頻率' }).waitFor();
    await page.getByRole('tab', { name: '每年' }).click();
    await expect
      .poll(() => page.locator('[data-offer-id="gov-suite-g3"]').innerText())
      .toContain('不適用於客戶的類別。');
    await shot(page, '12-zh-TW-new-subscription');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
