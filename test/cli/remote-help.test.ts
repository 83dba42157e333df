import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { REMOTE_COMMANDS } from '../../src/cli/remote/commands.js';
import { capture } from '../helpers/cli-output.js';

const NO_INPUT = { env: {}, readStdin: () => Promise.resolve('') };

describe('psc help for the commands over the API', () => {
  it.each(REMOTE_COMMANDS.map((command) => command.name))('psc %s --help', async (name) => {
    const run = capture();
    expect(await runCli([...name.split(' '), '--help'], run.output, NO_INPUT)).toBe(0);
    const help = run.out.join('\n');
    expect(help).toMatch(new RegExp(`^Usage: psc ${name}\\b`));
    expect(help).toContain('Exit status: 0 ok');
  });

  it('lists a group’s commands, and the usage names every command', async () => {
    const group = capture();
    expect(await runCli(['subscriptions', '--help'], group.output, NO_INPUT)).toBe(0);
    expect(group.out.join('\n')).toContain('psc subscriptions set-auto-renew SUBSCRIPTION_ID');
    const bare = capture();
    expect(await runCli(['invoices'], bare.output, NO_INPUT)).toBe(2);
    expect(bare.err.join('\n')).toContain('psc invoices get INVOICE_ID');
    const usage = capture();
    expect(await runCli(['--help'], usage.output, NO_INPUT)).toBe(0);
    for (const command of REMOTE_COMMANDS) expect(usage.out.join('\n')).toContain(command.name);
  });

  it('refuses what it does not understand before it connects (exit 2)', async () => {
    for (const argv of [
      ['customers', 'list', '--colour', 'red'],
      ['customers', 'list', '--limit', 'ten'],
      ['customers', 'get', 'a', 'b'],
      ['orders', 'create', '--customer', 'c', '--line', 'mail-basic'],
      ['subscriptions', 'suspend', 's', '--customer', 'c', '--reason', 'bored'],
    ]) {
      const run = capture();
      expect(await runCli(argv, run.output, NO_INPUT), argv.join(' ')).toBe(2);
      expect(run.err.join('\n')).toContain(`psc ${argv[0]} ${argv[1]}:`);
    }
  });

  it('refuses a server URL that is not http or https (exit 2), and says how to sign in (exit 3)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'psc-home-'));
    const env = { HOME: home, XDG_CONFIG_HOME: home, PSC_TOKEN: 'psc_token' };
    const ftp = capture();
    const input = (more: Record<string, string>) => ({ ...NO_INPUT, env: { ...env, ...more } });
    expect(
      await runCli(['webhooks', 'list'], ftp.output, input({ PSC_URL: 'ftp://psc.example' })),
    ).toBe(2);
    expect(ftp.err.join('\n')).toContain('PSC_URL must be an http or https URL, not ftp:');
    const login = capture();
    expect(await runCli(['login', '--url', 'psc', '--token', 't'], login.output, NO_INPUT)).toBe(2);
    expect(login.err.join('\n')).toContain("--url must be the server's URL");
    const nowhere = capture();
    expect(await runCli(['webhooks', 'list'], nowhere.output, input({}))).toBe(3);
    expect(nowhere.err.join('\n')).toContain('error: not signed in (PSC_URL is not set)');
  });
});
