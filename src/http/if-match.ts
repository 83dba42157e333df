import type { FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';

/** The version named by If-Match (`"3"`, `W/"3"`), undefined without one or for `*`. */
export function ifMatchVersion(request: FastifyRequest, what: string): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!match?.[1]) {
    throw new DomainError('etag_mismatch', `If-Match ${header} is not an ETag of this ${what}.`);
  }
  return Number(match[1]);
}
