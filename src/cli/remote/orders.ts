import type { paths } from '../api/schema.js';
import { UsageError } from '../output.js';
import { defineCommand } from './command.js';
import { day, money, text } from './format.js';
import {
  WRITE_OPTIONS,
  integer,
  oneOf,
  optionalText,
  parseCommand,
  requiredText,
} from './options.js';
import { connect, idempotencyKey, printJson } from './session.js';
import { formatFields, formatTable } from './table.js';

type NewOrder = NonNullable<
  paths['/v1/customers/{customerId}/orders']['post']['requestBody']
>['content']['application/json'];
type LineItem = NewOrder['lineItems'][number];

const BILLING_CYCLES = ['monthly', 'annual'] as const;
const TERMS = ['P1M', 'P1Y'] as const;

/** `OFFER:QUANTITY[:FRIENDLY NAME]`, one more line item of the order. */
function parseLine(spec: string): LineItem {
  const [offerId = '', quantity = '', ...name] = spec.split(':');
  if (offerId.trim() === '' || quantity.trim() === '') {
    throw new UsageError(`--line must be OFFER:QUANTITY[:NAME], not "${spec}"`);
  }
  const friendlyName = name.join(':');
  return {
    offerId,
    quantity: integer(quantity, '--line quantity'),
    ...(friendlyName ? { friendlyName } : {}),
  };
}

export const ordersCreate = defineCommand({
  name: 'orders create',
  synopsis:
    '--customer CUSTOMER_ID --offer OFFER --quantity N [--name NAME] [--term P1M|P1Y] [--parent SUBSCRIPTION_ID] [--line OFFER:N[:NAME]]... [--billing-cycle monthly|annual] [--idempotency-key K] [--json]',
  summary:
    'Order subscriptions for a customer: one line item from --offer/--quantity and one per --line. All line items succeed or none does.',
  flags: [
    ['--customer CUSTOMER_ID', 'The customer.'],
    ['--offer OFFER', 'Offer id of the first line item.'],
    ['--quantity N', 'Its quantity.'],
    ['--name NAME', 'Its friendly name.'],
    ['--term P1M|P1Y', 'Its term (default: the offer’s for the billing cycle).'],
    ['--parent SUBSCRIPTION_ID', 'For an add-on: the base subscription.'],
    ['--line OFFER:N[:NAME]', 'One more line item; repeat for more.'],
    ['--billing-cycle CYCLE', 'monthly (default) or annual, for every line item.'],
  ],
  common: ['--idempotency-key K', '--json'],
  async run(args, io) {
    const { values } = parseCommand(args, {
      ...WRITE_OPTIONS,
      customer: { type: 'string' },
      offer: { type: 'string' },
      quantity: { type: 'string' },
      name: { type: 'string' },
      term: { type: 'string' },
      parent: { type: 'string' },
      line: { type: 'string', multiple: true },
      'billing-cycle': { type: 'string' },
    });
    const customerId = requiredText(values.customer, '--customer');
    const lines = (values.line ?? []).map(parseLine);
    const first: LineItem[] = [];
    if (values.offer !== undefined || lines.length === 0) {
      const term = oneOf(values.term, '--term', TERMS);
      const name = optionalText(values.name);
      const parent = optionalText(values.parent);
      first.push({
        offerId: requiredText(values.offer, '--offer'),
        quantity: integer(requiredText(values.quantity, '--quantity'), '--quantity'),
        ...(name === undefined ? {} : { friendlyName: name }),
        ...(term === undefined ? {} : { termDuration: term }),
        ...(parent === undefined ? {} : { parentSubscriptionId: parent }),
      });
    } else if (values.quantity !== undefined || values.name !== undefined) {
      throw new UsageError('--quantity and --name go with --offer');
    }
    const body: NewOrder = {
      billingCycle: oneOf(values['billing-cycle'], '--billing-cycle', BILLING_CYCLES) ?? 'monthly',
      lineItems: [...first, ...lines],
    };
    const session = connect(io);
    const order = await session.call(
      session.api.POST('/v1/customers/{customerId}/orders', {
        params: { path: { customerId } },
        body,
        headers: idempotencyKey(values['idempotency-key']),
      }),
    );
    if (values.json === true) return printJson(io, order);
    io.out.stdout(
      formatFields([
        ['Order', order.id],
        ['Customer', order.customerId],
        ['Billing', order.billingCycle],
        ['Status', order.status],
        ['Created', day(order.creationDate)],
      ]),
    );
    io.out.stdout('');
    io.out.stdout(
      formatTable(order.lineItems, [
        { header: '#', value: (l) => String(l.lineItemNumber), align: 'right' },
        { header: 'OFFER', value: (l) => l.offerId },
        { header: 'QTY', value: (l) => String(l.quantity), align: 'right' },
        { header: 'TERM', value: (l) => l.termDuration },
        { header: 'SUBSCRIPTION', value: (l) => text(l.subscriptionId) },
        { header: 'UNIT PRICE', value: (l) => money(l.unitPrice, order.currency), align: 'right' },
        { header: 'AMOUNT', value: (l) => money(l.amount, order.currency), align: 'right' },
      ]),
    );
  },
});
