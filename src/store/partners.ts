import type { Instance, Partner } from '../domain/partner.js';
import type { Db, PartnersTable } from './tables.js';

export async function insertPartner(db: Db, partner: Partner): Promise<void> {
  await db
    .insertInto('partners')
    .values({
      id: partner.id,
      name: partner.name,
      instance: partner.instance,
      billing_day: partner.billingDay,
      is_sandbox: partner.isSandbox ? 1 : 0,
      created_at: partner.createdAt.toISOString(),
    })
    .execute();
}

export async function findPartner(db: Db, id: string): Promise<Partner | undefined> {
  const row = await db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toPartner(row);
}

export async function countPartners(db: Db): Promise<number> {
  const row = await db
    .selectFrom('partners')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}

function toPartner(row: PartnersTable): Partner {
  return {
    id: row.id,
    name: row.name,
    instance: row.instance as Instance,
    billingDay: row.billing_day,
    isSandbox: row.is_sandbox === 1,
    createdAt: new Date(row.created_at),
  };
}
