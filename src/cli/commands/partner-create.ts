import { INSTANCES, type Instance } from '../../domain/partner.js';
import { createApiToken } from '../../services/create-api-token.js';
import { createPartner } from '../../services/create-partner.js';
import { inTransaction } from '../../store/transaction.js';
import { parseOptions, required } from '../args.js';
import { UsageError, type CommandOutput } from '../output.js';
import { withContext } from '../with-context.js';

export async function runPartnerCreate(args: string[], out: CommandOutput): Promise<void> {
  const options = parseOptions(args, {
    name: { type: 'string' },
    instance: { type: 'string', default: 'global' },
    'billing-day': { type: 'string', default: '1' },
    sandbox: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  const name = required(options.name, '--name');
  const instance = options.instance as Instance;
  if (!INSTANCES.includes(instance)) {
    throw new UsageError(`--instance must be one of ${INSTANCES.join(', ')}`);
  }
  const billingDay = Number(options['billing-day']);
  if (!/^\d+$/.test(options['billing-day'])) {
    throw new UsageError('--billing-day must be a day from 1 to 28');
  }
  const { partner, secret } = await withContext((ctx) =>
    inTransaction(ctx.db, async (trx) => {
      const txCtx = { ...ctx, db: trx };
      const created = await createPartner(txCtx, {
        name,
        instance,
        billingDay,
        isSandbox: options.sandbox,
      });
      const token = await createApiToken(txCtx, { partnerId: created.id, name: 'Admin token' });
      return { partner: created, secret: token.secret };
    }),
  );
  if (options.json) {
    out.stdout(
      JSON.stringify({
        partner: { ...partner, createdAt: partner.createdAt.toISOString() },
        token: secret,
      }),
    );
    return;
  }
  out.stdout(
    [
      `Created partner ${partner.name} (${partner.id})`,
      `  instance ${partner.instance}, billing day ${partner.billingDay}${partner.isSandbox ? ', sandbox' : ''}`,
      `API token (shown only now): ${secret}`,
    ].join('\n'),
  );
}
