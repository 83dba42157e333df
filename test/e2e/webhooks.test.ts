/**
 * The Webhooks page in a real browser, in English and in 繁體中文, against the real server and a
 * real receiver on 127.0.0.1: an endpoint is created and its secret shown once and copied, a test
 * event is delivered and signed with that secret, a receiver that answers 500 gets a failed
 * delivery that is delivered again, and the endpoint is edited, its secret rotated, disabled and
 * deleted. Screenshots go to test-results/portal/webhooks-*.png.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, reportMissingChromium, usePortal } from './harness.js';

reportMissingChromium('test/e2e/webhooks.test.ts');

/** Endpoints may be on 127.0.0.1 over http, and a failed attempt is retried after a second. */
const WEBHOOK_ENV = { PSC_WEBHOOK_ALLOW_PRIVATE: 'true', PSC_WEBHOOK_RETRY_DELAYS: '1s,1s' };
/** Three attempts in all: the first and one after each delay. */
const ATTEMPTS = 3;

const LANGUAGES = [
  {
    locale: 'en-US',
    language: 'en',
    words: {
      nav: 'Webhooks',
      title: 'Webhooks',
      empty: 'No endpoints yet.',
      newEndpoint: 'New endpoint',
      url: 'URL',
      description: 'Description (optional)',
      urlRequired: 'Enter the URL.',
      some: 'Only the events I choose',
      all: 'All events, including ones added later',
      noneChosen: 'Choose at least one event, or All events.',
      suspended: /^Subscription suspended/,
      create: 'Create endpoint',
      secret: 'Signing secret',
      notAgain: 'it will not be shown again',
      copy: 'Copy',
      copied: 'Copied to the clipboard.',
      done: 'Done',
      show: (url: string) => `Show ${url}`,
      enabled: 'Enabled',
      disabled: 'Disabled',
      oneEvent: '1 event: Subscription suspended',
      allEvents: 'All events',
      test: 'Send test event',
      tested: 'A test event is on its way',
      succeeded: 'Succeeded',
      failed: 'Failed',
      status: 'Status',
      http: (code: number) => `HTTP ${code}`,
      ms: ' ms',
      redeliver: 'Redeliver',
      edit: 'Edit',
      save: 'Save',
      saved: (url: string) => `Changes to ${url} saved.`,
      rotate: 'Rotate secret',
      rotatedNote: 'The old secret keeps signing beside it until',
      disable: 'Disable',
      delete: 'Delete',
      deleteEndpoint: 'Delete endpoint',
      deleted: (url: string) => `${url} was deleted.`,
    },
  },
  {
    locale: 'zh-TW',
    language: 'zh-TW',
    words: {
      nav: 'Webhook 通知',
      title: 'Webhook 通知',
      empty: '尚未有任何端點。',
      newEndpoint: '新增端點',
      url: 'URL 網址',
      description: '描述（選填）',
      urlRequired: '請輸入 URL 網址。',
      some: '只有我選擇的事件',
      all: '所有事件，包括日後新增的事件',
      noneChosen: '請至少選擇一個事件，或選擇「所有事件」。',
      suspended: /^訂閱已暫停/,
      create: '建立端點',
      secret: '簽署密鑰',
      notAgain: '此密鑰不會再次顯示',
      copy: '複製',
      copied: '已複製到剪貼簿。',
      done: '完成',
      show: (url: string) => `顯示 ${url}`,
      enabled: '已啟用',
      disabled: '已停用',
      oneEvent: '1 個事件：訂閱已暫停',
      allEvents: '所有事件',
      test: '傳送測試事件',
      tested: '測試事件正在傳送到',
      succeeded: '成功',
      failed: '失敗',
      status: '狀態',
      http: (code: number) => `HTTP 狀態碼 ${code}`,
      ms: ' 毫秒',
      redeliver: '重新傳送',
      edit: '編輯',
      save: '儲存',
      saved: (url: string) => `已儲存 ${url} 的變更。`,
      rotate: '輪替密鑰',
      rotatedNote: '舊密鑰仍會與新密鑰一起簽署',
      disable: '停用',
      delete: '刪除',
      deleteEndpoint: '刪除端點',
      deleted: (url: string) => `已刪除 ${url}。`,
    },
  },
] as const;

type Words = (typeof LANGUAGES)[number]['words'];

