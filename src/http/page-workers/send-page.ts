import type { FastifyReply, FastifyRequest } from 'fastify';
import { caller } from '../plugins/auth.js';
import { answerPage, type PageJob } from './page-job.js';
import type { PageWorkers } from './page-workers.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The threads that answer list pages; null where pages are answered in the event loop. */
    pageWorkers: PageWorkers | null;
  }
}

/**
 * Answers a list's page: from a page worker as the JSON it made (which Fastify sends as it is),
 * or else in the event loop, serialized by the route's schema. Either way the same bytes.
 */
export async function sendPage(request: FastifyRequest, reply: FastifyReply, job: PageJob) {
  const ctx = caller(request);
  const workers = request.server.pageWorkers;
  if (workers === null) return answerPage(ctx, job);
  const json = await workers.page(ctx, job);
  return reply.type('application/json; charset=utf-8').send(json);
}
