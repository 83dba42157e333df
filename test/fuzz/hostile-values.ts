import fc from 'fast-check';
import type { JsonSchema } from './openapi-routes.js';
import { typesOf } from './openapi-routes.js';
import type { Rng } from './rng.js';

/**
 * Values meant to break things: wrong types, boundaries, NUL and lone UTF-16 surrogates, long
 * strings, odd ids, forged cursors, odd dates and durations, and bad headers. Each list is a
 * plain catalogue; `hostileFor` picks from the ones that fit a field.
 */

const UUID = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(8),
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  '\uDE00x',
  '\uFFFE\uFFFF',
  '\u202Egnp.exe',
  'e\u0301\u0301\u0301',
  '😀'.repeat(60),
  '\t\n\r',
  '\r\nX-Injected: 1',
  "' OR 1=1 --",
  '"; drop table customers; --',
  '%',
  '_',
  '%_%',
  '\\',
  '\\u0000',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  'true',
  '[]',
  '{}',
  'ÿ',
  '繁體中文',
  'x'.repeat(201),
  'x'.repeat(256),
  'y'.repeat(5000),
];

export const HOSTILE_DATES: readonly string[] = [
  '0000-01-01T00:00:00Z',
  '0000-01-01T00:00:00.000Z',
  '0001-01-01T00:00:00Z',
  '1969-12-31T23:59:59Z',
  '2026-03-01T23:59:60Z',
  '2016-12-31T23:59:60Z',
  '10000-01-01T00:00:00Z',
  '+010000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '275760-09-13T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-00-10T00:00:00Z',
  '2026-03-01T24:00:00Z',
  '2026-03-01T25:61:61Z',
  '2026-03-01',
  '2026-03-01T00:00:00',
  '2026-03-01T00:00:00+14:00',
  '2026-03-01T00:00:00-23:59',
  '2026-03-01T00:00:00.123456789Z',
  '2026-03-01t00:00:00z',
  '2026-03-01 00:00:00Z',
  '20260301T000000Z',
  '1772366400',
  'now',
  '',
];

export const HOSTILE_DURATIONS: readonly string[] = [
  'P99999999999D',
  'PT99999999999H',
  'PT99999999999999999999S',
  'P9007199254740993D',
  'P106751991167D',
  'PT2562047788015H',
  'P3000000D',
  'P1e3D',
  'P0D',
  'PT0S',
  '-P1D',
  'P-1D',
  'P1Y',
  'P1M',
  'P',
  'PT',
  'P1.5D',
  'PT0.5S',
  'P1W',
  'P99999W',
  'P1DT',
  'p1d',
  ' P1D',
  'P1D\u0000',
  'P１D',
];

/** Ids that look like ids but are not the canonical form, or are not ids at all. */
export const HOSTILE_IDS: readonly string[] = [
  `urn:uuid:${UUID}`,
  UUID.toUpperCase(),
  `{${UUID}}`,
  UUID.replaceAll('-', ''),
  `${UUID} `,
  ` ${UUID}`,
  `${UUID}\n`,
  `${UUID}\u0000`,
  `${UUID}x`,
  UUID.slice(0, 35),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'c232ab00-9414-11ec-b3c8-9e6bdeced846',
  'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  '1',
  '-1',
  '0',
  '..',
  '%',
  '\uD800',
  'mail-basic',
  'x'.repeat(1000),
];

/** base64url of a JSON text, as a list's cursor is made. */
export function cursorOf(json: string): string {
  return Buffer.from(json).toString('base64url');
}

