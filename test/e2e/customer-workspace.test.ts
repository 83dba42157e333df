/**
 * A customer's page and accounts in a real browser against the real server, in English and
 * 繁體中文, on a desktop and at phone width (390 px): editing a customer (a taken domain refused on
 * its field), the subscription list with an add-on under its base, adding a customer user and
 * assigning them the last license, and an admin's password reset followed by the forced change
 * at the next sign-in. Screenshots go to test-results/portal/workspace-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, reportMissingChromium, usePortal } from './harness.js';

reportMissingChromium('test/e2e/customer-workspace.test.ts');

interface Customer {
  id: string;
  companyName: string;
  domain: string;
  billingProfile: { firstName: string; email: string };
}
interface Order {
  lineItems: { subscriptionId: string }[];
}
interface Session {
  user: { email: string; mustChangePassword: boolean };
}

const CASES = [
  {
    locale: 'en-US',
    width: 1280,
    words: {
      edit: 'Edit customer',
      companyName: 'Company name',
      domain: 'Domain',
      firstName: 'First name',
      save: 'Save',
      domainTaken: 'You already have a customer with this domain.',
      saved: (name: string) => `${name} saved.`,
      subscriptions: 'Subscriptions',
      licensesColumn: 'Licenses (assigned / purchased)',
      addUser: 'Add user',
      email: 'Email',
      displayName: 'Display name',
      added: (name: string) => `${name} was added.`,
      usersTable: 'Users and licenses',
      licensesTable: 'Licenses',
      assignFor: (name: string) => `Assign licenses of ${name}`,
      licenseFor: (name: string, email: string) => `License for ${name} (${email})`,
      summary: (assigned: number, quantity: number) =>
        `${assigned} of ${quantity} licenses assigned.`,
      noneLeft: 'Every license is assigned.',
      close: 'Close',
      users: 'Users',
      resetFor: (name: string) => `Reset password for ${name}`,
      resetConfirm: 'Reset password',
      resetDone: (name: string) => `The password of ${name} was reset.`,
      temporary: 'Temporary password',
      signIn: 'Sign in',
      emailLabel: 'Email',
      passwordLabel: 'Password',
      chooseNew: 'Choose a new password',
      current: /^Current password/,
      fresh: /^New password/,
      confirm: /^Confirm the new password/,
      change: 'Change password',
      unchanged: 'Choose a password other than your current one.',
    },
  },
  {
    locale: 'zh-TW',
    width: 390,
    words: {
      edit: '編輯客戶',
      companyName: '公司名稱',
      domain: '網域',
      firstName: '名字',
      save: '儲存',
      domainTaken: '您已有使用此網域的客戶。',
      saved: (name: string) => `已儲存 ${name}。`,
      subscriptions: '訂閱',
      licensesColumn: '授權（已指派 / 已購買）',
      addUser: '新增使用者',
      email: '電子郵件',
      displayName: '顯示名稱',
      added: (name: string) => `已新增 ${name}。`,
      usersTable: '使用者與授權',
      licensesTable: '授權',
      assignFor: (name: string) => `指派授權：${name}`,
      licenseFor: (name: string, email: string) => `${name}（${email}）的授權`,
      summary: (assigned: number, quantity: number) =>
        `已指派 ${assigned} 個授權，共 ${quantity} 個。`,
      noneLeft: '所有授權皆已指派。',
      close: '關閉',
      users: '使用者',
      resetFor: (name: string) => `重設密碼：${name}`,
      resetConfirm: '重設密碼',
      resetDone: (name: string) => `已重設 ${name} 的密碼。`,
      temporary: '臨時密碼',
      signIn: '登入',
      emailLabel: '電子郵件',
      passwordLabel: '密碼',
      chooseNew: '設定新密碼',
      current: /^目前的密碼/,
      fresh: /^新密碼/,
      confirm: /^確認新密碼/,
      change: '變更密碼',
      unchanged: '請選擇與目前密碼不同的密碼。',
    },
  },
] as const;

describe.skipIf(!hasChromium)('a customer’s workspace and accounts in chromium', () => {
  const { url, newPage, shot, signIn, api, pageErrors } = usePortal();

  /** A customer made through the API, with a domain no other test uses. */
  const newCustomer = (page: Page, name: string, domain: string) =>
    api(page, 'POST', '/v1/customers', {
      companyName: name,
      domain,
      country: 'US',
      segment: 'commercial',
      billingProfile: {
        firstName: 'Ana',
        lastName: 'Ruiz',
        email: `billing@${domain}`,
        address: { line1: '1 Main St', city: 'Seattle', postalCode: '98101', country: 'US' },
      },
    }) as Promise<Customer>;

  /** The toast that confirms a change (its words are also announced by a live region). */
  const toast = (page: Page, text: string) =>
    page.locator('.fui-ToastTitle').filter({ hasText: text });

  /** The page never scrolls sideways: wide tables scroll in their own box. */
  const fitsWidth = async (page: Page) =>
    (await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')) === true;

  for (const { locale, width, words } of CASES) {
    const tag = `${locale}-${width}`;

    it(`edits a customer and refuses a taken domain (${tag})`, async () => {
      const page = await newPage(locale);
      await page.setViewportSize({ width, height: 900 });
      await signIn(page);
      await page.waitForURL('**/customers');
      const customer = await newCustomer(
        page,
        `Contoso ${tag}`,
        `contoso-${tag}.example`.toLowerCase(),
      );
      const other = await newCustomer(
        page,
        `Fabrikam ${tag}`,
        `fabrikam-${tag}.example`.toLowerCase(),
      );

      await page.goto(url(`/customers/${customer.id}`));
      await page.getByRole('heading', { level: 1, name: customer.companyName }).waitFor();
      await page.getByRole('button', { name: words.edit }).click();
      const dialog = page.getByRole('dialog');
      const renamed = `Contoso Renamed ${tag}`;
      await dialog.getByRole('textbox', { name: words.companyName }).fill(renamed);
      await dialog.getByRole('textbox', { name: words.firstName }).fill('Beatriz');
      const domain = dialog.getByRole('textbox', { name: words.domain });
      await domain.fill(other.domain.toUpperCase());

      // Another customer's domain: 409, said on the domain field, and nothing changes.
      const [refused] = await Promise.all([
        page.waitForResponse(
          (r) =>
            r.url().endsWith(`/v1/customers/${customer.id}`) && r.request().method() === 'PATCH',
        ),
        dialog.getByRole('button', { name: words.save, exact: true }).click(),
      ]);
      expect(refused.status()).toBe(409);
      expect(((await refused.json()) as { code: string }).code).toBe('customer_domain_taken');
      await dialog.getByText(words.domainTaken).waitFor();
      expect(await domain.getAttribute('aria-invalid')).toBe('true');
      expect(await api(page, 'GET', `/v1/customers/${customer.id}`)).toMatchObject({
        companyName: customer.companyName,
        domain: customer.domain,
      });
      await shot(page, `workspace-edit-refused-${tag}`);

      // A free domain: saved, with a toast, and the page shows the new name and contact.
      const freeDomain = `contoso-renamed-${tag}.example`.toLowerCase();
      await domain.fill(freeDomain);
      const [saved] = await Promise.all([
        page.waitForResponse(
          (r) =>
            r.url().endsWith(`/v1/customers/${customer.id}`) && r.request().method() === 'PATCH',
        ),
        dialog.getByRole('button', { name: words.save, exact: true }).click(),
      ]);
      expect(saved.status()).toBe(200);
      await toast(page, words.saved(renamed)).waitFor();
      await expect.poll(() => dialog.count()).toBe(0);
      await page.getByRole('heading', { level: 1, name: renamed }).waitFor();
      expect(await page.getByTestId('customer-summary').innerText()).toContain(freeDomain);
      expect(await page.getByTestId('billing-contact').innerText()).toContain('Beatriz Ruiz');
      const stored = (await api(page, 'GET', `/v1/customers/${customer.id}`)) as Customer;
      expect(stored).toMatchObject({ companyName: renamed, domain: freeDomain });
      expect(stored.billingProfile).toMatchObject({
        firstName: 'Beatriz',
        email: `billing@${customer.domain}`,
      });
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, `workspace-edited-${tag}`);
      expect(pageErrors).toEqual([]);
    });

    it(`nests an add-on, adds a user and assigns the last license (${tag})`, async () => {
      const page = await newPage(locale);
      await page.setViewportSize({ width, height: 900 });
      await signIn(page);
      await page.waitForURL('**/customers');
      const customer = await newCustomer(
        page,
        `Northwind ${tag}`,
        `northwind-${tag}.example`.toLowerCase(),
      );
      const orders = `/v1/customers/${customer.id}/orders`;
      const base = (await api(page, 'POST', orders, {
        billingCycle: 'monthly',
        lineItems: [{ offerId: 'mail-basic', quantity: 1, friendlyName: 'Mailboxes' }],
      })) as Order;
      const baseId = base.lineItems[0]!.subscriptionId;
      const addOn = (await api(page, 'POST', orders, {
        billingCycle: 'monthly',
        lineItems: [{ offerId: 'mail-extra-storage', quantity: 50, parentSubscriptionId: baseId }],
      })) as Order;
      const addOnId = addOn.lineItems[0]!.subscriptionId;
      // An earlier user, who will find no license left.
      await api(page, 'POST', `/v1/customers/${customer.id}/users`, {
        email: 'adele@northwind.example',
        displayName: 'Adele Vance',
      });

      await page.goto(url(`/customers/${customer.id}`));
      const subscriptions = page.getByRole('table', { name: words.subscriptions, exact: true });
      await subscriptions.locator(`[data-subscription-id="${addOnId}"]`).waitFor();
      // The add-on is the row right after its base.
      const order = await Promise.all(
        (await subscriptions.locator('tbody tr').all()).map((row) =>
          row.getAttribute('data-subscription-id'),
        ),
      );
      expect(order.indexOf(addOnId)).toBe(order.indexOf(baseId) + 1);
      // Sorting works from the keyboard, and says which way it sorts.
      const licensesHeader = subscriptions.getByRole('columnheader', {
        name: words.licensesColumn,
      });
      expect(await licensesHeader.getAttribute('aria-sort')).toBe('none');
      await licensesHeader.getByRole('button').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => licensesHeader.getAttribute('aria-sort')).toBe('ascending');
      const baseRow = subscriptions.locator(`[data-subscription-id="${baseId}"]`);
      expect(await baseRow.innerText()).toContain('0 / 1');

      // A new user of the customer, through the form.
      await page.getByRole('button', { name: words.addUser }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: words.email }).fill('megan@northwind.example');
      await dialog.getByRole('textbox', { name: words.displayName }).fill('Megan Bowen');
      const [created] = await Promise.all([
        page.waitForResponse(
          (r) =>
            r.url().endsWith(`/v1/customers/${customer.id}/users`) &&
            r.request().method() === 'POST',
        ),
        dialog.getByRole('button', { name: words.addUser }).click(),
      ]);
      expect(created.status()).toBe(201);
      const megan = (await created.json()) as { id: string };
      await toast(page, words.added('Megan Bowen')).waitFor();
      await page
        .getByRole('table', { name: words.usersTable })
        .getByRole('row', { name: /Megan Bowen/ })
        .waitFor();

      // Megan gets the one license; then none is left for Adele, and the dialog says so.
      await page.getByRole('button', { name: words.assignFor('Mailboxes') }).click();
      await dialog.getByText(words.summary(0, 1)).waitFor();
      const [assigned] = await Promise.all([
        page.waitForResponse(
          (r) =>
            r.url().endsWith(`/subscriptions/${baseId}/licenses`) &&
            r.request().method() === 'POST',
        ),
        dialog
          .getByRole('checkbox', {
            name: words.licenseFor('Megan Bowen', 'megan@northwind.example'),
          })
          // click, not check: the box shows its new state only once the API has answered.
          .click(),
      ]);
      expect(assigned.status()).toBe(201);
      await dialog.getByText(words.summary(1, 1)).waitFor();
      await dialog.getByText(words.noneLeft).waitFor();
      expect(
        await dialog
          .getByRole('checkbox', {
            name: words.licenseFor('Adele Vance', 'adele@northwind.example'),
          })
          .isDisabled(),
      ).toBe(true);
      await shot(page, `workspace-licenses-${tag}`);
      await dialog.getByRole('button', { name: words.close }).click();
      await expect.poll(() => dialog.count()).toBe(0);
      await expect.poll(() => baseRow.innerText()).toContain('1 / 1');
      const licenses = page.getByRole('table', { name: words.licensesTable, exact: true });
      await expect
        .poll(() => licenses.locator(`[data-license-subscription-id="${baseId}"]`).innerText())
        .toContain('1 / 1');
      const holders = (await api(
        page,
        'GET',
        `/v1/customers/${customer.id}/subscriptions/${baseId}/licenses`,
      )) as {
        items: { userId: string }[];
      };
      expect(holders.items.map((item) => item.userId)).toEqual([megan.id]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, `workspace-customer-${tag}`);
      expect(pageErrors).toEqual([]);
    });

    it(`makes a user replace the password an admin reset (${tag})`, async () => {
      const page = await newPage(locale);
      await page.setViewportSize({ width, height: 900 });
      await signIn(page);
      await page.waitForURL('**/customers');
      const email = `reset-${tag}@demo-partner.example`.toLowerCase();
      const name = `Riley ${tag}`;
      await api(page, 'POST', '/v1/users', {
        email,
        displayName: name,
        role: 'sales_agent',
        password: 'a password Riley chose once',
      });

      // The admin resets it: confirmed first, then the temporary password shown once.
      await page.goto(url('/users'));
      await page.getByRole('heading', { level: 1, name: words.users }).waitFor();
      await page.getByRole('button', { name: words.resetFor(name) }).click();
      const [reset] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/password-reset')),
        page.getByRole('dialog').getByRole('button', { name: words.resetConfirm }).click(),
      ]);
      expect(reset.status()).toBe(200);
      const answer = (await reset.json()) as { temporaryPassword: string };
      const temporary = await page.getByRole('textbox', { name: words.temporary }).inputValue();
      expect(temporary).toBe(answer.temporaryPassword);
      await toast(page, words.resetDone(name)).waitFor();
      await shot(page, `workspace-reset-${tag}`);
      // Signed out (at phone width the header's button sits in a menu): a fresh browser.
      await page.context().clearCookies();

      // Signing in with it on the way to a search: the new-password screen comes first, and on
      // every other page too.
      await page.goto(url('/customers?q=Contoso'));
      await page.getByRole('heading', { name: words.signIn }).waitFor();
      await page.getByLabel(words.emailLabel).fill(email);
      await page.getByLabel(words.passwordLabel).fill(temporary);
      await page.getByRole('button', { name: words.signIn, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: words.chooseNew }).waitFor();
      expect(((await api(page, 'GET', '/v1/session')) as Session).user.mustChangePassword).toBe(
        true,
      );
      await page.goto(url('/pricing'));
      await page.getByRole('heading', { level: 1, name: words.chooseNew }).waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, `workspace-forced-change-${tag}`);

      // The temporary password cannot be kept.
      await page.getByLabel(words.current).fill(temporary);
      await page.getByLabel(words.fresh).fill(temporary);
      await page.getByLabel(words.confirm).fill(temporary);
      await page.getByRole('button', { name: words.change }).click();
      await page.getByText(words.unchanged).waitFor();

      const chosen = `Riley's own long passphrase ${tag}`;
      await page.getByLabel(words.fresh).fill(chosen);
      await page.getByLabel(words.confirm).fill(chosen);
      const [changed] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/v1/session/password')),
        page.getByRole('button', { name: words.change }).click(),
      ]);
      expect(changed.ok()).toBe(true);
      // Then the page they were going to.
      await page.getByRole('heading', { level: 1, name: /Pricing|價格/ }).waitFor();
      expect(page.url()).toBe(url('/pricing'));
      expect(((await api(page, 'GET', '/v1/session')) as Session).user.mustChangePassword).toBe(
        false,
      );
      await shot(page, `workspace-after-change-${tag}`);
      expect(pageErrors).toEqual([]);
    });
  }
});
