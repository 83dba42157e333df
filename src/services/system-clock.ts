import type { Clock } from '../domain/clock.js';

/** The real time: the one clock that reads the machine's. */
export const systemClock: Clock = { now: () => new Date() };
