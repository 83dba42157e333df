/**
 * The Content-Security-Policy in a real browser: the built portal and the API reference at /docs
 * run under the policy the server sends, and chromium reports no violation on any page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, reportMissingChromium, usePortal } from './harness.js';

reportMissingChromium('test/e2e/csp.test.ts');

/** Turns every violation into a console message, next to chromium's own "Refused to …" line. */
const REPORT_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) =>
  console.error('Content Security Policy violation: ' + event.violatedDirective + ' ' + event.blockedURI));`;

/** Adds an inline script, as an injection would, and answers whether it ran. */
const INJECT_SCRIPT = `(() => {
  const script = document.createElement('script');
  script.textContent = 'document.body.dataset.injected = "yes"';
  document.head.append(script);
  return document.body.dataset.injected ?? 'no';
})()`;

describe.skipIf(!hasChromium)('the content security policy in chromium', () => {
  const { url, newPage, signIn, api, pageErrors } = usePortal();

  async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
    const page = await newPage('en-US');
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    await page.addInitScript({ content: REPORT_VIOLATIONS });
    return { page, violations };
  }

  async function open(page: Page, path: string): Promise<string> {
    const response = await page.goto(url(path));
    return response?.headers()['content-security-policy'] ?? '';
  }

  it('lets the portal run every page without a violation', async () => {
    const { page, violations } = await watchedPage();
    const policy = await open(page, '/');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    await signIn(page);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();

    const customers = (await api(page, 'GET', '/v1/customers?q=contoso')) as {
      items: { id: string }[];
    };
    const customerId = customers.items[0]!.id;
    const order = (await api(page, 'POST', `/v1/customers/${customerId}/orders`, {
      billingCycle: 'monthly',
      lineItems: [{ offerId: 'mail-basic', quantity: 2 }],
    })) as { lineItems: { subscriptionId: string }[] };

    await page.getByRole('link', { name: 'Contoso Ltd.' }).click();
    await page.getByRole('heading', { name: 'Subscriptions' }).waitFor();
    await page.getByRole('button', { name: 'New subscription' }).click();
    await page.getByRole('heading', { name: /^New subscription for/ }).waitFor();
    await page.locator('[data-offer-id="mail-basic"]').waitFor();
    await open(
      page,
      `/customers/${customerId}/subscriptions/${order.lineItems[0]!.subscriptionId}`,
    );
    await page.getByRole('heading', { name: /^Edit subscription/ }).waitFor();
    await open(page, '/customers/new');
    await page.getByRole('heading', { name: 'New customer' }).waitFor();
    const nav = page.getByRole('navigation');
    for (const title of ['Pricing and offers', 'Audit log', 'Webhooks', 'Users']) {
      await nav.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    }
    await page.getByRole('button', { name: 'Invite user' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('link', { name: /^Signed in as/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();

    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('blocks, and reports, a script injected into the page', async () => {
    const { page, violations } = await watchedPage();
    await open(page, '/sign-in');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const ran = await page.evaluate(INJECT_SCRIPT);
    expect(ran).toBe('no');
    await expect.poll(() => violations.length).toBeGreaterThan(0);
  });

  it('lets the API reference at /docs run without a violation', async () => {
    const { page, violations } = await watchedPage();
    const policy = await open(page, '/docs');
    expect(policy).toContain("script-src 'self'");
    await page.getByText('Partner Subscription Center API').first().waitFor();
    await page.locator('.opblock').first().click();
    await page.getByRole('button', { name: 'Try it out' }).first().waitFor();
    await page.getByRole('button', { name: 'Authorize' }).click();
    await page.getByText('Available authorizations').waitFor();

    expect(violations).toEqual([]);
  });
});
