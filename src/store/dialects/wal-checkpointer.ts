import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The checkpointer thread's program, as text: a worker is started from a file or from source,
 * and a file beside this one would not be where the TypeScript sources run (`tsx`) and where
 * the build runs (`dist/`) alike. It opens its own connection and, each time it is asked,
 * copies what the WAL holds into the database (PASSIVE: without waiting for, or stopping, the
 * server's writes), syncing the WAL before and the database after, as SQLite does.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const database = new Database(workerData.path);
database.pragma('synchronous = NORMAL');
parentPort.on('message', (message) => {
  if (message === 'close') {
    database.close();
    parentPort.close();
    return;
  }
  try {
    database.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage(null);
  } catch (error) {
    parentPort.postMessage(String(error && error.message));
  }
});
`;

/** Commits between two checkpoints: a few thousand pages of WAL, about a second of orders. */
const COMMITS_PER_CHECKPOINT = 100;

/**
 * Checkpoints an SQLite database in WAL mode on a thread of its own. A checkpoint copies the
 * WAL's pages into the database and syncs both files; done by the committing connection (SQLite's
 * automatic checkpoint), it stops the event loop for two fsyncs and the copying every few dozen
 * orders. Here the connection's own automatic checkpoint is set much higher, as a bound on the
 * WAL should this thread fall behind, and `committed()` asks this thread for a checkpoint every
 * so many commits. One runs at a time; a request while one runs makes one more afterwards.
 * A failure is reported to `onError` and the next request tries again. The thread starts at the
 * first checkpoint, so a database that sees few commits never starts it.
 */
export class WalCheckpointer {
  readonly #path: string;
  readonly #onError: (message: string) => void;
  #worker: Worker | undefined;
  #commits = 0;
  #running = false;
  #again = false;
  #closed = false;

  constructor(path: string, onError: (message: string) => void) {
    this.#path = path;
    this.#onError = onError;
  }

  committed(): void {
    this.#commits += 1;
    if (this.#commits < COMMITS_PER_CHECKPOINT) return;
    this.#commits = 0;
    this.#request();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const worker = this.#worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    // Held by nothing else, a closing process would end before the thread does, its close unsettled.
    worker.ref();
    worker.postMessage('close');
    await exited;
  }

  #request(): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    (this.#worker ??= this.#startWorker()).postMessage('checkpoint');
  }

  #startWorker(): Worker {
    const worker = new Worker(PROGRAM, {
      eval: true,
      workerData: {
        path: this.#path,
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      },
    });
    // A thread that only checkpoints must not keep a finished process alive.
    worker.unref();
    worker.on('message', (failure: string | null) => {
      this.#running = false;
      if (failure !== null) this.#onError(failure);
      if (this.#again) {
        this.#again = false;
        this.#request();
      }
    });
    worker.on('error', (error) => {
      this.#running = false;
      this.#onError(error.message);
    });
    return worker;
  }
}
