import { UsageError } from '../output.js';
import { configPath, readLogin } from './config-store.js';
import { NotSignedInError } from './errors.js';

export interface Connection {
  url: string;
  token: string;
}

/**
 * The server and token to use: PSC_URL and PSC_TOKEN when set (each overrides the stored
 * login's), else what `psc login` stored. The file is read only when the environment lacks one.
 */
export function resolveConnection(env: NodeJS.ProcessEnv): Connection {
  const fromEnv = { url: nonEmpty(env.PSC_URL), token: nonEmpty(env.PSC_TOKEN) };
  const stored = fromEnv.url && fromEnv.token ? undefined : readLogin(configPath(env));
  const url = fromEnv.url ?? stored?.url;
  const token = fromEnv.token ?? stored?.token;
  if (!url) throw new NotSignedInError('PSC_URL');
  if (!token) throw new NotSignedInError('PSC_TOKEN');
  return { url: serverUrl(url, fromEnv.url ? 'PSC_URL' : 'the stored URL'), token };
}

/** An http(s) URL without a trailing slash, or a usage error naming where it came from. */
export function serverUrl(text: string, source: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UsageError(`${source} must be the server's URL, e.g. https://psc.example.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${source} must be an http or https URL, not ${url.protocol}`);
  }
  return url.toString().replace(/\/+$/, '');
}

/** Whether a token sent there crosses a network in clear text. */
export function isCleartextRemote(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
  return protocol === 'http:' && !loopback;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}
