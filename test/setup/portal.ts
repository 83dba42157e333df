/**
 * Builds the portal once for the browser tests, before any test file starts, so that files
 * running side by side never rebuild it under each other. Skipped where there is no browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hasChromium } from '../e2e/chromium.js';

/** The newest modification time under a path. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * Where the tests' portal is built: web/dist, or PSC_E2E_PORTAL_DIR so that runs at the same
 * time (two developers, or helpers) do not rebuild it under each other.
 */
export const PORTAL_DIR = resolve(process.env.PSC_E2E_PORTAL_DIR ?? 'web/dist');

/** Builds the portal unless its build is newer than its sources. */
function buildPortal(): void {
  const built = join(PORTAL_DIR, 'index.html');
  const sources = Math.max(
    newest('web/src'),
    newest('web/index.html'),
    newest('web/vite.config.ts'),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const vite = ['node_modules/vite/bin/vite.js', 'build', 'web', '--outDir', PORTAL_DIR];
  // vitest sets NODE_ENV=test, which would make Vite build React's development mode: the tests
  // drive the portal as it is shipped.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, vite, { encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}${result.stderr}`);
}

export default function setup(): void {
  if (hasChromium) buildPortal();
}
