/**
 * One database's webhook bench: the product's context and dispatcher, events written through the
 * real write path (appendEvents in a transaction, which writes their deliveries: the outbox), and
 * a receiver in its own process that records when each webhook-id arrived.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { createContext } from '../../src/create-context.js';
import type { Actor, DomainEvent } from '../../src/domain/event.js';
import type { DispatcherOptions } from '../../src/jobs/webhook-dispatcher.js';
import { startWebhookDispatcher } from '../../src/jobs/webhook-dispatcher.js';
import type { AppContext, CallerContext } from '../../src/services/context.js';
import { createCustomer } from '../../src/services/create-customer.js';
import { createPartner } from '../../src/services/create-partner.js';
import { callerEvent } from '../../src/services/events.js';
import { newId } from '../../src/services/ids.js';
import { placeOrder } from '../../src/services/place-order.js';
import { createEndpoint } from '../../src/services/webhooks/endpoints.js';
import { SecretBox } from '../../src/services/webhooks/secret-box.js';
import type { DatabaseTarget } from '../../src/store/database-url.js';
import { appendEvents } from '../../src/store/events.js';
import { pendingCount } from '../../src/store/webhook-deliveries.js';
import type { SignatureSample } from './receiver-protocol.js';
import { ReceiverProcess } from './receiver-process.js';

export interface WebhookBenchOptions {
  /** Events in each measured phase. */
  events: number;
  /** Events per transaction in the throughput phase. */
  batch: number;
  /** Events per second in the latency phase, written every `tickMs`. */
  rate: number;
  tickMs: number;
  /** Events written and delivered before the phases, not counted. */
  warmup: number;
  dispatcher: Pick<DispatcherOptions, 'pollIntervalMs' | 'concurrencyPerEndpoint'>;
  /** Give up on missing deliveries after this long without a new one. */
  stallMs: number;
  /** Tells what the bench does, on stderr. */
  log: (line: string) => void;
}

export interface PhaseFigures {
  phase: 'throughput' | 'rate';
  events: number;
  /** Events per second asked for (rate phase), or null (as fast as possible). */
  targetRate: number | null;
  /** Events committed per second, from the phase's start to its last commit. */
  writtenPerSecond: number;
  /** How far the last commit fell behind its schedule (rate phase), ms. */
  writeLagMs: number;
  /** Distinct events received per second, from the phase's start to the last receipt. */
  deliveriesPerSecond: number;
  /** Commit to first receipt, ms. */
  latency: { p50: number; p95: number; p99: number; max: number };
  received: number;
  missing: number;
  /** Requests beyond the first for one event. */
  duplicates: number;
  /** Attempts the delivery log recorded for the phase's deliveries, and their outcome. */
  attempts: number;
  succeeded: number;
  /** CPU of the bench process (writer and dispatcher) and of the receiver, ms per delivery. */
  cpuMsPerDelivery: { benchProcess: number; receiver: number };
  seconds: number;
}

export interface DatabaseFigures {
  database: string;
  phases: PhaseFigures[];
  signatures: SignatureSample;
  dispatcherErrors: number;
  loadAverage: { before: number[]; after: number[] };
}

