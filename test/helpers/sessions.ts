import type { InjectOptions } from 'fastify';
import type { TestApp } from './app.js';

/** Signs in through POST /v1/session; the answer as it came. */
export function signIn(t: TestApp, email: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/v1/session', payload: { email, password } });
}

/**
 * A client bound to a portal session (its cookie and CSRF token), signed in with `password`;
 * throws unless the sign-in succeeded.
 */
export async function sessionClient(t: TestApp, email: string, password: string) {
  const answer = await signIn(t, email, password);
  if (answer.statusCode !== 201) throw new Error(`sign-in failed: ${answer.body}`);
  const headers = {
    cookie: String(answer.headers['set-cookie']).split(';')[0] ?? '',
    'x-csrf-token': answer.json<{ csrfToken: string }>().csrfToken,
  };
  const send = (method: InjectOptions['method'], url: string, payload?: unknown, extra = {}) =>
    t.app.inject({
      method,
      url,
      headers: { ...headers, ...extra },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  return {
    signedIn: answer.json<{ user: { id: string; mustChangePassword: boolean } }>(),
    get: (url: string, extra?: Record<string, string>) => send('GET', url, undefined, extra),
    post: (url: string, body: unknown, extra?: Record<string, string>) =>
      send('POST', url, body, extra),
    patch: (url: string, body: unknown, extra?: Record<string, string>) =>
      send('PATCH', url, body, extra),
    put: (url: string, body: unknown, extra?: Record<string, string>) =>
      send('PUT', url, body, extra),
    delete: (url: string, extra?: Record<string, string>) => send('DELETE', url, undefined, extra),
  };
}
