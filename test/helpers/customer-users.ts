import type { FastifyInstance } from 'fastify';

let sequence = 0;

/** A valid new-customer-user body with a unique email; override any field. */
export function newCustomerUserBody(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    email: `user-${process.pid}-${sequence}@contoso.example`,
    displayName: `User ${sequence}`,
    ...overrides,
  };
}

/** DELETE with the token (the shared client has no delete). */
export function del(app: FastifyInstance, token: string, url: string) {
  return app.inject({ method: 'DELETE', url, headers: { authorization: `Bearer ${token}` } });
}
