import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { capture } from '../helpers/cli-output.js';
import { hashTokenSecret } from '../../src/services/token-secret.js';
import { openStore } from '../../src/store/db.js';
import { listApiTokens } from '../../src/store/api-tokens.js';

describe('psc command', () => {
  let dbPath: string;
  const saved = process.env.DATABASE_URL;
  beforeEach(() => {
    dbPath = join(mkdtempSync(join(tmpdir(), 'psc-cli-')), 'psc.sqlite');
    process.env.DATABASE_URL = `sqlite:${dbPath}`;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });

  it('migrates, creates a partner with a token, and makes, lists and revokes tokens', async () => {
    const migrate = capture();
    expect(await runCli(['migrate'], migrate.output)).toBe(0);
    expect(migrate.out.join('\n')).toContain('applied 0001-foundation');

    const create = capture();
    expect(
      await runCli(
        ['partner', 'create', '--name', 'Wingtip', '--sandbox', '--json'],
        create.output,
      ),
    ).toBe(0);
    const created = JSON.parse(create.out[0]!) as {
      partner: { id: string; isSandbox: boolean };
      token: string;
    };
    expect(created.partner.isSandbox).toBe(true);
    expect(created.token).toMatch(/^psc_/);

    const token = capture();
    expect(
      await runCli(
        ['token', 'create', '--partner', created.partner.id, '--name', 'ci', '--json'],
        token.output,
      ),
    ).toBe(0);
    const second = JSON.parse(token.out[0]!) as { id: string; token: string };

    const store = openStore({ dialect: 'sqlite', path: dbPath });
    const records = await listApiTokens(store.db, created.partner.id);
    await store.close();
    expect(records.map((r) => r.tokenHash).sort()).toEqual(
      [hashTokenSecret(created.token), hashTokenSecret(second.token)].sort(),
    );

    const list = capture();
    expect(await runCli(['token', 'list', '--partner', created.partner.id], list.output)).toBe(0);
    expect(list.out).toHaveLength(2);
    expect(list.out.join('\n')).not.toContain(second.token);

    const revoke = capture();
    expect(
      await runCli(
        ['token', 'revoke', '--partner', created.partner.id, '--token', second.id],
        revoke.output,
      ),
    ).toBe(0);
    const again = capture();
    expect(
      await runCli(
        ['token', 'revoke', '--partner', created.partner.id, '--token', second.id],
        again.output,
      ),
    ).toBe(1);
    expect(again.err.join('')).toContain('was not found');
  });

  it.each([
    [['partner', 'create'], 2, '--name is required'],
    [
      ['partner', 'create', '--name', 'X', '--billing-day', '31'],
      1,
      'billingDay must be a day from 1 to 28',
    ],
    [
      ['partner', 'create', '--name', 'X', '--instance', 'mars'],
      2,
      '--instance must be one of global, usgov',
    ],
    [['partner', 'create', '--name', 'X', '--colour', 'red'], 2, "Unknown option '--colour'"],
    [['token', 'create', '--partner', 'not-a-uuid'], 2, '--partner must be a partner id'],
    [
      ['token', 'create', '--partner', '0190d1a2-0000-7000-8000-000000000000'],
      1,
      'Partner 0190d1a2-0000-7000-8000-000000000000 was not found',
    ],
    [['frobnicate'], 2, 'unknown command'],
  ])('psc %j exits %i with a clear message', async (argv, code, message) => {
    const run = capture();
    expect(await runCli(argv, run.output)).toBe(code);
    expect(run.err.join('\n')).toContain(message);
  });
});
