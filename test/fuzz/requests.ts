import type { HttpMethod, JsonSchema, ParamSpec, RouteSpec } from './openapi-routes.js';
import {
  HOSTILE_ACCEPT,
  HOSTILE_CONTENT_TYPES,
  HOSTILE_IDEMPOTENCY_KEYS,
  HOSTILE_IF_MATCH,
  RAW_PERCENT,
  hostileBodies,
  hostileFor,
  junkHeaderValue,
  type HostileContext,
} from './hostile-values.js';
import type { BodySlot, FieldClass, Mutation } from './plans.js';
import type { Rng } from './rng.js';
import { baselineBody, knownValues, validFor, type Target } from './schema-values.js';
import type { PartnerSide, World } from './world.js';

/** One request as the fuzzer sends it, with what was made hostile in it. */
export interface FuzzRequest {
  route: RouteSpec;
  method: HttpMethod | 'OPTIONS' | 'HEAD';
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** Who calls: a partner's token, a fresh portal session, or nobody (public routes). */
  auth: { kind: 'token'; side: PartnerSide } | { kind: 'session' } | { kind: 'none' };
  /** Made hostile after the credentials are added, e.g. `junk bearer`. */
  authMutation: AuthMutation | null;
  /** Each request comes from its own address, so the sign-in limit per address does not hide the rest. */
  remoteAddress: string;
  /** What was made hostile, for the report: `path customerId = "urn:uuid:…"`. */
  mutations: string[];
}

export type AuthMutation =
  | 'junk bearer'
  | 'basic scheme'
  | 'lower-case scheme'
  | 'no credentials'
  | 'junk cookie'
  | 'no csrf'
  | 'wrong csrf';

const REUSED_KEYS = ['fuzz-reused-key-1', 'fuzz-reused-key-2'];

/**
 * Builds one request for a route: a valid request first (real ids of a seeded customer, a body
 * that seeding sent or that fits the schema), then the plan's parts made hostile.
 */
