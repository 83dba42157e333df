/**
 * The portal in a real browser (Debian's chromium driven by playwright-core) against the real
 * server on a fresh SQLite file: the seed's flow in English, and a run in 繁體中文.
 * Screenshots of every page go to test-results/portal/.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, reportMissingChromium, shownDate, usePortal } from './harness.js';

reportMissingChromium('test/e2e/portal.test.ts');

describe.skipIf(!hasChromium)('the portal in chromium', () => {
  const { url, newPage, shot, signIn, api, pageErrors } = usePortal();

  it('walks the seed: create a customer, order, add an add-on, change, suspend, reactivate, cancel', async () => {
    const page = await newPage('en-US');
    await page.goto(url());
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shot(page, '01-sign-in');
    await signIn(page);

    // Customers: the list, its search, and a new customer (whose record the seed starts from).
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    await page.getByRole('link', { name: 'Fabrikam GmbH' }).waitFor();
    await shot(page, '02-customers');
    await page.getByLabel('Search customers').fill('contoso');
    await expect.poll(() => page.getByRole('link', { name: 'Fabrikam GmbH' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Contoso Ltd.' }).waitFor();
    await page.getByRole('button', { name: 'New customer' }).click();
    await page.getByRole('heading', { name: 'New customer' }).waitFor();
    // Nothing filled in: every required field says so, and nothing is sent.
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect.poll(() => page.getByText('Fill this in.').count()).toBe(8);
    await page.getByLabel('Company name').fill('Adatum Corporation');
    await page.getByLabel('Domain').fill('contoso.example');
    await page.getByLabel('Country').selectOption('US');
    await page.getByLabel('Segment').selectOption('commercial');
    await page.getByLabel('Account opened').fill('2026-01-10');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Tum');
    await page.getByLabel('Email').fill('billing@adatum.example');
    await page.getByLabel('Address').fill('1 Adatum Way');
    await page.getByLabel('City').fill('Seattle');
    await page.getByLabel('Postal code').fill('98101');
    // A domain another customer has: refused on its field, and no customer is made.
    const [taken] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/v1/customers') && r.request().method() === 'POST',
      ),
      page.getByRole('button', { name: 'Create customer' }).click(),
    ]);
    expect(taken.status()).toBe(409);
    await page.getByText('You already have a customer with this domain.').waitFor();
    await shot(page, '03-new-customer-refused');
    await page.getByLabel('Domain').fill('adatum.example');
    const [createdResponse] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/v1/customers') && r.request().method() === 'POST',
      ),
      page.getByRole('button', { name: 'Create customer' }).click(),
    ]);
    expect(createdResponse.status()).toBe(201);
    const customer = (await createdResponse.json()) as {
      id: string;
      accountOpenedAt: string;
      firstBillingPeriodStart: string;
    };
    expect(customer).toMatchObject({
      accountOpenedAt: '2026-01-10T00:00:00.000Z',
      firstBillingPeriodStart: '2026-02-01',
    });
    await page.waitForURL(`**/customers/${customer.id}`);
    await page.getByRole('heading', { name: 'Adatum Corporation' }).waitFor();
    await page.getByText('Customer created.', { exact: false }).waitFor();
    await shot(page, '04-customer');

    // Steps 2–5: New subscription, monthly, tick mail-basic, 5 licenses, Submit.
    await page.getByRole('button', { name: 'New subscription' }).click();
    await page.getByRole('heading', { name: 'New subscription for Adatum Corporation' }).waitFor();
    await page.getByRole('tab', { name: 'Monthly' }).click();
    const mailBasic = page.locator('[data-offer-id="mail-basic"]');
    await mailBasic.getByRole('checkbox').check();
    const licenses = mailBasic.getByRole('spinbutton');
    await licenses.fill('5');
    await licenses.press('Tab');
    // Its price in the customer's currency for each term it is sold on monthly; a year is cheaper.
    const term = mailBasic.getByLabel('Term and price of Litware Mail Basic');
    await expect
      .poll(() => term.locator('option').allInnerTexts())
      .toEqual([
        '$4.80 per license per month, one-month term',
        '$4.00 per license per month, one-year term',
      ]);
    await term.selectOption('P1Y');
    // An offer this customer cannot buy is shown greyed, with its reason in words.
    const govSuite = page.locator('[data-offer-id="gov-suite-g3"]');
    await expect.poll(() => govSuite.getByRole('checkbox').isDisabled()).toBe(true);
    await expect
      .poll(() => govSuite.innerText())
      .toContain('Not available for the customer’s segment.');
    // Add-ons are bought on their base subscription's page, not here.
    expect(await page.locator('[data-offer-id="mail-extra-storage"]').count()).toBe(0);
    await shot(page, '05-new-subscription');
    const [orderResponse] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/orders') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Submit' }).click(),
    ]);
    expect(orderResponse.status()).toBe(201);
    const order = (await orderResponse.json()) as {
      lineItems: { offerId: string; quantity: number; subscriptionId: string }[];
    };
    expect(order.lineItems).toMatchObject([
      { offerId: 'mail-basic', quantity: 5, termDuration: 'P1Y' },
    ]);
    const subscriptionId = order.lineItems[0]!.subscriptionId;

    // Back on the customer, with the new subscription in the list.
    await page.getByText('1 subscription created.').waitFor();
    const link = page.locator(`a[href$="/subscriptions/${subscriptionId}"]`);
    const row = page.getByRole('row').filter({ has: link });
    await expect.poll(() => row.innerText()).toContain('0 / 5');
    await expect.poll(() => row.innerText()).toContain('Active');
    await shot(page, '06-customer-with-subscription');

    // Step 6: open it by its name; add an add-on with licenses of its own.
    await link.click();
    await page.getByRole('heading', { name: /^Edit subscription/ }).waitFor();
    const storage = page.locator('[data-offer-id="mail-extra-storage"]');
    await storage.getByRole('checkbox').check();
    const gigabytes = storage.getByRole('spinbutton');
    await gigabytes.fill('50');
    await gigabytes.press('Tab');
    await shot(page, '07-subscription-add-ons');
    const [addOnResponse] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/orders') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Add add-ons' }).click(),
    ]);
    expect(addOnResponse.status()).toBe(201);
    const addOnOrder = (await addOnResponse.json()) as {
      lineItems: { offerId: string; quantity: number; subscriptionId: string }[];
    };
    expect(addOnOrder.lineItems).toMatchObject([
      { offerId: 'mail-extra-storage', quantity: 50, parentSubscriptionId: subscriptionId },
    ]);
    await page.getByText('1 add-on added.').waitFor();
    const addOns = page.getByTestId('addons');
    await expect.poll(() => addOns.innerText()).toContain('Mail Extra Storage');
    await expect.poll(() => addOns.innerText()).toContain('50');
    // The same add-on again is not for sale: change the quantity of the one it has.
    await expect
      .poll(() => storage.innerText())
      .toContain('The base subscription already has this add-on');

    // Step 7: change the quantity.
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

    // Suspend with a reason: the expiry shown before submitting is the API's expiresAt, and it
    // is the seed's 112 days (opened 2026-01-10, first billing period 2026-02-01).
    await page.getByRole('radio', { name: 'Suspended' }).check();
    await page.getByLabel('Reason for suspending').selectOption('nonpayment');
    const shownBefore = await page.getByTestId('expiry').innerText();
    await shot(page, '08-suspend');
    const [suspendResponse] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      page.getByRole('button', { name: 'Submit' }).click(),
    ]);
    expect(suspendResponse.status()).toBe(200);
    const suspended = (await suspendResponse.json()) as {
      status: string;
      suspendedAt: string;
      expiresAt: string;
      suspensionReasons: string[];
    };
    expect(suspended).toMatchObject({ status: 'suspended', suspensionReasons: ['nonpayment'] });
    const days = (Date.parse(suspended.expiresAt) - Date.parse(suspended.suspendedAt)) / 86_400_000;
    expect(days).toBe(112);
    expect(shownBefore).toBe(
      `If not reactivated, it expires on ${shownDate(suspended.expiresAt)} and its data is deleted.`,
    );
    await expect
      .poll(() => page.getByTestId('expiry').innerText())
      .toContain(`Expires on ${shownDate(suspended.expiresAt)} unless reactivated.`);
    await expect
      .poll(() => page.getByRole('spinbutton', { name: 'Quantity of licenses' }).isDisabled())
      .toBe(true);
    // The add-on followed its base.
    await expect.poll(() => addOns.innerText()).toContain('Suspended');
    await shot(page, '09-suspended');

    // Reactivate: the add-on comes back with it.
    await page.getByRole('radio', { name: 'Active' }).check();
    const [reactivateResponse] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      page.getByRole('button', { name: 'Submit' }).click(),
    ]);
    expect(reactivateResponse.status()).toBe(200);
    expect(await reactivateResponse.json()).toMatchObject({ status: 'active', expiresAt: null });
    await page.getByText('Changes saved.').waitFor();
    await expect.poll(() => page.getByRole('radio', { name: 'Suspended' }).isEnabled()).toBe(true);
    await expect.poll(() => addOns.innerText()).not.toContain('Suspended');
    await shot(page, '10-reactivated');

    // History: every change so far, oldest first, with who did it and the suspension's reason.
    const history = page.getByTestId('history');
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
    await shot(page, '11-cancel-dialog');
    const [cancelResponse] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      dialog.getByRole('button', { name: 'Cancel subscription' }).click(),
    ]);
    expect(cancelResponse.status()).toBe(200);
    expect(await cancelResponse.json()).toMatchObject({ status: 'deleted' });
    await page.getByText('This subscription cannot be changed.').waitFor();
    await expect.poll(() => page.locator('dl').innerText()).toMatch(/Status\s+Deleted/);
    await expect.poll(() => history.innerText()).toContain('Cancelled');
    await expect.poll(() => addOns.innerText()).toContain('Deleted');
    expect(await page.getByRole('button', { name: 'Cancel subscription' }).count()).toBe(0);
    // The dialog has gone, and the page behind it is no longer hidden from assistive technology.
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.locator('#root').getAttribute('aria-hidden')).toBe(null);
    await shot(page, '12-cancelled');

    // Sign out.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 90_000);

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
    await shot(page, 'zh-TW-01-customers');

    await page.getByRole('link', { name: 'Contoso Ltd.' }).click();
    await page.getByRole('heading', { name: '訂閱' }).waitFor();
    await shot(page, 'zh-TW-02-customer');
    await page.getByRole('button', { name: '新增訂閱' }).click();
    await page.getByRole('heading', { name: '計費頻率' }).waitFor();
    await page.getByRole('tab', { name: '每年' }).click();
    await expect
      .poll(() => page.locator('[data-offer-id="gov-suite-g3"]').innerText())
      .toContain('不適用於客戶的類別。');
    await shot(page, 'zh-TW-03-new-subscription');

    // The seed's steps in 繁體中文 too: order, open it, suspend with the expiry shown first.
    await page.getByRole('tab', { name: '每月' }).click();
    const mailPlus = page.locator('[data-offer-id="mail-plus"]');
    await mailPlus.getByRole('checkbox').check();
    await mailPlus.getByRole('spinbutton').fill('3');
    await mailPlus.getByRole('spinbutton').press('Tab');
    const [orderResponse] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/orders') && r.request().method() === 'POST'),
      page.getByRole('button', { name: '提交' }).click(),
    ]);
    expect(orderResponse.status()).toBe(201);
    const order = (await orderResponse.json()) as { lineItems: { subscriptionId: string }[] };
    await page.getByText('已建立 1 個訂閱。').waitFor();
    await page.locator(`a[href$="/subscriptions/${order.lineItems[0]!.subscriptionId}"]`).click();
    await page.getByRole('heading', { name: /^編輯訂閱/ }).waitFor();
    await page.getByRole('heading', { name: '狀態' }).waitFor();
    await page.getByRole('radio', { name: '已暫停' }).check();
    await page.getByLabel('暫停原因').selectOption('customer_request');
    const shownBefore = await page.getByTestId('expiry').innerText();
    await shot(page, 'zh-TW-04-suspend');
    const [suspendResponse] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      page.getByRole('button', { name: '提交' }).click(),
    ]);
    const { expiresAt } = (await suspendResponse.json()) as { expiresAt: string };
    expect(shownBefore).toBe(
      `若未重新啟用，將於 ${shownDate(expiresAt, 'zh-TW')} 到期並刪除其資料。`,
    );
    await expect.poll(() => page.getByTestId('history').innerText()).toContain('客戶要求');
    await shot(page, 'zh-TW-05-suspended');
    await page.getByRole('radio', { name: '使用中' }).check();
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('已儲存變更。').waitFor();
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('converts a trial into a paid subscription', async () => {
    const page = await newPage('en-US');
    await signIn(page);
    await page.getByRole('link', { name: 'Fabrikam GmbH' }).click();
    await page.getByRole('button', { name: 'New subscription' }).click();
    await page.getByRole('tab', { name: 'Trials' }).click();
    const trial = page.locator('[data-offer-id="office-apps-business-trial"]');
    await trial.getByRole('checkbox').check();
    await trial.getByRole('spinbutton').fill('10');
    await trial.getByRole('spinbutton').press('Tab');
    const [orderResponse] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/orders') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Submit' }).click(),
    ]);
    expect(orderResponse.status()).toBe(201);
    const order = (await orderResponse.json()) as { lineItems: { subscriptionId: string }[] };
    const trialId = order.lineItems[0]!.subscriptionId;
    await page.locator(`a[href$="/subscriptions/${trialId}"]`).click();
    await page.getByRole('heading', { name: 'Convert to a paid subscription' }).waitFor();
    // A trial's licenses are fixed: no quantity change is offered.
    expect(await page.getByRole('spinbutton', { name: 'Quantity of licenses' }).isDisabled()).toBe(
      true,
    );
    await page.getByLabel('Paid offer').selectOption('office-apps-business');
    await page.getByLabel('Billing frequency').selectOption('annual');
    await shot(page, '14-convert-trial');
    const [conversion] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/conversions')),
      page.getByRole('button', { name: 'Convert' }).click(),
    ]);
    expect(conversion.status()).toBe(201);
    const paid = (await conversion.json()) as { id: string; offerId: string; quantity: number };
    expect(paid).toMatchObject({ offerId: 'office-apps-business', quantity: 10, isTrial: false });
    await page.waitForURL(`**/subscriptions/${paid.id}`);
    await page.getByText('The trial was converted').waitFor();
    await expect.poll(() => page.locator('dl').innerText()).toContain('Annual');
    await shot(page, '15-converted');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('tells of a change made meanwhile elsewhere, and shows the subscription as it is now', async () => {
    const page = await newPage('en-US');
    await signIn(page);
    await page.getByRole('link', { name: 'Contoso Ltd.' }).waitFor();
    const customers = (await api(page, 'GET', '/v1/customers?q=contoso')) as {
      items: { id: string }[];
    };
    const customerId = customers.items[0]!.id;
    const order = (await api(page, 'POST', `/v1/customers/${customerId}/orders`, {
      billingCycle: 'monthly',
      lineItems: [{ offerId: 'voice-phone-system', quantity: 10 }],
    })) as { lineItems: { subscriptionId: string }[] };
    const path = `/customers/${customerId}/subscriptions/${order.lineItems[0]!.subscriptionId}`;
    await page.goto(url(path));
    await page.getByRole('heading', { name: /^Edit subscription/ }).waitFor();

    // Someone else, in another tab, changes the quantity.
    await api(page, 'PATCH', `/v1${path}`, { quantity: 12 });

    await page.getByLabel('Friendly name').fill('Front desk phones');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      page.getByRole('button', { name: 'Submit' }).click(),
    ]);
    expect(refused.status()).toBe(412);
    await page.getByText('Someone changed this subscription while you were editing it.').waitFor();
    await expect
      .poll(() => page.getByRole('spinbutton', { name: 'Quantity of licenses' }).inputValue())
      .toBe('12');
    await shot(page, '16-changed-meanwhile');
    await page.getByLabel('Friendly name').fill('Front desk phones');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      page.getByRole('button', { name: 'Submit' }).click(),
    ]);
    expect(await saved.json()).toMatchObject({ friendlyName: 'Front desk phones', quantity: 12 });
    await page.getByText('Changes saved.').waitFor();
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
