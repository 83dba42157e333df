import createClient from 'openapi-fetch';
import { ApiProblemError, UnreachableError } from '../remote/errors.js';
import type { Connection } from '../remote/connection.js';
import type { components, paths } from './schema.js';

/** Every shape comes from the server's OpenAPI document (`npm run api:generate`). */
export type Schemas = components['schemas'];
export type ApiClient = ReturnType<typeof createApiClient>;

/** The typed client of psc's REST API, sending the token on every request. */
export function createApiClient(connection: Connection) {
  return createClient<paths>({
    baseUrl: connection.url,
    headers: { authorization: `Bearer ${connection.token}`, 'user-agent': 'psc-cli' },
  });
}

/**
 * The data of a successful answer. A refusal throws ApiProblemError with the server's problem,
 * no answer at all (refused connection, DNS, reset) UnreachableError.
 */
export async function answer<T>(
  connection: Connection,
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ data: T; response: Response }> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch (error) {
    throw new UnreachableError(connection.url, error);
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const problem = typeof error === 'object' && error !== null ? error : {};
    throw new ApiProblemError(response.status, problem);
  }
  return { data: data as T, response };
}
