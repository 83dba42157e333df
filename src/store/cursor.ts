/**
 * Opaque list cursors: the sort key of the last row sent, base64url-encoded JSON. A cursor that
 * does not decode to the expected shape is refused as bad input, never a 500.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): string[] | null {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length && key.every((k) => typeof k === 'string')) {
      return key;
    }
  } catch {
    // falls through to null
  }
  return null;
}
