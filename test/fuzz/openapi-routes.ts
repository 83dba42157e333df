/**
 * Reads the served OpenAPI document into route specs: every path and method, with its path, query
 * and header parameters and its request body, `$ref`s resolved. Nothing here names a route: a new
 * route is fuzzed as soon as it is in the document.
 */

/** The subset of JSON Schema the document uses; anything else is kept as it is. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  description?: string;
  $ref?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ParamSpec {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface RouteSpec {
  method: HttpMethod;
  /** The path template as documented: `/v1/customers/{customerId}`. */
  path: string;
  /** `GET /v1/customers/{customerId}`: names the route in reports. */
  key: string;
  /** `security: []`: callable without a token (sign-in, health). */
  isPublic: boolean;
  pathParams: ParamSpec[];
  queryParams: ParamSpec[];
  headerParams: ParamSpec[];
  body: { required: boolean; mediaTypes: string[]; schema: JsonSchema } | null;
}

interface OpenApiOperation {
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function routesOf(document: OpenApiDocument): RouteSpec[] {
  const resolve = (schema: JsonSchema | undefined) => resolveRefs(schema ?? {}, document, 0);
  const routes: RouteSpec[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [name, operation] of Object.entries(operations)) {
      const method = name.toUpperCase() as HttpMethod;
      if (!METHODS.includes(method)) continue;
      const params = (operation.parameters ?? []).map((p): ParamSpec => ({
        name: p.name,
        in: p.in as ParamSpec['in'],
        required: p.required === true || p.in === 'path',
        schema: resolve(p.schema),
      }));
      const content = operation.requestBody?.content ?? {};
      const mediaTypes = Object.keys(content);
      const firstMediaType = mediaTypes[0];
      routes.push({
        method,
        path,
        key: `${method} ${path}`,
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
        pathParams: withPathParams(path, params),
        queryParams: params.filter((p) => p.in === 'query'),
        headerParams: params.filter((p) => p.in === 'header'),
        body:
          firstMediaType === undefined
            ? null
            : {
                required: operation.requestBody?.required === true,
                mediaTypes,
                schema: resolve(content[firstMediaType]?.schema),
              },
      });
    }
  }
  return routes;
}

/** The documented path parameters, plus any `{name}` of the template the document forgot. */
function withPathParams(path: string, params: ParamSpec[]): ParamSpec[] {
  const documented = params.filter((p) => p.in === 'path');
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    if (name !== undefined && !documented.some((p) => p.name === name)) {
      documented.push({ name, in: 'path', required: true, schema: { type: 'string' } });
    }
  }
  return documented;
}

function resolveRefs(schema: JsonSchema, document: OpenApiDocument, depth: number): JsonSchema {
  if (depth > 20) return {};
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace(/^#\/components\/schemas\//, '');
    const target = document.components?.schemas?.[name];
    return target ? resolveRefs(target, document, depth + 1) : {};
  }
  const out: JsonSchema = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolveRefs(v, document, depth + 1)]),
    );
  }
  if (schema.items) out.items = resolveRefs(schema.items, document, depth + 1);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key];
    if (list) out[key] = list.map((s) => resolveRefs(s, document, depth + 1));
  }
  if (typeof schema.additionalProperties === 'object') {
    out.additionalProperties = resolveRefs(schema.additionalProperties, document, depth + 1);
  }
  return out;
}

/** The schema's types as a list (`type: ['string', 'null']` or a single one). */
export function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (typeof schema.type === 'string') return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.enum) return [...new Set(schema.enum.map((v) => typeof v))];
  return [];
}
