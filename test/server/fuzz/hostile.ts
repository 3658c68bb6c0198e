/**
 * Hostile values for the API fuzzer: what attackers, broken clients and unlucky citizens
 * send where a well-formed value is expected. Each export is a fast-check arbitrary.
 *
 * @module
 */
import fc from 'fast-check';

/** Numbers at the edges: integer and float limits, negative zero, fractions where counts go. */
export const boundaryNumber: fc.Arbitrary<number> = fc.constantFrom(
  0,
  -0,
  -1,
  1.5,
  0.1,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e308,
  -1e308,
  5e-324,
  1e21,
);

/** A string that is `char` repeated past any field's limit (and past a body's 64 KB for the longest). */
function long(char: string): fc.Arbitrary<string> {
  return fc.constantFrom(256, 1001, 5001, 70_000).map((length) => char.repeat(length));
}

/** Text with the characters that break naive code: NUL, half surrogate pairs, RTL overrides, line separators. */
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\uD800',
    'x\uDFFFy',
    '\u202Eevil\u202C',
    '\u2028\u2029',
    '\uFEFF',
    'é'.normalize('NFD'),
    '𝕳𝖊𝖑𝖑𝖔 👩🏽‍🚒',
    'NaN',
    'Infinity',
    '-1',
    '1e999',
    '0x10',
    '00',
    'null',
    'true',
    '[object Object]',
    '__proto__',
    'constructor',
    "'; DROP TABLE opds;--",
    '<script>alert(1)</script>',
    '%00',
    '../../../etc/passwd',
    '${7*7}{{7*7}}',
    '2026-02-30',
    '2026-13-01',
    '0000-00-00',
    '9999-12-31T23:59:59Z',
    '2026-01-01T25:61:61+99:99',
    'SIAP-0000-0000',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  long('a'),
  long('é'),
);

/** Nesting deeper than any schema: arrays in arrays, objects in objects (deeper still as text, {@link deepJsonText}). */
export const deepNesting: fc.Arbitrary<unknown> = fc.constantFrom(20, 200).chain((depth) =>
  fc.constantFrom<unknown>(
    JSON.parse('['.repeat(depth) + ']'.repeat(depth)),
    JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  ),
);

/** JSON text nested thousands deep, whole or as the value of a property: too deep to build as a value here. */
export const deepJsonText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(1000, 5000, 10_000, 30_000), fc.constantFrom('[]', '{}'), fc.string({ minLength: 1, maxLength: 12 }))
  .map(([depth, brackets, key]) => {
    const inner = brackets === '[]' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    return depth % 2 === 0 ? inner : `{${JSON.stringify(key)}:${inner}}`;
  });

/** An object whose own keys are the ones that reach prototypes when copied carelessly. */
export function withPrototypeKeys(value: unknown): Record<string, unknown> {
  const target: Record<string, unknown> = value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as object) } : {};
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    Object.defineProperty(target, key, { value: { polluted: true, prototype: { polluted: true } }, enumerable: true, configurable: true, writable: true });
  }
  return target;
}

/** Any hostile JSON value: wrong types, edge numbers, nasty text, deep nesting, prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: nastyText, weight: 5 },
  { arbitrary: boundaryNumber, weight: 3 },
  { arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { '': '' }), weight: 3 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: fc.constant(null).map(() => withPrototypeKeys({})), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
);

/** Request bodies that are not JSON at all, or JSON with something after it. */
export const malformedJson: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom('', ' ', '{', '}', '{"a":}', '{"a":1,}', "{'a':1}", 'undefined', 'NaN', '{"a":1}garbage', '[1,2', '"\\u12"', '\u0000', '\uFEFF'),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.jsonValue().map((value) => JSON.stringify(value).slice(0, -1)),
  )
  .filter((text) => !parses(text.replace(/^\uFEFF/, '')));

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Content types a JSON route must refuse (or, for the last few, accept as JSON). */
export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  'image/jpeg',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/merge-patch+json',
  'application/jsonx',
  ';;;',
  '',
);

/** Header-safe text (Latin-1 without control characters): what an HTTP client can put in a header. */
export const headerText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 80 }),
  fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 20 }),
  fc.constantFrom('', ' ', '*', 'a'.repeat(256), 'a'.repeat(255), 'x'.repeat(1000), '"', 'W/"x"', '\t'),
);

/**
 * Path values as they go on the wire (already encoded, or deliberately not): unicode,
 * dot segments, encoded NUL and slashes, broken percent escapes, overlong UTF-8, very long.
 */
export const rawPathValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%00',
    'a%00b',
    '%',
    '%zz',
    '%C0%AF',
    '%ED%A0%80',
    '%FF',
    '%2F',
    'a%2Fb',
    '%20',
    '+',
    '-1',
    '0',
    '00',
    '1e3',
    '0x1F',
    '9'.repeat(40),
    'a'.repeat(5000),
    '__proto__',
    'constructor',
    'null',
    'undefined',
  ),
  nastyText.filter((text) => text.length < 2000).map((text) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, 'x'))),
  fc.string({ unit: 'binary', maxLength: 20 }).map((text) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '?'))),
);

/** Query string pieces beyond the declared parameters: unknown names, arrays, broken escapes. */
export const rawQueryExtra: fc.Arbitrary<string> = fc.constantFrom('', '&', '&&=', '=', 'x', 'x=', '%', '%zz=1', 'a[]=1&a[]=2', 'a[b]=1', '__proto__=1', 'constructor[prototype]=1', 'limit', 'cursor=%00');
