import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { PageWorkers } from './page-workers/page-workers.js';
import type { AppContext } from '../services/context.js';
import { newId } from '../services/ids.js';
import { installAuth } from './plugins/auth.js';
import { refuseMalformedIdempotencyKeys } from './plugins/idempotency.js';
import {
  MAX_PARAM_LENGTH,
  answerClientError,
  answerFrameworkError,
} from './plugins/client-errors.js';
import { installCorrelation } from './plugins/correlation.js';
import { installErrorHandling } from './plugins/errors.js';
import { installOpenApi } from './plugins/openapi.js';
import { installPortal } from './plugins/portal.js';
import { installSecurityHeaders } from './plugins/security-headers.js';
import { installValidators } from './plugins/validation.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';
import { installRequestMetrics } from '../metrics/http-requests.js';
import { customerOfferRoutes } from './routes/v1/customer-offers.js';
import { customerUserRoutes } from './routes/v1/customer-users.js';
import { customerRoutes } from './routes/v1/customers.js';
import { entitlementRoutes } from './routes/v1/entitlements.js';
import { eventRoutes } from './routes/v1/events.js';
import { licenseRoutes } from './routes/v1/licenses.js';
import { offerRoutes } from './routes/v1/offers.js';
import { orderRoutes } from './routes/v1/orders.js';
import { clockRoutes } from './routes/v1/clock.js';
import { sandboxRoutes } from './routes/v1/sandbox.js';
import { sessionRoutes } from './routes/v1/session.js';
import { userRoutes } from './routes/v1/users.js';
import { UserSchema } from './schemas/user.js';
import { subscriptionRoutes } from './routes/v1/subscriptions.js';
import { DEFAULT_TIMEOUTS, timeoutOptions, type ServerTimeouts } from './timeouts.js';
import { ErrorItem, Problem } from './schemas/common.js';
import {
  BillingOverviewSchema,
  ChargeSchema,
  InvoiceSchema,
  InvoiceSummaryPageSchema,
  InvoiceSummarySchema,
  OrderPreviewSchema,
  PriceBookSchema,
} from './schemas/billing.js';
import { billingRoutes } from './routes/v1/billing.js';
import { webhookRoutes } from './routes/v1/webhooks.js';
import { partnerSubscriptionRoutes } from './routes/v1/partner-subscriptions.js';
import { PartnerSubscriptionSchema } from './schemas/partner-subscriptions.js';
import {
  WebhookDeliverySchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from './schemas/webhook.js';
import { CustomerSchema } from './schemas/customer.js';
import { CustomerUserSchema, EntitlementSchema, LicenseSchema } from './schemas/customer-user.js';
import { OfferSchema } from './schemas/offer.js';
import {
  EventSchema,
  OfferAvailabilitySchema,
  OrderSchema,
  SubscriptionSchema,
} from './schemas/subscription.js';

export interface AppOptions {
  /** A pino logger, or false for none (tests). */
  logger: FastifyBaseLogger | false;
  version: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** The built portal to serve at `/`; none is served where it has no index.html. */
  portalDir?: string;
  /** Proxies believed about the client's address and protocol (see Config.trustProxy). */
  trustProxy?: boolean | number | string[];
  /** How long a client may take to send a request (see Config.timeouts). */
  timeouts?: ServerTimeouts;
  /**
   * Times every request into the registry (src/metrics); with a token, also serves it at
   * `/metrics` to a scraper sending that token (else only a metrics listener serves it).
   */
  metrics?: { registry: Registry; token: string | undefined };
  /** Threads that answer the subscription lists' pages (PSC_READ_WORKERS); none: the event loop. */
  pageWorkers?: PageWorkers;
}

export const DEFAULT_BODY_LIMIT = 256 * 1024;

/** Fastify's own form of the setting: a count of proxies becomes "the nearest N hops". */
function proxyTrust(trust: boolean | number | string[]) {
  if (typeof trust !== 'number') return trust;
  return (_address: string, hop: number) => hop < trust;
}

/**
 * Builds the HTTP application: validators and error handling first, so every route answers the
 * same way; then the documentation; then the public and the authenticated routes.
 */
export async function buildApp(ctx: AppContext, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger === false ? { logger: false } : { loggerInstance: options.logger }),
    genReqId: () => newId(),
    requestIdHeader: false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: proxyTrust(options.trustProxy ?? false),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ...timeoutOptions(options.timeouts ?? DEFAULT_TIMEOUTS),
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  // The API speaks JSON only: any other body is 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  app.decorate('pageWorkers', options.pageWorkers ?? null);
  installValidators(app);
  installErrorHandling(app);
  installCorrelation(app);
  if (options.metrics) installRequestMetrics(app, options.metrics.registry);
  installSecurityHeaders(app, options.portalDir);
  const shared = [
    ErrorItem,
    Problem,
    OfferSchema,
    CustomerSchema,
    SubscriptionSchema,
    OrderSchema,
    OfferAvailabilitySchema,
    EventSchema,
    UserSchema,
    CustomerUserSchema,
    LicenseSchema,
    EntitlementSchema,
    PriceBookSchema,
    ChargeSchema,
    InvoiceSummarySchema,
    InvoiceSummaryPageSchema,
    InvoiceSchema,
    OrderPreviewSchema,
    BillingOverviewSchema,
    WebhookEndpointSchema,
    WebhookEndpointWithSecretSchema,
    WebhookDeliverySchema,
    PartnerSubscriptionSchema,
  ];
  for (const schema of shared) app.addSchema(schema);
  await app.register(cookie);
  await installOpenApi(app, options.version);

  healthRoutes(app, ctx);
  if (options.metrics?.token !== undefined) {
    metricsRoutes(app, options.metrics.registry, options.metrics.token);
  }
  await app.register(
    (v1, _opts, done) => {
      installAuth(v1, ctx);
      refuseMalformedIdempotencyKeys(v1);
      offerRoutes(v1, ctx);
      customerRoutes(v1);
      customerOfferRoutes(v1);
      orderRoutes(v1);
      subscriptionRoutes(v1);
      customerUserRoutes(v1);
      licenseRoutes(v1);
      entitlementRoutes(v1);
      eventRoutes(v1);
      sandboxRoutes(v1);
      clockRoutes(v1);
      sessionRoutes(v1, ctx);
      userRoutes(v1);
      billingRoutes(v1);
      webhookRoutes(v1);
      partnerSubscriptionRoutes(v1);
      done();
    },
    { prefix: '/v1' },
  );
  await installPortal(app, options.portalDir);
  return app;
}
