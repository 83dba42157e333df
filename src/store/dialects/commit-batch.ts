/**
 * One SQLite transaction that the callers of a batch share, each in a savepoint of its own. What
 * they wrote is committed once for all of them: a page that every order changes (the last leaf
 * of an index on a time-ordered id, say) is written to the WAL once per batch instead of once per
 * order. Every caller that ran in it, a reader included, answers only with the batch's outcome:
 * until it is committed and durable, what they saw of the others could still be undone.
 */
export class CommitBatch {
  readonly #startedAt = Date.now();
  #members = 0;
  #wrote = false;
  #settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  /** Resolves when the batch is committed and durable; rejects when it is lost. */
  readonly outcome: Promise<void>;

  constructor() {
    this.outcome = new Promise<void>((resolve, reject) => {
      this.#settle = { resolve, reject };
    });
    // A batch lost while no caller waits for it yet must not be an unhandled rejection.
    this.outcome.catch(() => undefined);
  }

  /** Whether anything was written in it that a member did not roll back. */
  get wrote(): boolean {
    return this.#wrote;
  }

  noteWrite(): void {
    this.#wrote = true;
  }

  /** A member rolled back to its savepoint: the batch's writes are what they were before it. */
  rolledBackTo(wroteBefore: boolean): void {
    this.#wrote = wroteBefore;
  }

  join(): void {
    this.#members += 1;
  }

  /** Whether it should take in no more callers and commit now. */
  full(limits: { members: number; ageMs: number }): boolean {
    return this.#members >= limits.members || Date.now() - this.#startedAt >= limits.ageMs;
  }

  succeed(): void {
    this.#settle?.resolve();
  }

  fail(error: unknown): void {
    this.#settle?.reject(error);
  }
}
