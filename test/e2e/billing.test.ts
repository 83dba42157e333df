/**
 * Money in the portal, in English and in 繁體中文, on a sandbox partner whose clock the test moves:
 * the Billing page saves a price-book markup, an order shows its total (the API's preview) before
 * Submit, the customer page its recurring total, and once the period ends the issued invoice has
 * its number and total on its own page, also as printed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, PASSWORD, reportMissingChromium, usePortal } from './harness.js';

reportMissingChromium('test/e2e/billing.test.ts');

const LANGUAGES = [
  {
    locale: 'en-US',
    language: 'en',
    markup: '20',
    words: {
      billing: 'Billing',
      markup: 'Default markup',
      save: 'Save price book',
      saved: 'Price book saved.',
      negative: 'A markup cannot be negative',
      newSubscription: 'New subscription',
      submit: 'Submit',
      invoices: 'Invoices',
      print: 'Print / Save as PDF',
      period: 'Billing period',
    },
  },
  {
    locale: 'zh-TW',
    language: 'zh-TW',
    markup: '12.5',
    words: {
      billing: '帳務',
      markup: '預設加成',
      save: '儲存價目表',
      saved: '價目表已儲存。',
      negative: '加成不可為負數',
      newSubscription: '新增訂閱',
      submit: '提交',
      invoices: '發票',
      print: '列印 / 另存為 PDF',
      period: '計費期間',
    },
  },
] as const;

interface Preview {
  currency: string;
  total: string;
  lineItems: { offerId: string; unitPrice: string; amount: string }[];
}
interface Invoice {
  id: string;
  number: string | null;
  status: string;
  periodStart: string;
  total: string;
  currency: string;
  charges: unknown[];
}

const money = (amount: string, currency: string, language: string) =>
  new Intl.NumberFormat(language, { style: 'currency', currency }).format(
    amount as Intl.StringNumericLiteral,
  );

/** The first day of the month after `instant`'s, at one in the morning (UTC). */
function nextMonthStart(instant: string): string {
  const date = new Date(instant);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1, 1)).toISOString();
}

