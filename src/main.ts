import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig } from './config.js';
import { createContext } from './create-context.js';
import { buildApp } from './http/app.js';
import { PageWorkers } from './http/page-workers/page-workers.js';
import { startScheduler } from './jobs/scheduler.js';
import { dispatcherOptions, startWebhookDispatcher } from './jobs/webhook-dispatcher.js';
import { webhookSettings } from './secret-keys.js';
import { createLogger } from './logger.js';
import { startMetricsListener } from './metrics/listener.js';
import { createMetrics } from './metrics/registry.js';
import { bootstrapDemo, type Bootstrapped } from './services/bootstrap-demo.js';
import { CatalogError } from './store/catalog-files.js';
import { commitsSettled } from './store/dialects/dialect-of.js';
import { MigrationFailedError } from './store/migrate.js';
import { VERSION } from './version.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { ctx, close } = await createContext({
    database: config.database,
    catalog: config.catalogPath,
    webhooks: webhookSettings(config, { warn: (message) => logger.warn(message) }),
  });
  // Metrics cost every request a little: kept only where someone can read them.
  const metrics =
    config.metrics.token !== undefined || config.metrics.port !== undefined
      ? createMetrics(ctx)
      : undefined;
  const pageWorkers =
    config.readWorkers > 0
      ? new PageWorkers({
          size: config.readWorkers,
          target: config.database,
          catalogPath: config.catalogPath,
          settled: () => commitsSettled(ctx.db),
        })
      : undefined;
  const app = await buildApp(ctx, {
    logger,
    version: VERSION,
    portalDir: config.portalDir,
    trustProxy: config.trustProxy,
    timeouts: config.timeouts,
    ...(metrics && { metrics: { registry: metrics, token: config.metrics.token } }),
    ...(pageWorkers && { pageWorkers }),
  });

  const demo = await bootstrapDemo(ctx, {
    instance: config.instance,
    token: config.bootstrapToken,
    password: config.bootstrapPassword,
  });
  const scheduler =
    config.scheduler === 'inline'
      ? startScheduler(ctx, { intervalMs: config.schedulerIntervalMs, logger })
      : undefined;
  const dispatcher =
    config.scheduler === 'inline'
      ? startWebhookDispatcher(ctx, { ...dispatcherOptions(config), logger })
      : undefined;

  const metricsListener =
    metrics === undefined || config.metrics.port === undefined
      ? undefined
      : await startMetricsListener(metrics, {
          port: config.metrics.port,
          host: config.metrics.host,
        });

  closeWithGrace({ delay: 10_000, logger }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'shutting down after an error');
    else logger.info({ signal }, 'shutting down');
    await app.close();
    await pageWorkers?.close();
    await metricsListener?.close();
    await scheduler?.stop();
    await dispatcher?.stop();
    await close();
  });
  await pageWorkers?.ready();
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${(app.server.address() as { port: number }).port}`;
  logger.info(
    { url, database: config.databaseUrl, catalog: ctx.catalog.catalog.version },
    'listening',
  );
  if (demo) printWelcome(url, demo);
}

/** Printed once, on the first start: the only time generated secrets are ever shown. */
function printWelcome(url: string, demo: Bootstrapped): void {
  const lines = [
    '',
    'Partner Subscription Center is ready with demo data.',
    `  Portal and API:  ${url}`,
    `  API reference:   ${url}/docs`,
    `  Demo partner:    ${demo.partner.id}`,
    `  Sign in as:      ${demo.adminEmail}`,
    demo.generatedPassword === undefined
      ? '  Password:        the value of PSC_BOOTSTRAP_PASSWORD'
      : `  Password:        ${demo.generatedPassword}   (shown only now)`,
    demo.tokenGenerated
      ? `  API token:       ${demo.token}   (shown only now; keep it safe)`
      : '  API token:       the value of PSC_BOOTSTRAP_TOKEN',
    `  Try:             curl -H "Authorization: Bearer <token>" ${url}/v1/customers`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof CatalogError ||
    error instanceof MigrationFailedError
  ) {
    process.stderr.write(`psc: ${error.message}\n`);
  } else {
    process.stderr.write(`psc: could not start: ${String(error)}\n`);
  }
  process.exit(1);
});
