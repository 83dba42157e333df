import type { Schemas } from '../api/client.js';
import { defineCommand } from './command.js';
import {
  LIST_OPTIONS,
  OUTPUT_OPTIONS,
  optionalText,
  parseCommand,
  requiredText,
} from './options.js';
import { pagingOf, readPages } from './pages.js';
import { printList } from './print-list.js';
import { CUSTOMER_FLAG } from './subscription-changes.js';
import { printSubscription, subscriptionColumns } from './subscription-view.js';
import { connect } from './session.js';

type PartnerSubscription = Schemas['PartnerSubscription'];

/** The list's filters: each flag and the query parameter of GET /v1/subscriptions it sets. */
const FILTERS = [
  ['customer', 'customerId', '--customer CUSTOMER_ID', "Only this customer's subscriptions."],
  [
    'status',
    'status',
    '--status STATUS[,STATUS]',
    'active, suspended, expired, deleted; several comma-separated.',
  ],
  ['offer', 'offerId', '--offer OFFER', 'Only subscriptions of this offer.'],
  [
    'search',
    'q',
    '--search TEXT',
    "Customer's company name, friendly name or offer name contains TEXT (any case).",
  ],
  [
    'renews-before',
    'renewsBefore',
    '--renews-before DATE',
    'Active, auto-renew on, term ending before DATE (YYYY-MM-DD).',
  ],
  [
    'expires-before',
    'expiresBefore',
    '--expires-before DATE',
    'Auto-renew off and not ended, term ending before DATE.',
  ],
  [
    'trial-ends-before',
    'trialEndsBefore',
    '--trial-ends-before DATE',
    'Trials ending before DATE.',
  ],
  [
    'deleted-before',
    'deletedBefore',
    '--deleted-before DATE',
    'Suspended, their data deleted before DATE.',
  ],
  [
    'sort',
    'sort',
    '--sort FIELD',
    'customerName (default), offerName, commitmentEndDate, trialEndDate, expiresAt, creationDate or quantity; -FIELD sorts descending.',
  ],
] as const;

/** `--sort -quantity` as `--sort=-quantity`: a value that starts with a dash is not an option. */
function descendingSortKept(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const next = args[i + 1];
    if (args[i] === '--sort' && next !== undefined && /^-[a-zA-Z]/.test(next)) {
      kept.push(`--sort=${next}`);
      i += 1;
    } else kept.push(args[i] ?? '');
  }
  return kept;
}

export const subscriptionsList = defineCommand({
  name: 'subscriptions list',
  synopsis:
    '[--customer CUSTOMER_ID] [--status S[,S]] [--offer OFFER] [--search TEXT] [--renews-before DATE] [--expires-before DATE] [--trial-ends-before DATE] [--deleted-before DATE] [--sort [-]FIELD] [--limit N | --all] [--cursor C] [--json]',
  summary: "List the partner's subscriptions across its customers, each with its customer's name.",
  flags: FILTERS.map(([, , flag, what]) => [flag, what] as const),
  common: ['--limit N', '--cursor C', '--all', '--json'],
  async run(args, io) {
    const { values } = parseCommand(descendingSortKept(args), {
      ...LIST_OPTIONS,
      ...Object.fromEntries(FILTERS.map(([option]) => [option, { type: 'string' } as const])),
    });
    const paging = pagingOf(values);
    const filters = Object.fromEntries(
      FILTERS.flatMap(([option, parameter]) => {
        const value = optionalText(
          (values as Record<string, string | boolean | undefined>)[option],
        );
        return value === undefined ? [] : [[parameter, value]];
      }),
    );
    const session = connect(io);
    const page = await readPages(paging, (request) =>
      session.call(
        session.api.GET('/v1/subscriptions', { params: { query: { ...filters, ...request } } }),
      ),
    );
    printList<PartnerSubscription>(
      io,
      page,
      values.json === true,
      subscriptionColumns((s) => s.customerName),
    );
  },
});

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