interface Endpoint {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  previousSecretExpiresAt: string | null;
  secret?: string;
}
interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: { statusCode: number | null }[];
}

/** What the receiver was sent: the Standard Webhooks headers and the body as it came. */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 that answers `status` and keeps what it was sent. */
function useReceiver() {
  const received: Received[] = [];
  const state = { status: 200, url: '' };
  let server: Server | undefined;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({
          path: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        response.writeHead(state.status, { 'content-type': 'text/plain' });
        response.end(state.status < 300 ? 'ok' : 'receiver is down');
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });
  return { received, state };
}

/**
 * A `psc worker` on the server's database: the harness runs the server with PSC_SCHEDULER=off,
 * so, as in a deployment with separate workers, this one delivers the webhooks.
 */
function useWorker(psc: (args: string[]) => string) {
  let worker: ChildProcess | undefined;
  let output = '';
  beforeAll(() => {
    // `psc migrate` names the database it runs on: the server's.
    const databaseUrl = /^(sqlite:\S+|postgres:\S+): /m.exec(psc(['migrate']))?.[1];
    if (!databaseUrl) throw new Error('psc migrate did not name the database');
    worker = spawn(process.execPath, ['bin/psc.js', 'worker'], {
      env: { ...process.env, ...WEBHOOK_ENV, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });
  afterAll(async () => {
    const child = worker;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });
  return { output: () => output };
}

/** Whether one of the `webhook-signature` header's signatures is the secret's (Standard Webhooks). */
function signedWith(secret: string, message: Received): boolean {
  const id = String(message.headers['webhook-id']);
  const timestamp = String(message.headers['webhook-timestamp']);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${message.body}`).digest();
  return String(message.headers['webhook-signature'])
    .split(' ')
    .map((signature) => Buffer.from(signature.replace(/^v1,/, ''), 'base64'))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
}

/** Runs in the page: what the clipboard holds. */
const readClipboard = () =>
  (
    globalThis as unknown as { navigator: { clipboard: { readText: () => Promise<string> } } }
  ).navigator.clipboard.readText();

describe.skipIf(!hasChromium)('the Webhooks page in chromium', () => {
  // Set before the harness starts the server (its beforeAll runs after this one), then put back.
  const before = Object.fromEntries(Object.keys(WEBHOOK_ENV).map((k) => [k, process.env[k]]));
  beforeAll(() => {
    Object.assign(process.env, WEBHOOK_ENV);
  });
  const { url, newPage, shot, signIn, api, psc, pageErrors } = usePortal();
  beforeAll(() => {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  });
  const receiver = useReceiver();
  const worker = useWorker(psc);

  const nav = (page: Page) => page.getByRole('navigation', { name: /^(Main|主選單)$/ });
  const endpointRow = (page: Page, id: string) =>
    page.getByTestId('endpoints').locator(`[data-endpoint-id="${id}"]`);
  const deliveryRow = (page: Page, id: string) =>
    page.getByTestId('deliveries').locator(`[data-delivery-id="${id}"]`);
  /** Waits for the API's answer to what `act` does. */
  async function answer(page: Page, method: string, path: RegExp, act: () => Promise<void>) {
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === method && path.test(new URL(r.url()).pathname),
      ),
      act(),
    ]);
    return response;
  }
  /** The receiver's requests for an event, once it has as many as `count`. */
  async function sent(eventId: string, count = 1): Promise<Received[]> {
    const matching = () => receiver.received.filter((r) => r.headers['webhook-id'] === eventId);
    await expect
      .poll(() => matching().length, {
        timeout: 15_000,
        message: `sent ${eventId}: ${worker.output()}`,
      })
      .toBeGreaterThanOrEqual(count);
    return matching();
  }
  /** Sends a test event from the page; the delivery the API answered. */
  async function sendTest(page: Page, words: Words): Promise<Delivery> {
    const response = await answer(page, 'POST', /\/test$/, () =>
      page.getByRole('button', { name: words.test }).click(),
    );
    expect(response.status()).toBe(202);
    await page.getByText(words.tested).waitFor();
    return (await response.json()) as Delivery;
  }
  const statusOf = (row: Locator) => row.locator('td').nth(1).innerText();

  for (const { locale, language, words } of LANGUAGES) {
    it(`creates, tests, redelivers, edits, rotates, disables and deletes an endpoint (${locale})`, async () => {
      const page = await newPage(locale);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: url(),
      });
      receiver.state.status = 200;
      await signIn(page);
      await nav(page).getByRole('link', { name: words.nav }).click();
      await page.getByRole('heading', { level: 1, name: words.title }).waitFor();

      // The form checks what it can before asking the API.
      await page.getByRole('button', { name: words.newEndpoint }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('radio', { name: words.some }).check();
      await dialog.getByRole('button', { name: words.create }).click();
      await dialog.getByText(words.urlRequired).waitFor();
      await dialog.getByText(words.noneChosen).waitFor();

      // The receiver's URL, and the events it wants.
      const hookUrl = `${receiver.state.url}/hooks/${language}`;
      await dialog.getByRole('textbox', { name: words.url }).fill(hookUrl);
      await dialog.getByRole('textbox', { name: words.description }).fill(`Billing ${language}`);
      if (language === 'en') {
        await dialog.getByRole('checkbox', { name: words.suspended }).check();
      } else {
        await dialog.getByRole('radio', { name: words.all }).check();
      }
      await shot(page, `webhooks-new-${language}`);
      const created = await answer(page, 'POST', /^\/v1\/webhooks$/, () =>
        dialog.getByRole('button', { name: words.create }).click(),
      );
      expect(created.status()).toBe(201);
      const endpoint = (await created.json()) as Endpoint;
      expect(endpoint).toMatchObject({
        url: hookUrl,
        description: `Billing ${language}`,
        eventTypes: language === 'en' ? ['subscription.suspended'] : ['*'],
        enabled: true,
      });
      const secret = endpoint.secret!;
      expect(secret).toMatch(/^whsec_/);

      // The secret, shown once, with a warning, and copied to the clipboard.
      const secretBar = page.getByTestId('webhook-secret');
      expect(await secretBar.getByRole('textbox', { name: words.secret }).inputValue()).toBe(
        secret,
      );
      await secretBar.getByText(words.notAgain).waitFor();
      await secretBar.getByRole('button', { name: words.copy }).click();
      await secretBar.getByText(words.copied).waitFor();
      expect(await page.evaluate(readClipboard)).toBe(secret);

      // The new endpoint is listed, chosen, and its details shown.
      const row = endpointRow(page, endpoint.id);
      await expect.poll(() => row.innerText()).toContain(hookUrl);
      const rowText = await row.innerText();
      expect(rowText).toContain(`Billing ${language}`);
      expect(rowText).toContain(words.enabled);
      expect(rowText).toContain(language === 'en' ? words.oneEvent : words.allEvents);
      expect(
        await row.getByRole('button', { name: words.show(hookUrl) }).getAttribute('aria-current'),
      ).toBe('true');
      await page.getByTestId('endpoint-details').getByText(hookUrl).waitFor();
      await shot(page, `webhooks-created-${language}`);
      await secretBar.getByRole('button', { name: words.done }).click();
      await expect.poll(() => secretBar.count()).toBe(0);
      // Never again: not after a reload, not in what the API lists.
      await page.reload();
      await page.getByTestId('endpoint-details').getByText(hookUrl).waitFor();
      expect(await page.locator('body').innerText()).not.toContain(secret);
      expect(JSON.stringify(await api(page, 'GET', '/v1/webhooks'))).not.toContain(secret);

      // A test event: delivered, signed with the secret, and shown as succeeded.
      const test = await sendTest(page, words);
      expect(test.eventType).toBe('webhook.test');
      const [message] = await sent(test.eventId);
      expect(message!.path).toBe(`/hooks/${language}`);
      expect(JSON.parse(message!.body)).toMatchObject({ type: 'webhook.test' });
      expect(signedWith(secret, message!)).toBe(true);
      const testRow = deliveryRow(page, test.id);
      await expect.poll(() => statusOf(testRow), { timeout: 15_000 }).toBe(words.succeeded);
      const testText = await testRow.innerText();
      expect(testText).toContain(test.eventId);
      expect(testText).toContain(words.http(200));
      expect(testText).toMatch(new RegExp(`\\d${words.ms}`));

      // The receiver fails: each attempt shows its 500, until the delivery has failed.
      receiver.state.status = 500;
      const failing = await sendTest(page, words);
      const failingRow = deliveryRow(page, failing.id);
      await expect
        .poll(() => failingRow.innerText(), { timeout: 15_000 })
        .toContain(words.http(500));
      await expect.poll(() => statusOf(failingRow), { timeout: 20_000 }).toBe(words.failed);
      expect(await failingRow.getByTestId('attempt').count()).toBe(ATTEMPTS);
      await sent(failing.eventId, ATTEMPTS);
      // Only the failed one with that filter.
      await page.getByRole('combobox', { name: words.status }).selectOption('failed');
      await expect.poll(() => page.getByTestId('deliveries').locator('tbody tr').count()).toBe(1);
      expect(await deliveryRow(page, failing.id).count()).toBe(1);
      await shot(page, `webhooks-failed-${language}`);
      await page.getByRole('combobox', { name: words.status }).selectOption('');
      await deliveryRow(page, test.id).waitFor();

      // It answers again: Redeliver, and the same event arrives and succeeds.
      receiver.state.status = 200;
      const redelivered = await answer(page, 'POST', /\/redeliver$/, () =>
        failingRow.getByRole('button', { name: new RegExp(`^${words.redeliver}`) }).click(),
      );
      expect(redelivered.status()).toBe(202);
      await expect.poll(() => statusOf(failingRow), { timeout: 15_000 }).toBe(words.succeeded);
      const again = await sent(failing.eventId, ATTEMPTS + 1);
      expect(again.at(-1)!.headers['webhook-id']).toBe(failing.eventId);
      expect(await failingRow.innerText()).toContain(words.http(200));
      await shot(page, `webhooks-deliveries-${language}`);

      // Edit: a new description.
      const details = page.getByTestId('endpoint-details');
      await details.getByRole('button', { name: words.edit }).click();
      await dialog.getByRole('textbox', { name: words.description }).fill(`Invoices ${language}`);
      const edited = await answer(page, 'PATCH', /^\/v1\/webhooks\/[^/]+$/, () =>
        dialog.getByRole('button', { name: words.save }).click(),
      );
      expect(edited.status()).toBe(200);
      expect(await edited.json()).toMatchObject({ description: `Invoices ${language}` });
      await page.getByText(words.saved(hookUrl)).waitFor();
      await expect.poll(() => row.innerText()).toContain(`Invoices ${language}`);

      // Rotate the secret, after a confirmation: a new one, shown once, and the old one's end.
      await details.getByRole('button', { name: words.rotate }).click();
      const rotated = await answer(page, 'POST', /\/rotate-secret$/, () =>
        dialog.getByRole('button', { name: words.rotate }).click(),
      );
      expect(rotated.status()).toBe(200);
      const withNewSecret = (await rotated.json()) as Endpoint;
      expect(withNewSecret.secret).toMatch(/^whsec_/);
      expect(withNewSecret.secret).not.toBe(secret);
      expect(withNewSecret.previousSecretExpiresAt).not.toBeNull();
      expect(await secretBar.getByRole('textbox', { name: words.secret }).inputValue()).toBe(
        withNewSecret.secret,
      );
      await secretBar.getByText(words.rotatedNote).waitFor();
      await shot(page, `webhooks-rotated-${language}`);
      await secretBar.getByRole('button', { name: words.done }).click();

      // Disable: listed as disabled by a person.
      const disabled = await answer(page, 'PATCH', /^\/v1\/webhooks\/[^/]+$/, () =>
        details.getByRole('button', { name: words.disable, exact: true }).click(),
      );
      expect(await disabled.json()).toMatchObject({ enabled: false, disabledReason: 'manual' });
      await expect.poll(() => row.locator('td').nth(2).innerText()).toBe(words.disabled);

      // Delete, after a confirmation: gone from the page and from the API.
      await details.getByRole('button', { name: words.delete, exact: true }).click();
      const deleted = await answer(page, 'DELETE', /^\/v1\/webhooks\/[^/]+$/, () =>
        dialog.getByRole('button', { name: words.deleteEndpoint }).click(),
      );
      expect(deleted.status()).toBe(204);
      await page.getByText(words.deleted(hookUrl)).waitFor();
      await expect.poll(() => row.count()).toBe(0);
      await page.getByText(words.empty).waitFor();
      expect(await page.getByTestId('endpoint-details').count()).toBe(0);
      const left = (await api(page, 'GET', '/v1/webhooks')) as { items: Endpoint[] };
      expect(left.items.map((item) => item.id)).not.toContain(endpoint.id);
      expect(pageErrors).toEqual([]);
      await page.context().close();
    }, 120_000);
  }
});
