import { randomUUID } from 'node:crypto';
import { TEST_NOW } from '../helpers/app.js';
import { typesOf, type JsonSchema } from './openapi-routes.js';
import type { Rng } from './rng.js';
import type { Bundle, PartnerSide, World } from './world.js';

/**
 * Valid values for a schema, with real ids where a field names one: the baseline a request starts
 * from before one or two parts of it are made hostile, so that most requests reach deep code.
 */
export interface Target {
  world: World;
  side: PartnerSide;
  bundle: Bundle | undefined;
  /** The route's path template: tells a customer's user from a partner's user. */
  path: string;
}

/** Real values for a field, by its name: ids of the target's bundle, catalog ids, and so on. */
export function knownValues(name: string, target: Target): readonly string[] | undefined {
  const { world, side, bundle, path } = target;
  switch (name) {
    case 'customerId':
      return bundle ? [bundle.customerId] : undefined;
    case 'subscriptionId':
      return bundle?.subscriptionIds;
    case 'parentSubscriptionId':
      // Mostly the bundle's first subscription, active and a base that takes add-ons.
      return (
        bundle && [
          ...bundle.subscriptionIds.slice(0, 1).flatMap((id) => [id, id, id]),
          ...bundle.subscriptionIds,
        ]
      );
    case 'orderId':
      return bundle?.orderIds;
    case 'userId':
      return path.includes('/customers/') ? bundle?.customerUserIds : side.userIds;
    case 'offerId':
      // Mostly offers the customer can buy, so that an order gets as far as the database.
      return [...world.orderableOfferIds, ...world.orderableOfferIds, ...world.offerIds];
    case 'targetOfferId':
      return [...world.trialTargetOfferIds, ...world.offerIds.slice(0, 3)];
    case 'productId':
      return world.productIds;
    case 'email':
      return path.startsWith('/v1/session') ? [world.session.email] : undefined;
    case 'password':
    case 'currentPassword':
      return [world.session.password];
    case 'newPassword':
      // The same password again: a change that goes through leaves the session user's password as
      // it was, so later sign-ins still know it.
      return [world.session.password];
    case 'q':
      return ['Contoso', 'contoso-', 'fuzz'];
    case 'type':
      return ['subscription.created', 'order.created', 'customer.created'];
    case 'advanceBy':
      return ['PT1H', 'P1D', 'PT30M'];
    case 'to':
      return path.includes('/sandbox/') ? ['2026-03-02T00:00:00.000Z'] : undefined;
    case 'domain':
      return [`fuzz-${randomUUID().slice(0, 8)}.example`];
    case 'country':
      return ['US', 'DE', 'gb'];
    default:
      return undefined;
  }
}

/**
 * A valid body to start from: one that seeding sent and the API took (its ids and unique fields
 * made anew for the target), or one made from the schema.
 */
export function baselineBody(
  schema: JsonSchema,
  exemplars: readonly unknown[] | undefined,
  rng: Rng,
  target: Target,
): unknown {
  if (exemplars && exemplars.length > 0 && rng.chance(0.7)) {
    return renewed(structuredClone(rng.pick(exemplars)), schema, rng, target);
  }
  return validFor(schema, 'body', rng, target);
}

/** Ids (the target's own) and fields that must be unique (domain, email) made anew. */
function renewed(value: unknown, schema: JsonSchema, rng: Rng, target: Target): unknown {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const branch = branches.find((b) =>
      Object.keys(b.properties ?? {}).some((k) => isRecord(value) && k in value),
    );
    return branch ? renewed(value, branch, rng, target) : value;
  }
  if (Array.isArray(value)) return value.map((v) => renewed(v, schema.items ?? {}, rng, target));
  if (!isRecord(value)) return value;
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (!(key in value)) continue;
    const fresh = property.format === 'uuid' || property.format === 'email' || key === 'domain';
    value[key] = fresh
      ? validFor(property, key, rng, target)
      : renewed(value[key], property, rng, target);
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validFor(schema: JsonSchema, name: string, rng: Rng, target: Target): unknown {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && branches.length > 0) return validFor(rng.pick(branches), name, rng, target);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return rng.pick(schema.enum);
  const types = typesOf(schema);
  const type = types.find((t) => t !== 'null') ?? 'string';
  switch (type) {
    case 'object':
      return validObject(schema, rng, target);
    case 'array': {
      const min = schema.minItems ?? 0;
      const count = rng.between(Math.max(min, 1), Math.max(min, Math.min(schema.maxItems ?? 3, 3)));
      return Array.from({ length: count }, () => validFor(schema.items ?? {}, name, rng, target));
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = Math.min(schema.maximum ?? min + 10, min + 10);
      return rng.between(min, max);
    }
    case 'boolean':
      return rng.chance(0.5);
    default:
      return validString(schema, name, rng, target);
  }
}

function validObject(schema: JsonSchema, rng: Rng, target: Target): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  for (const [key, property] of properties) {
    if (required.has(key) || rng.chance(0.35)) out[key] = validFor(property, key, rng, target);
  }
  const first = properties[0];
  if (Object.keys(out).length < (schema.minProperties ?? 0) && first) {
    const [key, property] = rng.pick(properties);
    out[key] = validFor(property, key, rng, target);
  }
  return out;
}

function validString(schema: JsonSchema, name: string, rng: Rng, target: Target): string {
  const known = knownValues(name, target);
  if (known && known.length > 0) return rng.pick(known);
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'email':
      return `fuzz-${randomUUID().slice(0, 8)}@fuzz.example`;
    case 'date-time':
      return rng.pick([
        new Date(TEST_NOW.getTime() - 86_400_000 * rng.between(0, 60)).toISOString(),
        '2026-01-10T15:30:00Z',
      ]);
    case 'date':
      return '2026-03-01';
    default:
      break;
  }
  if (schema.pattern === '^[A-Za-z]{2}$') return 'US';
  const min = schema.minLength ?? 1;
  const max = schema.maxLength ?? 40;
  const text = `Fuzz ${name} ${rng.int(1000)}`;
  return text.length > max ? text.slice(0, max) : text.padEnd(min, 'x');
}