export function buildRequest(
  route: RouteSpec,
  plan: readonly Mutation[],
  rng: Rng,
  world: World,
  index: number,
): FuzzRequest {
  // The sandbox routes are tried on the sandbox partner, whose clock may move, and on the fuzzed
  // partner, which is not a sandbox (sandbox_only). Every other route acts for the fuzzed partner.
  const side = route.path.startsWith('/v1/sandbox') && rng.chance(0.5) ? world.sandbox : world.main;
  const bundle =
    side.bundles.length > 0 && rng.chance(0.6)
      ? side.bundles[side.bundles.length - 1]
      : side.bundles.length > 0
        ? rng.pick(side.bundles)
        : undefined;
  const target: Target = { world, side, bundle, path: route.path };
  const hostile: HostileContext = {
    foreignIds: foreignIds(world, side),
    foreignCursors: foreignCursors(world, side, route.key),
  };
  const mutations: string[] = [];
  const request: FuzzRequest = {
    route,
    method: route.method,
    url: '',
    headers: {},
    auth: authFor(route, rng, side),
    authMutation: null,
    remoteAddress: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
    mutations,
  };
  const has = (kind: Mutation['kind']) => plan.some((m) => m.kind === kind);
  const fieldMutation = (kind: 'path-param' | 'query-param', name: string) =>
    plan.find(
      (m): m is Extract<Mutation, { kind: 'path-param' | 'query-param' }> =>
        m.kind === kind && m.name === name,
    );

  // Path parameters: real ids of the bundle, or one made hostile.
  const pathValues = new Map<string, string>();
  for (const param of route.pathParams) {
    const valid = validParam(param, rng, target);
    const mutation = fieldMutation('path-param', param.name);
    pathValues.set(
      param.name,
      mutation
        ? hostileParam(param, valid, mutation.cls, rng, hostile, `path ${param.name}`, mutations)
        : encodeText(asText(valid)),
    );
  }
  let path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => pathValues.get(name) ?? '');

  // Query: required parameters always, the others now and then; some made hostile.
  const query: string[] = [];
  for (const param of route.queryParams) {
    const valid =
      param.name === 'cursor' ? realCursor(side, route.key, rng) : validParam(param, rng, target);
    const mutation = fieldMutation('query-param', param.name);
    if (mutation) {
      const value = hostileParam(
        param,
        valid,
        mutation.cls,
        rng,
        hostile,
        `query ${param.name}`,
        mutations,
      );
      query.push(`${encodeText(param.name)}=${value}`);
    } else if ((param.required || rng.chance(0.4)) && valid !== undefined) {
      query.push(...queryPairs(param.name, valid));
    }
  }
  if (has('query-extra')) query.push(queryExtra(route, rng, mutations));

  // Body: a valid one, then a field or the whole of it made hostile.
  let bodyText: string | Buffer | undefined;
  if (route.body) {
    const { schema } = route.body;
    const branch = plan.find(
      (m): m is Extract<Mutation, { kind: 'body-field' }> =>
        m.kind === 'body-field' && m.slot.branch !== undefined,
    )?.slot.branch;
    const branchSchema =
      branch === undefined ? undefined : (schema.anyOf ?? schema.oneOf)?.[branch];
    const value = branchSchema
      ? validFor(branchSchema, 'body', rng, target)
      : baselineBody(schema, world.exemplars.get(route.key), rng, target);
    for (const m of plan) {
      if (m.kind === 'body-field') {
        mutateField(value, branchSchema ?? schema, m, rng, target, hostile, mutations);
      }
    }
    bodyText = JSON.stringify(value);
    if (has('body-whole')) {
      bodyText = rng.pick(hostileBodies(bodyText));
      mutations.push(`whole body = ${show(bodyText)}`);
    }
    request.headers['content-type'] = rng.pick(route.body.mediaTypes);
  } else if (has('body-unexpected')) {
    bodyText = rng.pick(['{"unexpected":true}', '{', '[]', 'x'.repeat(1000)]);
    request.headers['content-type'] = 'application/json';
    mutations.push(`unexpected body ${show(bodyText)}`);
  }
  if (bodyText !== undefined) request.payload = bodyText;
  if (has('content-type')) {
    if (rng.chance(0.2)) {
      delete request.headers['content-type'];
      mutations.push('no content-type');
    } else {
      const type = rng.pick(HOSTILE_CONTENT_TYPES);
      request.headers['content-type'] = type;
      mutations.push(`content-type: ${show(type)}`);
    }
  }

  // Headers: idempotency keys (also reused ones, so that replays and reuse run), If-Match, others.
  if (route.method === 'POST' || route.method === 'PATCH') {
    if (has('idempotency-key')) {
      const name = rng.pick(['idempotency-key', 'ms-requestid']);
      const key = rng.chance(0.8) ? rng.pick(HOSTILE_IDEMPOTENCY_KEYS) : junkHeaderValue(rng);
      request.headers[name] = key;
      mutations.push(`${name}: ${show(key)}`);
    } else if (rng.chance(0.3)) {
      request.headers['idempotency-key'] = rng.chance(0.5)
        ? rng.pick(REUSED_KEYS)
        : `fuzz-${index}-${rng.int(1e9)}`;
    }
  }
  if (has('if-match')) {
    const value = rng.chance(0.8) ? rng.pick(HOSTILE_IF_MATCH) : junkHeaderValue(rng);
    request.headers['if-match'] = value;
    mutations.push(`if-match: ${show(value)}`);
  }
  if (has('header-misc')) {
    const name = rng.pick(['accept', 'x-correlation-id', 'ms-correlationid', 'accept-language']);
    const value =
      name === 'accept' && rng.chance(0.7) ? rng.pick(HOSTILE_ACCEPT) : junkHeaderValue(rng);
    request.headers[name] = value;
    mutations.push(`${name}: ${show(value)}`);
  }
  if (has('auth')) {
    request.authMutation =
      request.auth.kind === 'session'
        ? rng.pick<AuthMutation>(['junk cookie', 'no csrf', 'wrong csrf', 'no credentials'])
        : rng.pick<AuthMutation>([
            'junk bearer',
            'basic scheme',
            'lower-case scheme',
            'no credentials',
          ]);
    mutations.push(`auth: ${request.authMutation}`);
  }

  if (has('method')) {
    request.method = rng.pick(
      (['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const).filter(
        (m) => m !== route.method,
      ),
    );
    mutations.push(`method ${request.method}`);
  }
  if (has('path-shape')) {
    const shapes: [string, (p: string) => string][] = [
      ['trailing slash', (p) => `${p}/`],
      ['double slash', (p) => p.replace('/v1/', '/v1//')],
      ['extra segment', (p) => `${p}/extra`],
      ['upper case', (p) => p.toUpperCase()],
      ['encoded letter', (p) => p.replace(/([a-z])/, (c) => `%${c.charCodeAt(0).toString(16)}`)],
      ['dot segment', (p) => p.replace('/v1/', '/v1/./')],
      ['dot-dot segment', (p) => `${p}/..`],
      ['encoded slash', (p) => p.replace(/\/([^/]*)$/, '%2F$1')],
      ['malformed percent', (p) => `${p}/${rng.pick(RAW_PERCENT)}`],
      ['long path', (p) => `${p}/${'a'.repeat(10000)}`],
    ];
    const [name, shape] = rng.pick(shapes);
    path = shape(path);
    mutations.push(`path shape: ${name}`);
  }
  request.url = query.length > 0 ? `${path}?${query.join('&')}` : path;
  return request;
}

