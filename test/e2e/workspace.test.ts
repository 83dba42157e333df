/**
 * The partner's workspace in a real browser against the real server: the home page's tiles and
 * chart agree with the API and link to the filtered Subscriptions list, a bulk action with mixed
 * outcomes shows each row's outcome, in English and 繁體中文, and every page at phone width (390 px)
 * neither scrolls sideways nor fails axe, with the navigation in an overlay menu.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, reportMissingChromium, shownDate, usePortal } from './harness.js';

reportMissingChromium('test/e2e/workspace.test.ts');

interface Listed {
  id: string;
  customerId: string;
  status: string;
  expiresAt: string | null;
}

interface Overview {
  recurring: { currency: string; revenue: string; margin: string }[];
  periods: { currency: string; periodStart: string; invoiced: string }[];
}

describe.skipIf(!hasChromium)('the workspace in chromium', () => {
  const { url, newPage, shot, signIn, pageErrors, api: call } = usePortal();
  const made = { contoso: '', fabrikam: '', renewing: '', suspended: '', ending: '' };

  async function customerId(page: Page, q: string): Promise<string> {
    const found = (await call(page, 'GET', `/v1/customers?q=${q}`)) as { items: { id: string }[] };
    return found.items[0]!.id;
  }

  async function order(page: Page, customer: string, offerId: string, quantity: number) {
    const placed = (await call(page, 'POST', `/v1/customers/${customer}/orders`, {
      billingCycle: 'monthly',
      lineItems: [{ offerId, quantity }],
    })) as { lineItems: { subscriptionId: string }[] };
    return placed.lineItems[0]!.subscriptionId;
  }

  function patch(page: Page, customer: string, subscription: string, body: unknown) {
    return call(page, 'PATCH', `/v1/customers/${customer}/subscriptions/${subscription}`, body);
  }

  async function listed(page: Page, query: string): Promise<Listed[]> {
    return ((await call(page, 'GET', `/v1/subscriptions?${query}`)) as { items: Listed[] }).items;
  }

  const shownIds = (page: Page) =>
    page
      .locator('[data-subscription-id]')
      .evaluateAll((rows: { getAttribute: (name: string) => string | null }[]) =>
        rows.map((row) => row.getAttribute('data-subscription-id')),
      );
  // axe reads a toast still fading in as text without contrast: check the page once it is in.
  const toastShown = (page: Page) =>
    expect
      .poll(() =>
        page.evaluate(
          "[...document.querySelectorAll('.fui-Toast')].every((t) => getComputedStyle(t.closest('[data-toast-id]') ?? t).opacity === '1')",
        ),
      )
      .toBe(true);
  const row = (page: Page, id: string) => page.locator(`tr[data-subscription-id="${id}"]`);
  const money = (amount: string, currency: string, locale = 'en-US') =>
    new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
      amount as Intl.StringNumericLiteral,
    );

  it('shows the home page, its filtered list and a bulk suspension (en)', async () => {
    const page = await newPage('en-US');
    await signIn(page);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();

    // Contoso renews one, lets another end; Fabrikam (EUR) has a suspended one.
    made.contoso = await customerId(page, 'contoso');
    made.fabrikam = await customerId(page, 'fabrikam');
    made.renewing = await order(page, made.contoso, 'mail-basic', 5);
    made.ending = await order(page, made.contoso, 'mail-plus', 2);
    await patch(page, made.contoso, made.ending, { autoRenewEnabled: false });
    made.suspended = await order(page, made.fabrikam, 'mail-basic', 3);
    await patch(page, made.fabrikam, made.suspended, {
      status: 'suspended',
      suspensionReason: 'nonpayment',
    });

    // Home, from the side navigation, marked as the current page.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(await nav.locator('[aria-current="page"]').allInnerTexts()).toEqual(['Home']);

    const tile = (name: string) => page.getByTestId(`tile-${name}`);
    const linksTo = (name: string) =>
      tile(name)
        .getByRole('listitem')
        .getByRole('link')
        .evaluateAll((links: { getAttribute: (name: string) => string | null }[]) =>
          links.map((link) => link.getAttribute('href')),
        );
    const path = (item: Listed) => `/customers/${item.customerId}/subscriptions/${item.id}`;

    const clock = (await call(page, 'GET', '/v1/clock')) as { now: string };
    const today = clock.now.slice(0, 10);
    const dayAfter = (days: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const renewsQuery = `renewsBefore=${dayAfter(31)}&sort=commitmentEndDate`;
    const renewing = await listed(page, `${renewsQuery}&limit=5`);
    expect(renewing.map((item) => item.id)).toContain(made.renewing);
    expect(renewing.map((item) => item.id)).not.toContain(made.ending);
    await expect.poll(() => linksTo('renewing')).toEqual(renewing.map(path));

    const suspended = await listed(page, 'status=suspended&sort=expiresAt&limit=5');
    expect(suspended.map((item) => item.id)).toEqual([made.suspended]);
    await expect.poll(() => linksTo('deleting')).toEqual(suspended.map(path));
    expect(await tile('deleting').innerText()).toContain(
      `Data deleted ${shownDate(suspended[0]!.expiresAt!)}`,
    );
    await expect
      .poll(() => linksTo('ending'))
      .toEqual([`/customers/${made.contoso}/subscriptions/${made.ending}`]);
    await tile('trials').getByText('No trials end in the next 14 days.').waitFor();

    // Recent changes, newest first: the suspension leads.
    const latest = (await call(page, 'GET', '/v1/events?order=newest&limit=1')) as {
      items: { id: string }[];
    };
    await expect
      .poll(() => tile('recent').locator('[data-event-id]').first().getAttribute('data-event-id'))
      .toBe(latest.items[0]!.id);

    // Money: recurring revenue per currency, and the chart of 12 periods with its table.
    const overview = (await call(page, 'GET', '/v1/billing/overview')) as Overview;
    const usd = overview.recurring.find((line) => line.currency === 'USD')!;
    const recurring = tile('recurring').locator('[data-currency="USD"]');
    await recurring.waitFor();
    expect(await recurring.innerText()).toContain(money(usd.revenue, 'USD'));
    expect(await recurring.innerText()).toContain(money(usd.margin, 'USD'));
    const chart = tile('invoiced-USD');
    await chart.getByRole('heading', { name: /Invoiced in the last 12 billing periods/ }).waitFor();
    const periods = overview.periods.filter((period) => period.currency === 'USD');
    expect(periods).toHaveLength(12);
    expect(await chart.getByRole('table').locator('[data-period]').count()).toBe(12);
    const bars = chart.locator('[data-testid="invoiced-chart"] .recharts-bar-rectangle');
    const invoiced = periods.filter((period) => /[1-9]/.test(period.invoiced));
    expect(invoiced.length).toBeGreaterThan(0);
    await expect.poll(() => bars.count()).toBe(invoiced.length);
    // Only currencies invoiced in some period have a chart.
    const currencies = new Set(
      overview.periods.filter((p) => /[1-9]/.test(p.invoiced)).map((p) => p.currency),
    );
    expect(await page.locator('[data-testid^="tile-invoiced-"]').count()).toBe(currencies.size);
    const last = periods.at(-1)!;
    expect(
      await chart.getByRole('table').locator(`[data-period="${last.periodStart}"]`).textContent(),
    ).toContain(money(last.invoiced, 'USD'));
    await shot(page, 'workspace-dashboard');

    // A tile's link lands on the list filtered the same way.
    await tile('renewing').getByRole('link', { name: 'See all' }).click();
    await page.getByRole('heading', { level: 1, name: 'Subscriptions' }).waitFor();
    expect(new URL(page.url()).search).toBe(`?${renewsQuery}`);
    const allRenewing = await listed(page, renewsQuery);
    await expect.poll(() => shownIds(page)).toEqual(allRenewing.map((item) => item.id));
    expect(await page.getByLabel('Renews before').inputValue()).toBe(dayAfter(31));

    // Search is kept in the address, through a reload.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL('**/subscriptions');
    await page.getByRole('searchbox', { name: 'Search' }).fill('fabrikam');
    await page.waitForURL('**/subscriptions?q=fabrikam');
    await page.reload();
    const ofFabrikam = await listed(page, 'q=fabrikam');
    await expect.poll(() => shownIds(page)).toEqual(ofFabrikam.map((item) => item.id));
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('fabrikam');

    // Suspend an active one and an already suspended one: one done, one refused, each said.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL('**/subscriptions');
    await row(page, made.renewing).getByRole('checkbox').check();
    await row(page, made.suspended).getByRole('checkbox').check();
    await page.getByRole('toolbar').getByText('2 selected').waitFor();
    await page.getByRole('toolbar').getByRole('button', { name: 'Suspend' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Suspend 2 subscriptions?' }).waitFor();
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.getByText('Choose a reason for suspending.').waitFor();
    await dialog.getByLabel('Reason for suspending').selectOption('customer_request');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.fui-ToastTitle', { hasText: '1 done, 1 not done.' }).waitFor();
    await toastShown(page);
    await expect
      .poll(() => row(page, made.renewing).getByTestId('outcome').innerText())
      .toBe('Done');
    expect(await row(page, made.suspended).getByTestId('outcome').innerText()).toMatch(
      /^Not done: ./,
    );
    expect(await row(page, made.renewing).innerText()).toContain('Suspended');
    const after = (await call(
      page,
      'GET',
      `/v1/customers/${made.contoso}/subscriptions/${made.renewing}`,
    )) as { status: string; suspensionReasons: string[] };
    expect(after.status).toBe('suspended');
    expect(after.suspensionReasons).toEqual(['customer_request']);
    await shot(page, 'workspace-bulk');
    expect(pageErrors).toEqual([]);
  });

  it('shows the home page and a bulk reactivation in 繁體中文', async () => {
    const page = await newPage('zh-TW');
    await signIn(page);
    await page.getByRole('heading', { name: '客戶' }).waitFor();
    await page
      .getByRole('navigation', { name: '主選單' })
      .getByRole('link', { name: '首頁' })
      .click();
    await page.getByRole('heading', { level: 1, name: '首頁' }).waitFor();
    const deleting = page.getByTestId('tile-deleting');
    await deleting.getByRole('heading', { name: '已暫停：資料將被刪除' }).waitFor();
    await expect.poll(() => deleting.getByRole('listitem').count()).toBe(2);
    expect(await deleting.innerText()).toContain('資料將於');
    await page
      .getByTestId('tile-invoiced-USD')
      .getByRole('heading', { name: /最近 12 個帳務期間/ })
      .waitFor();
    await shot(page, 'workspace-dashboard-zh-TW');

    // The deletion tile's list: both suspended subscriptions, soonest deletion first.
    await deleting.getByRole('link', { name: '查看全部' }).click();
    await page.getByRole('heading', { level: 1, name: '訂閱' }).waitFor();
    expect(new URL(page.url()).search).toBe('?status=suspended&sort=expiresAt');
    const suspended = await listed(page, 'status=suspended&sort=expiresAt');
    await expect.poll(() => shownIds(page)).toEqual(suspended.map((item) => item.id));

    // Reactivate both and a cancelled one (from the list of all): two done, one refused.
    await patch(page, made.contoso, made.ending, { status: 'deleted' });
    await page.getByRole('button', { name: '清除篩選條件' }).click();
    await page.waitForURL('**/subscriptions');
    for (const id of [made.renewing, made.suspended, made.ending]) {
      await row(page, id).getByRole('checkbox').check();
    }
    await page.getByRole('toolbar').getByRole('button', { name: '重新啟用' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: '要重新啟用 3 筆訂閱嗎？' }).waitFor();
    await dialog.getByRole('button', { name: '套用' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => row(page, made.suspended).getByTestId('outcome').innerText())
      .toBe('已完成');
    expect(await row(page, made.renewing).getByTestId('outcome').innerText()).toBe('已完成');
    expect(await row(page, made.ending).getByTestId('outcome').innerText()).toMatch(/^未完成：./);
    await page.locator('.fui-ToastTitle', { hasText: '2 筆已完成，1 筆未完成。' }).waitFor();
    await toastShown(page);
    await shot(page, 'workspace-bulk-zh-TW');
    expect(pageErrors).toEqual([]);
  });

  it('fits every page at 390 px, with the navigation in a menu', async () => {
    const page = await newPage('en-US');
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();

    // The menu: opened by its button, focus inside, Escape closes it and gives focus back.
    const menuButton = page.getByRole('button', { name: 'Open the menu' });
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await menuButton.click();
    const menu = page.getByRole('dialog');
    const nav = menu.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    expect(await nav.locator('[aria-current="page"]').allInnerTexts()).toEqual(['Customers']);
    expect(
      await page.evaluate(
        "document.querySelector('[role=dialog]').contains(document.activeElement)",
      ),
    ).toBe(true);
    await shot(page, 'phone-menu');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate("document.activeElement?.getAttribute('aria-label')"))
      .toBe('Open the menu');
    await menuButton.click();
    await nav.getByRole('link', { name: 'Subscriptions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Subscriptions' }).waitFor();
    await menu.waitFor({ state: 'detached' });

    const invoices = (await call(page, 'GET', `/v1/customers/${made.contoso}/invoices`)) as {
      items: { id: string }[];
    };
    const pages: [string, string][] = [
      ['home', '/'],
      ['customers', '/customers'],
      ['customer', `/customers/${made.contoso}`],
      ['new-subscription', `/customers/${made.contoso}/new-subscription`],
      ['subscription', `/customers/${made.contoso}/subscriptions/${made.renewing}`],
      ['subscriptions', '/subscriptions'],
      ['pricing', '/pricing'],
      ['billing', '/billing'],
      ['audit', '/audit'],
      ['users', '/users'],
      ['webhooks', '/webhooks'],
      ['account', '/account'],
      ['new-customer', '/customers/new'],
    ];
    if (invoices.items[0]) {
      pages.push(['invoice', `/customers/${made.contoso}/invoices/${invoices.items[0].id}`]);
    }
    for (const [name, path] of pages) {
      await page.goto(url(path));
      await page.locator('h1').first().waitFor();
      // Whatever loads after the heading (tables, charts) is in place before measuring.
      await page.waitForLoadState('networkidle');
      const widths = await page.evaluate<{ scroll: number; inner: number }>(
        '({ scroll: document.documentElement.scrollWidth, inner: innerWidth })',
      );
      // What sticks out, named in the failure: the elements whose right edge is past the window.
      const wide = await page.evaluate<string[]>(
        `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('[role=region]')).slice(0, 5).map((e) => e.tagName + '.' + e.className + ' ' + (e.getAttribute('data-testid') ?? ''))`,
      );
      expect
        .soft(widths.scroll, `${name} scrolls sideways: ${wide.join(', ')}`)
        .toBeLessThanOrEqual(widths.inner);
      await shot(page, `phone-${name}`);
    }
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
