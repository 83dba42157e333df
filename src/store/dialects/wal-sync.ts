import { closeSync, fdatasync, openSync } from 'node:fs';

type SyncFile = (fd: number, done: (error: Error | null) => void) => void;

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** A failed fsync of the write-ahead log: what it held may not be on disk. */
export class WalSyncError extends Error {
  override readonly name = 'WalSyncError';
}

/**
 * Group commit for SQLite in WAL mode with `synchronous=NORMAL`: a commit is written to the WAL
 * (the operating system has it, so a crashed process loses nothing) but not yet synced. `sync()`
 * resolves once an fdatasync of the WAL that began after the call has finished, so every commit
 * made before the call is then on disk, and commits that waited together share one fdatasync.
 * The fdatasync runs on libuv's thread pool, so the event loop goes on with other requests.
 *
 * The file is opened once: SQLite deletes its WAL only when the last connection closes, and the
 * connection this belongs to stays open until `close()`.
 */
export class WalSync {
  readonly #path: string;
  readonly #syncFile: SyncFile;
  #fd: number | undefined;
  #waiting: Waiter[] = [];
  #syncing = false;
  #failure: WalSyncError | undefined;
  #syncs = 0;
  /** Commits written to the WAL, and how many of them a finished fdatasync covered. */
  #written = 0;
  #durable = 0;

  constructor(walPath: string, syncFile: SyncFile = fdatasync) {
    this.#path = walPath;
    this.#syncFile = syncFile;
  }

  /** Counts a commit just written to the WAL, before its connection is handed on. */
  noteCommit(): void {
    this.#written += 1;
  }

  /**
   * Resolves when every commit written so far is durable: at once when they are. A reader waits
   * for it before answering, so that no answer tells of a commit a power cut could still undo
   * (a replayed order whose first answer is still waiting for its sync, say).
   */
  settled(): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    return this.#durable >= this.#written ? Promise.resolve() : this.sync();
  }

  /** Resolves when everything committed before this call is durable. */
  sync(): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      if (!this.#syncing) this.#flush();
    });
  }

  /** How many fdatasyncs have been started: fewer than the commits they made durable. */
  get syncs(): number {
    return this.#syncs;
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  #flush(): void {
    const batch = this.#waiting;
    this.#waiting = [];
    this.#syncing = true;
    this.#syncs += 1;
    const covers = this.#written;
    let fd: number;
    try {
      fd = this.#fd ??= openSync(this.#path, 'r+');
    } catch (error) {
      // No WAL to sync (the store was closed meanwhile, or the file is gone): nothing waiting
      // can be confirmed, as after a failed fsync.
      this.#finish(batch, covers, `could not be opened to sync it (${(error as Error).message})`);
      return;
    }
    this.#syncFile(fd, (error) =>
      this.#finish(batch, covers, error && `could not be synced to disk (${error.message})`),
    );
  }

  /**
   * Settles the syncs of `batch`, which covered the first `covers` commits, and starts the next.
   * After a failed fsync the kernel may have dropped the unwritten pages and a later fsync can
   * succeed without them (PostgreSQL's "fsyncgate"), so no later commit is confirmed either: the
   * server has to restart, and SQLite recovers from what the WAL holds.
   */
  #finish(batch: Waiter[], covers: number, problem: string | null): void {
    this.#syncing = false;
    if (problem === null) {
      this.#durable = Math.max(this.#durable, covers);
    } else {
      this.#failure ??= new WalSyncError(
        `the database's write-ahead log ${this.#path} ${problem}; restart the server`,
      );
    }
    for (const waiter of batch) {
      if (this.#failure) waiter.reject(this.#failure);
      else waiter.resolve();
    }
    if (this.#waiting.length > 0) {
      if (this.#failure) this.#rejectWaiting();
      else this.#flush();
    }
  }

  #rejectWaiting(): void {
    const failure = this.#failure;
    if (!failure) return;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(failure);
  }
}
