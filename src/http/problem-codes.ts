import { ERROR_CODES, type ErrorCode } from '../domain/errors.js';

/**
 * The codes only HTTP gives: a request refused before it reaches a service (no route, a body or
 * header too large, a request that is not HTTP) or a fault no service reports. No domain or
 * service code throws one; the domain's own codes are in src/domain/errors.ts.
 */
export const HTTP_ERROR_CODES = [
  'bad_request',
  'uri_too_long',
  'header_too_large',
  'request_timeout',
  'route_not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'not_acceptable',
  'internal_error',
  'service_unavailable',
] as const;

export type HttpErrorCode = (typeof HTTP_ERROR_CODES)[number];

/** Every code a problem answer can carry. */
export const PROBLEM_CODES = [...ERROR_CODES, ...HTTP_ERROR_CODES] as const;

export type ProblemCode = ErrorCode | HttpErrorCode;
