/**
 * A lock handed to its waiters in the order they asked. Kysely's own SQLite mutex wakes every
 * waiter at each release to race for it: with fifty requests queued for the one connection, that
 * is fifty wake-ups per transaction, and no order.
 */
export class FifoLock {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Whether someone is waiting for the lock. */
  get contended(): boolean {
    return this.#waiting.length > 0;
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}
