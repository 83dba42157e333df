import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, migrateUpTo } from '../../src/store/migrate.js';
import { emptyStore } from '../helpers/empty-store.js';
import { DIALECTS } from '../helpers/stores.js';

describe.each(DIALECTS)('users from before mustChangePassword, on %s', (dialect) => {
  it('keep their own passwords: the upgrade does not force a change', async () => {
    const { store, drop } = await emptyStore(dialect);
    try {
      await migrateUpTo(store, '0008-webhooks');
      const partnerId = '0190d1a2-0000-7000-8000-00000000abcd';
      const userId = '0190d1a2-0000-7000-8000-00000000beef';
      await sql`insert into partners (id, name, instance, billing_day, is_sandbox, created_at)
        values (${partnerId}, 'Old', 'global', 1, 0, '2026-03-01T00:00:00.000Z')`.execute(store.db);
      await sql`insert into users (id, partner_id, email, display_name, role, password_hash, created_at)
        values (${userId}, ${partnerId}, 'old@example.com', 'Old', 'global_admin', 'hash',
          '2026-03-01T00:00:00.000Z')`.execute(store.db);
      await migrateToLatest(store);
      const rows = await store.db
        .selectFrom('users')
        .select(['id', 'must_change_password'])
        .execute();
      expect(rows).toEqual([{ id: userId, must_change_password: 0 }]);
    } finally {
      await drop();
    }
  });
});
