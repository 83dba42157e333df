import type { Schemas } from '../api/client.js';
import { defineCommand } from './command.js';
import { day } from './format.js';
import {
  LIST_OPTIONS,
  OUTPUT_OPTIONS,
  WRITE_OPTIONS,
  requiredOneOf,
  optionalText,
  parseCommand,
  requiredText,
} from './options.js';
import { pagingOf, readPages } from './pages.js';
import { printList } from './print-list.js';
import { connect, idempotencyKey, printJson, type RemoteIo } from './session.js';
import { formatFields } from './table.js';

type Customer = Schemas['Customer'];
export const SEGMENTS = ['commercial', 'education', 'government', 'nonprofit'] as const;

export function printCustomer(io: RemoteIo, customer: Customer, json: boolean): void {
  if (json) return printJson(io, customer);
  const { billingProfile: contact } = customer;
  const address = contact.address;
  io.out.stdout(
    formatFields([
      ['ID', customer.id],
      ['Company', customer.companyName],
      ['Domain', customer.domain],
      ['Country', customer.country],
      ['Segment', customer.segment],
      ['Billing contact', `${contact.firstName} ${contact.lastName} <${contact.email}>`],
      ['Address', `${address.line1}, ${address.postalCode} ${address.city}, ${address.country}`],
      ['Account opened', day(customer.accountOpenedAt)],
      ['First billing period', day(customer.firstBillingPeriodStart)],
    ]),
  );
}

export const customersList = defineCommand({
  name: 'customers list',
  synopsis: '[--search TEXT] [--limit N | --all] [--cursor C] [--json]',
  summary: "List the partner's customers, or those whose name or domain contains TEXT.",
  flags: [['--search TEXT', 'Only customers whose company name or domain contains TEXT.']],
  common: ['--limit N', '--cursor C', '--all', '--json'],
  async run(args, io) {
    const { values } = parseCommand(args, { ...LIST_OPTIONS, search: { type: 'string' } });
    const paging = pagingOf(values);
    const session = connect(io);
    const page = await readPages(paging, (request) =>
      session.call(
        session.api.GET('/v1/customers', {
          params: { query: { ...request, ...(values.search ? { q: values.search } : {}) } },
        }),
      ),
    );
    printList(io, page, values.json === true, [
      { header: 'ID', value: (c) => c.id },
      { header: 'COMPANY', value: (c) => c.companyName },
      { header: 'DOMAIN', value: (c) => c.domain },
      { header: 'COUNTRY', value: (c) => c.country },
      { header: 'SEGMENT', value: (c) => c.segment },
      { header: 'OPENED', value: (c) => day(c.accountOpenedAt) },
    ]);
  },
});

export const customersGet = defineCommand({
  name: 'customers get',
  synopsis: 'CUSTOMER_ID [--json]',
  summary: 'Show one customer.',
  common: ['--json'],
  async run(args, io) {
    const { values, positionals } = parseCommand(args, OUTPUT_OPTIONS, ['CUSTOMER_ID']);
    const session = connect(io);
    const customer = await session.call(
      session.api.GET('/v1/customers/{customerId}', {
        params: { path: { customerId: positionals[0] ?? '' } },
      }),
    );
    printCustomer(io, customer, values.json === true);
  },
});

export const CONTACT_FLAGS = [
  ['--first-name NAME', "The billing contact's first name."],
  ['--last-name NAME', "The billing contact's last name."],
  ['--email EMAIL', "The billing contact's email."],
  ['--address-line1 TEXT', 'Street and number.'],
  ['--city CITY', 'City.'],
  ['--postal-code CODE', 'Postal code.'],
  ['--address-country CC', "Country of the address (when creating, the customer's by default)."],
] as const;

export const CONTACT_OPTIONS = {
  'first-name': { type: 'string' },
  'last-name': { type: 'string' },
  email: { type: 'string' },
  'address-line1': { type: 'string' },
  city: { type: 'string' },
  'postal-code': { type: 'string' },
  'address-country': { type: 'string' },
} as const;

export const customersCreate = defineCommand({
  name: 'customers create',
  synopsis:
    '--company-name NAME --domain DOMAIN --country CC --segment SEGMENT --first-name NAME --last-name NAME --email EMAIL --address-line1 TEXT --city CITY --postal-code CODE [--address-country CC] [--idempotency-key K] [--json]',
  summary: 'Create a customer with its billing contact and address.',
  flags: [
    ['--company-name NAME', 'Company name.'],
    ['--domain DOMAIN', 'Its domain, unique among your customers.'],
    ['--country CC', 'ISO 3166-1 alpha-2 country code, e.g. US.'],
    ['--segment SEGMENT', SEGMENTS.join(', ')],
    ...CONTACT_FLAGS,
  ],
  common: ['--idempotency-key K', '--json'],
  async run(args, io) {
    const { values } = parseCommand(args, {
      ...WRITE_OPTIONS,
      ...CONTACT_OPTIONS,
      'company-name': { type: 'string' },
      domain: { type: 'string' },
      country: { type: 'string' },
      segment: { type: 'string' },
    });
    const country = requiredText(values.country, '--country');
    const body = {
      companyName: requiredText(values['company-name'], '--company-name'),
      domain: requiredText(values.domain, '--domain'),
      country,
      segment: requiredOneOf(values.segment, '--segment', SEGMENTS),
      billingProfile: {
        firstName: requiredText(values['first-name'], '--first-name'),
        lastName: requiredText(values['last-name'], '--last-name'),
        email: requiredText(values.email, '--email'),
        address: {
          line1: requiredText(values['address-line1'], '--address-line1'),
          city: requiredText(values.city, '--city'),
          postalCode: requiredText(values['postal-code'], '--postal-code'),
          country: optionalText(values['address-country']) ?? country,
        },
      },
    };
    const session = connect(io);
    const customer = await session.call(
      session.api.POST('/v1/customers', {
        body,
        headers: idempotencyKey(values['idempotency-key']),
      }),
    );
    printCustomer(io, customer, values.json === true);
  },
});
