import type { paths } from '../api/schema.js';
import { defineCommand } from './command.js';
import { WRITE_OPTIONS, integer, parseCommand, requiredOneOf, requiredText } from './options.js';
import { printSubscription } from './subscription-view.js';
import { connect, idempotencyKey, type RemoteIo } from './session.js';
import { UsageError } from '../output.js';

type SubscriptionPatch = NonNullable<
  paths['/v1/customers/{customerId}/subscriptions/{subscriptionId}']['patch']['requestBody']
>['content']['application/json'];

const SUSPENSION_REASONS = ['customer_request', 'nonpayment', 'fraud', 'other'] as const;

export const CUSTOMER_FLAG = [
  '--customer CUSTOMER_ID',
  'The customer the subscription belongs to.',
] as const;

/**
 * Reads the subscription for its ETag, then sends the change with If-Match, so that a change
 * someone made in between is refused (412) instead of overwritten.
 */
async function patchSubscription(
  io: RemoteIo,
  ids: { customerId: string; subscriptionId: string },
  change: SubscriptionPatch,
  options: { json: boolean; idempotencyKey: string | undefined },
): Promise<void> {
  const session = connect(io);
  const path = { customerId: ids.customerId, subscriptionId: ids.subscriptionId };
  const current = await session.call(
    session.api.GET('/v1/customers/{customerId}/subscriptions/{subscriptionId}', {
      params: { path },
    }),
  );
  const updated = await session.call(
    session.api.PATCH('/v1/customers/{customerId}/subscriptions/{subscriptionId}', {
      params: { path },
      body: change,
      headers: { 'If-Match': current.etag, ...idempotencyKey(options.idempotencyKey) },
    }),
  );
  printSubscription(io, updated, options.json);
}

const CHANGE_OPTIONS = { ...WRITE_OPTIONS, customer: { type: 'string' } } as const;

function changeCommand(spec: {
  verb: string;
  summary: string;
  synopsis?: string;
  flags?: readonly (readonly [string, string])[];
  options?: Record<string, { type: 'string' | 'boolean' }>;
  change: (values: Record<string, string | boolean | undefined>) => SubscriptionPatch;
}) {
  return defineCommand({
    name: `subscriptions ${spec.verb}`,
    synopsis: `SUBSCRIPTION_ID --customer CUSTOMER_ID ${spec.synopsis ?? ''}[--idempotency-key K] [--json]`,
    summary: spec.summary,
    flags: [CUSTOMER_FLAG, ...(spec.flags ?? [])],
    common: ['--idempotency-key K', '--json'],
    async run(args, io) {
      const { values, positionals } = parseCommand(args, { ...CHANGE_OPTIONS, ...spec.options }, [
        'SUBSCRIPTION_ID',
      ]);
      const all = values as Record<string, string | boolean | undefined>;
      const change = spec.change(all);
      await patchSubscription(
        io,
        {
          customerId: requiredText(values.customer, '--customer'),
          subscriptionId: positionals[0] ?? '',
        },
        change,
        { json: values.json === true, idempotencyKey: values['idempotency-key'] },
      );
    },
  });
}

export const subscriptionsSuspend = changeCommand({
  verb: 'suspend',
  synopsis: '--reason REASON ',
  summary:
    'Suspend a subscription (its add-ons follow). The answer tells the day its data will be deleted.',
  flags: [['--reason REASON', SUSPENSION_REASONS.join(', ')]],
  options: { reason: { type: 'string' } },
  change: (values) => ({
    status: 'suspended',
    suspensionReason: requiredOneOf(values.reason, '--reason', SUSPENSION_REASONS),
  }),
});

export const subscriptionsReactivate = changeCommand({
  verb: 'reactivate',
  summary: 'Reactivate a suspended subscription (before its data is deleted).',
  change: () => ({ status: 'active' }),
});

export const subscriptionsCancel = changeCommand({
  verb: 'cancel',
  summary: 'Cancel a subscription inside its cancellation window (its add-ons follow).',
  change: () => ({ status: 'deleted' }),
});

export const subscriptionsSetQuantity = changeCommand({
  verb: 'set-quantity',
  synopsis: '--quantity N ',
  summary: 'Change the number of licenses (a decrease only inside its window).',
  flags: [['--quantity N', 'The new quantity.']],
  options: { quantity: { type: 'string' } },
  change: (values) => ({
    quantity: integer(requiredText(values.quantity, '--quantity'), '--quantity'),
  }),
});

export const subscriptionsSetAutoRenew = changeCommand({
  verb: 'set-auto-renew',
  synopsis: '--on|--off ',
  summary: 'Turn auto-renew on or off: with it off, the subscription expires at its term end.',
  flags: [
    ['--on', 'Renew at the term end.'],
    ['--off', 'Let it expire at the term end.'],
  ],
  options: { on: { type: 'boolean' }, off: { type: 'boolean' } },
  change: (values) => {
    if ((values.on === true) === (values.off === true)) {
      throw new UsageError('say either --on or --off');
    }
    return { autoRenewEnabled: values.on === true };
  },
});
