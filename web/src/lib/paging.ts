import { useState } from 'react';

/**
 * Forward-only cursor paging as the API offers it, with a way back: the cursors of the pages
 * before this one. A new `scope` (a search, a filter) starts again at the first page.
 */
export function useCursorPages(scope: string) {
  const [state, setState] = useState<{ scope: string; cursors: string[] }>({
    scope,
    cursors: [],
  });
  const cursors = state.scope === scope ? state.cursors : [];
  return {
    cursor: cursors.at(-1),
    page: cursors.length + 1,
    hasPrevious: cursors.length > 0,
    previous: () => setState({ scope, cursors: cursors.slice(0, -1) }),
    next: (cursor: string) => setState({ scope, cursors: [...cursors, cursor] }),
  };
}

export type CursorPages = ReturnType<typeof useCursorPages>;
