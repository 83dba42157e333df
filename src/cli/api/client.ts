import createClient from 'openapi-fetch';
import { ApiProblemError, UnreachableError } from '../remote/errors.js';
import type { Connection } from '../remote/connection.js';
import type { components, paths } from './schema.js';

/** Every shape comes from the server's OpenAPI document (`npm run api:generate`). */
export type Schemas = components['schemas'];
export type ApiClient = ReturnType<typeof createApiClient>;

/** How long one request may take before psc gives up on the server (exit 6). */
const REQUEST_TIMEOUT_MS = 60_000;

/** The typed client of psc's REST API, sending the token on every request. */
export function createApiClient(connection: Connection) {
  return createClient<paths>({
    baseUrl: connection.url,
    headers: { authorization: `Bearer ${connection.token}`, 'user-agent': 'psc-cli' },
    fetch: (request) => fetch(request, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }),
  });
}

/**
 * The data of a successful answer. A refusal throws ApiProblemError with the server's problem,
 * no answer at all (refused connection, DNS, reset, timeout) UnreachableError.
 */
export async function answer<T>(
  connection: Connection,
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ data: T; response: Response }> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch (error) {
    if (isNoAnswer(error)) throw new UnreachableError(connection.url, error);
    throw error;
  }
  const { data, error, response } = result;
  if (!response.ok) throw new ApiProblemError(response.status, problemOf(response, error));
  return { data: data as T, response };
}

/** fetch fails with a TypeError when no answer came, and a DOMException when it timed out. */
function isNoAnswer(error: unknown): boolean {
  return (
    error instanceof TypeError ||
    (error instanceof DOMException && ['TimeoutError', 'AbortError'].includes(error.name))
  );
}

/** The server's problem, or for an answer that is not one (a proxy's page) its status in words. */
function problemOf(response: Response, error: unknown): Partial<Schemas['Problem']> {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return error as Partial<Schemas['Problem']>;
  }
  const body = typeof error === 'string' ? error.trim().split('\n')[0]?.slice(0, 200) : undefined;
  return {
    title: `HTTP ${response.status} ${response.statusText}`.trim(),
    ...(body ? { detail: body } : {}),
  };
}
