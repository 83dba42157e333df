import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** The operations' groups, in the order a reader meets them. */
const TAGS = [
  { name: 'catalog', description: 'Offers, markets and the partner’s clock.' },
  { name: 'customers', description: 'The partner’s customers.' },
  {
    name: 'orders',
    description: 'What a customer may buy, with the reasons for what it may not, and orders.',
  },
  {
    name: 'subscriptions',
    description:
      'Subscriptions: quantity, auto-renewal, suspension, reactivation, cancellation, add-ons, trial conversion and history, one customer’s or across customers.',
  },
  { name: 'customer users', description: 'The customer’s own users, who hold licenses.' },
  { name: 'licenses', description: 'Licenses of a subscription and the entitlement check.' },
  { name: 'billing', description: 'Price book, ledger, invoices, reconciliation and overview.' },
  { name: 'events', description: 'The partner’s audit log.' },
  { name: 'webhooks', description: 'Endpoints that receive events, and their deliveries.' },
  { name: 'users', description: 'The partner’s staff who sign in to the portal, and their roles.' },
  { name: 'session', description: 'Signing in to the portal with a cookie, and out.' },
  { name: 'sandbox', description: 'A sandbox partner’s clock, to move time in tests.' },
  { name: 'health', description: 'Liveness for load balancers and orchestrators; no token.' },
];

/** The OpenAPI document is generated from the route schemas: /openapi.json, browsable at /docs. */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Partner Subscription Center API',
        version,
        description:
          'Sell customers subscriptions to catalog offers and run them for their whole life. ' +
          'Errors are RFC 9457 problem details with a stable `code`.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      // Relative: a self-hosted server answers at whatever address it is reached by.
      servers: [{ url: '/', description: 'The server that serves this document' }],
      tags: TAGS,
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearer: [] }],
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
