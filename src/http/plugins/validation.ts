import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import {
  validationFailed,
  type DetailCode,
  type DomainError,
  type ErrorDetail,
} from '../../domain/errors.js';
import {
  isCalendarDateText,
  isInstantText,
  isSafeText,
  isUuid,
} from '../../domain/text-formats.js';

/**
 * JSON bodies are validated as sent: no coercion ("1" is not a quantity) and unknown fields are
 * refused. Query strings and path parameters arrive as text, so they are coerced to their types.
 * Before any schema, every string and key a client sent is checked for NUL and lone surrogates,
 * so no route can forget it, whatever its schema says.
 */
export function installValidators(app: FastifyInstance): void {
  const body = createAjv(false);
  const text = createAjv('array');
  const compile: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
    (httpPart === 'body' ? body : text).compile(schema);
  app.setValidatorCompiler(compile);
  app.addHook('preValidation', (request, _reply, done) => done(unsafeTextRefusal(request)));
}

function unsafeTextRefusal(request: FastifyRequest): DomainError | undefined {
  const errors = [
    ...unsafeTextIn(request.params, (path) => path[0] ?? '/'),
    ...unsafeTextIn(request.query, (path) => path[0] ?? '/'),
    ...unsafeTextIn(request.body, jsonPointer),
  ];
  return errors.length > 0 ? validationFailed(errors) : undefined;
}

interface Visit {
  value: unknown;
  key?: string;
  parent?: Visit;
}

const MAX_UNSAFE_TEXT_ERRORS = 20;

/**
 * The first fields whose text, or one of whose keys, is not safe; named as validation names them.
 * Walks with its own stack and parent links: a body nested thousands deep must neither overflow
 * the call stack nor copy its path at every level.
 */
function unsafeTextIn(root: unknown, name: (path: string[]) => string): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const unsafe = (visit: Visit) => {
    const path: string[] = [];
    for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) {
      path.unshift(at.key);
    }
    const field = name(path);
    const detail = `${field} contains a NUL character or a lone UTF-16 surrogate.`;
    errors.push({ field, code: 'invalid_text', detail });
  };
  const stack: Visit[] = [{ value: root }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    if (errors.length >= MAX_UNSAFE_TEXT_ERRORS) break;
    const { value } = visit;
    if (typeof value === 'string') {
      if (!isSafeText(value)) unsafe(visit);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value).reverse()) {
        if (isSafeText(key)) stack.push({ value: item, key, parent: visit });
        else unsafe(visit);
      }
    }
  }
  return errors;
}

function jsonPointer(path: string[]): string {
  if (path.length === 0) return '/';
  return path.map((key) => `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

function createAjv(coerceTypes: false | 'array'): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    strict: false,
  });
  addFormats.default(ajv);
  // Stricter than ajv-formats: what both databases can store (see domain/text-formats.ts).
  ajv.addFormat('uuid', isUuid);
  ajv.addFormat('date-time', isInstantText);
  ajv.addFormat('date', isCalendarDateText);
  return ajv;
}

/** Turns Ajv's errors into the `errors` of a validation_failed problem. */
export function validationDetails(errors: ErrorObject[], part: string | undefined): ErrorDetail[] {
  return errors.map((error) => {
    const pointer = fieldPointer(error);
    const field = part === 'body' || part === undefined ? pointer || '/' : pointer.slice(1);
    return { field, code: codeOf(error), detail: detailOf(error, field) };
  });
}

function fieldPointer(error: ErrorObject): string {
  if (error.keyword === 'required') {
    return `${error.instancePath}/${String(error.params.missingProperty)}`;
  }
  if (error.keyword === 'additionalProperties') {
    return `${error.instancePath}/${String(error.params.additionalProperty)}`;
  }
  return error.instancePath;
}

function codeOf(error: ErrorObject): DetailCode {
  switch (error.keyword) {
    case 'required':
      return 'required';
    case 'additionalProperties':
      return 'unknown_field';
    case 'type':
      return 'invalid_type';
    case 'enum':
    case 'const':
    case 'anyOf':
      return 'invalid_value';
    case 'format':
    case 'pattern':
      return 'invalid_format';
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return 'out_of_range';
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return 'invalid_length';
    default:
      return 'invalid';
  }
}

function detailOf(error: ErrorObject, field: string): string {
  switch (error.keyword) {
    case 'required':
      return `${field} is required.`;
    case 'additionalProperties':
      return `${field} is not a known field.`;
    case 'enum':
      return `${field} must be one of ${(error.params.allowedValues as unknown[]).map(String).join(', ')}.`;
    case 'anyOf':
      return `${field} is not one of the allowed values.`;
    case 'pattern':
      return `${field} does not have the expected form.`;
    default:
      return `${field} ${error.message ?? 'is not valid'}.`;
  }
}
