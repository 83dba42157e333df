import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../domain/errors.js';
import type { CallerContext } from '../../services/context.js';
import type { PageJob } from './page-job.js';
import type { PageReply, PageRequest, PageWorkerData, PageWorkerReady } from './page-messages.js';

export interface PageWorkersOptions extends PageWorkerData {
  /** How many threads answer pages. */
  size: number;
  /** Resolves once every commit made so far is durable (commitsSettled of the server's store). */
  settled: () => Promise<void>;
}

/**
 * Threads that answer the subscription lists' pages, each on a read-only connection of its own,
 * so that the event loop only authenticates, hands the page on and sends the JSON back: a page of
 * 50 costs about a millisecond of CPU, which one event loop spent for every reader in turn. A
 * page is sent to the thread with the fewest pages in hand; each thread answers in turn.
 */
export class PageWorkers {
  readonly #threads: PageThread[];
  readonly #settled: () => Promise<void>;

  constructor(options: PageWorkersOptions) {
    const data: PageWorkerData = { target: options.target, catalogPath: options.catalogPath };
    this.#threads = Array.from({ length: options.size }, () => new PageThread(data));
    this.#settled = options.settled;
  }

  /**
   * The page's JSON as the route answers it; a refusal (a missing customer, a bad cursor) throws
   * the DomainError the route would. It is sent once everything the thread could have read is
   * durable: a commit is visible to other connections before its WAL sync ends.
   */
  async page(ctx: CallerContext, job: PageJob): Promise<string> {
    const thread = this.#threads.reduce((least, next) =>
      next.inHand < least.inHand ? next : least,
    );
    const reply = await thread.ask({
      job,
      caller: {
        partner: ctx.partner,
        actor: ctx.actor,
        role: ctx.role,
        now: ctx.clock.now().getTime(),
      },
    });
    await this.#settled();
    if ('body' in reply) return reply.body;
    if ('refusal' in reply) {
      const { code, message, errors, retryAfterSeconds } = reply.refusal;
      throw new DomainError(code, message, errors, {
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      });
    }
    throw new Error(`a page worker failed: ${reply.failure}`);
  }

  /**
   * Resolves once every thread has opened the database and the catalog; fails with the first
   * thread that could not (the server does not start then).
   */
  async ready(): Promise<void> {
    await Promise.all(this.#threads.map((thread) => thread.ready));
  }

  async close(): Promise<void> {
    await Promise.all(this.#threads.map((thread) => thread.close()));
  }
}

/** The worker's module beside this one: TypeScript where this one is (tests, `npm run dev`). */
const WORKER_URL = new URL(
  `./page-worker${extname(fileURLToPath(import.meta.url))}`,
  import.meta.url,
);

/** A new thread running the worker's module; TypeScript through tsx's loader, registered first. */
function spawnWorker(data: PageWorkerData): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, { workerData: data });
  const bootstrap = `import('tsx/esm/api').then(({ register }) => {
    register();
    return import(${JSON.stringify(WORKER_URL.href)});
  });`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

type Pending = { resolve: (reply: PageReply) => void; reject: (error: Error) => void };

/**
 * One worker thread and the pages it has in hand. A thread that dies after it was ready is
 * started again; one that cannot start (a database or catalog it cannot open) is not, since it
 * would fail again at once.
 */
class PageThread {
  readonly #data: PageWorkerData;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker;
  #nextId = 0;
  #closing = false;
  #unstartable: Error | undefined;
  /** Settles when the first worker is ready or has failed to start; later workers leave it be. */
  readonly ready: Promise<void>;
  #isReady!: () => void;
  #couldNotStart!: (error: Error) => void;

  constructor(data: PageWorkerData) {
    this.#data = data;
    this.ready = new Promise<void>((resolve, reject) => {
      this.#isReady = resolve;
      this.#couldNotStart = reject;
    });
    // Also fails pages while it is pending; a caller that never awaits it is not left unhandled.
    this.ready.catch(() => undefined);
    this.#worker = this.#start();
  }

  get inHand(): number {
    return this.#pending.size;
  }

  ask(request: Omit<PageRequest, 'id'>): Promise<PageReply> {
    if (this.#closing) return Promise.reject(new Error('the page workers are closed'));
    if (this.#unstartable) return Promise.reject(this.#unstartable);
    const id = (this.#nextId += 1);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, ...request } satisfies PageRequest);
    });
  }

  async close(): Promise<void> {
    this.#closing = true;
    await this.#worker.terminate();
  }

  #start(): Worker {
    const worker = spawnWorker(this.#data);
    // A server that is stopping does not wait for an idle page worker.
    worker.unref();
    let started = false;
    let firstError: Error | undefined;
    worker.on('message', (message: PageReply | PageWorkerReady) => {
      if ('ready' in message) {
        started = true;
        this.#isReady();
        return;
      }
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      pending?.resolve(message);
    });
    worker.on('error', (error) => {
      firstError ??= error;
      this.#failAll(error);
    });
    worker.on('exit', (code) => {
      const stopped = firstError ?? new Error(`a page worker stopped (exit code ${code})`);
      this.#failAll(stopped);
      this.#couldNotStart(stopped);
      if (this.#closing) return;
      if (started) this.#worker = this.#start();
      else this.#unstartable = stopped;
    });
    return worker;
  }

  /** Fails the pages in hand: their thread is gone, and so are their answers. */
  #failAll(error: Error): void {
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
  }
}
