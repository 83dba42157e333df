import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { ErrorDetail } from '../../domain/errors.js';

/**
 * JSON bodies are validated as sent: no coercion ("1" is not a quantity) and unknown fields are
 * refused. Query strings and path parameters arrive as text, so they are coerced to their types.
 */
export function installValidators(app: FastifyInstance): void {
  const body = createAjv(false);
  const text = createAjv('array');
  const compile: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
    (httpPart === 'body' ? body : text).compile(schema);
  app.setValidatorCompiler(compile);
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

function codeOf(error: ErrorObject): string {
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