/** Runs both phases on `target`, a database this call migrates and leaves to the caller. */
export async function benchWebhooks(
  label: string,
  target: DatabaseTarget,
  options: WebhookBenchOptions,
): Promise<DatabaseFigures> {
  const loadBefore = loadavg();
  const { ctx, close } = await createContext({
    database: target,
    webhooks: { allowPrivate: true, secrets: new SecretBox(randomBytes(32)) },
  });
  const receiver = await ReceiverProcess.start();
  const problems = { errors: 0, shown: 0 };
  const note = (level: string) => (object: unknown, message?: string) => {
    if (level === 'info') return;
    if (level === 'error') problems.errors += 1;
    if (problems.shown++ < 5) {
      options.log(`dispatcher ${level}: ${message ?? ''} ${JSON.stringify(object).slice(0, 300)}`);
    }
  };
  let dispatcher: { stop(): Promise<void> } | undefined;
  try {
    const subject = await seed(ctx);
    const { secret } = await createEndpoint(subject.caller, {
      url: receiver.url,
      eventTypes: ['*'],
      description: 'webhook bench receiver',
    });
    receiver.setSecret(secret);
    dispatcher = startWebhookDispatcher(ctx, {
      ...options.dispatcher,
      logger: { info: note('info'), warn: note('warn'), error: note('error') },
    });
    const gather = new Gatherer(receiver, options.stallMs);

    options.log(`${label}: warm-up, ${options.warmup} events`);
    const warm = await writeAll(ctx, subject, options.warmup, options.batch);
    await gather.until(warm.ids);
    await settled(ctx);

    const phases: PhaseFigures[] = [];
    for (const phase of ['throughput', 'rate'] as const) {
      options.log(
        phase === 'throughput'
          ? `${label}: throughput, ${options.events} events in transactions of ${options.batch}, as fast as possible`
          : `${label}: latency, ${options.events} events at ${options.rate}/s (${(options.rate * options.tickMs) / 1000} every ${options.tickMs} ms)`,
      );
      const before = await logCounts(ctx);
      const cpuBefore = process.cpuUsage();
      const receiverCpuBefore = receiver.cpuSeconds();
      const written =
        phase === 'throughput'
          ? await writeAll(ctx, subject, options.events, options.batch)
          : await writeAtRate(ctx, subject, options);
      const got = await gather.until(written.ids);
      const cpu = process.cpuUsage(cpuBefore);
      const receiverCpu = receiver.cpuSeconds() - receiverCpuBefore;
      await settled(ctx);
      const after = await logCounts(ctx);
      phases.push(
        figures(phase, written, got, {
          targetRate: phase === 'rate' ? options.rate : null,
          attempts: after.attempts - before.attempts,
          succeeded: after.succeeded - before.succeeded,
          benchCpuMs: (cpu.user + cpu.system) / 1000,
          receiverCpuMs: receiverCpu * 1000,
        }),
      );
      const last = phases.at(-1);
      if (last) {
        options.log(
          `${label}: ${phase}: ${last.deliveriesPerSecond.toFixed(0)} deliveries/s, p99 ${last.latency.p99.toFixed(0)} ms, ${last.missing} missing`,
        );
      }
    }
    await dispatcher.stop();
    dispatcher = undefined;
    return {
      database: label,
      phases,
      signatures: gather.sample,
      dispatcherErrors: problems.errors,
      loadAverage: { before: loadBefore, after: loadavg() },
    };
  } finally {
    await dispatcher?.stop();
    await receiver.stop();
    await close();
  }
}

interface Subject {
  caller: CallerContext;
  customerId: string;
  subscriptionIds: string[];
}

/** A partner, one customer with an order of two subscriptions: what the events are about. */
async function seed(ctx: AppContext): Promise<Subject> {
  const partner = await createPartner(ctx, { name: 'Webhook bench', instance: 'global' });
  const token: Actor = { type: 'token', id: newId(), name: 'PSA integration' };
  const caller: CallerContext = {
    ...ctx,
    partner,
    actor: token,
    role: 'global_admin',
    serverClock: ctx.clock,
  };
  const customer = await createCustomer(caller, {
    companyName: 'Contoso Webhooks Ltd',
    domain: `contoso-${partner.id.slice(-12)}.example`,
    country: 'US',
    segment: 'commercial',
    billingProfile: {
      firstName: 'Ada',
      lastName: 'Example',
      email: 'ada@contoso.example',
      address: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
    },
  });
  const { subscriptions } = await placeOrder(caller, customer.id, {
    billingCycle: 'monthly',
    lineItems: [
      { offerId: 'mail-basic', quantity: 5 },
      { offerId: 'office-apps-business', quantity: 3 },
    ],
  });
  return { caller, customerId: customer.id, subscriptionIds: subscriptions.map((s) => s.id) };
}

let renamed = 0;

/** A subscription renamed through the API, as `subscription.updated` records it. */
function renameEvent(subject: Subject): DomainEvent {
  renamed += 1;
  const subscriptionId = subject.subscriptionIds[renamed % subject.subscriptionIds.length] ?? '';
  return callerEvent(subject.caller, subject.caller.clock.now(), {
    type: 'subscription.updated',
    customerId: subject.customerId,
    subscriptionId,
    data: { friendlyName: `Mailboxes, floor ${renamed % 40}` },
  });
}

interface Written {
  ids: string[];
  /** Commit time of each event (epoch ms), in the order of `ids`. */
  committedAt: number[];
  /** When the phase began (its first transaction), epoch ms. */
  startedAt: number;
  lastCommitAt: number;
  lagMs: number;
}

const now = () => performance.timeOrigin + performance.now();

/** Commits `events` events in transactions of `batch`, one after the other, as fast as it can. */
async function writeAll(
  ctx: AppContext,
  subject: Subject,
  events: number,
  batch: number,
): Promise<Written> {
  const written: Written = {
    ids: [],
    committedAt: [],
    startedAt: now(),
    lastCommitAt: 0,
    lagMs: 0,
  };
  for (let done = 0; done < events; done += batch) {
    await commit(ctx, subject, Math.min(batch, events - done), written);
  }
  return written;
}

/**
 * Commits `rate × tickMs / 1000` events every `tickMs`, on a fixed schedule from the start: a
 * commit that ends late makes the next one start at once, never a tick skipped.
 */
