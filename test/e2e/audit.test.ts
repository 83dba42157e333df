/**
 * The audit log in a real browser against the real server: the rows shown are the API's for the
 * same filter, filters live in the URL (bookmarks, Back), paging, the CSV export, 繁體中文, and a
 * role that may not audit.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, PASSWORD, reportMissingChromium, usePortal } from './harness.js';

reportMissingChromium('test/e2e/audit.test.ts');

/** The portal's page size. */
const PAGE_SIZE = 25;

interface EventPage {
  items: { id: string; type: string }[];
  nextCursor: string | null;
}

describe.skipIf(!hasChromium)('the audit log in chromium', () => {
  const { url, newPage, shot, signIn, pageErrors, api: call } = usePortal();

  async function customerId(page: Page, q: string): Promise<string> {
    const found = (await call(page, 'GET', `/v1/customers?q=${q}`)) as { items: { id: string }[] };
    return found.items[0]!.id;
  }

  async function order(page: Page, customer: string, quantity: number): Promise<string> {
    const placed = (await call(page, 'POST', `/v1/customers/${customer}/orders`, {
      billingCycle: 'monthly',
      lineItems: [{ offerId: 'mail-basic', quantity }],
    })) as { lineItems: { subscriptionId: string }[] };
    return placed.lineItems[0]!.subscriptionId;
  }

  function events(page: Page, filter: Record<string, string>, limit = PAGE_SIZE) {
    const query = new URLSearchParams({ ...filter, limit: String(limit) });
    return call(page, 'GET', `/v1/events?${query.toString()}`) as Promise<EventPage>;
  }

  const table = (page: Page) => page.getByTestId('audit-events');
  const shownIds = (page: Page) =>
    page
      .locator('[data-event-id]')
      .evaluateAll((rows: { getAttribute: (name: string) => string | null }[]) =>
        rows.map((row) => row.getAttribute('data-event-id')),
      );
  const ids = (answer: EventPage) => answer.items.map((event) => event.id);

  it('shows, filters, pages and exports the events the API answers', async () => {
    const page = await newPage('en-US');
    await signIn(page);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();

    // History: an order each for Contoso and Fabrikam, and enough changes for a second page.
    const contoso = await customerId(page, 'contoso');
    const fabrikam = await customerId(page, 'fabrikam');
    const subscription = await order(page, contoso, 5);
    await order(page, fabrikam, 3);
    const path = `/v1/customers/${contoso}/subscriptions/${subscription}`;
    for (let quantity = 6; quantity <= 20; quantity += 1) {
      await call(page, 'PATCH', path, { quantity });
    }
    await call(page, 'PATCH', path, { status: 'suspended', suspensionReason: 'nonpayment' });
    await call(page, 'PATCH', path, { status: 'active' });

    // Opened from the header: newest first, the reactivation on top.
    await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const newest = await events(page, { order: 'newest' });
    await expect.poll(() => shownIds(page)).toEqual(ids(newest));
    expect(newest.items[0]!.type).toBe('subscription.reactivated');
    expect(await table(page).locator('tbody tr').first().innerText()).toMatch(
      /Subscription reactivated[\s\S]*Suspended → Active/,
    );

    // Oldest first, on request: the first page is the API's first page.
    await page.getByLabel('Order').selectOption('oldest');
    await page.waitForURL('**/audit?order=oldest');
    const first = await events(page, {});
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    await expect.poll(() => shownIds(page)).toEqual(ids(first));
    const created = table(page).getByRole('row').filter({ hasText: 'Subscription created' });
    await expect.poll(() => created.count()).toBe(2);
    const contosoRow = created.filter({ hasText: 'Contoso Ltd.' });
    expect(await contosoRow.innerText()).toContain('5 licenses · Monthly');
    expect(await contosoRow.innerText()).toContain('Demo Admin');
    expect(await contosoRow.getByRole('link', { name: 'Contoso Ltd.' }).getAttribute('href')).toBe(
      `/customers/${contoso}`,
    );
    expect(
      await contosoRow.getByRole('link', { name: 'Litware Mail Basic' }).getAttribute('href'),
    ).toBe(`/customers/${contoso}/subscriptions/${subscription}`);
    // Every type in words, with a summary of its data.
    const rows = await table(page).innerText();
    expect(rows).toMatch(/API token created\s+System\s+Bootstrap admin token · Role: Global admin/);
    expect(rows).toMatch(
      /Customer created\s+Contoso Ltd\.\s+System\s+contoso\.example · United States · Commercial/,
    );
    expect(rows).toMatch(/Order placed\s+Contoso Ltd\.\s+Demo Admin\s+1 line item · Monthly/);
    await shot(page, 'audit-log');

    // Paging forward and back.
    await page.getByRole('button', { name: 'Next page' }).click();
    const second = await events(page, { cursor: first.nextCursor! });
    await expect.poll(() => shownIds(page)).toEqual(ids(second));
    await page.getByText('Page 2').waitFor();
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => shownIds(page)).toEqual(ids(first));

    // Filter by customer, found by its name.
    const customerBox = page.getByRole('combobox', { name: 'Customer' });
    await customerBox.click();
    await customerBox.pressSequentially('Contoso');
    await page.getByRole('option', { name: 'Contoso Ltd.' }).click();
    await page.waitForURL(`**/audit?customerId=${contoso}&order=oldest`);
    const ofContoso = await events(page, { customerId: contoso });
    expect(ofContoso.items.length).toBeGreaterThan(0);
    await expect.poll(() => shownIds(page)).toEqual(ids(ofContoso));
    expect(await table(page).innerText()).not.toContain('Fabrikam GmbH');

    // And by type.
    await page.getByLabel('Event type').selectOption('subscription.quantity_changed');
    const changed = { customerId: contoso, type: 'subscription.quantity_changed' };
    const quantityChanges = await events(page, changed);
    expect(quantityChanges.items).toHaveLength(15);
    await expect.poll(() => shownIds(page)).toEqual(ids(quantityChanges));
    const firstChange = table(page).locator(`[data-event-id="${quantityChanges.items[0]!.id}"]`);
    expect(await firstChange.innerText()).toMatch(/License quantity changed[\s\S]*5 → 6 licenses/);
    await shot(page, 'audit-filtered');

    // The export is the CSV of every event of the filter.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe(
      'id,occurredAt,type,actorType,actorId,actorName,customerId,customerName,subscriptionId,subscriptionName,orderId,reason,data',
    );
    const all = await events(page, changed, 500);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(ids(all));
    expect(lines.slice(1).every((line) => line.includes(',subscription.quantity_changed,'))).toBe(
      true,
    );
    await page.getByText('The CSV file of these events has been downloaded.').waitFor();

    // An export the server refuses says why.
    await page.route('**/v1/events?*', (route) =>
      route.request().headers().accept === 'text/csv'
        ? route.fulfill({
            status: 503,
            contentType: 'application/problem+json',
            body: JSON.stringify({ status: 503, detail: 'The database is busy.' }),
          })
        : route.fallback(),
    );
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('The export failed: The database is busy.');
    await page.unrouteAll();

    // Back undoes the type filter.
    await page.goBack();
    await page.waitForURL(`**/audit?customerId=${contoso}&order=oldest`);
    await expect.poll(() => shownIds(page)).toEqual(ids(ofContoso));
    expect(await page.getByLabel('Event type').inputValue()).toBe('');

    // A bookmarked view opens with its filters.
    await page.goto(url(`/audit?customerId=${contoso}&type=subscription.suspended`));
    const suspensions = await events(page, { customerId: contoso, type: 'subscription.suspended' });
    expect(suspensions.items).toHaveLength(1);
    await expect.poll(() => shownIds(page)).toEqual(ids(suspensions));
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Customer' }).inputValue())
      .toBe('Contoso Ltd.');
    expect(await table(page).innerText()).toContain('Nonpayment');

    // Emptying the customer box and leaving it means every customer again.
    await customerBox.click();
    await customerBox.press('ControlOrMeta+a');
    await customerBox.press('Backspace');
    await customerBox.press('Tab');
    await page.waitForURL('**/audit?type=subscription.suspended');
    await expect.poll(() => customerBox.inputValue()).toBe('');
    expect(page.url()).not.toContain('customerId');

    // Who: the system's own events.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL('**/audit');
    await page.getByLabel('Who').selectOption('system');
    await page.waitForURL('**/audit?actorType=system');
    const bySystem = await events(page, { actorType: 'system', order: 'newest' });
    expect(bySystem.items.length).toBeGreaterThan(0);
    await expect.poll(() => shownIds(page)).toEqual(ids(bySystem));

    // Dates are UTC days, `to` taking in the whole day.
    const today = new Date().toISOString().slice(0, 10);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL('**/audit');
    await page.getByLabel('Event type').selectOption('subscription.created');
    await page.getByLabel('From (UTC)').fill(today);
    await page.getByLabel('To (UTC)').fill(today);
    await page.waitForURL(`**/audit?type=subscription.created&from=${today}&to=${today}`);
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString();
    const ofToday = await events(page, {
      type: 'subscription.created',
      order: 'newest',
      from: `${today}T00:00:00.000Z`,
      to: tomorrow,
    });
    expect(ofToday.items).toHaveLength(2);
    await expect.poll(() => shownIds(page)).toEqual(ids(ofToday));
    await page.getByLabel('From (UTC)').fill(tomorrow.slice(0, 10));
    await page.getByText('The end date is before the start date.').waitFor();
    await page.getByText('No events match these filters.').waitFor();

    // 繁體中文.
    await page.goto(url('/audit?type=subscription.quantity_changed'));
    await page.getByLabel('Language').selectOption('zh-TW');
    await page.getByRole('heading', { name: '稽核記錄', level: 1 }).waitFor();
    await expect.poll(() => table(page).innerText()).toContain('授權數量已變更');
    expect(await table(page).innerText()).toContain('5 → 6 個授權');
    await page.getByRole('button', { name: '匯出 CSV' }).waitFor();
    await shot(page, 'audit-zh-TW');

    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('tells a role without audit.read that it may not see the log', async () => {
    const admin = await newPage('en-US');
    await signIn(admin);
    await admin.getByRole('heading', { name: 'Customers' }).waitFor();
    const email = 'sales.agent@demo-partner.example';
    await call(admin, 'POST', '/v1/users', {
      email,
      displayName: 'Sam Sales',
      role: 'sales_agent',
      password: PASSWORD,
    });
    await admin.context().close();

    const page = await newPage('en-US');
    await signIn(page, email, PASSWORD);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    expect(
      await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).count(),
    ).toBe(0);
    await page.goto(url('/audit'));
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.getByRole('status').getByText('Your role may not see the audit log.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await shot(page, 'audit-not-allowed');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
