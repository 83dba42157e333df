import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createContext } from '../src/create-context.js';
import { fixedClock } from '../src/domain/clock.js';
import { buildApp } from '../src/http/app.js';
import { TEST_NOW } from './helpers/app.js';

describe('createContext', () => {
  it('without a database builds the whole app, and refuses any query', async () => {
    const { ctx, store, close } = await createContext({ database: 'none' });
    expect(store).toBeUndefined();
    const app = await buildApp(ctx, { logger: false, version: 'test' });
    await app.ready();
    expect(Object.keys(app.swagger().paths ?? {})).toContain('/v1/customers');
    await app.close();
    await expect(sql`select 1`.execute(ctx.db)).rejects.toThrow(/has no database/);
    await close();
  });

  it('opens and migrates a database, and closes it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'psc-context-')), 'psc.sqlite');
    const { ctx, store, close } = await createContext({
      database: { dialect: 'sqlite', path },
      clock: fixedClock(TEST_NOW),
    });
    expect(existsSync(path)).toBe(true);
    expect(ctx.clock.now()).toEqual(TEST_NOW);
    expect(ctx.catalog.offers.length).toBeGreaterThan(0);
    expect(await store.db.selectFrom('partners').selectAll().execute()).toEqual([]);
    await close();
    await expect(sql`select 1`.execute(ctx.db)).rejects.toThrow();
  });

  it('uses a store it is given and leaves it open', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'psc-context-')), 'psc.sqlite');
    const opened = await createContext({ database: { dialect: 'sqlite', path } });
    const { ctx, store, close } = await createContext({ database: opened.store });
    expect(store).toBe(opened.store);
    expect(ctx.db).toBe(opened.store.db);
    await close();
    expect(await sql`select 1 as one`.execute(ctx.db)).toMatchObject({ rows: [{ one: 1 }] });
    await opened.close();
  });
});
