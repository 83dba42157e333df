import type { paths } from '../api/schema.js';
import { UsageError } from '../output.js';
import { defineCommand } from './command.js';
import { CONTACT_FLAGS, CONTACT_OPTIONS, printCustomer } from './customers.js';
import { WRITE_OPTIONS, optionalText, parseCommand } from './options.js';
import { connect, idempotencyKey } from './session.js';

type CustomerPatch = NonNullable<
  paths['/v1/customers/{customerId}']['patch']['requestBody']
>['content']['application/json'];

/** Only what was given: the fields left out keep their values. */
function changeOf(values: Record<string, string | boolean | undefined>): CustomerPatch {
  const given = (flag: string) => optionalText(values[flag]);
  const defined = <T extends object>(fields: T) =>
    Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
      [K in keyof T]: NonNullable<T[K]>;
    };
  const address = defined({
    line1: given('address-line1'),
    city: given('city'),
    postalCode: given('postal-code'),
    country: given('address-country'),
  });
  const billingProfile = defined({
    firstName: given('first-name'),
    lastName: given('last-name'),
    email: given('email'),
    ...(Object.keys(address).length > 0 ? { address } : {}),
  });
  return defined({
    companyName: given('company-name'),
    domain: given('domain'),
    ...(Object.keys(billingProfile).length > 0 ? { billingProfile } : {}),
  });
}

export const customersUpdate = defineCommand({
  name: 'customers update',
  synopsis:
    'CUSTOMER_ID [--company-name NAME] [--domain DOMAIN] [--first-name NAME] [--last-name NAME] [--email EMAIL] [--address-line1 TEXT] [--city CITY] [--postal-code CODE] [--address-country CC] [--idempotency-key K] [--json]',
  summary:
    'Change a customer’s name, domain or billing contact; what you leave out stays as it is.',
  flags: [
    ['--company-name NAME', 'The new company name.'],
    ['--domain DOMAIN', 'The new domain (refused when another customer has it).'],
    ...CONTACT_FLAGS,
  ],
  common: ['--idempotency-key K', '--json'],
  async run(args, io) {
    const { values, positionals } = parseCommand(
      args,
      {
        ...WRITE_OPTIONS,
        ...CONTACT_OPTIONS,
        'company-name': { type: 'string' },
        domain: { type: 'string' },
      },
      ['CUSTOMER_ID'],
    );
    const change = changeOf(values);
    if (Object.keys(change).length === 0) throw new UsageError('say what to change');
    const session = connect(io);
    const customer = await session.call(
      session.api.PATCH('/v1/customers/{customerId}', {
        params: { path: { customerId: positionals[0] ?? '' } },
        body: change,
        headers: idempotencyKey(values['idempotency-key']),
      }),
    );
    printCustomer(io, customer, values.json === true);
  },
});
