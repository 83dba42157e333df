import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../output.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command that prints takes. */
export const OUTPUT_OPTIONS = { json: { type: 'boolean' } } as const;
/** Options every list takes. */
export const LIST_OPTIONS = {
  ...OUTPUT_OPTIONS,
  limit: { type: 'string' },
  cursor: { type: 'string' },
  all: { type: 'boolean' },
} as const;
/** Options every write takes. */
export const WRITE_OPTIONS = {
  ...OUTPUT_OPTIONS,
  'idempotency-key': { type: 'string' },
} as const;

/**
 * Parses a command's options strictly, with exactly the positional arguments named (an id, say);
 * anything else is a usage error.
 */
export function parseCommand<T extends Options>(
  args: string[],
  options: T,
  positionalNames: readonly string[] = [],
) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length < positionalNames.length) {
    throw new UsageError(`${positionalNames[positionals.length] ?? 'an argument'} is missing`);
  }
  if (positionals.length > positionalNames.length) {
    throw new UsageError(`unexpected argument "${positionals[positionalNames.length] ?? ''}"`);
  }
  return { values, positionals };
}

export function requiredText(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`${flag} is required`);
  return value;
}

export function optionalText(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A whole number from `min` up; the server checks its own upper limits. */
export function integer(value: string, flag: string, min = 1): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${flag} must be a whole number from ${min}, not "${value}"`);
  }
  return Number(value);
}

export function optionalInteger(value: string | boolean | undefined, flag: string) {
  return typeof value === 'string' ? integer(value, flag) : undefined;
}

export function oneOf<const T extends string>(
  value: string | boolean | undefined,
  flag: string,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function requiredOneOf<const T extends string>(
  value: string | boolean | undefined,
  flag: string,
  allowed: readonly T[],
): T {
  const chosen = oneOf(requiredText(value, flag), flag, allowed);
  if (chosen === undefined) throw new UsageError(`${flag} is required`);
  return chosen;
}
