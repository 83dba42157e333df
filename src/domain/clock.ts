/** Where time comes from. Services get one in their context, so tests and sandboxes can move it. */
export interface Clock {
  now(): Date;
}

/** A clock that reads `at` and never moves on its own: for tests and sandbox partners. */
export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}
