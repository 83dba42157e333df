import type { Schemas } from '../api/client.js';
import { defineCommand } from './command.js';
import { NONE, day, money, text } from './format.js';
import {
  LIST_OPTIONS,
  OUTPUT_OPTIONS,
  oneOf,
  optionalText,
  parseCommand,
  requiredText,
} from './options.js';
import { pagingOf, readPages } from './pages.js';
import { printList } from './print-list.js';
import { connect, printJson } from './session.js';
import { formatFields, formatTable } from './table.js';

type InvoiceSummary = Schemas['InvoiceSummary'];
const STATUSES = ['draft', 'issued'] as const;

export const invoicesList = defineCommand({
  name: 'invoices list',
  synopsis:
    '[--customer CUSTOMER_ID] [--status draft|issued] [--period-start YYYY-MM-DD] [--limit N | --all] [--cursor C] [--json]',
  summary:
    "List the partner's invoices (of one billing period with --period-start), or one customer's.",
  flags: [
    ['--customer CUSTOMER_ID', "Only this customer's invoices."],
    ['--status STATUS', 'draft (the period under way) or issued.'],
    ['--period-start DATE', 'The billing period starting that day (not with --customer).'],
  ],
  common: ['--limit N', '--cursor C', '--all', '--json'],
  async run(args, io) {
    const { values } = parseCommand(args, {
      ...LIST_OPTIONS,
      customer: { type: 'string' },
      status: { type: 'string' },
      'period-start': { type: 'string' },
    });
    const paging = pagingOf(values);
    const status = oneOf(values.status, '--status', STATUSES);
    const customerId = optionalText(values.customer);
    const periodStart = optionalText(values['period-start']);
    const filter = status === undefined ? {} : { status };
    const session = connect(io);
    const page = await readPages(paging, (request) =>
      customerId === undefined
        ? session.call(
            session.api.GET('/v1/invoices', {
              params: {
                query: { ...request, ...filter, ...(periodStart ? { periodStart } : {}) },
              },
            }),
          )
        : session.call(
            session.api.GET('/v1/customers/{customerId}/invoices', {
              params: { path: { customerId }, query: { ...request, ...filter } },
            }),
          ),
    );
    printList<InvoiceSummary>(io, page, values.json === true, [
      { header: 'ID', value: (i) => i.id },
      { header: 'NUMBER', value: (i) => text(i.number) },
      { header: 'CUSTOMER', value: (i) => i.customerName },
      { header: 'PERIOD', value: (i) => `${day(i.periodStart)} to ${day(i.periodEnd)}` },
      { header: 'STATUS', value: (i) => i.status },
      { header: 'TOTAL', value: (i) => money(i.total, i.currency), align: 'right' },
      { header: 'MARGIN', value: (i) => money(i.margin, i.currency), align: 'right' },
    ]);
  },
});

export const invoicesGet = defineCommand({
  name: 'invoices get',
  synopsis: 'INVOICE_ID --customer CUSTOMER_ID [--json]',
  summary: 'Show one invoice with its charges.',
  flags: [['--customer CUSTOMER_ID', 'The customer the invoice is for.']],
  common: ['--json'],
  async run(args, io) {
    const { values, positionals } = parseCommand(
      args,
      { ...OUTPUT_OPTIONS, customer: { type: 'string' } },
      ['INVOICE_ID'],
    );
    const session = connect(io);
    const invoice = await session.call(
      session.api.GET('/v1/customers/{customerId}/invoices/{invoiceId}', {
        params: {
          path: {
            customerId: requiredText(values.customer, '--customer'),
            invoiceId: positionals[0] ?? '',
          },
        },
      }),
    );
    if (values.json === true) return printJson(io, invoice);
    const currency = invoice.currency;
    io.out.stdout(
      formatFields([
        ['Invoice', invoice.id],
        ['Number', text(invoice.number)],
        ['Customer', `${invoice.customerName} (${invoice.customerId})`],
        ['Period', `${day(invoice.periodStart)} to ${day(invoice.periodEnd)}`],
        ['Status', invoice.status],
        ['Issued', invoice.issuedAt ? day(invoice.issuedAt) : NONE],
        ['Total', money(invoice.total, currency)],
        ['Cost', money(invoice.cost, currency)],
        ['Margin', money(invoice.margin, currency)],
      ]),
    );
    io.out.stdout('');
    io.out.stdout(
      formatTable(invoice.charges, [
        { header: 'DATE', value: (c) => day(c.date) },
        { header: 'TYPE', value: (c) => c.type },
        { header: 'SUBSCRIPTION', value: (c) => c.subscriptionId },
        { header: 'QTY', value: (c) => String(c.quantity), align: 'right' },
        { header: 'DAYS', value: (c) => `${c.days}/${c.periodDays}`, align: 'right' },
        { header: 'UNIT PRICE', value: (c) => money(c.unitPrice, c.currency), align: 'right' },
        { header: 'AMOUNT', value: (c) => money(c.amount, c.currency), align: 'right' },
      ]),
    );
  },
});
