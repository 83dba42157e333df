/**
 * The portal offers only what the signed-in user's role may do: a billing admin may suspend for
 * non-payment and reactivate, and nothing else on a subscription.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, reportMissingChromium, usePortal } from './harness.js';

reportMissingChromium('test/e2e/roles.test.ts');

const BILLING_ADMIN = 'billing@demo-partner.example';
const BILLING_PASSWORD = 'billing-admin-password-1';

describe.skipIf(!hasChromium)('the portal for each role', () => {
  const { newPage, shot, signIn, api, pageErrors } = usePortal();

  it('offers a billing admin suspension for non-payment, reactivation, and nothing else', async () => {
    const admin = await newPage('en-US');
    await signIn(admin);
    await admin.getByRole('link', { name: 'Contoso Ltd.' }).waitFor();
    await api(admin, 'POST', '/v1/users', {
      email: BILLING_ADMIN,
      displayName: 'Bea Billing',
      role: 'billing_admin',
      password: BILLING_PASSWORD,
    });
    const customers = (await api(admin, 'GET', '/v1/customers?q=contoso')) as {
      items: { id: string }[];
    };
    const customerId = customers.items[0]!.id;
    const order = (await api(admin, 'POST', `/v1/customers/${customerId}/orders`, {
      billingCycle: 'monthly',
      lineItems: [{ offerId: 'office-apps-business', quantity: 4 }],
    })) as { lineItems: { subscriptionId: string }[] };
    const subscriptionId = order.lineItems[0]!.subscriptionId;
    await admin.context().close();

    const page = await newPage('en-US');
    await signIn(page, BILLING_ADMIN, BILLING_PASSWORD);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect
      .poll(() => nav.getByRole('link').allInnerTexts())
      .toEqual([
        'Home',
        'Customers',
        'Subscriptions',
        'Pricing and offers',
        'Billing',
        'Audit log',
      ]);
    const current = nav.locator('[aria-current="page"]');
    expect(await current.allInnerTexts()).toEqual(['Customers']);
    expect(await page.getByRole('button', { name: 'New customer' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Contoso Ltd.' }).click();
    await page.getByRole('heading', { name: 'Subscriptions' }).waitFor();
    expect(await page.getByRole('button', { name: 'New subscription' }).count()).toBe(0);

    await page.locator(`a[href$="/subscriptions/${subscriptionId}"]`).click();
    await page.getByRole('heading', { name: /^Edit subscription/ }).waitFor();
    // The subscription allows all of these; the role does not.
    expect(await page.getByRole('spinbutton', { name: 'Quantity of licenses' }).isDisabled()).toBe(
      true,
    );
    expect(await page.getByLabel('Friendly name').isDisabled()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Add-ons' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cancel subscription' }).count()).toBe(0);
    await page.getByRole('radio', { name: 'Suspended' }).check();
    const reasons = page.getByLabel('Reason for suspending').locator('option:not([disabled])');
    expect(await reasons.allInnerTexts()).toEqual(['Nonpayment']);
    await page.getByLabel('Reason for suspending').selectOption('nonpayment');
    await shot(page, 'roles-billing-admin');
    const [suspend] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      page.getByRole('button', { name: 'Submit' }).click(),
    ]);
    expect(suspend.status()).toBe(200);
    await page.getByText(/Suspended since/).waitFor();
    await page.getByRole('radio', { name: 'Active' }).check();
    const [reactivate] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      page.getByRole('button', { name: 'Submit' }).click(),
    ]);
    expect(await reactivate.json()).toMatchObject({ status: 'active' });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
