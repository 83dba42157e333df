import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorDetail } from '../../domain/errors.js';
import type { ProblemCode } from '../problem-codes.js';
import { PROBLEM_STATUSES } from '../problem-statuses.js';
import { validationDetails } from './validation.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * The one place where errors become HTTP answers (RFC 9457). A DomainError keeps its code;
 * Fastify's own client errors get the closest code; anything else is logged and answered as an
 * opaque 500 that never shows internals.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      if (error.retryAfterSeconds !== undefined) {
        reply.header('retry-after', String(error.retryAfterSeconds));
      }
      return sendProblem(request, reply, error.code, error.message, error.errors);
    }
    if (error.validation) {
      const errors = validationDetails(error.validation as never, error.validationContext);
      const detail =
        errors.length === 1 && errors[0]
          ? errors[0].detail
          : `${errors.length} problems; see errors.`;
      return sendProblem(request, reply, 'validation_failed', detail, errors);
    }
    const clientCode = fastifyClientErrorCode(error);
    if (clientCode) return sendProblem(request, reply, clientCode, error.message);
    request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, 'internal_error', 'Something went wrong on our side.');
  });

  // The path only: a query string may hold something the client should not have sent (a token).
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      'route_not_found',
      `No route ${request.method} ${request.url.split('?')[0]}.`,
    ),
  );
}

function fastifyClientErrorCode(error: FastifyError): ProblemCode | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payload_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'validation_failed';
    default:
      break;
  }
  if (error instanceof SyntaxError) return 'validation_failed';
  const status = error.statusCode ?? 500;
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'service_unavailable';
  if (status >= 400 && status < 500) return 'validation_failed';
  return null;
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  detail: string,
  errors: ErrorDetail[] = [],
): FastifyReply {
  const body = problemBody(code, detail, {
    instance: request.url.split('?')[0],
    requestId: request.id,
    errors,
  });
  const { status } = body;
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="psc"');
  return reply.code(status).type(PROBLEM_CONTENT_TYPE).serializer(JSON.stringify).send(body);
}

/** The RFC 9457 body of a problem; a connection refused before it was a request has no ids. */
export function problemBody(
  code: ProblemCode,
  detail: string,
  about: { instance?: string | undefined; requestId?: string; errors?: ErrorDetail[] } = {},
) {
  const { status, title } = PROBLEM_STATUSES[code];
  const { errors = [] } = about;
  return {
    type: `urn:psc:problem:${code}`,
    title,
    status,
    detail,
    code,
    ...(about.instance === undefined ? {} : { instance: about.instance }),
    ...(about.requestId === undefined ? {} : { requestId: about.requestId }),
    ...(errors.length > 0 ? { errors } : {}),
  };
}
