import { Migrator, type Migration, type MigrationProvider, type MigrationResult } from 'kysely';
import type { Store } from './db.js';
import { dialectOf } from './dialects/dialect-of.js';
import { foundation } from './migrations/0001-foundation.js';
import { ordersAndSubscriptions } from './migrations/0002-orders-subscriptions.js';
import { lifecycleAutomation } from './migrations/0003-lifecycle-automation.js';
import { usersAndRoles } from './migrations/0004-users-and-roles.js';
import { customerUsers } from './migrations/0005-customer-users.js';
import { signInLimitsAndIdempotencyScope } from './migrations/0006-sign-in-limits-and-idempotency-scope.js';
import { money } from './migrations/0007-money.js';
import { webhooks } from './migrations/0008-webhooks.js';
import { mustChangePassword } from './migrations/0009-must-change-password.js';
import { subscriptionListIndexes } from './migrations/0010-subscription-list-indexes.js';
import { subscriptionCustomerName } from './migrations/0011-subscription-customer-name.js';

/** Every migration, in order. Names never change once released. */
function migrations(store: Store): Record<string, Migration> {
  const t = dialectOf(store.db).columnTypes;
  return {
    '0001-foundation': foundation(t),
    '0002-orders-subscriptions': ordersAndSubscriptions(t),
    '0003-lifecycle-automation': lifecycleAutomation(t),
    '0004-users-and-roles': usersAndRoles(t),
    '0005-customer-users': customerUsers(t),
    '0006-sign-in-limits-and-idempotency-scope': signInLimitsAndIdempotencyScope(t),
    '0007-money': money(t),
    '0008-webhooks': webhooks(t),
    '0009-must-change-password': mustChangePassword(t),
    '0010-subscription-list-indexes': subscriptionListIndexes(),
    '0011-subscription-customer-name': subscriptionCustomerName(),
  };
}

export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
}

/** Brings the schema up to date; safe to run from several processes at once. */
export function migrateToLatest(store: Store): Promise<MigrationResult[]> {
  return migrate(store, (migrator) => migrator.migrateToLatest());
}

/** Brings the schema up to the named migration (an upgrade from an older release, in tests). */
export function migrateUpTo(store: Store, name: string): Promise<MigrationResult[]> {
  return migrate(store, (migrator) => migrator.migrateTo(name));
}

async function migrate(
  store: Store,
  run: (migrator: Migrator) => ReturnType<Migrator['migrateToLatest']>,
): Promise<MigrationResult[]> {
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations(store)) };
  const migrator = new Migrator({ db: store.db, provider });
  const { error, results = [] } = await run(migrator);
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationFailedError(
      `migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    );
  }
  return results;
}
