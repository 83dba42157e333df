import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/stores.js';
import { closedUrl, listeningApp, psc, tempHome } from './remote-harness.js';

describe.each(DIALECTS)('psc login on %s', { timeout: 180_000 }, (dialect) => {
  let t: TestApp;
  let url: string;
  let token: string;

  beforeAll(async () => {
    const started = await listeningApp(dialect);
    t = started.t;
    url = started.url;
    token = (await t.newPartner()).token;
  });
  afterAll(() => t.close());

  it('checks the token, stores it readable only by its owner, and uses it until logout', async () => {
    const home = tempHome();
    const file = join(home.XDG_CONFIG_HOME ?? '', 'psc', 'config.json');

    const refused = await psc(['login', '--url', url, '--token', 'psc_wrong'], home);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^error: .+ \[unauthorized\]$/m);
    expect(existsSync(file)).toBe(false);

    // The token from standard input, so that it shows neither in `ps` nor in shell history.
    const signedIn = await psc(['login', '--url', `${url}/`, '--token', '-'], home, `${token}\n`);
    expect(signedIn.stderr).toBe('');
    expect(signedIn.code).toBe(0);
    expect(signedIn.stdout).toContain(`Signed in to ${url}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ url, token });

    const listed = await psc(['customers', 'list', '--json'], home);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual({ items: [], nextCursor: null });

    // The environment overrides the file, each variable on its own.
    const [badToken, nowhere] = await Promise.all([
      psc(['customers', 'list'], { ...home, PSC_TOKEN: 'psc_wrong' }),
      psc(['customers', 'list'], { ...home, PSC_URL: await closedUrl() }),
    ]);
    expect(badToken.code).toBe(3);
    expect(nowhere.code).toBe(6);
    expect(nowhere.stderr).toMatch(
      /^error: cannot reach the server at http:\/\/127\.0\.0\.1:\d+$/m,
    );

    const loggedOut = await psc(['logout'], home);
    expect(loggedOut.code).toBe(0);
    expect(existsSync(file)).toBe(false);
    const after = await psc(['customers', 'list'], home);
    expect(after.code).toBe(3);
    expect(after.stderr).toContain('error: not signed in');
    expect(after.stderr).toContain('psc login');
  });

  it('refuses a config file that others can read, and a broken one', async () => {
    const home = tempHome();
    const file = join(home.XDG_CONFIG_HOME ?? '', 'psc', 'config.json');
    expect((await psc(['login', '--url', url, '--token', token], home)).code).toBe(0);

    chmodSync(file, 0o644);
    const open = await psc(['customers', 'list'], home);
    expect(open.code).toBe(3);
    expect(open.stdout).toBe('');
    expect(open.stderr).toContain(`${file} is readable by others (mode 644); psc will not use it`);
    expect(open.stderr).toContain(`chmod 600 ${file}`);
    // With both settings in the environment the file is not read at all.
    const fromEnv = await psc(['customers', 'list'], { ...home, PSC_URL: url, PSC_TOKEN: token });
    expect(fromEnv.code).toBe(0);

    chmodSync(file, 0o600);
    writeFileSync(file, '{"url": 1}');
    const broken = await psc(['customers', 'list'], home);
    expect(broken.code).toBe(3);
    expect(broken.stderr).toContain(`${file} has no url and token`);
  });
});
