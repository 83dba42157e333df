import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ROLES, type Role } from '../domain/permissions.js';
import { UsageError } from './output.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's options strictly; unknown options and stray words are usage errors. */
export function parseOptions<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function required(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`${flag} is required`);
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requiredId(
  value: string | boolean | undefined,
  flag: string,
  what: string,
): string {
  const id = required(value, flag);
  if (!UUID.test(id)) throw new UsageError(`${flag} must be a ${what} id (a UUID), not "${id}"`);
  return id.toLowerCase();
}

export function roleOption(value: string | boolean | undefined): Role {
  if (typeof value !== 'string' || !(ROLES as readonly string[]).includes(value)) {
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  }
  return value as Role;
}