/** A hostile value for a path or query parameter, already in its URL form. */
function hostileParam(
  param: ParamSpec,
  valid: unknown,
  cls: FieldClass | undefined,
  rng: Rng,
  hostile: HostileContext,
  what: string,
  mutations: string[],
): string {
  if (cls === 'raw-percent') {
    const raw = rng.pick(RAW_PERCENT);
    const text = rng.chance(0.5) ? raw : `${encodeText(asText(valid ?? ''))}${raw}`;
    mutations.push(`${what} = ${text} (as sent)`);
    return text;
  }
  const value = hostileFor(param.schema, param.name, rng, hostile, valid, cls);
  mutations.push(`${what} = ${show(value)}`);
  if (
    param.in === 'query' &&
    (Array.isArray(value) || (typeof value === 'object' && value !== null))
  ) {
    // Arrays repeat the name and objects nest it: the first pair is the value, the rest follow.
    const [first, ...rest] = queryPairs(param.name, value);
    return [first?.replace(/^[^=]*=?/, '') ?? '', ...rest].join('&');
  }
  return encodeText(asText(value));
}

function authFor(route: RouteSpec, rng: Rng, side: PartnerSide): FuzzRequest['auth'] {
  if (side.name === 'sandbox') return { kind: 'token', side };
  if (route.isPublic) return rng.chance(0.8) ? { kind: 'none' } : { kind: 'token', side };
  // The session's own routes mean most with a session (a fresh one each time: signing out or
  // changing the password then ends nothing the next request needs); the others mostly get the
  // token, and sometimes a session, so the cookie and CSRF path is fuzzed too.
  const sessionShare = route.path.startsWith('/v1/session') ? 0.7 : 0.08;
  return rng.chance(sessionShare) ? { kind: 'session' } : { kind: 'token', side };
}

function validParam(param: ParamSpec, rng: Rng, target: Target): unknown {
  const known = knownValues(param.name, target);
  if (known && known.length > 0) return rng.pick(known);
  return validFor(param.schema, param.name, rng, target);
}

function realCursor(side: PartnerSide, routeKey: string, rng: Rng): string | undefined {
  const cursors = side.cursors.get(routeKey);
  return cursors && cursors.length > 0 ? rng.pick(cursors) : undefined;
}

/** Real ids from elsewhere: another partner's, the fuzzed partner's other customers'. */
function foreignIds(world: World, side: PartnerSide): string[] {
  const ids: string[] = [];
  for (const s of [world.main, world.other, world.sandbox]) {
    for (const b of s.bundles) {
      if (s === side && b === s.bundles[s.bundles.length - 1]) continue;
      ids.push(b.customerId, ...b.subscriptionIds, ...b.orderIds, ...b.customerUserIds);
    }
    if (s !== side) ids.push(...s.userIds);
  }
  ids.push(world.session.id);
  return ids;
}

/** Real cursors of the partner's other lists, and another partner's cursor of this list. */
function foreignCursors(world: World, side: PartnerSide, routeKey: string): string[] {
  const out: string[] = [];
  for (const [key, cursors] of side.cursors) if (key !== routeKey) out.push(...cursors);
  for (const s of [world.main, world.other]) {
    if (s !== side) out.push(...(s.cursors.get(routeKey) ?? []));
  }
  // A real cursor with its last character changed: decodes, but to something else.
  for (const cursor of side.cursors.get(routeKey) ?? []) {
    out.push(`${cursor.slice(0, -2)}${cursor.endsWith('A') ? 'B' : 'A'}`);
  }
  return out;
}