export const FORGED_CURSORS: readonly string[] = [
  'WyJ4Il0',
  cursorOf('["\\u0000"]'),
  cursorOf('["\\u0000","\\u0000"]'),
  cursorOf('["\\u0000","\\u0000","\\u0000"]'),
  cursorOf('["x","y"]'),
  cursorOf('["x","y","z"]'),
  cursorOf('["\\ud800","\\udfff"]'),
  cursorOf('["2026-03-01T12:00:00.000Z","00000000-0000-0000-0000-000000000000"]'),
  cursorOf(`["10000-01-01T00:00:00.000Z","${UUID}"]`),
  cursorOf(`["0000-01-01T00:00:00Z","${UUID}"]`),
  cursorOf(`["2026-03-01T23:59:60Z","${UUID}"]`),
  cursorOf(`["not a date","not a uuid"]`),
  cursorOf(`["${UUID}","${UUID}"]`),
  cursorOf(`["urn:uuid:${UUID}"]`),
  cursorOf(`["${UUID.toUpperCase()}"]`),
  cursorOf(`["zzzz","${UUID}"]`),
  cursorOf(`["","",""]`),
  cursorOf(`["%","_"]`),
  cursorOf(`["' or 1=1 --","x"]`),
  cursorOf(`["${'a'.repeat(300)}","b"]`),
  cursorOf('[null,null]'),
  cursorOf('[1,2]'),
  cursorOf('[1e999,-1e999]'),
  cursorOf('[{},[]]'),
  cursorOf('[]'),
  cursorOf('{}'),
  cursorOf('"x"'),
  cursorOf('null'),
  cursorOf('['),
  cursorOf('["\\u0000"'),
  Buffer.from('["x","y"]').toString('base64'),
  'WyJ4Il0=',
  'WyJ4Il0==',
  '!!!!',
  '%%%',
  '====',
  'A',
  'A'.repeat(512),
  'A'.repeat(513),
  '\u0000',
  '\uD800',
];

export const HOSTILE_NUMBERS: readonly unknown[] = [
  -1,
  0,
  -0,
  0.5,
  1.5,
  2 ** 31,
  2 ** 31 - 1,
  2 ** 53,
  2 ** 53 + 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  1000001,
  999999999999,
  '1',
  '',
  // What a query string's coercion may read as a number, or not.
  '1e3',
  '0x10',
  '5.0',
  '05',
  ' 5',
  '+5',
  'Infinity',
  'NaN',
  '1_000',
  true,
  null,
];

/** Header values a real HTTP client can send: visible ASCII, space, tab and bytes 0x80-0xFF. */
export const HOSTILE_IDEMPOTENCY_KEYS: readonly string[] = [
  '',
  ' ',
  '\t',
  'k'.repeat(255),
  'k'.repeat(256),
  'k'.repeat(10000),
  'key with spaces',
  '"quoted"',
  'a,b,c',
  '\u00ff\u00fe\u0080',
  'Ã©tÃ©',
  '%00',
  '\\u0000',
  "'; drop table idempotency_keys; --",
];

export const HOSTILE_IF_MATCH: readonly string[] = [
  'garbage',
  '*',
  '""',
  '"',
  '"unterminated',
  'W/"1"',
  'W/',
  '"1", "2"',
  '"-1"',
  '"1e999"',
  '"99999999999999999999"',
  '"0"',
  `"${UUID}"`,
  '\u00ff',
  `"${'x'.repeat(9000)}"`,
];

export const HOSTILE_CONTENT_TYPES: readonly string[] = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/jsonx',
  'application/problem+json',
  'application/merge-patch+json',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=nope',
  'application/json;;',
  'application/json; charset="utf-8"',
  'APPLICATION/JSON',
  ' application/json',
  'application/*',
  '*/*',
  'json',
  ';',
  '',
];

export const HOSTILE_ACCEPT: readonly string[] = [
  'text/csv',
  'application/xml',
  'text/html',
  '*/*;q=0',
  'application/json;q=0',
  'ÿ',
];

