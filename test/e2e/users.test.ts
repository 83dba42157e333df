/**
 * The Users page and the Account page in a real browser against the real server: a global admin
 * invites a sales agent, who signs in with the temporary password, must change it first, and is disabled;
 * and the Users page in 繁體中文. Screenshots go to test-results/portal/users-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, hasChromium, reportMissingChromium, shownDate, usePortal } from './harness.js';

reportMissingChromium('test/e2e/users.test.ts');

interface ListedUser {
  id: string;
  email: string;
  displayName: string;
  role: string;
  disabled: boolean;
  createdAt: string;
}

const ROLE_WORDS: Record<string, string> = {
  global_admin: 'Global admin',
  admin_agent: 'Admin agent',
  sales_agent: 'Sales agent',
  helpdesk_agent: 'Helpdesk agent',
  billing_admin: 'Billing admin',
};

const SALES = 'sam.sales@demo-partner.example';
const NEW_PASSWORD = 'a long passphrase only Sam knows';

describe.skipIf(!hasChromium)('users and account in chromium', () => {
  const { url, newPage, shot, signIn, pageErrors } = usePortal();

  const signOut = async (page: Page) => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  };
  const nav = (page: Page) => page.getByRole('navigation', { name: /^(Main|主選單)$/ });
  /** Opens the Users page from the header; what the API listed. */
  const openUsers = async (page: Page, title = 'Users') => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/v1/users') && r.request().method() === 'GET'),
      nav(page).getByRole('link', { name: title }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    return ((await response.json()) as { items: ListedUser[] }).items;
  };
  const row = (page: Page, email: string, title = 'Users') =>
    page.getByRole('table', { name: title }).getByRole('row').filter({ hasText: email });

  it('invites a sales agent who signs in, changes their password, and is disabled', async () => {
    const page = await newPage('en-US');
    await signIn(page);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();

    // The table shows what the API answered, row by row.
    const listed = await openUsers(page);
    const table = page.getByRole('table', { name: 'Users' });
    await expect.poll(() => table.getByRole('row').count()).toBe(listed.length + 1);
    for (const user of listed) {
      const text = await table.locator(`[data-user-id="${user.id}"]`).innerText();
      expect(text).toContain(user.displayName);
      expect(text).toContain(user.email);
      expect(text).toContain(ROLE_WORDS[user.role]);
      expect(text).toContain(user.disabled ? 'Disabled' : 'Active');
      expect(text).toContain(shownDate(user.createdAt));
    }
    // One's own row cannot lose its access, not even through the edit dialog.
    const adminRow = row(page, ADMIN);
    expect(await adminRow.innerText()).toContain('You');
    expect(await adminRow.getByRole('button', { name: /^Disable/ }).isDisabled()).toBe(true);
    await adminRow.getByRole('button', { name: /^Edit/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('You cannot change your own role').waitFor();
    expect(await dialog.getByRole('radio', { name: 'Global admin' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await shot(page, 'users-list');

    // Inviting with an email that is taken shows the refusal, in words.
    await page.getByRole('button', { name: 'Invite user' }).click();
    await dialog.getByLabel('Email').fill(ADMIN);
    await dialog.getByLabel('Display name').fill('Sam Sales');
    await dialog.getByRole('radio', { name: 'Sales agent' }).check();
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await dialog.getByText('A user with this email already exists.').waitFor();
    await shot(page, 'users-invite-refused');

    // Without a password: the API makes one, and the page shows it once.
    await dialog.getByLabel('Email').fill(SALES);
    const [inviteResponse] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/v1/users') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: 'Invite', exact: true }).click(),
    ]);
    expect(inviteResponse.status()).toBe(201);
    const invited = (await inviteResponse.json()) as {
      user: ListedUser;
      temporaryPassword: string;
    };
    expect(invited.user).toMatchObject({ email: SALES, role: 'sales_agent', disabled: false });
    const temporaryPassword = await page
      .getByRole('textbox', { name: 'Temporary password' })
      .inputValue();
    expect(temporaryPassword).toBe(invited.temporaryPassword);
    await page.getByText('it will not be shown again').waitFor();
    await expect.poll(() => row(page, SALES).innerText()).toContain('Sales agent');
    expect(await row(page, SALES).innerText()).toContain('Active');
    await shot(page, 'users-invited');
    await signOut(page);

    // The sales agent signs in with it: before anything else, they choose their own password.
    await signIn(page, SALES, temporaryPassword);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    const current = page.getByLabel(/^Current password/);
    const fresh = page.getByLabel(/^New password/);
    const confirm = page.getByLabel(/^Confirm the new password/);
    const submit = page.getByRole('button', { name: 'Change password' });

    // Checked before asking the API: length, and the confirmation.
    await current.fill(temporaryPassword);
    await fresh.fill('too short');
    await confirm.fill('something else');
    await submit.click();
    await page.getByText('Use at least 12 characters.').waitFor();
    await page.getByText('This is not the same as the new password.').waitFor();

    // The API refuses a wrong current password.
    await current.fill('not the current password');
    await fresh.fill(NEW_PASSWORD);
    await confirm.fill(NEW_PASSWORD);
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/v1/session/password')),
      submit.click(),
    ]);
    expect(refused.status()).toBe(401);
    await page.getByRole('alert').getByText('The current password is not right.').waitFor();

    await current.fill(temporaryPassword);
    const [changed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/v1/session/password')),
      submit.click(),
    ]);
    expect(changed.status()).toBe(204);

    // Then the page they were going to: no Users in the nav, and /users says why.
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    expect(await nav(page).getByRole('link', { name: 'Customers' }).count()).toBe(1);
    expect(await nav(page).getByRole('link', { name: 'Users' }).count()).toBe(0);
    await page.goto(url('/users'));
    await page.getByText('You may not manage users; ask a global admin.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);

    // The Account page, from the header.
    await page.getByRole('link', { name: 'Signed in as Sam Sales' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    const details = await page.getByTestId('account-details').innerText();
    for (const shown of ['Sam Sales', SALES, 'Sales agent']) expect(details).toContain(shown);
    await shot(page, 'users-account');
    await signOut(page);
    await signIn(page, SALES, NEW_PASSWORD);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    await signOut(page);

    // Back as the admin: disable the sales agent, after confirming.
    await signIn(page);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    await openUsers(page);
    // Change the role and the name, through the edit dialog.
    await row(page, SALES).getByRole('button', { name: 'Edit Sam Sales' }).click();
    await dialog.getByRole('radio', { name: 'Helpdesk agent' }).check();
    await dialog.getByLabel('Display name').fill('Sam Support');
    const [editResponse] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      dialog.getByRole('button', { name: 'Save' }).click(),
    ]);
    expect(editResponse.status()).toBe(200);
    expect(await editResponse.json()).toMatchObject({
      displayName: 'Sam Support',
      role: 'helpdesk_agent',
    });
    await page.getByText('Changes to Sam Support saved.').waitFor();
    await expect.poll(() => row(page, SALES).innerText()).toContain('Helpdesk agent');
    expect(await row(page, SALES).innerText()).toContain('Sam Support');

    await row(page, SALES).getByRole('button', { name: 'Disable Sam Support' }).click();
    await dialog.getByText('is signed out at once').waitFor();
    const [disableResponse] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      dialog.getByRole('button', { name: 'Disable', exact: true }).click(),
    ]);
    expect(disableResponse.status()).toBe(200);
    expect(await disableResponse.json()).toMatchObject({ email: SALES, disabled: true });
    await page.getByText('Sam Support is disabled.').waitFor();
    await expect.poll(() => row(page, SALES).innerText()).toContain('Disabled');
    await row(page, SALES).getByRole('button', { name: 'Enable Sam Support' }).waitFor();
    await expect.poll(() => page.locator('#root').getAttribute('aria-hidden')).toBe(null);
    await signOut(page);

    // A disabled user cannot sign in any more.
    await signIn(page, SALES, NEW_PASSWORD);
    await page.getByText('The email or the password is not right.').waitFor();
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('shows the Users page in 繁體中文', async () => {
    const page = await newPage('en-US');
    await signIn(page);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    await page.getByLabel('Language').selectOption('zh-TW');
    const listed = await openUsers(page, '使用者');
    const admin = listed.find((user) => user.email === ADMIN);
    const adminRow = row(page, ADMIN, '使用者');
    await expect.poll(() => adminRow.innerText()).toContain('全域管理員');
    expect(await adminRow.innerText()).toContain('啟用中');
    expect(await adminRow.innerText()).toContain(shownDate(admin!.createdAt, 'zh-TW'));
    expect(await page.getByRole('button', { name: '邀請使用者' }).count()).toBe(1);
    await shot(page, 'users-zh-TW');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
