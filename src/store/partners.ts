import type { Instance, Partner } from '../domain/partner.js';
import { compiledOnce } from './compiled-once.js';
import { dialectOf } from './dialects/dialect-of.js';
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
      sandbox_now: partner.sandboxNow?.toISOString() ?? null,
      price_book_version: partner.priceBookVersion,
    })
    .execute();
}

const partnerById = compiledOnce((db: Db, id: string) =>
  db.selectFrom('partners').selectAll().where('id', '=', id),
);

export async function findPartner(db: Db, id: string): Promise<Partner | undefined> {
  const [row] = await partnerById(db, id);
  return row && toPartner(row);
}

export async function listSandboxPartners(db: Db): Promise<Partner[]> {
  const rows = await db
    .selectFrom('partners')
    .selectAll()
    .where('sandbox_now', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map(toPartner);
}

/** Moves a sandbox partner's clock forward; false when it is not a sandbox or `to` is earlier. */
export async function setSandboxNow(db: Db, partnerId: string, to: Date): Promise<boolean> {
  const result = await db
    .updateTable('partners')
    .set({ sandbox_now: to.toISOString() })
    .where('id', '=', partnerId)
    .where('sandbox_now', 'is not', null)
    .where('sandbox_now', '<=', to.toISOString())
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function countPartners(db: Db): Promise<number> {
  const row = await db
    .selectFrom('partners')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}

export function toPartner(row: PartnersTable): Partner {
  return {
    id: row.id,
    name: row.name,
    instance: row.instance as Instance,
    billingDay: row.billing_day,
    isSandbox: row.is_sandbox === 1,
    sandboxNow: row.sandbox_now === null ? null : new Date(row.sandbox_now),
    priceBookVersion: row.price_book_version,
    createdAt: new Date(row.created_at),
  };
}

/** Locks the partner's row until the transaction ends: partner-wide limits count under it. */
export async function lockPartner(db: Db, id: string): Promise<void> {
  await dialectOf(db)
    .lockForUpdate(db.selectFrom('partners').select('id').where('id', '=', id))
    .execute();
}