/** Whole bodies that are not the JSON object a route wants. */
export function hostileBodies(validJson: string): readonly (string | Buffer)[] {
  return [
    '',
    ' ',
    '{',
    '}',
    '{"a":1,}',
    "{'a':1}",
    'nul',
    'null',
    'true',
    '1',
    '-0',
    '1e999',
    '"x"',
    '[]',
    '[{}]',
    '{}',
    '\uFEFF{}',
    `\uFEFF${validJson}`,
    '{"__proto__":{"isAdmin":true,"quantity":1}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"\\u0000":1}',
    '"\\ud800"',
    '123456789012345678901234567890',
    '['.repeat(20000),
    `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
    `${'['.repeat(3000)}${']'.repeat(3000)}`,
    validJson.slice(0, Math.max(1, validJson.length - 1)),
    `${validJson}${validJson}`,
    `${validJson}\u0000`,
    validJson.replace(/"$/, '\\"'),
    JSON.stringify({ pad: 'p'.repeat(300 * 1024) }),
    Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
    Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
    Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xc0, 0x80]), Buffer.from('"}')]),
    Buffer.from(validJson, 'utf16le'),
  ];
}

/** Values of every JSON type, for a field that wants another one. */
export const TYPE_CONFUSIONS: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  '',
  'x',
  [],
  [null],
  {},
  { $gt: '' },
  JSON.parse('{"__proto__":{"x":1}}') as unknown,
  [[[[[]]]]],
];

export interface HostileContext {
  /** Real ids of another partner, and of the wrong kind, for id fields. */
  foreignIds: readonly string[];
  /** Real cursors of other lists and of another partner, for `cursor`. */
  foreignCursors: readonly string[];
}

/** The kinds of hostile value a field can get; each field gets those that fit it. */
export type HostileClass =
  | 'nul'
  | 'surrogate'
  | 'long'
  | 'type'
  | 'strings'
  | 'junk'
  | 'odd-id'
  | 'foreign-id'
  | 'odd-date'
  | 'duration'
  | 'forged-cursor'
  | 'foreign-cursor'
  | 'number'
  | 'enum'
  | 'boolean';

const isId = (schema: JsonSchema, name: string) => schema.format === 'uuid' || /Id$/.test(name);
const isDate = (schema: JsonSchema, name: string) =>
  schema.format === 'date-time' ||
  schema.format === 'date' ||
  /^(from|to)$|At$|Before$|Date$/.test(name);
const isDuration = (name: string) => /advanceBy|duration/i.test(name);

/**
 * The classes a field is swept with, once each (some twice, where the class holds many different
 * values): what breaks databases (NUL, lone surrogates, length), then what fits the field's kind.
 */
export function classesFor(schema: JsonSchema, name: string): HostileClass[] {
  const types = typesOf(schema);
  const out: HostileClass[] = [];
  if (types.includes('string')) {
    out.push('nul', 'surrogate');
    if (!schema.enum) out.push('long');
  }
  if (isId(schema, name)) out.push('odd-id', 'odd-id', 'foreign-id');
  if (isDate(schema, name)) out.push('odd-date', 'odd-date', 'odd-date');
  if (isDuration(name)) out.push('duration', 'duration', 'duration');
  if (name === 'cursor') out.push('forged-cursor', 'forged-cursor', 'foreign-cursor');
  if (types.includes('integer') || types.includes('number')) out.push('number', 'number');
  if (schema.enum) out.push('enum');
  if (types.includes('boolean')) out.push('boolean');
  out.push('type');
  return out;
}

/**
 * A hostile value for one field: of the class asked for, or of one picked at random among those
 * that fit the field (with some wrong types and random junk strings mixed in).
 */
export function hostileFor(
  schema: JsonSchema,
  name: string,
  rng: Rng,
  ctx: HostileContext,
  /** The valid value it replaces, if any: poisoned, it keeps its form and gets further. */
  valid?: unknown,
  wanted?: HostileClass,
): unknown {
  const cls =
    wanted ??
    rng.weighted<HostileClass>([
      ...classesFor(schema, name).map((c) => [2, c] as const),
      [1, 'strings'],
      [1, 'junk'],
    ]);
  const text =
    typeof valid === 'string'
      ? valid
      : typeof valid === 'number' || typeof valid === 'boolean'
        ? String(valid)
        : '';
  switch (cls) {
    case 'nul':
      return poison(text, rng, ['\u0000', '\u0000\uD800', 'x\u0000']);
    case 'surrogate':
      return poison(text, rng, ['\uD800', '\uDFFF', '\uD83D', '\uDE00']);
    case 'long':
      return typesOf(schema).includes('array')
        ? arrayBoundary(schema, rng)
        : lengthBoundary(schema, rng);
    case 'type':
      return rng.pick(TYPE_CONFUSIONS);
    case 'strings':
      return rng.chance(0.5) && text !== '' ? poison(text, rng) : rng.pick(HOSTILE_STRINGS);
    case 'junk':
      return junkString(rng);
    case 'odd-id':
      return rng.pick(HOSTILE_IDS);
    case 'foreign-id':
      return ctx.foreignIds.length > 0 ? rng.pick(ctx.foreignIds) : rng.pick(HOSTILE_IDS);
    case 'odd-date':
      return rng.pick(HOSTILE_DATES);
    case 'duration':
      return rng.pick(HOSTILE_DURATIONS);
    case 'forged-cursor':
      return rng.pick(FORGED_CURSORS);
    case 'foreign-cursor':
      return ctx.foreignCursors.length > 0
        ? rng.pick(ctx.foreignCursors)
        : rng.pick(FORGED_CURSORS);
    case 'number':
      return rng.chance(0.6) ? rng.pick(numberBoundaries(schema)) : rng.pick(HOSTILE_NUMBERS);
    case 'enum':
      return enumNearMiss(schema.enum ?? ['x'], rng);
    case 'boolean':
      return rng.pick(['true', 1, 0, 'yes', null, 'TRUE']);
  }
}

function numberBoundaries(schema: JsonSchema): unknown[] {
  const out: unknown[] = [];
  if (schema.minimum !== undefined) out.push(schema.minimum - 1, schema.minimum - 0.5);
  if (schema.maximum !== undefined)
    out.push(schema.maximum + 1, schema.maximum + 0.5, schema.maximum * 10);
  return out.length > 0 ? out : [-1, 2 ** 53];
}

function enumNearMiss(values: readonly unknown[], rng: Rng): unknown {
  const value = String(rng.pick(values));
  return rng.pick([
    value.toUpperCase(),
    `${value} `,
    ` ${value}`,
    `${value}\u0000`,
    value.slice(0, -1),
    `${value}s`,
    [value],
    value.replace(/_/g, '-'),
  ]);
}

function lengthBoundary(schema: JsonSchema, rng: Rng): string {
  const lengths = [0, 1];
  if (schema.minLength !== undefined) lengths.push(Math.max(0, schema.minLength - 1));
  if (schema.maxLength !== undefined) lengths.push(schema.maxLength, schema.maxLength + 1);
  lengths.push(70000);
  const length = rng.pick(lengths);
  return rng.pick(['a', 'é', '\u0000', ' ', '😀']).repeat(length).slice(0, length);
}

function arrayBoundary(schema: JsonSchema, rng: Rng): unknown[] {
  const max = schema.maxItems ?? 100;
  const size = rng.pick([0, max + 1, max * 5]);
  return Array.from({ length: size }, () => ({}));
}

/** Characters that break things when they reach a database, a log or a header. */
export const POISONS: readonly string[] = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\uD83D',
  '\u0000\uD800',
  '%',
  '_',
  "'",
  '\\',
  '\r\n',
  '\u202E',
  '\uFEFF',
];

/** A valid value with a poison put in somewhere: still looks right to a pattern or a length check. */
export function poison(valid: string, rng: Rng, poisons: readonly string[] = POISONS): string {
  const at = rng.pick([0, valid.length, rng.int(valid.length + 1)]);
  return `${valid.slice(0, at)}${rng.pick(poisons)}${valid.slice(at)}`;
}

/** Malformed percent-encoding, sent as it is in a path or a query. */
export const RAW_PERCENT: readonly string[] = [
  '%',
  '%ZZ',
  '%zz',
  '%E0%A4%A',
  '%00',
  '%ED%A0%80',
  '%C0%80',
  '%FF%FE',
  '%25',
  '%2F',
  '%u0000',
];

/** Random strings of any UTF-16 code units, lone surrogates included. */
export function junkString(rng: Rng): string {
  return rng.sample(
    rng.pick([
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({
        unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
        maxLength: 40,
      }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({
        unit: fc.constantFrom('\u0000', '\uD800', '\uDC00', '%', "'", '"', '\\', '/', '\n'),
        maxLength: 12,
      }),
    ]),
  );
}

/** A header value a real client could send (tab, visible ASCII, space, 0x80-0xFF), at random. */
export function junkHeaderValue(rng: Rng): string {
  const codes = rng.sample(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 60 }));
  return String.fromCharCode(
    ...codes.map((c) => (c < 0x20 || c === 0x7f ? (c === 9 ? 9 : 0x20 + (c % 0x5f)) : c)),
  );
}
