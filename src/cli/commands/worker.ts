import { loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { runDueWork } from '../../services/run-due-work.js';
import { startScheduler } from '../../jobs/scheduler.js';
import { dispatcherOptions, startWebhookDispatcher } from '../../jobs/webhook-dispatcher.js';
import { parseOptions } from '../args.js';
import { UsageError, type CommandOutput } from '../output.js';
import { withContext } from '../with-context.js';

/**
 * A separate lifecycle and webhook worker. Any number may run beside the servers (set PSC_SCHEDULER=off on
 * the servers to leave the work to them); on PostgreSQL they share the work without doing any
 * item twice.
 */
export async function runWorker(args: string[], out: CommandOutput): Promise<void> {
  const options = parseOptions(args, {
    once: { type: 'boolean', default: false },
    'interval-ms': { type: 'string' },
  });
  const config = loadConfig();
  const interval = options['interval-ms'];
  const intervalMs = interval === undefined ? config.schedulerIntervalMs : Number(interval);
  if (!Number.isInteger(intervalMs) || intervalMs < 100) {
    throw new UsageError('--interval-ms must be a whole number of milliseconds, at least 100');
  }
  await withContext(async (ctx) => {
    if (options.once) {
      out.stdout(JSON.stringify(await runDueWork(ctx)));
      return;
    }
    const logger = createLogger(config.logLevel);
    const scheduler = startScheduler(ctx, { intervalMs, logger });
    const dispatcher = startWebhookDispatcher(ctx, { ...dispatcherOptions(config), logger });
    logger.info({ intervalMs }, 'worker started');
    await new Promise<void>((resolve) => {
      process.once('SIGTERM', resolve);
      process.once('SIGINT', resolve);
    });
    await Promise.all([scheduler.stop(), dispatcher.stop()]);
    logger.info('worker stopped');
  });
}
