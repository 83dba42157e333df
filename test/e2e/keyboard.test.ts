/**
 * The seed's main steps by keyboard alone: every control is reached with Tab and used with Enter,
 * Space or the arrow keys, never the mouse.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, hasChromium, PASSWORD, reportMissingChromium, usePortal } from './harness.js';

reportMissingChromium('test/e2e/keyboard.test.ts');

/** Presses Tab until `target` has the focus; fails when it is not reached in `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 150): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await target.and(page.locator(':focus')).count()) === 1) return;
  }
  throw new Error(`not reached by Tab in ${limit} presses: ${target.toString()}`);
}

describe.skipIf(!hasChromium)('the portal by keyboard', () => {
  const { url, newPage, pageErrors } = usePortal();

  it('signs in, orders, opens the subscription and suspends it without a mouse', async () => {
    const page = await newPage('en-US');
    await page.goto(url('/customers'));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await tabTo(page, page.getByLabel('Email'));
    await page.keyboard.type(ADMIN);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');

    await page.getByRole('link', { name: 'Northwind Academy' }).waitFor();
    // A new page puts the focus on its main content, past the header.
    await expect.poll(() => page.locator('main:focus').count()).toBe(1);
    await tabTo(page, page.getByRole('link', { name: 'Northwind Academy' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'New subscription' }));
    await page.keyboard.press('Enter');

    const kiosk = page.locator('[data-offer-id="mail-kiosk"]');
    await tabTo(page, kiosk.getByRole('checkbox'));
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12');
    await tabTo(page, page.getByRole('button', { name: 'Submit' }));
    const [order] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/orders') && r.request().method() === 'POST'),
      page.keyboard.press('Enter'),
    ]);
    expect(order.status()).toBe(201);
    const { lineItems } = (await order.json()) as {
      lineItems: { offerId: string; quantity: number; subscriptionId: string }[];
    };
    expect(lineItems).toMatchObject([{ offerId: 'mail-kiosk', quantity: 12 }]);

    const link = page.locator(`a[href$="/subscriptions/${lineItems[0]!.subscriptionId}"]`);
    await link.waitFor();
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Edit subscription/ }).waitFor();
    // In the Status radio group Tab reaches the chosen one, the arrows choose another.
    await tabTo(page, page.getByRole('radio', { name: 'Active' }));
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'Suspended' }).isChecked()).toBe(true);
    await tabTo(page, page.getByLabel('Reason for suspending'));
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('expiry').waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Submit' }));
    const [suspend] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      page.keyboard.press('Enter'),
    ]);
    expect(suspend.status()).toBe(200);
    expect(await suspend.json()).toMatchObject({
      status: 'suspended',
      suspensionReasons: ['customer_request'],
    });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
