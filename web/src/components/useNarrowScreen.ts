import { useSyncExternalStore } from 'react';

/** Below this width the navigation leaves the side and opens as an overlay from a menu button. */
const NARROW = '(max-width: 767px)';

function subscribe(onChange: () => void): () => void {
  const query = globalThis.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the window is phone-sized now; follows resizes and rotations. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => globalThis.matchMedia(NARROW).matches);
}
