import { defineCommand } from './command.js';
import { OUTPUT_OPTIONS, parseCommand, requiredText } from './options.js';
import { CUSTOMER_FLAG } from './subscription-changes.js';
import { printSubscription } from './subscription-view.js';
import { connect } from './session.js';

export const subscriptionsGet = defineCommand({
  name: 'subscriptions get',
  synopsis: 'SUBSCRIPTION_ID --customer CUSTOMER_ID [--json]',
  summary: 'Show one subscription, with its ETag and what may be done with it now.',
  flags: [CUSTOMER_FLAG],
  common: ['--json'],
  async run(args, io) {
    const { values, positionals } = parseCommand(
      args,
      { ...OUTPUT_OPTIONS, customer: { type: 'string' } },
      ['SUBSCRIPTION_ID'],
    );
    const session = connect(io);
    const subscription = await session.call(
      session.api.GET('/v1/customers/{customerId}/subscriptions/{subscriptionId}', {
        params: {
          path: {
            customerId: requiredText(values.customer, '--customer'),
            subscriptionId: positionals[0] ?? '',
          },
        },
      }),
    );
    printSubscription(io, subscription, values.json === true);
  },
});
