import type { FastifyInstance } from 'fastify';

const CORRELATION_HEADERS = ['x-correlation-id', 'ms-correlationid'] as const;
const SAFE_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * Every answer carries the request id, and echoes the caller's correlation id (also under
 * Partner Center's name MS-CorrelationId) so that both sides can find one request in their logs.
 */
export function installCorrelation(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    for (const name of CORRELATION_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string' && SAFE_ID.test(value)) {
        reply.header('x-correlation-id', value);
        request.log = reply.log = request.log.child({ correlationId: value });
        break;
      }
    }
    done();
  });
}