async function writeAtRate(
  ctx: AppContext,
  subject: Subject,
  options: Pick<WebhookBenchOptions, 'events' | 'rate' | 'tickMs'>,
): Promise<Written> {
  const perTick = Math.max(1, Math.round((options.rate * options.tickMs) / 1000));
  const startedAt = now();
  const written: Written = { ids: [], committedAt: [], startedAt, lastCommitAt: 0, lagMs: 0 };
  for (let tick = 0, done = 0; done < options.events; tick += 1, done += perTick) {
    const due = startedAt + tick * options.tickMs;
    const wait = due - now();
    if (wait > 0) await sleep(wait);
    await commit(ctx, subject, Math.min(perTick, options.events - done), written);
    // How late this tick's commit was against the schedule's pace.
    written.lagMs = Math.max(written.lagMs, written.lastCommitAt - (due + options.tickMs));
  }
  return written;
}

async function commit(ctx: AppContext, subject: Subject, count: number, written: Written) {
  const events = Array.from({ length: count }, () => renameEvent(subject));
  await ctx.db.transaction().execute((trx) => appendEvents(trx, events));
  const at = now();
  for (const event of events) {
    written.ids.push(event.id);
    written.committedAt.push(at);
  }
  written.lastCommitAt = at;
}

/** Collects the receiver's receipts: the first time each webhook-id came, and the repeats. */
class Gatherer {
  private readonly first = new Map<string, number>();
  private readonly seen = new Map<string, number>();
  sample: SignatureSample = { checked: 0, verified: 0, failures: [] };

  constructor(
    private readonly receiver: ReceiverProcess,
    private readonly stallMs: number,
  ) {}

  /** Waits until every one of `ids` has come, or none came for stallMs; answers what came. */
  async until(ids: readonly string[]): Promise<Map<string, { at: number; times: number }>> {
    let lastNew = Date.now();
    let missing = ids.filter((id) => !this.first.has(id));
    while (missing.length > 0 && Date.now() - lastNew < this.stallMs) {
      await sleep(100);
      const { ids: got, times, sample } = await this.receiver.collect();
      this.sample = sample;
      got.forEach((id, i) => {
        this.seen.set(id, (this.seen.get(id) ?? 0) + 1);
        if (!this.first.has(id)) this.first.set(id, times[i] ?? Number.NaN);
      });
      if (got.length > 0) lastNew = Date.now();
      missing = missing.filter((id) => !this.first.has(id));
    }
    // Late repeats of delivered events: a last look after the log settled would miss none more.
    return new Map(
      ids.flatMap((id) => {
        const at = this.first.get(id);
        return at === undefined ? [] : [[id, { at, times: this.seen.get(id) ?? 0 }]];
      }),
    );
  }
}

/** Waits (30 s at most) until the dispatcher has recorded every attempt: nothing pending. */
async function settled(ctx: AppContext): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await pendingCount(ctx.db)) > 0 && Date.now() < deadline) await sleep(50);
}

async function logCounts(ctx: AppContext): Promise<{ attempts: number; succeeded: number }> {
  const attempts = await ctx.db
    .selectFrom('webhook_attempts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const succeeded = await ctx.db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', '=', 'succeeded')
    .executeTakeFirstOrThrow();
  return { attempts: Number(attempts.n), succeeded: Number(succeeded.n) };
}

function figures(
  phase: PhaseFigures['phase'],
  written: Written,
  got: Map<string, { at: number; times: number }>,
  extra: {
    targetRate: number | null;
    attempts: number;
    succeeded: number;
    benchCpuMs: number;
    receiverCpuMs: number;
  },
): PhaseFigures {
  const latencies: number[] = [];
  let lastReceipt = written.startedAt;
  let duplicates = 0;
  written.ids.forEach((id, i) => {
    const receipt = got.get(id);
    if (!receipt) return;
    latencies.push(receipt.at - (written.committedAt[i] ?? Number.NaN));
    lastReceipt = Math.max(lastReceipt, receipt.at);
    duplicates += receipt.times - 1;
  });
  latencies.sort((a, b) => a - b);
  // The throughput phase counts from its first commit, as the issue words it.
  const from =
    phase === 'throughput' ? (written.committedAt[0] ?? written.startedAt) : written.startedAt;
  const received = got.size;
  return {
    phase,
    events: written.ids.length,
    targetRate: extra.targetRate,
    writtenPerSecond: written.ids.length / ((written.lastCommitAt - written.startedAt) / 1000),
    writeLagMs: Math.max(0, written.lagMs),
    deliveriesPerSecond: received / ((lastReceipt - from) / 1000),
    latency: {
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      max: latencies.at(-1) ?? Number.NaN,
    },
    received,
    missing: written.ids.length - received,
    duplicates,
    attempts: extra.attempts,
    succeeded: extra.succeeded,
    cpuMsPerDelivery: {
      benchProcess: extra.benchCpuMs / Math.max(1, received),
      receiver: extra.receiverCpuMs / Math.max(1, received),
    },
    seconds: (lastReceipt - written.startedAt) / 1000,
  };
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}
