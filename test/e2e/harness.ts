/**
 * What every browser test needs: the built portal, the real server on a fresh SQLite file, and
 * Debian's chromium driven by playwright-core. Screenshots go to test-results/portal/, each page
 * checked with axe-core on the way.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed } from 'vitest';
import { CHROMIUM, CHROMIUM_LAUNCH, hasChromium } from './chromium.js';
import { PORTAL_DIR } from '../setup/portal.js';

export const PASSWORD = 'portal-test-password-1';
export const ADMIN = 'admin@demo-partner.example';
const SHOTS = join('test-results', 'portal');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export { hasChromium };

/** Says once, loudly, why a browser test file is skipped. */
export function reportMissingChromium(file: string): void {
  if (hasChromium) return;
  process.stderr.write(
    `\nSKIPPED ${file}: no browser at ${CHROMIUM}. ` +
      'Install it with `apt-get install -y chromium` (.ci/run does).\n\n',
  );
}

interface AxeResults {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

interface Server {
  child: ChildProcess;
  url: string;
  dir: string;
  databaseUrl: string;
}

async function startServer(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'psc-e2e-'));
  const databaseUrl = `sqlite:${join(dir, 'psc.sqlite')}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      PSC_BOOTSTRAP_PASSWORD: PASSWORD,
      PSC_SCHEDULER: 'off',
      PSC_PORTAL_DIR: PORTAL_DIR,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 300; i += 1) {
    const match = /Portal and API: +(http:\/\/\S+)/.exec(output);
    if (match?.[1]) return { child, url: match[1], dir, databaseUrl };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`the server did not start:\n${output}`);
}

/** The date as the portal shows it (dateStyle long, UTC). */
export function shownDate(instant: string, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(instant),
  );
}

export interface Portal {
  /** The server's address with `path`. */
  url: (path?: string) => string;
  /** A new browser context and page in `locale`; a failing test leaves a screenshot of it. */
  newPage: (locale: string) => Promise<Page>;
  /** Saves a screenshot and checks the page with axe-core: no serious or critical violation. */
  shot: (page: Page, name: string) => Promise<void>;
  /** Signs in as the demo partner's global admin, from wherever the page is. */
  signIn: (page: Page, email?: string, password?: string) => Promise<void>;
  /** Calls the API with the page's session cookie; writes carry the session's CSRF token. */
  api: (page: Page, method: string, path: string, body?: unknown) => Promise<unknown>;
  /** Runs the command line (`psc …`) on the server's database and returns what it printed. */
  psc: (args: string[]) => string;
  /** Uncaught errors of every page so far. */
  pageErrors: string[];
}

/** Starts the server and the browser for the file's tests (beforeAll) and stops them (afterAll). */
export function usePortal(): Portal {
  let server: Server | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];
  const url = (path = '') => `${server!.url}${path}`;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await chromium.launch(CHROMIUM_LAUNCH);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    const child = server?.child;
    if (child) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (server) rmSync(server.dir, { recursive: true, force: true });
  });

  return {
    url,
    pageErrors,
    psc(args) {
      return execFileSync(process.execPath, ['bin/psc.js', ...args], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: server!.databaseUrl, LOG_LEVEL: 'warn' },
      });
    },
    async newPage(locale) {
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
    },
    async shot(page, name) {
      const dialog = page.getByRole('dialog');
      const dialogOpen = (await dialog.count()) > 0;
      // A closed modal dialog leaves the page and the toaster's portal aria-hidden until Fluent's
      // focus manager restores them, a moment later under load; axe would report their focusable
      // content (the page's buttons, a toast) as hidden focusables.
      if (!dialogOpen) {
        await page
          .locator(':is(#root, [data-portal-node])[aria-hidden="true"]')
          .first()
          .waitFor({ state: 'detached' });
      }
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
      // After a full-page capture chromium drops the next click; a click on a heading (plain
      // text, inside the dialog when one is open) takes that place.
      const inert = dialogOpen ? dialog.getByRole('heading') : page.locator('h1');
      await inert.first().click();
      // Evaluated rather than added as a <script>: the portal's CSP refuses inline scripts.
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const axe = (
          globalThis as unknown as { axe: { run: (context: unknown) => Promise<AxeResults> } }
        ).axe;
        // Fluent's focus manager (tabster) puts invisible focus sentinels around the tab list that
        // pass focus straight on; axe reads them as focusable aria-hidden elements.
        const results = await axe.run({ exclude: [['[data-tabster-dummy]']] });
        return results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
      });
      expect(violations, `accessibility of ${name}`).toEqual([]);
    },
    async api(page, method, path, body) {
      const session = (await (await page.request.get(url('/v1/session'))).json()) as {
        csrfToken: string;
      };
      const response = await page.request.fetch(url(path), {
        method,
        headers: { 'X-CSRF-Token': session.csrfToken, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { data: JSON.stringify(body) }),
      });
      expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
      return (await response.json()) as unknown;
    },
    async signIn(page, email = ADMIN, password = PASSWORD) {
      await page.goto(url('/customers'));
      await page.getByRole('heading', { name: /Sign in|登入/ }).waitFor();
      await page.getByLabel(/Email|電子郵件/).fill(email);
      await page.getByLabel(/Password|密碼/).fill(password);
      await page.getByRole('button', { name: /^(Sign in|登入)$/ }).click();
    },
  };
}
