/**
 * How a documented answer differs from a real one, as a list of readable lines (empty: it
 * matches). The documented answer is what a reader is shown, so it may leave things out, but
 * only where it says so:
 *
 * - `"…": "…"` in an object: the real object has more fields; without it, the fields must be
 *   exactly the documented ones;
 * - `"…"` in an array: the real array has more items, and each documented item is one of them;
 *   without it, the items are the documented ones, in order;
 * - `"…"` as a value, or inside a string (`"01a2…"`, `"… reactivate it"`): any value there.
 *
 * Values that differ from one run to the next are compared by type only: ids, dates and
 * instants, secrets and tokens, durations. Every other value must be what the API answered.
 */
export function shapeMismatches(documented: unknown, real: unknown, path = ''): string[] {
  const at = path === '' ? '/' : path;
  if (documented === '…') return [];
  if (Array.isArray(documented)) {
    if (!Array.isArray(real)) return [`${at}: shown as an array, answered ${describe(real)}`];
    return arrayMismatches(documented, real, path);
  }
  if (isObject(documented)) {
    if (!isObject(real)) return [`${at}: shown as an object, answered ${describe(real)}`];
    return objectMismatches(documented, real, path);
  }
  if (documented === null || real === null) {
    return documented === real
      ? []
      : [`${at}: shown ${describe(documented)}, answered ${describe(real)}`];
  }
  if (typeof documented !== typeof real)
    return [`${at}: shown ${describe(documented)}, answered ${describe(real)}`];
  if (varies(documented, path) || documented === real) return [];
  return [`${at}: shown ${JSON.stringify(documented)}, answered ${JSON.stringify(real)}`];
}

function objectMismatches(
  documented: Record<string, unknown>,
  real: Record<string, unknown>,
  path: string,
): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(documented)) {
    if (key === '…') continue;
    if (!(key in real)) found.push(`${path}/${key}: shown, but not in the answer`);
    else found.push(...shapeMismatches(value, real[key], `${path}/${key}`));
  }
  if (!('…' in documented)) {
    for (const key of Object.keys(real)) {
      if (!(key in documented)) found.push(`${path}/${key}: in the answer, but not shown`);
    }
  }
  return found;
}

function arrayMismatches(documented: unknown[], real: unknown[], path: string): string[] {
  const shown = documented.filter((item) => item !== '…');
  if (shown.length === documented.length) {
    if (shown.length !== real.length)
      return [`${path || '/'}: shown ${shown.length} items, answered ${real.length} (add "…")`];
    return shown.flatMap((item, index) => shapeMismatches(item, real[index], `${path}/${index}`));
  }
  return shown.flatMap((item, index) => {
    if (real.some((candidate) => shapeMismatches(item, candidate, '').length === 0)) return [];
    const closest = closestMismatches(item, real, `${path}/${index}`);
    return [`${path}/${index}: no item of the answer is like it`, ...closest];
  });
}

/** The mismatches against the most similar candidate, to say what to fix. */
export function closestMismatches(documented: unknown, candidates: unknown[], path = ''): string[] {
  // An answer of the same kind (array or object) says more than one of another kind.
  const alike = candidates.filter((c) => Array.isArray(c) === Array.isArray(documented));
  let best: string[] | undefined;
  for (const candidate of alike.length > 0 ? alike : candidates) {
    const found = shapeMismatches(documented, candidate, path);
    if (best === undefined || found.length < best.length) best = found;
  }
  return best ?? [`${path || '/'}: the answer has nothing to compare with`];
}

const VARYING_KEYS = new Set([
  'secret',
  'token',
  'csrfToken',
  'temporaryPassword',
  'requestId',
  'durationMs',
  'nextCursor',
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-/;
const DATE = /^\d{4}-\d{2}-\d{2}(T|$)/;

function varies(documented: unknown, path: string): boolean {
  const key = path.slice(path.lastIndexOf('/') + 1);
  if (VARYING_KEYS.has(key)) return true;
  if (typeof documented !== 'string') return false;
  return documented.includes('…') || UUID.test(documented) || DATE.test(documented);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
