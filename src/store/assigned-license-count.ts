import { sql, type RawBuilder } from 'kysely';

/**
 * A list query's column `assigned_licenses`: how many licenses of the subscription row `table`
 * are assigned, counted in the same statement (license_assignments_subscription) instead of a
 * second query per page. An integer on both databases (PostgreSQL's count is a bigint).
 */
export function assignedLicenseCount(table: string): RawBuilder<number> {
  return sql<number>`(select cast(count(*) as integer) from license_assignments la
    where la.partner_id = ${sql.ref(`${table}.partner_id`)}
      and la.subscription_id = ${sql.ref(`${table}.id`)})`;
}

/** The subscription and its count, as a list query's row gives them. */
export interface ListedSubscription<S> {
  subscription: S;
  assignedLicenses: number;
}
