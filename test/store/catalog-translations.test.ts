import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError, DEMO_CATALOG_PATH, loadCatalog } from '../../src/store/catalog-files.js';

interface ProductFileData {
  product: Record<string, unknown>;
  offers: Record<string, unknown>[];
}

/** A copy of the demo catalog with mail.json changed by `edit`. */
function editedCopy(edit: (data: ProductFileData) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'psc-catalog-'));
  cpSync(DEMO_CATALOG_PATH, dir, { recursive: true });
  const path = join(dir, 'products', 'mail.json');
  const data = JSON.parse(readFileSync(path, 'utf8')) as ProductFileData;
  edit(data);
  writeFileSync(path, JSON.stringify(data));
  return dir;
}

function loadError(dir: string): string {
  try {
    loadCatalog(dir);
  } catch (error) {
    if (error instanceof CatalogError) return error.message;
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('expected the catalog to be refused');
}

describe('catalog translations', () => {
  const demo = loadCatalog(DEMO_CATALOG_PATH);

  it('the demo catalog has a 繁體中文 name and description for every product and offer', () => {
    for (const product of demo.products) {
      expect(product.translations?.['zh-TW']?.name, product.id).toMatch(/\p{Script=Han}/u);
      expect(product.translations?.['zh-TW']?.description, product.id).toMatch(/\p{Script=Han}/u);
    }
    for (const offer of demo.offers) {
      const zh = offer.translations?.['zh-TW'];
      expect(zh?.name, offer.id).toMatch(/\p{Script=Han}/u);
      expect(zh?.description, offer.id).toMatch(/\p{Script=Han}/u);
      expect(zh?.name, offer.id).not.toBe(offer.name);
      expect(offer.productTranslations).toEqual(
        demo.products.find((p) => p.id === offer.productId)?.translations,
      );
    }
  });

  it('keeps English as the base text', () => {
    const mail = demo.offers.find((o) => o.id === 'mail-basic')!;
    expect(mail.name).toBe('Litware Mail Basic');
    expect(mail.translations?.['zh-TW']?.name).toBe('Litware 郵件基本版');
  });

  it('takes a translation without a description, and an offer without translations', () => {
    const dir = editedCopy((data) => {
      data.offers[0]!.translations = { 'zh-TW': { name: '郵件' }, 'pt-BR': { name: 'Correio' } };
      delete data.offers[1]!.translations;
      delete data.product.translations;
    });
    try {
      const catalog = loadCatalog(dir);
      const [first, second] = catalog.offers.filter((o) => o.productId === 'mail');
      expect(first!.translations).toEqual({
        'zh-TW': { name: '郵件' },
        'pt-BR': { name: 'Correio' },
      });
      expect(second!.translations).toEqual({});
      expect(second!.productTranslations).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['zh_TW', 'ZH-tw', 'chinese', 'en', ''])('refuses the language tag %j', (tag) => {
    const dir = editedCopy((data) => {
      data.offers[0]!.translations = { [tag]: { name: '郵件' } };
    });
    const id = demo.offers.find((o) => o.productId === 'mail')!.id;
    const message = loadError(dir);
    expect(message).toMatch(
      new RegExp(`mail\\.json: offer "${id}": /translations property name must`),
    );
    expect(message).toContain(`("${tag}")`);
  });

  it('refuses a translation without a name, naming the offer and the language', () => {
    const dir = editedCopy((data) => {
      data.offers[0]!.translations = { 'zh-TW': { description: '只有說明' } };
    });
    const id = demo.offers.find((o) => o.productId === 'mail')!.id;
    expect(loadError(dir)).toMatch(
      new RegExp(`offer "${id}": /translations/zh-TW must have required property 'name'`),
    );
  });

  it('refuses an empty name and an unknown field in a product translation', () => {
    const dir = editedCopy((data) => {
      data.product.translations = { 'zh-TW': { name: '', slogan: '好' } };
    });
    const message = loadError(dir);
    expect(message).toMatch(/\/product\/translations\/zh-TW\/name must NOT have fewer than 1/);
    expect(message).toMatch(
      /\/product\/translations\/zh-TW must NOT have additional properties \("slogan"\)/,
    );
  });
});
