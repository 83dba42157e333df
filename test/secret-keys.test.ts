import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { secretBoxFor } from '../src/secret-keys.js';

describe('the key that seals webhook secrets', () => {
  const warnings: string[] = [];
  const logger = { warn: (message: string) => warnings.push(message) };

  it('is a file beside a SQLite database when PSC_SECRET_KEY is unset, kept across starts', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'psc-key-')), 'nested', 'psc.sqlite');
    const config = loadConfig({ DATABASE_URL: `sqlite:${path}` });
    const first = secretBoxFor(config, logger);
    const sealed = first?.seal('whsec_x') ?? '';
    expect(statSync(`${path}.secret-key`).mode & 0o777).toBe(0o600);
    expect(secretBoxFor(config, logger)?.open(sealed)).toBe('whsec_x');
  });

  it('is PSC_SECRET_KEY when set, and none on PostgreSQL without it', () => {
    const key = Buffer.alloc(32, 9).toString('base64');
    const box = secretBoxFor(
      loadConfig({ DATABASE_URL: 'sqlite::memory:', PSC_SECRET_KEY: key }),
      logger,
    );
    const again = secretBoxFor(
      loadConfig({ DATABASE_URL: 'postgres://db/psc', PSC_SECRET_KEY: key }),
      logger,
    );
    expect(again?.open(box?.seal('s') ?? '')).toBe('s');
    expect(secretBoxFor(loadConfig({ DATABASE_URL: 'postgres://db/psc' }), logger)).toBeUndefined();
    expect(warnings.join('\n')).toContain('PSC_SECRET_KEY is not set');
  });
});
