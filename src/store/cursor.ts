import { isSafeText, isUuid } from '../domain/text-formats.js';

/** What a part of a list's sort key holds: an id, or text a database can compare. */
export type CursorPart = 'uuid' | 'text';

/**
 * Opaque list cursors: the sort key of the last row sent, base64url-encoded JSON. A cursor that
 * does not decode to the expected shape is refused as bad input, never a 500.
 *
 * Cursors are validated, not signed: each part must have the shape of its column, which is all
 * the database needs to answer instead of failing a cast. A forged cursor that passes only moves
 * where a page starts among rows the caller may read anyway, and signing would need a secret
 * shared by every node and kept across restarts, for no gain in what can be seen.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, parts: readonly CursorPart[]): string[] | null {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(key) || key.length !== parts.length) return null;
  const fits = (value: unknown, index: number) =>
    typeof value === 'string' && isSafeText(value) && (parts[index] === 'text' || isUuid(value));
  return key.every(fits) ? (key as string[]) : null;
}
