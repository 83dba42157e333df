/**
 * A page worker's thread: reads subscription list pages from its own read-only connection and
 * answers each as the route's JSON, so that a page's CPU (the query, its rows, the domain's
 * actions, the presenting and the serializing) runs beside the server's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import fastJson from 'fast-json-stringify';
import { createContext } from '../../create-context.js';
import { fixedClock } from '../../domain/clock.js';
import { DomainError } from '../../domain/errors.js';
import {
  PartnerSubscriptionPageSchema,
  PartnerSubscriptionSchema,
} from '../schemas/partner-subscriptions.js';
import { SubscriptionPageSchema, SubscriptionSchema } from '../schemas/subscription.js';
import { answerPage, type PageJob } from './page-job.js';
import type { PageReply, PageRequest, PageWorkerData, PageWorkerReady } from './page-messages.js';

const port = parentPort;
if (!port) throw new Error('page-worker.ts runs as a worker thread');
const data = workerData as PageWorkerData;
const { ctx } = await createContext({
  database: data.target,
  catalog: data.catalogPath,
  readOnly: true,
});

// Fastify serializes a route's answer with fast-json-stringify from the route's schema and the
// app's shared schemas; the same schemas here give the same bytes.
const external = {
  schema: {
    Subscription: SubscriptionSchema,
    PartnerSubscription: PartnerSubscriptionSchema,
  },
};
const serializers: Record<PageJob['list'], (page: object) => string> = {
  customer: fastJson(SubscriptionPageSchema, external),
  partner: fastJson(PartnerSubscriptionPageSchema, external),
};

port.on('message', (request: PageRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});
port.postMessage({ ready: true } satisfies PageWorkerReady);

async function answer({ id, job, caller }: PageRequest): Promise<PageReply> {
  const { now, ...who } = caller;
  const clock = fixedClock(new Date(now));
  try {
    const page = await answerPage({ ...ctx, ...who, clock, serverClock: clock }, job);
    return { id, body: serializers[job.list](page) };
  } catch (error) {
    if (error instanceof DomainError) {
      const { code, message, errors, retryAfterSeconds } = error;
      return { id, refusal: { code, message, errors, retryAfterSeconds } };
    }
    return { id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