/**
 * Breaks one field of the body where the slot says: a hostile value, gone, or a stranger beside
 * it. Objects and arrays on the way that the body lacks are made valid first.
 */
function mutateField(
  body: unknown,
  schema: JsonSchema,
  mutation: Extract<Mutation, { kind: 'body-field' }>,
  rng: Rng,
  target: Target,
  hostile: HostileContext,
  mutations: string[],
): void {
  const { slot, action } = mutation;
  const parent = containerOf(body, schema, slot, rng, target);
  if (!parent) return;
  const key = slot.segments[slot.segments.length - 1] ?? '';
  const pointer = `/${slot.segments.join('/')}`;
  if (action === 'replace') {
    // A field the body lacks gets a valid value first, so that it can be poisoned.
    const valid = parent[key] ?? validFor(slot.schema, slot.name, rng, target);
    const value = hostileFor(slot.schema, slot.name, rng, hostile, valid, mutation.cls);
    parent[key] = value;
    mutations.push(`body ${pointer} = ${show(value)}`);
  } else if (action === 'delete') {
    Reflect.deleteProperty(parent, key);
    mutations.push(`body ${pointer} removed`);
  } else {
    const name = rng.pick(['unknown', '__proto__', 'constructor', 'partnerId', 'id', 'status', '']);
    Object.defineProperty(parent, name, {
      value: 1,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    mutations.push(`body ${pointer.replace(/[^/]*$/, '')}${name} added`);
  }
}

/** The object or array that holds the slot's field, made where the body lacks it. */
function containerOf(
  body: unknown,
  schema: JsonSchema,
  slot: BodySlot,
  rng: Rng,
  target: Target,
): Record<string, unknown> | null {
  let node: unknown = body;
  let nodeSchema = schema;
  for (const segment of slot.segments.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return null;
    const container = node as Record<string, unknown>;
    const childSchema = Array.isArray(node)
      ? (nodeSchema.items ?? {})
      : (nodeSchema.properties?.[segment] ?? {});
    let child = container[segment];
    if (typeof child !== 'object' || child === null) {
      child = validFor(childSchema, segment, rng, target);
      container[segment] = child;
    }
    node = child;
    nodeSchema = childSchema;
  }
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : null;
}

function queryExtra(route: RouteSpec, rng: Rng, mutations: string[]): string {
  const first = route.queryParams[0]?.name ?? 'limit';
  const extra = rng.pick([
    `unknown=${encodeText('x')}`,
    `${first}=1&${first}=2`,
    `${first}[]=1`,
    `${first}[a]=1`,
    first,
    `${first}=`,
    `${first}=%`,
    `${first}=%zz`,
    `${first}=%E0%A4%A`,
    `${first}=%00`,
    `${first}=%ED%A0%80`,
    `${first}=%C0%80`,
    `${first}=%FF%FE`,
    `__proto__[x]=1`,
    `constructor=1`,
    `${first}=${'q'.repeat(9000)}`,
    `&&&=&=`,
  ]);
  mutations.push(`query extra ${show(extra)}`);
  return extra;
}

/** `name=value` pairs for a value of any type: arrays repeat the name, objects nest it. */
function queryPairs(name: string, value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => queryPairs(name, v));
  if (value === null) return [encodeText(name)];
  if (typeof value === 'object') {
    return Object.entries(value).map(
      ([k, v]) => `${encodeText(name)}[${encodeText(k)}]=${encodeText(asText(v))}`,
    );
  }
  return [`${encodeText(name)}=${encodeText(asText(value))}`];
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  const json = JSON.stringify(value) as string | undefined;
  return json ?? String(value);
}

/**
 * Percent-encodes text for a URL, lone surrogates included (as the three bytes WTF-8 gives them,
 * which is what a client that does not check would send; encodeURIComponent throws on them).
 */
export function encodeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(text[i] ?? '');
    }
  }
  return out;
}

/** A short, printable form of a value for the report. */
export function show(value: unknown, max = 80): string {
  const text = Buffer.isBuffer(value)
    ? `<bytes ${value.subarray(0, 40).toString('hex')}${value.length > 40 ? '…' : ''} (${value.length})>`
    : ((JSON.stringify(value) as string | undefined) ?? String(value));
  return text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
}
