import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/db.js';
import { isoInstant } from '../../src/store/dialects/postgres-types.js';
import { openTestStore } from '../helpers/stores.js';

const parseDate = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ) as (value: string) => Date;
const iso = isoInstant(parseDate);

describe('timestamps from PostgreSQL as SQLite keeps them', () => {
  it.each([
    '2026-12-03 12:36:28.662+00',
    '2026-12-03 12:36:28+00',
    '2026-12-03 12:36:28.5+00',
    '2026-12-03 12:36:28.123456+00',
    '2026-12-03 12:36:28.999999+00',
    '1970-01-01 00:00:00+00',
    '2026-12-03 12:36:28.662+05:30',
    '2026-12-03 12:36:28.662-08',
    '12026-12-03 12:36:28.662+00',
    '0001-01-01 00:00:00+00 BC',
  ])('reads %s as pg and a Date would', (text) => {
    expect(iso(text)).toBe(parseDate(text).toISOString());
  });
});

describe('timestamps on a real PostgreSQL', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore('postgres');
  });
  afterAll(() => store.close());

  it('come back as the ISO text of the instant, to the millisecond', async () => {
    const instants = [
      '2026-12-03T12:36:28.662Z',
      '2026-01-01T00:00:00.000Z',
      '1999-12-31T23:59:59.5Z',
    ];
    for (const instant of instants) {
      const { rows } = await sql<{ at: string }>`select ${instant}::timestamptz as at`.execute(
        store.db,
      );
      expect(rows[0]?.at).toBe(new Date(instant).toISOString());
    }
    const { rows } = await sql<{
      at: string;
    }>`select '2026-12-03 12:36:28.123789+00'::timestamptz as at`.execute(store.db);
    expect(rows[0]?.at).toBe('2026-12-03T12:36:28.123Z');
  });
});
