import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError, DEMO_CATALOG_PATH, loadCatalog } from '../../src/store/catalog-files.js';

const demo = loadCatalog(DEMO_CATALOG_PATH);
const offers = demo.offers;

/** A copy of the demo catalog with one product file changed by `edit`. */
function brokenCopy(
  file: string,
  edit: (data: { offers: Record<string, unknown>[] }) => void,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'psc-catalog-'));
  cpSync(DEMO_CATALOG_PATH, dir, { recursive: true });
  const path = join(dir, 'products', file);
  const data = JSON.parse(readFileSync(path, 'utf8')) as { offers: Record<string, unknown>[] };
  edit(data);
  writeFileSync(path, JSON.stringify(data));
  return dir;
}

function loadError(dir: string): string {
  try {
    loadCatalog(dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    if (error instanceof CatalogError) return error.message;
    throw error;
  }
  throw new Error('expected the catalog to be refused');
}

describe('the demo catalog', () => {
  it('has about 20 offers in 6 or more products', () => {
    expect(offers.length).toBeGreaterThanOrEqual(18);
    expect(new Set(offers.map((o) => o.productId)).size).toBeGreaterThanOrEqual(6);
  });

  it('exercises every rule of the domain', () => {
    const some = (test: (o: (typeof offers)[number]) => boolean) => offers.some(test);
    const cycles = (o: (typeof offers)[number]) => [...o.billingCycles].sort().join(',');
    expect(some((o) => cycles(o) === 'monthly')).toBe(true);
    expect(some((o) => cycles(o) === 'annual')).toBe(true);
    expect(some((o) => cycles(o) === 'annual,monthly')).toBe(true);
    expect(some((o) => o.limitUnitOfMeasure === 'concurrent' && o.limit === 1)).toBe(true);
    expect(
      some(
        (o) =>
          o.isTrial &&
          o.limitUnitOfMeasure === 'lifetime' &&
          o.limit === 1 &&
          (o.trial?.conversionTargetOfferIds.length ?? 0) > 0,
      ),
    ).toBe(true);
    expect(some((o) => o.isAddOn && o.baseOfferIds.length > 1)).toBe(true);
    expect(some((o) => o.segments.join() === 'education')).toBe(true);
    expect(some((o) => o.segments.join() === 'nonprofit')).toBe(true);
    expect(some((o) => o.segments.join() === 'government' && o.instances.join() === 'usgov')).toBe(
      true,
    );
    expect(some((o) => o.minimumQuantity > 1)).toBe(true);
    expect(some((o) => o.maximumQuantity === 1)).toBe(true);
    expect(some((o) => o.policies.cancellationWindowHours === null)).toBe(true);
    expect(some((o) => o.policies.cancellationWindowHours !== null)).toBe(true);
    expect(some((o) => o.policies.quantityDecreaseWindowHours === null)).toBe(true);
    expect(some((o) => o.policies.quantityDecreaseWindowHours !== null)).toBe(true);
    expect(some((o) => o.policies.retentionBaseDays !== 90)).toBe(true);
    const currencies = new Set(offers.flatMap((o) => o.prices.map((p) => p.currency)));
    for (const currency of ['USD', 'EUR', 'GBP', 'JPY', 'TWD'])
      expect(currencies).toContain(currency);
  });

  it('fills in the default retention policy', () => {
    const defaulted = offers.filter((o) => o.policies.retentionBaseDays === 90);
    expect(defaulted.length).toBeGreaterThan(0);
    expect(defaulted.every((o) => o.policies.retentionMaxDays === 120)).toBe(true);
  });
});

describe('a bad catalog', () => {
  it('is refused naming the file, the offer and the field (schema)', () => {
    const dir = brokenCopy('mail.json', (data) => {
      data.offers[0]!.minimumQuantity = 0;
    });
    const id = offers.find((o) => o.productId === 'mail')!.id;
    expect(loadError(dir)).toMatch(
      new RegExp(`products/mail\\.json: offer "${id}": /minimumQuantity must be >= 1`),
    );
  });

  it('is refused naming an unknown field', () => {
    const dir = brokenCopy('mail.json', (data) => {
      data.offers[0]!.colour = 'blue';
    });
    expect(loadError(dir)).toMatch(/must NOT have additional properties \("colour"\)/);
  });

  it('is refused naming the offer and field of a rule across offers', () => {
    const addOn = offers.find((o) => o.isAddOn)!;
    const dir = brokenCopy(`${addOn.productId}.json`, (data) => {
      const target = data.offers.find((o) => o.id === addOn.id)!;
      target.baseOfferIds = ['no-such-base'];
    });
    expect(loadError(dir)).toMatch(
      new RegExp(`offer "${addOn.id}": baseOfferIds "no-such-base" is not an offer in the catalog`),
    );
  });

  it('is refused when a price is missing', () => {
    const dir = brokenCopy('mail.json', (data) => {
      (data.offers[0]!.prices as unknown[]).pop();
    });
    expect(loadError(dir)).toMatch(/prices no price for/);
  });

  it('is refused when a file is not JSON or the folder is missing', () => {
    const dir = brokenCopy('mail.json', () => undefined);
    writeFileSync(join(dir, 'markets.json'), '{ nope');
    expect(loadError(dir)).toMatch(/markets\.json: cannot be read/);
    expect(() => loadCatalog('/no/such/catalog')).toThrow(CatalogError);
  });
});
