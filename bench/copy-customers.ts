import { v7 as uuidv7 } from 'uuid';
import { customerNameKey } from '../src/store/customer-name-key.js';
import type { Store } from '../src/store/db.js';
import type { CustomersTable } from '../src/store/tables.js';
import { chunks } from './chunks.js';
import { benchCustomer } from './customers.js';

/**
 * Adds customers `from` … `to - 1` straight into the database, each a copy of `templateId`'s row
 * with the name and domain the API would have given the i-th bench customer: much faster than
 * 10,000 `POST /v1/customers` when only the reads are measured. Returns the new ids in order.
 */
export async function copyCustomers(
  store: Store,
  templateId: string,
  range: { from: number; to: number },
): Promise<string[]> {
  const template = await store.db
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', templateId)
    .executeTakeFirstOrThrow();
  const rows = Array.from(
    { length: Math.max(0, range.to - range.from) },
    (_, k): CustomersTable => {
      const customer = benchCustomer(range.from + k);
      return {
        ...template,
        id: uuidv7(),
        company_name: customer.companyName,
        company_name_key: customerNameKey(customer.companyName),
        domain: customer.domain,
        billing_last_name: customer.billingProfile.lastName,
        billing_email: customer.billingProfile.email,
        billing_line1: customer.billingProfile.address.line1,
      };
    },
  );
  await store.db.transaction().execute(async (trx) => {
    for (const batch of chunks(rows)) await trx.insertInto('customers').values(batch).execute();
  });
  return rows.map((row) => row.id);
}
