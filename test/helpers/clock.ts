import type { Clock } from '../../src/domain/clock.js';

/** A clock that tests move by hand. */
export class TestClock implements Clock {
  private at: number;

  constructor(start: Date | string) {
    this.at = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  set(to: Date | string): void {
    this.at = new Date(to).getTime();
  }

  advance(ms: number): void {
    this.at += ms;
  }
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
