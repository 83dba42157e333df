import { UsageError } from '../output.js';
import { optionalInteger, optionalText } from './options.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

/** The paging the list options ask for: one page (`--limit`, `--cursor`) or `--all` of them. */
export function pagingOf(values: {
  limit?: string | boolean;
  cursor?: string | boolean;
  all?: string | boolean;
}) {
  const limit = optionalInteger(values.limit, '--limit');
  const cursor = optionalText(values.cursor);
  const all = values.all === true;
  if (all && cursor !== undefined)
    throw new UsageError('--all starts at the first page: drop --cursor');
  return { limit, cursor, all };
}

/** One page, or with `all` every page after it joined into one (its nextCursor then null). */
export async function readPages<T>(
  paging: { limit: number | undefined; cursor: string | undefined; all: boolean },
  fetchPage: (request: PageRequest) => Promise<Page<T>>,
): Promise<Page<T>> {
  const request = (cursor: string | undefined): PageRequest => ({
    ...(paging.limit === undefined ? {} : { limit: paging.limit }),
    ...(cursor === undefined ? {} : { cursor }),
  });
  const first = await fetchPage(request(paging.cursor));
  if (!paging.all) return first;
  const items = [...first.items];
  let next = first.nextCursor;
  while (next !== null) {
    const page = await fetchPage(request(next));
    items.push(...page.items);
    next = page.nextCursor;
  }
  return { items, nextCursor: null };
}
