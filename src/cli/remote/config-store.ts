import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigFileError } from './errors.js';

/** What `psc login` keeps: the server and the API token to call it with. */
export interface StoredLogin {
  url: string;
  token: string;
}

/** `$XDG_CONFIG_HOME/psc/config.json`, else `~/.config/psc/config.json`. */
export function configPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME?.trim()
    ? env.XDG_CONFIG_HOME
    : join(env.HOME ?? homedir(), '.config');
  return join(base, 'psc', 'config.json');
}

/** The stored login, or undefined when there is none. Refuses a file others may read. */
export function readLogin(path: string): StoredLogin | undefined {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigFileError(`cannot read ${path}: ${(error as Error).message}`);
  }
  // It holds a bearer token: a file the group or others can read has leaked it, or may.
  if ((mode & 0o077) !== 0) {
    throw new ConfigFileError(
      `${path} is readable by others (mode ${(mode & 0o777).toString(8)}); psc will not use it`,
      `Run \`chmod 600 ${path}\` and revoke the token if others may have read it, or \`psc login\` again.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigFileError(
      `${path} is not valid JSON: ${(error as Error).message}`,
      'Run `psc login` again.',
    );
  }
  if (!isLogin(parsed)) {
    throw new ConfigFileError(`${path} has no url and token`, 'Run `psc login` again.');
  }
  return { url: parsed.url, token: parsed.token };
}

function isLogin(value: unknown): value is StoredLogin {
  if (typeof value !== 'object' || value === null) return false;
  const { url, token } = value as Record<string, unknown>;
  return typeof url === 'string' && typeof token === 'string';
}

/**
 * Writes the login readable only by its owner: the directory 0700, the file 0600 from its first
 * byte, written to a temporary file and renamed so that a crash never leaves half a file.
 */
export function writeLogin(path: string, login: StoredLogin): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const temporary = join(dir, `.config.json.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(login, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Removes the stored login; true when there was one. */
export function removeLogin(path: string): boolean {
  try {
    rmSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
