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
  return { url, token };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}
