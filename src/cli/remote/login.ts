import { UsageError } from '../output.js';
import { defineCommand } from './command.js';
import { configPath, removeLogin, writeLogin } from './config-store.js';
import { isCleartextRemote, serverUrl } from './connection.js';
import { parseCommand, requiredText } from './options.js';
import { sessionFor } from './session.js';

export const login = defineCommand({
  name: 'login',
  synopsis: '--url URL --token TOKEN|-',
  summary:
    "Check an API token against the server and keep it with the server's URL, readable only by you. The file is $XDG_CONFIG_HOME/psc/config.json, else ~/.config/psc/config.json; PSC_URL and PSC_TOKEN override it.",
  flags: [
    ['--url URL', 'The server, e.g. https://psc.example.com.'],
    ['--token TOKEN|-', 'An API token (`psc token create`); - reads it from standard input.'],
  ],
  async run(args, io) {
    const { values } = parseCommand(args, { url: { type: 'string' }, token: { type: 'string' } });
    const url = serverUrl(requiredText(values.url, '--url'), '--url');
    const given = requiredText(values.token, '--token');
    // A token on the command line shows in `ps` and shell history; `-` keeps it out of both.
    const token = (given === '-' ? await io.readStdin() : given).trim();
    if (token === '') throw new UsageError('--token -: standard input held no token');
    const session = sessionFor({ url, token });
    const clock = await session.call(session.api.GET('/v1/clock'));
    const path = configPath(io.env);
    writeLogin(path, { url, token });
    if (isCleartextRemote(url)) {
      io.out.stderr(`warning: ${url} is plain http: the token crosses the network unencrypted.`);
    }
    io.out.stdout(
      `Signed in to ${url} (billing period ${clock.billingPeriod.start} to ${clock.billingPeriod.end}); saved in ${path}.`,
    );
  },
});

export const logout = defineCommand({
  name: 'logout',
  synopsis: '',
  summary: 'Forget the stored URL and token (the token itself stays valid: revoke it to end it).',
  run(args, io) {
    parseCommand(args, {});
    const path = configPath(io.env);
    io.out.stdout(removeLogin(path) ? `Removed ${path}.` : `Not signed in (no ${path}).`);
    return Promise.resolve();
  },
});
