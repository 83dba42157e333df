import type { LightMyRequestResponse } from 'fastify';
import { DETAIL_CODES } from '../../src/domain/errors.js';
import { PROBLEM_CODES } from '../../src/http/problem-codes.js';
import { fingerprintDiff, type Fingerprint } from './db-fingerprint.js';
import { show, type FuzzRequest } from './requests.js';

/**
 * What must hold after every fuzzed request: no 5xx; every 4xx and 5xx is
 * application/problem+json with the documented fields and codes of the registries; and a refused
 * request changed nothing in the database.
 */
const CODES: ReadonlySet<string> = new Set(PROBLEM_CODES);
const ITEM_CODES: ReadonlySet<string> = new Set(DETAIL_CODES);

export interface Violation {
  /** What broke, without the route: `500 internal_error: DatabaseError [22021] …`. */
  cause: string;
  what: string;
}

export function violationsOf(
  request: FuzzRequest,
  response: LightMyRequestResponse,
  before: Fingerprint,
  after: Fingerprint,
  loggedError: string | undefined,
): Violation[] {
  const status = response.statusCode;
  const out: Violation[] = [];
  if (status < 400) return out;
  const contentType = String(response.headers['content-type'] ?? '');
  let body: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(response.body);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      body = parsed as Record<string, unknown>;
    }
  } catch {
    // not JSON: said below
  }
  const code = typeof body?.code === 'string' ? body.code : undefined;
  if (status >= 500) {
    const cause = loggedError ? normaliseCause(loggedError) : 'nothing logged';
    out.push({
      cause: `${status} ${code ?? '?'}: ${cause}`,
      what: `${status} answer`,
    });
  }
  if (request.method === 'HEAD') {
    // A HEAD answer has no body: its headers must still say problem+json.
    if (!contentType.startsWith('application/problem+json')) {
      out.push({
        cause: `${status} to HEAD: content-type ${contentType || '(none)'}`,
        what: `a ${status} that is not application/problem+json`,
      });
    }
  } else if (!contentType.startsWith('application/problem+json')) {
    out.push({
      cause: `${status}: content-type ${contentType || '(none)'} (code ${code ?? 'none'})`,
      what: `a ${status} that is not application/problem+json`,
    });
  } else if (!body) {
    out.push({
      cause: `${status}: problem body is not a JSON object`,
      what: 'unparsable problem',
    });
  } else {
    const wrong: string[] = [];
    for (const field of ['type', 'title', 'detail', 'code'] as const) {
      if (typeof body[field] !== 'string') wrong.push(`${field} is not a string`);
    }
    if (body.status !== status) wrong.push(`status ${show(body.status)} ≠ ${status}`);
    if (code !== undefined && !CODES.has(code))
      wrong.push(`code ${show(code)} is not in PROBLEM_CODES`);
    if (body.errors !== undefined) {
      const items = body.errors;
      if (
        !Array.isArray(items) ||
        items.some(
          (e: unknown) =>
            typeof e !== 'object' ||
            e === null ||
            typeof (e as { code?: unknown }).code !== 'string' ||
            typeof (e as { detail?: unknown }).detail !== 'string',
        )
      ) {
        wrong.push('errors is not a list of { code, detail }');
      } else {
        for (const item of items as { code: string }[]) {
          if (!ITEM_CODES.has(item.code))
            wrong.push(`item code ${show(item.code)} is not in DETAIL_CODES`);
        }
      }
    }
    if (wrong.length > 0) {
      out.push({
        cause: `${status}: ${wrong.join('; ')}`,
        what: 'malformed problem',
      });
    }
  }
  const changed = fingerprintDiff(before, after);
  if (changed.length > 0) {
    out.push({
      cause: `${status} ${code ?? '?'}: refused but changed ${changed.map((c) => c.split(' ')[0]).join(', ')}`,
      what: `refused, yet the database changed: ${changed.join(', ')}`,
    });
  }
  return out;
}

/** The cause of a 500 without the parts that differ between occurrences (ids, values). */
function normaliseCause(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/"[^"]{20,}"/g, '"…"')
    .replace(/:\d+:\d+\)?/g, '')
    .slice(0, 200);
}

export interface Failure {
  /** The route key: `GET /v1/customers`. */
  route: string;
  /** What broke there (Violation.cause). */
  cause: string;
  count: number;
  /** The first request that showed it. */
  example: string;
}

/** The request and the answer, as a report names them: method, url, headers, body, truncated. */
export function describeExchange(
  request: FuzzRequest,
  headers: Record<string, string>,
  response: LightMyRequestResponse | null,
  index: number,
  what: string,
  loggedError: string | undefined,
): string {
  const shownHeaders = Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [
      k,
      /^(authorization|cookie|x-csrf-token)$/.test(k) ? redact(v) : v,
    ]),
  );
  const lines = [
    `  #${index} ${what}`,
    `  request: ${request.method} ${truncate(request.url, 300)}`,
    `    auth: ${request.auth.kind}${request.auth.kind === 'token' ? ` (${request.auth.side.name} partner)` : ''}${request.authMutation ? `, ${request.authMutation}` : ''}`,
    `    headers: ${truncate(JSON.stringify(shownHeaders), 400)}`,
    `    body: ${request.payload === undefined ? '(none)' : show(request.payload, 400)}`,
    `    hostile: ${request.mutations.length > 0 ? request.mutations.join(' | ') : '(none: a valid request)'}`,
  ];
  if (response) {
    lines.push(
      `  answer: ${response.statusCode} ${String(response.headers['content-type'] ?? '(no content-type)')}`,
      `    body: ${truncate(response.body, 400)}`,
    );
  }
  if (loggedError) lines.push(`    logged: ${truncate(loggedError, 400)}`);
  return lines.join('\n');
}

function redact(value: string): string {
  return value.replace(
    /(psc_session=|Bearer\s+|bearer\s+)?[A-Za-z0-9_-]{20,}/g,
    (_m, prefix: string | undefined) => `${prefix ?? ''}<secret>`,
  );
}

function truncate(text: string, max: number): string {
  const printable = JSON.stringify(text).slice(1, -1);
  return printable.length > max ? `${printable.slice(0, max)}…(${text.length} chars)` : printable;
}
