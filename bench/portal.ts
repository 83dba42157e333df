/**
 * `npm run bench:portal`: the built portal's size, and the time from a cold browser to a usable
 * customers page. See docs/performance.md.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH } from '../test/e2e/chromium.js';
import { Cleanup } from './cleanup.js';
import { startServer } from './processes.js';

const RUNS = Number(process.env.PSC_BENCH_PORTAL_RUNS ?? 7);
const TARGET_MS = 1_500;
const PASSWORD = 'bench-portal-password-1';
const ASSETS = join('web', 'dist', 'assets');

interface Asset {
  name: string;
  bytes: number;
  gzipBytes: number;
}

function builtAssets(): Asset[] {
  return readdirSync(ASSETS).map((name) => {
    const content = readFileSync(join(ASSETS, name));
    return { name, bytes: statSync(join(ASSETS, name)).size, gzipBytes: gzipSync(content).length };
  });
}

/** The JavaScript and CSS that index.html loads before anything renders. */
function initialAssets(assets: Asset[]): Asset[] {
  const html = readFileSync(join('web', 'dist', 'index.html'), 'utf8');
  return assets.filter((asset) => html.includes(`/assets/${asset.name}`));
}

/**
 * One cold start: a new browser process with an empty profile (no cache), signed in by its
 * session cookie, from navigation to the first customer's link in the list.
 */
async function coldStart(url: string, cookie: { name: string; value: string }): Promise<number> {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ ...cookie, url }]);
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${url}/customers`);
    await page.getByRole('link', { name: 'Contoso Ltd.' }).waitFor({ timeout: 30_000 });
    return Date.now() - started;
  } finally {
    await browser.close();
  }
}

async function signIn(url: string): Promise<{ name: string; value: string }> {
  const response = await fetch(`${url}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo-partner.example', password: PASSWORD }),
  });
  if (response.status !== 201) throw new Error(`sign-in answered ${response.status}`);
  const [pair = ''] = (response.headers.get('set-cookie') ?? '').split(';');
  const [name = '', value = ''] = pair.split('=');
  return { name, value };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const sum = (assets: Asset[], key: 'bytes' | 'gzipBytes') =>
  assets.reduce((total, asset) => total + asset[key], 0);

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  const workdir = mkdtempSync(join(tmpdir(), 'psc-bench-portal-'));
  cleanup.defer('remove the temporary directory', () =>
    rmSync(workdir, { recursive: true, force: true }),
  );
  try {
    const assets = builtAssets();
    const initial = initialAssets(assets);
    const server = await startServer('the portal server', ['dist/main.js'], {
      DATABASE_URL: `sqlite:${join(workdir, 'psc.sqlite')}`,
      PSC_BOOTSTRAP_PASSWORD: PASSWORD,
      PSC_SCHEDULER: 'off',
      LOG_LEVEL: 'warn',
    });
    cleanup.defer('stop the server', () => server.stop());
    const cookie = await signIn(server.url);
    const loadBefore = loadavg()[0] ?? 0;
    await coldStart(server.url, cookie); // the server's own first requests warm it, not counted
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) times.push(await coldStart(server.url, cookie));
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? NaN;
    const lines = [
      'Portal (npm run bench:portal)',
      `  built assets: ${assets.length} files, ${kB(sum(assets, 'bytes'))} (${kB(sum(assets, 'gzipBytes'))} gzipped)`,
      `  loaded before the first page: ${initial.map((a) => a.name).join(', ')}`,
      `    ${kB(sum(initial, 'bytes'))} (${kB(sum(initial, 'gzipBytes'))} gzipped)`,
      `  cold browser to a usable customers page, ${RUNS} runs: median ${median} ms, ` +
        `min ${times[0]} ms, max ${times.at(-1)} ms (target ≤ ${TARGET_MS} ms: ` +
        `${median <= TARGET_MS ? 'met' : 'missed'})`,
      `  load average ${loadBefore.toFixed(2)} → ${(loadavg()[0] ?? 0).toFixed(2)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await cleanup.run();
  }
}

await main();
