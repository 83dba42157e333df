import { durationMs } from './duration.js';
import { validationFailed } from './errors.js';

export type ClockMove = { advanceBy: string } | { to: string };

/**
 * The latest a sandbox clock shows: ten years before the last instant the API accepts (the end of
 * 9999), so that terms, renewals, retention and warnings counted from it still fall in the range
 * both databases store, and the clock can never get stuck where no move is possible.
 */
export const LATEST_SANDBOX_NOW = new Date('9989-12-31T23:59:59.999Z');

/** Where a move takes a sandbox clock that shows `current`; refuses to go past the latest. */
export function sandboxClockTarget(current: Date, move: ClockMove): Date {
  const [field, target]: [string, number] =
    'advanceBy' in move
      ? ['/advanceBy', current.getTime() + durationMs(move.advanceBy, '/advanceBy')]
      : ['/to', Date.parse(move.to)];
  // Also false for NaN: a duration too long for a date at all is past the latest too.
  if (!(target <= LATEST_SANDBOX_NOW.getTime())) {
    throw validationFailed([
      {
        field,
        code: 'out_of_range',
        detail: `${field} would take the sandbox clock past ${LATEST_SANDBOX_NOW.toISOString()}, the latest it shows.`,
      },
    ]);
  }
  return new Date(target);
}
