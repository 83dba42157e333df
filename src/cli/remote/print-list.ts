import type { Page } from './pages.js';
import { printJson, type RemoteIo } from './session.js';
import { formatTable, type Column } from './table.js';

/** A list as the API's JSON, or as a table with a hint on stderr when more pages follow. */
export function printList<T>(
  io: RemoteIo,
  page: Page<T>,
  json: boolean,
  columns: readonly Column<T>[],
): void {
  if (json) return printJson(io, page);
  io.out.stdout(formatTable(page.items, columns));
  if (page.nextCursor !== null) {
    io.out.stderr(`more: --cursor ${page.nextCursor} (or --all for every page)`);
  }
}
