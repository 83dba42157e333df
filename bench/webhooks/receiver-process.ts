import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SignatureSample, ToParent, ToReceiver } from './receiver-protocol.js';

const SCRIPT = fileURLToPath(new URL('./receiver.ts', import.meta.url));

export interface Receipts {
  ids: string[];
  /** When each request was read whole, epoch ms with sub-ms precision. */
  times: number[];
  sample: SignatureSample;
}

/** The receiver running in its own process (receiver.ts), and how to ask it what it got. */
export class ReceiverProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(): Promise<ReceiverProcess> {
    const child = fork(SCRIPT, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // Last resort: whatever happens to the bench, the receiver does not outlive it.
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    child.once('exit', () => process.off('exit', kill));
    const listening = await reply(child, 'listening');
    return new ReceiverProcess(child, `http://127.0.0.1:${listening.port}/psc-webhooks`);
  }

  setSecret(secret: string): void {
    this.send({ type: 'secret', secret });
  }

  /** Requests received so far, duplicates included. */
  async count(): Promise<number> {
    const answer = reply(this.child, 'count');
    this.send({ type: 'count' });
    return (await answer).requests;
  }

  /** Every receipt since the last collect; the receiver forgets them. */
  async collect(): Promise<Receipts> {
    const answer = reply(this.child, 'receipts');
    this.send({ type: 'collect' });
    const { ids, times, sample } = await answer;
    return { ids, times, sample };
  }

  /** CPU time (user + system) the receiver has used so far, in seconds; NaN off Linux. */
  cpuSeconds(): number {
    try {
      const stat = readFileSync(`/proc/${String(this.child.pid)}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return Number.NaN;
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  private send(message: ToReceiver): void {
    this.child.send(message);
  }
}

function reply<T extends ToParent['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<ToParent, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ToParent) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<ToParent, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`the webhook receiver exited (${String(code)}) before answering ${type}`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
