/**
 * The portal in a real browser (Debian's chromium driven by playwright-core) against the real
 * server on a fresh SQLite file: the seed's flow in English, and a run in 繁體中文.
 * Screenshots of every page go to test-results/portal/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const PASSWORD = 'portal-test-password-1';
const ADMIN = 'admin@demo-partner.example';
const SHOTS = join('test-results', 'portal');
const hasChromium = existsSync(CHROMIUM);
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

if (!hasChromium) {
  process.stderr.write(
    `\nSKIPPED test/e2e/portal.test.ts: no browser at ${CHROMIUM}. ` +
      'Install it with `apt-get install -y chromium` (.ci/run does).\n\n',
  );
}

/** The newest modification time under a path. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Builds the portal unless web/dist is newer than its sources. */
function buildPortal(): void {
  const built = 'web/dist/index.html';
  const sources = Math.max(
    newest('web/src'),
    newest('web/index.html'),
    newest('web/vite.config.ts'),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', 'web'], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}${result.stderr}`);
}

interface AxeResults {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

interface Server {
  child: ChildProcess;
  url: string;
}

async function startServer(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'psc-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'psc.sqlite')}`,
      PSC_BOOTSTRAP_PASSWORD: PASSWORD,
      PSC_SCHEDULER: 'off',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 300; i += 1) {
    const match = /Portal and API: +(http:\/\/\S+)/.exec(output);
    if (match?.[1]) return { child, url: match[1] };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`the server did not start:\n${output}`);
}

/** The date as the portal shows it in English (dateStyle long, UTC). */
function englishDate(instant: string): string {
  return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(instant),
  );
}

describe.skipIf(!hasChromium)('the portal in chromium', () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  const url = (path = '') => `${server!.url}${path}`;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    buildPortal();
    server = await startServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    const child = server?.child;
    if (child) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  async function newPage(locale: string): Promise<Page> {
    const context = await browser!.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    onTestFailed(async () => {
      await page.screenshot({ path: join(SHOTS, `failed-${locale}.png`), fullPage: true });
      process.stderr.write(
        `page at failure: ${page.url()}\n${await page.locator('body').innerText()}\n`,
      );
    });
    return page;
  }

  /** Saves a screenshot, and checks the page with axe-core: no serious or critical violation. */
  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (
        globalThis as unknown as { axe: { run: (context: unknown) => Promise<AxeResults> } }
      ).axe;
      // Fluent's focus manager (tabster) puts invisible focus sentinels around the tab list that
      // pass focus straight on; axe reads them as focusable aria-hidden elements.
      const results = await axe.run({ exclude: [['[data-tabster-dummy]']] });
      return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations, `accessibility of ${name}`).toEqual([]);
  }

  async function signIn(page: Page): Promise<void> {
    await page.goto(url('/customers'));
    await page.getByRole('heading', { name: /Sign in|登入/ }).waitFor();
    await page.getByLabel(/Email|電子郵件/).fill(ADMIN);
    await page.getByLabel(/Password|密碼/).fill(PASSWORD);
    await page.getByRole('button', { name: /^(Sign in|登入)$/ }).click();
  }

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
      `If not reactivated, it expires on ${englishDate(suspended.expiresAt)} and its data is deleted.`,
    );
    await expect
      .poll(() => page.getByTestId('expiry').innerText())
      .toContain(`Expires on ${englishDate(suspended.expiresAt)} unless reactivated.`);
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
