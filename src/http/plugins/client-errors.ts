import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type {
  ConnectionError,
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import type { HttpErrorCode } from '../problem-codes.js';
import { PROBLEM_CONTENT_TYPE, problemBody, sendProblem } from './errors.js';

/** Longest path segment (an id, say) the router takes; a longer one is 414. */
export const MAX_PARAM_LENGTH = 100;

/**
 * Fastify's answers to a URL it cannot route, before any route or error handler runs: bad
 * percent-encoding and over-long path segments. Made problems like every other error.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (error.code === 'FST_ERR_BAD_URL') {
    sendProblem(request, reply, 'bad_request', 'The path is not valid percent-encoded UTF-8.');
  } else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const detail = `A path segment is longer than ${MAX_PARAM_LENGTH} characters.`;
    sendProblem(request, reply, 'uri_too_long', detail);
  } else {
    request.log.error({ err: error }, 'request failed before routing');
    sendProblem(request, reply, 'internal_error', 'Something went wrong on our side.');
  }
}

/**
 * Node's HTTP parser refuses some requests before they become one (headers too large, a request
 * line that is not HTTP, a request or its headers that took too long): the answer is written on
 * the socket itself, as a problem, and the connection closed, since what follows cannot be read.
 */
export function answerClientError(
  this: FastifyInstance,
  error: ConnectionError,
  socket: Socket,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, detail] = clientErrorProblem(error.code);
  this.log.debug({ err: error }, 'client error');
  // An answer already begun (a response that timed out halfway) cannot be replaced by another.
  if (socket.writable && socket.bytesWritten === 0) {
    const problem = problemBody(code, detail);
    const body = JSON.stringify(problem);
    const { status } = problem;
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
        `content-type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        'connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}

function clientErrorProblem(nodeCode: string): [HttpErrorCode, string] {
  switch (nodeCode) {
    case 'HPE_HEADER_OVERFLOW':
      return ['header_too_large', 'The request line and headers are larger than allowed.'];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return ['request_timeout', 'The request did not arrive in time.'];
    default:
      return ['bad_request', 'The request is not well-formed HTTP/1.1.'];
  }
}
