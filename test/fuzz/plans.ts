import { classesFor, type HostileClass } from './hostile-values.js';
import type { JsonSchema, RouteSpec } from './openapi-routes.js';
import type { Rng } from './rng.js';

/**
 * What to make hostile in one request. A run first sweeps every route: each path and query
 * parameter and each body field once with every class of hostile value that fits it, and each
 * route once with every kind of bad body, header, method and path; so that a bounded run reaches
 * every field. Then it sends random plans of zero to three mutations until its count is reached.
 */
export type FieldClass = HostileClass | 'raw-percent';

export type RouteLevelKind =
  | 'query-extra'
  | 'body-whole'
  | 'body-unexpected'
  | 'idempotency-key'
  | 'if-match'
  | 'content-type'
  | 'header-misc'
  | 'auth'
  | 'method'
  | 'path-shape';

export type Mutation =
  | { kind: 'path-param'; name: string; cls?: FieldClass }
  | { kind: 'query-param'; name: string; cls?: FieldClass }
  | { kind: 'body-field'; slot: BodySlot; action: 'replace' | 'delete' | 'add'; cls?: HostileClass }
  | { kind: RouteLevelKind };

/** A field somewhere in a body: `lineItems/0/quantity`. */
export interface BodySlot {
  segments: string[];
  name: string;
  schema: JsonSchema;
  required: boolean;
  /** Which branch of a top-level anyOf/oneOf it belongs to. */
  branch?: number;
}

export function bodySlots(schema: JsonSchema): BodySlot[] {
  const out: BodySlot[] = [];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) branches.forEach((b, i) => walk(b, [], out, i));
  else walk(schema, [], out, undefined);
  return out;
}

function walk(schema: JsonSchema, at: string[], out: BodySlot[], branch: number | undefined) {
  if (at.length > 6) return;
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const segments = [...at, key];
    out.push({
      segments,
      name: key,
      schema: property,
      required: schema.required?.includes(key) ?? false,
      ...(branch === undefined ? {} : { branch }),
    });
    walk(property, segments, out, branch);
  }
  if (schema.items) {
    const segments = [...at, '0'];
    const name = at[at.length - 1] ?? 'item';
    out.push({
      segments,
      name,
      schema: schema.items,
      required: true,
      ...(branch === undefined ? {} : { branch }),
    });
    walk(schema.items, segments, out, branch);
  }
}

export function randomPlan(route: RouteSpec, rng: Rng): Mutation[] {
  const count = rng.weighted([
    [15, 0],
    [55, 1],
    [22, 2],
    [8, 3],
  ]);
  const slots = route.body ? bodySlots(route.body.schema) : [];
  const choices: (readonly [number, () => Mutation])[] = [
    [1, () => ({ kind: 'query-extra' })],
    [0.6, () => ({ kind: 'header-misc' })],
    [0.3, () => ({ kind: 'auth' })],
    [0.4, () => ({ kind: 'method' })],
    [0.4, () => ({ kind: 'path-shape' })],
  ];
  const fieldClass = (): FieldClass | undefined => (rng.chance(0.1) ? 'raw-percent' : undefined);
  if (route.pathParams.length > 0) {
    choices.push([
      3,
      () => ({ kind: 'path-param', name: rng.pick(route.pathParams).name, cls: fieldClass() }),
    ]);
  }
  if (route.queryParams.length > 0) {
    choices.push([
      3,
      () => ({ kind: 'query-param', name: rng.pick(route.queryParams).name, cls: fieldClass() }),
    ]);
  }
  if (route.body) {
    choices.push([2, () => ({ kind: 'body-whole' })], [1.5, () => ({ kind: 'content-type' })]);
    if (slots.length > 0) {
      choices.push([
        5,
        () => ({
          kind: 'body-field',
          slot: rng.pick(slots),
          action: rng.weighted([
            [6, 'replace'],
            [1.5, 'delete'],
            [1, 'add'],
          ] as const),
        }),
      ]);
    }
  } else {
    choices.push([0.5, () => ({ kind: 'body-unexpected' })]);
  }
  if (route.method === 'POST' || route.method === 'PATCH') {
    choices.push([1.5, () => ({ kind: 'idempotency-key' })]);
  }
  if (route.method !== 'GET') choices.push([1, () => ({ kind: 'if-match' })]);
  return Array.from({ length: count }, () => rng.weighted(choices)());
}

/** Every route with every field and every class that fits it, once: one mutation a request. */
export function sweepPlans(routes: readonly RouteSpec[]): { route: RouteSpec; plan: Mutation[] }[] {
  const queues = routes.map((route) => {
    const plans: Mutation[][] = [];
    for (const param of route.pathParams) {
      for (const cls of [...classesFor(param.schema, param.name), 'raw-percent' as const]) {
        plans.push([{ kind: 'path-param', name: param.name, cls }]);
      }
    }
    for (const param of route.queryParams) {
      for (const cls of [...classesFor(param.schema, param.name), 'raw-percent' as const]) {
        plans.push([{ kind: 'query-param', name: param.name, cls }]);
      }
    }
    const slots = route.body ? bodySlots(route.body.schema) : [];
    for (const slot of slots) {
      for (const cls of classesFor(slot.schema, slot.name)) {
        plans.push([{ kind: 'body-field', slot, action: 'replace', cls }]);
      }
      if (slot.required) plans.push([{ kind: 'body-field', slot, action: 'delete' }]);
    }
    const first = slots[0];
    if (first) plans.push([{ kind: 'body-field', slot: first, action: 'add' }]);
    const kinds: RouteLevelKind[] = ['query-extra', 'header-misc', 'auth', 'method', 'path-shape'];
    if (route.body)
      kinds.push('body-whole', 'body-whole', 'body-whole', 'content-type', 'content-type');
    else kinds.push('body-unexpected');
    if (route.method === 'POST' || route.method === 'PATCH') {
      kinds.push('idempotency-key', 'idempotency-key');
    }
    if (route.method !== 'GET') kinds.push('if-match');
    for (const kind of kinds) plans.push([{ kind }]);
    return plans.map((plan) => ({ route, plan }));
  });
  // Round robin over the routes, so that the routes share the seeded data as it wears out.
  const out: { route: RouteSpec; plan: Mutation[] }[] = [];
  for (let i = 0; queues.some((q) => i < q.length); i++) {
    for (const queue of queues) {
      const item = queue[i];
      if (item) out.push(item);
    }
  }
  return out;
}
