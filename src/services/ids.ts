import { v7 } from 'uuid';

/** Time-ordered UUIDs (v7): new rows append to the end of every index, and ids sort by creation. */
export function newId(): string {
  return v7();
}
