/**
 * Values from the JSON Schemas of the app's OpenAPI document, as fast-check arbitraries:
 * {@link schemaValue} makes values of the schema's shape (mostly valid, so the handlers'
 * write paths run), {@link mutated} breaks some of them with hostile values, missing and
 * extra properties.
 *
 * @module
 */
import fc from 'fast-check';
import { hostileValue, withPrototypeKeys } from './hostile.js';

/** The parts of JSON Schema 2020-12 the document uses. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** Where `$ref`s point: the document's `components.schemas`. */
export type SchemaComponents = Record<string, JsonSchema>;

/** The schema a `$ref` names, else the schema itself. */
function resolve(schema: JsonSchema, components: SchemaComponents): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = components[name];
    if (!target) throw new Error(`Unknown schema reference ${current.$ref}`);
    current = target;
  }
  return current;
}

const cache = new WeakMap<JsonSchema, fc.Arbitrary<unknown>>();

/** Values of `schema`'s shape; beyond depth 6 only short leaves, so recursive schemas end. */
export function schemaValue(schema: JsonSchema, components: SchemaComponents, depth = 0): fc.Arbitrary<unknown> {
  const found = depth === 0 ? cache.get(schema) : undefined;
  if (found) return found;
  const made = build(resolve(schema, components), components, depth);
  if (depth === 0) cache.set(schema, made);
  return made;
}

function build(schema: JsonSchema, components: SchemaComponents, depth: number): fc.Arbitrary<unknown> {
  const next = (inner: JsonSchema) => schemaValue(inner, components, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map(next));
  if (schema.allOf) return next(Object.assign({}, ...schema.allOf.map((part) => resolve(part, components))) as JsonSchema);
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => build({ ...schema, type }, components, depth)));
  switch (schema.type ?? (schema.properties ? 'object' : undefined)) {
    case 'string':
      return stringValue(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, Number.MIN_SAFE_INTEGER), max: Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e12, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayValue(schema, next, depth);
    case 'object':
      return objectValue(schema, next, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringValue(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 80, 200);
  if (schema.pattern) return fc.stringMatching(new RegExp(narrowed(schema.pattern)));
  if (schema.format === 'date') return fc.date({ min: new Date('2017-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return fc.date({ min: new Date('2017-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'email') return fc.emailAddress();
  return fc.oneof(
    fc.string({ minLength, maxLength: Math.max(minLength, Math.min(maxLength, 40)) }),
    fc.string({ unit: 'grapheme', minLength, maxLength: Math.max(minLength, Math.min(maxLength, 20)) }),
  );
}

/**
 * `pattern` with its negated classes (`[^\s]`, `[^\s@]`) narrowed to printable ASCII: fast-check
 * makes those by drawing any character and rejecting, which cost more than the requests. What
 * matches the narrowed pattern matches the original.
 */
function narrowed(pattern: string): string {
  return pattern.replace(/\[\^\\s([^\]]*)\]/g, (_, more: string) => {
    const excluded = new Set(more.replace(/\\/g, '').split(''));
    const allowed = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._~-'.split('').filter((c) => !excluded.has(c));
    return `[${allowed.join('').replace('-', '')}-]`;
  });
}

function arrayValue(schema: JsonSchema, next: (inner: JsonSchema) => fc.Arbitrary<unknown>, depth: number): fc.Arbitrary<unknown> {
  if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map(next));
  const minLength = schema.minItems ?? 0;
  const maxLength = depth > 6 ? minLength : Math.max(minLength, Math.min(schema.maxItems ?? 4, minLength + 4));
  return fc.array(schema.items ? next(schema.items) : fc.jsonValue({ maxDepth: 1 }), { minLength, maxLength });
}

function objectValue(schema: JsonSchema, next: (inner: JsonSchema) => fc.Arbitrary<unknown>, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = (schema.required ?? []).filter((name) => name in properties);
  const shape = Object.fromEntries(Object.entries(properties).map(([name, inner]) => [name, next(inner)]));
  const record = fc.record(shape, { requiredKeys: required });
  const extra = schema.additionalProperties;
  if (!extra || typeof extra !== 'object' || Object.keys(properties).length > 0) return record;
  const keys = schema.propertyNames ? next(schema.propertyNames) : fc.string({ minLength: 1, maxLength: 20 });
  return fc.dictionary(keys as fc.Arbitrary<string>, next(extra), { maxKeys: depth > 6 ? 0 : 4 });
}

/** One way to break a value at one place. */
type Mutation = { at: number; how: 'replace' | 'drop' | 'add' | 'prototype' | 'wrap'; value: unknown; key: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  how: fc.constantFrom('replace', 'replace', 'replace', 'drop', 'add', 'prototype', 'wrap'),
  value: hostileValue,
  key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'opd', 'status', 'createdAt', ''), fc.string({ maxLength: 12 })),
});

/** Every place in `value` (the root, each property and item), as paths of keys. */
function places(value: unknown, path: (string | number)[] = [], found: (string | number)[][] = []): (string | number)[][] {
  found.push(path);
  if (found.length > 500) return found;
  if (Array.isArray(value)) value.forEach((item, index) => places(item, [...path, index], found));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) places(item, [...path, key], found);
  return found;
}

function apply(root: unknown, change: Mutation): unknown {
  const all = places(root);
  const path = all[change.at % all.length] ?? [];
  const swap = (node: unknown): unknown => {
    switch (change.how) {
      case 'replace':
        return change.value;
      case 'wrap':
        return [node];
      case 'prototype':
        return withPrototypeKeys(node);
      case 'add':
        if (node === null || typeof node !== 'object' || Array.isArray(node)) return change.value;
        return { ...node, [change.key]: change.value };
      case 'drop':
        if (Array.isArray(node)) return node.slice(1);
        if (node === null || typeof node !== 'object') return undefined;
        return Object.fromEntries(Object.entries(node).slice(1));
    }
  };
  if (path.length === 0) return swap(root);
  const copy = structuredCopy(root);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  const replaced = swap(parent[last]);
  if (replaced === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replaced;
  return copy;
}

/** A copy that keeps own `__proto__` keys as keys (JSON text round trip). */
function structuredCopy(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value) ?? 'null');
}

/** Values of `schema`'s shape with one to three places broken (see {@link Mutation}). */
export function mutated(schema: JsonSchema, components: SchemaComponents): fc.Arbitrary<unknown> {
  return fc.tuple(schemaValue(schema, components), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([value, changes]) =>
    changes.reduce((current, change) => apply(current, change), value),
  );
}

/** A resolved schema (for callers that read `properties` and `type`). */
export function resolved(schema: JsonSchema, components: SchemaComponents): JsonSchema {
  return resolve(schema, components);
}