describe.skipIf(!hasChromium)('money in the portal', () => {
  const { url, newPage, shot, signIn, api, psc, pageErrors } = usePortal();
  let admin: { email: string; password: string } | undefined;

  /** A sandbox partner (billing day 1) with a global admin of its own, made once by the CLI. */
  function sandboxAdmin(): { email: string; password: string } {
    if (admin) return admin;
    const partner = JSON.parse(
      psc(['partner', 'create', '--name', 'Sandbox Reseller', '--sandbox', '--json']),
    ) as { partner: { id: string } };
    const email = 'admin@sandbox-reseller.example';
    const user = JSON.parse(
      psc(['user', 'create', '--partner', partner.partner.id, '--email', email, '--json']),
    ) as { temporaryPassword: string };
    admin = { email, password: user.temporaryPassword };
    return admin;
  }

  async function saveMarkup(page: Page, words: (typeof LANGUAGES)[number]['words'], value: string) {
    const markup = page.getByRole('textbox', { name: words.markup });
    await markup.fill(value);
    const [saved] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/v1/price-book') && r.request().method() === 'PUT',
      ),
      page.getByRole('button', { name: words.save }).click(),
    ]);
    return saved;
  }

  for (const { locale, language, markup, words } of LANGUAGES) {
    it(`prices an order, invoices it and edits the price book (${locale})`, async () => {
      const { email, password } = sandboxAdmin();
      expect(password).not.toBe(PASSWORD);
      const page = await newPage(locale);
      await signIn(page, email, password);
      await page
        .getByRole('navigation', { name: /^(Main|主選單)$/ })
        .getByRole('link', { name: words.billing })
        .click();
      await page.getByRole('heading', { level: 1, name: words.billing }).waitFor();

      // The price book: a negative markup is refused next to its field, a good one saved.
      const refused = await saveMarkup(page, words, '-5');
      expect(refused.status()).toBe(422);
      expect(await refused.json()).toMatchObject({ code: 'negative_markup' });
      await page.getByText(words.negative).waitFor();
      const saved = await saveMarkup(page, words, markup);
      expect(saved.status()).toBe(200);
      await page.getByText(words.saved).waitFor();
      expect(await api(page, 'GET', '/v1/price-book')).toMatchObject({
        defaultMarkupPercent: markup,
      });
      if (language === 'en') {
        // A rule: a fixed price for one offer, refused next to its field until it is a price.
        await page.getByRole('button', { name: 'Add rule' }).click();
        await page.getByLabel('Offer of rule 1').selectOption('mail-kiosk');
        await page.getByLabel('Kind of rule 1').selectOption('price');
        await page.getByLabel('Currency of rule 1').selectOption('USD');
        await page.getByLabel('Price of rule 1').fill('two');
        const [wrongPrice] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith('/v1/price-book')),
          page.getByRole('button', { name: words.save }).click(),
        ]);
        expect(await wrongPrice.json()).toMatchObject({
          errors: [{ field: '/rules/0/unitPrice', code: 'invalid_format' }],
        });
        await page.getByText('Enter a number such as 20 or 12.50.').waitFor();
        await shot(page, 'billing-price-book-refused');
        await page.getByLabel('Price of rule 1').fill('2.50');
        const [withRule] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith('/v1/price-book')),
          page.getByRole('button', { name: words.save }).click(),
        ]);
        expect(withRule.status()).toBe(200);
        expect(await api(page, 'GET', '/v1/price-book')).toMatchObject({
          rules: [{ offerId: 'mail-kiosk', unitPrice: '2.50', currency: 'USD' }],
        });
      }
      await shot(page, `billing-price-book-${language}`);

      // A customer of the sandbox partner, and an order for it with its total before Submit.
      const customer = (await api(page, 'POST', '/v1/customers', {
        companyName: `Northwind ${language}`,
        domain: `northwind-${language.toLowerCase()}.example`,
        country: 'US',
        segment: 'commercial',
        billingProfile: {
          firstName: 'Nancy',
          lastName: 'Davolio',
          email: 'billing@northwind.example',
          address: { line1: '1 Harbor Way', city: 'Seattle', postalCode: '98101', country: 'US' },
        },
      })) as { id: string };
      await page.goto(url(`/customers/${customer.id}`));
      await page.getByRole('button', { name: words.newSubscription }).click();
      const mailBasic = page.locator('[data-offer-id="mail-basic"]');
      await mailBasic.getByRole('checkbox').check();
      const licenses = mailBasic.getByRole('spinbutton');
      await licenses.fill('5');
      await licenses.press('Tab');
      const order = {
        billingCycle: 'monthly',
        lineItems: [{ offerId: 'mail-basic', quantity: 5, termDuration: 'P1M' }],
      };
      const preview = (await api(
        page,
        'POST',
        `/v1/customers/${customer.id}/orders/preview`,
        order,
      )) as Preview;
      const total = money(preview.total, preview.currency, language);
      const shownTotal = page.getByTestId('order-total');
      await expect.poll(() => shownTotal.innerText()).toBe(total);
      await expect
        .poll(() => mailBasic.getByTestId('line-amount').innerText())
        .toContain(money(preview.lineItems[0]!.amount, preview.currency, language));
      await shot(page, `billing-order-${language}`);
      const [placed] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/orders') && r.request().method() === 'POST'),
        page.getByRole('button', { name: words.submit, exact: true }).click(),
      ]);
      expect(placed.status()).toBe(201);
      const { lineItems } = (await placed.json()) as {
        lineItems: { subscriptionId: string; unitPrice: string; amount: string }[];
      };
      expect(lineItems[0]).toMatchObject({ amount: preview.lineItems[0]!.amount });

      // The customer page: the subscription's price × quantity, and its monthly total.
      await page.waitForURL(`**/customers/${customer.id}`);
      const subscription = (await api(
        page,
        'GET',
        `/v1/customers/${customer.id}/subscriptions/${lineItems[0]!.subscriptionId}`,
      )) as { unitPrice: string; currency: string };
      const monthly = page.getByTestId('monthly-total');
      const perMonth = (Number(subscription.unitPrice) * 5).toFixed(2);
      await expect.poll(() => monthly.innerText()).toContain(money(perMonth, 'USD', language));

      // The period ends: its invoice is issued with a number, and its page shows it.
      const clock = (await api(page, 'GET', '/v1/clock')) as { now: string };
      const moved = (await api(page, 'POST', '/v1/sandbox/clock', {
        to: nextMonthStart(clock.now),
      })) as { processed: { issued: number } };
      expect(moved.processed.issued).toBeGreaterThanOrEqual(1);
      const invoices = (await api(page, 'GET', `/v1/customers/${customer.id}/invoices`)) as {
        items: Invoice[];
      };
      const issued = invoices.items.find((invoice) => invoice.status === 'issued')!;
      expect(issued.number).toMatch(/^PSC-\d{4}-\d{6}$/);
      expect(issued.total).toBe(preview.total);
      await page.reload();
      const invoicesCard = page.getByTestId('customer-invoices');
      await invoicesCard.getByRole('link', { name: issued.number! }).waitFor();
      await shot(page, `billing-customer-${language}`);
      await invoicesCard.getByRole('link', { name: issued.number! }).click();
      await page.waitForURL(`**/customers/${customer.id}/invoices/${issued.id}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(issued.number!) }).waitFor();
      expect(await page.getByTestId('invoice-number').innerText()).toBe(issued.number);
      expect(await page.getByTestId('invoice-total').innerText()).toBe(
        money(issued.total, issued.currency, language),
      );
      const detail = (await api(
        page,
        'GET',
        `/v1/customers/${customer.id}/invoices/${issued.id}`,
      )) as Invoice;
      await expect
        .poll(() => page.getByTestId('invoice-lines').locator('tbody tr').count())
        .toBe(detail.charges.length);
      await page.getByRole('button', { name: words.print }).waitFor();
      await shot(page, `billing-invoice-${language}`);
      // On paper: no navigation, no buttons.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('navigation', { name: /Main|主選單/ }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: words.print }).isVisible()).toBe(false);
      await page.screenshot({ path: `test-results/portal/billing-invoice-print-${language}.png` });
      await page.emulateMedia({ media: 'screen' });

      // The Billing page: the issued invoice in its period, with the period's totals.
      await page
        .getByRole('navigation', { name: /^(Main|主選單)$/ })
        .getByRole('link', { name: words.billing })
        .click();
      await page.getByLabel(words.period, { exact: true }).selectOption(issued.periodStart);
      const periodInvoices = page.getByTestId('period-invoices');
      await expect
        .poll(() => periodInvoices.locator(`[data-invoice-id="${issued.id}"]`).innerText())
        .toContain(money(issued.total, issued.currency, language));
      await shot(page, `billing-period-${language}`);
      expect(pageErrors).toEqual([]);
      await page.context().close();
    }, 120_000);
  }
});
