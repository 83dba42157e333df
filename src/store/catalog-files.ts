import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { findCatalogProblems } from '../domain/catalog-rules.js';
import type { Catalog, Market, Offer, Product } from '../domain/offer.js';
import { DEFAULT_RETENTION_BASE_DAYS, DEFAULT_RETENTION_MAX_DAYS } from '../domain/retention.js';

const SCHEMA_DIR = fileURLToPath(new URL('../../catalog/', import.meta.url));
export const DEMO_CATALOG_PATH = join(SCHEMA_DIR, 'demo');

/** A catalog that cannot be used; the message names the file, the offer and the field. */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
}

type OfferFile = Omit<Offer, 'productId' | 'productName' | 'productTranslations' | 'policies'> & {
  policies: Omit<Offer['policies'], 'retentionBaseDays' | 'retentionMaxDays'> &
    Partial<Pick<Offer['policies'], 'retentionBaseDays' | 'retentionMaxDays'>>;
};

interface ProductFile {
  catalogVersion: string;
  product: Product;
  offers: OfferFile[];
}

interface MarketsFile {
  markets: Market[];
}

/**
 * Loads `<dir>/markets.json` and every `<dir>/products/*.json`, checks each against its JSON
 * Schema and the catalog against the rules of domain/catalog-rules.ts, and throws a CatalogError
 * listing every problem when any is found.
 */
export function loadCatalog(dir: string): Catalog {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
  });
  addFormats.default(ajv);
  const validateProduct = compile(ajv, 'product.schema.json');
  const validateMarkets = compile(ajv, 'markets.schema.json');

  const marketsFile = readJson(join(dir, 'markets.json'), validateMarkets) as MarketsFile;
  const productsDir = join(dir, 'products');
  const productFiles = listJsonFiles(productsDir).map((name) => {
    const path = join(productsDir, name);
    return { path, file: readJson(path, validateProduct) as ProductFile };
  });
  if (productFiles.length === 0) throw new CatalogError(`catalog ${productsDir}: no product files`);

  const offerFile = new Map<string, string>();
  const catalog: Catalog = {
    version:
      productFiles
        .map((p) => p.file.catalogVersion)
        .sort()
        .at(-1) ?? '',
    products: productFiles.map((p) => p.file.product),
    markets: marketsFile.markets,
    offers: productFiles.flatMap(({ path, file }) =>
      file.offers.map((offer) => {
        offerFile.set(offer.id, path);
        return withDefaults(offer, file.product);
      }),
    ),
  };
  const problems = findCatalogProblems(catalog);
  if (problems.length > 0) {
    const lines = problems.map(
      (p) =>
        `catalog ${offerFile.get(p.offerId) ?? dir}: offer "${p.offerId}": ${p.field} ${p.message}`,
    );
    throw new CatalogError(lines.join('\n'));
  }
  return catalog;
}

function withDefaults(offer: OfferFile, product: Product): Offer {
  return {
    ...offer,
    translations: offer.translations ?? {},
    productId: product.id,
    productName: product.name,
    productTranslations: product.translations ?? {},
    policies: {
      ...offer.policies,
      retentionBaseDays: offer.policies.retentionBaseDays ?? DEFAULT_RETENTION_BASE_DAYS,
      retentionMaxDays: offer.policies.retentionMaxDays ?? DEFAULT_RETENTION_MAX_DAYS,
    },
  };
}

function compile(ajv: Ajv, schemaFile: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, schemaFile), 'utf8')) as object;
  return ajv.compile(schema);
}

function listJsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    throw new CatalogError(`catalog ${dir}: cannot be read (${(error as Error).message})`);
  }
}

function readJson(path: string, validate: ValidateFunction): unknown {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CatalogError(`catalog ${path}: cannot be read (${(error as Error).message})`);
  }
  if (!validate(data)) {
    throw new CatalogError(
      (validate.errors ?? []).map((e) => `catalog ${path}: ${describe(e, data)}`).join('\n'),
    );
  }
  return data;
}

/** "offer "mail-basic" (offers/2): /minimumQuantity must be >= 1", naming the offer when there is one. */
function describe(error: ErrorObject, data: unknown): string {
  const match = /^\/offers\/(\d+)(.*)$/.exec(error.instancePath);
  const detail = `${error.message ?? 'is not valid'}${extra(error)}`;
  if (!match) return `${error.instancePath || '/'} ${detail}`;
  const [, index, rest] = match as unknown as [string, string, string];
  const offers = (data as { offers?: { id?: unknown }[] }).offers;
  const id = offers?.[Number(index)]?.id;
  const name = typeof id === 'string' ? `"${id}"` : `#${index}`;
  return `offer ${name}: ${rest || '/'} ${detail}`;
}

function extra(error: ErrorObject): string {
  const propertyName =
    error.propertyName ?? (error.params as { propertyName?: string }).propertyName;
  if (propertyName !== undefined) return ` ("${propertyName}")`;
  if (error.keyword === 'additionalProperties') {
    return ` ("${String(error.params.additionalProperty)}")`;
  }
  if (error.keyword === 'enum') {
    return ` (${(error.params.allowedValues as unknown[]).map(String).join(', ')})`;
  }
  return '';
}
