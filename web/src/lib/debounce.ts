import { useEffect, useState } from 'react';

/**
 * The value once it has stayed the same for `ms`: what is typed is sent when the typing pauses.
 * Values are compared by their JSON, so a new object with the same contents is no change.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState({ key, value });
  useEffect(() => {
    if (key === settled.key) return;
    const timer = setTimeout(() => setSettled({ key, value }), ms);
    return () => clearTimeout(timer);
  }, [key, value, ms, settled.key]);
  return settled.value;
}
