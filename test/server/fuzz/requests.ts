/**
 * Requests for every operation of the app's OpenAPI document, as fast-check arbitraries:
 * path values, query strings, headers and bodies built from the operation's own schemas,
 * mostly well-formed so the handlers run, and broken in every way the fuzzer knows.
 *
 * @module
 */
import fc from 'fast-check';
import { boundaryNumber, contentType, deepJsonText, headerText, malformedJson, nastyText, rawPathValue, rawQueryExtra } from './hostile.js';
import { mutated, schemaValue, type JsonSchema, type SchemaComponents } from './schema-values.js';

/** One parameter of an operation, as the document has it. */
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

/** One operation of the document, with what the fuzzer needs of it. */
export interface Operation {
  /** `operationId`, e.g. `createConsultation`. */
  id: string;
  method: string;
  /** The path template, e.g. `/api/v1/opds/{opd}/consultations`. */
  path: string;
  /** `x-access`: `public`, `staff`, `opd-admin`, `regency-admin`. */
  access: string;
  parameters: Parameter[];
  /** The JSON body's schema, when it takes one. */
  body?: JsonSchema;
  /** The statuses it documents. */
  statuses: string[];
}

/** The subset of an OpenAPI 3.1 document the fuzzer reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId: string; 'x-access'?: string; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> }; responses: Record<string, unknown> }>>;
  components: { schemas: SchemaComponents };
}

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);

/** Every operation of `doc`. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]) => ({
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        access: op['x-access'] ?? 'public',
        parameters: op.parameters ?? [],
        body: op.requestBody?.content['application/json']?.schema,
        statuses: Object.keys(op.responses),
      })),
  );
}

/** Who a request is sent as; the test turns it into an `Authorization` header when it sends it. */
export type Caller = 'admin' | 'officer' | 'other-officer' | 'none' | 'garbage';

/** How the body was made, for the properties that depend on it. */
export type BodyKind = 'none' | 'valid' | 'mutated' | 'json' | 'malformed' | 'bytes';

/** One generated request. */
export interface FuzzRequest {
  operation: string;
  method: string;
  /** The path and query as sent on the wire. */
  target: string;
  /** The `{opd}` value, when the path has one (to choose an officer of that OPD). */
  opd?: string;
  caller: Caller;
  /** Garbage sent as `Authorization` when `caller` is `garbage`. */
  garbage: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  bodyKind: BodyKind;
}

/** Values that exist on the server (OPD slugs, ids read from its lists), by parameter name. */
export type KnownValues = (parameter: string) => readonly string[];

/** `encodeURIComponent`, with half surrogate pairs (which it refuses) sent as `?`. */
export function encode(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?'));
}

function pathValue(parameter: Parameter, components: SchemaComponents, known: KnownValues): fc.Arbitrary<string> {
  const existing = known(parameter.name);
  const fromSchema = schemaValue(parameter.schema ?? { type: 'string' }, components).map((value) => encode(String(value)));
  const options: fc.WeightedArbitrary<string>[] = [
    { arbitrary: fromSchema, weight: 3 },
    { arbitrary: rawPathValue, weight: 2 },
  ];
  if (existing.length > 0) options.push({ arbitrary: fc.constantFrom(...existing).map(encode), weight: parameter.name === 'opd' ? 14 : 7 });
  return fc.oneof(...options);
}

function queryValue(parameter: Parameter, components: SchemaComponents, known: KnownValues): fc.Arbitrary<string> {
  const existing = known(parameter.name);
  const options: fc.WeightedArbitrary<string>[] = [
    { arbitrary: schemaValue(parameter.schema ?? { type: 'string' }, components).map(String), weight: 5 },
    { arbitrary: nastyText, weight: 2 },
    { arbitrary: boundaryNumber.map(String), weight: 1 },
  ];
  if (existing.length > 0) options.push({ arbitrary: fc.constantFrom(...existing), weight: 3 });
  return fc.oneof(...options);
}

function queryString(parameters: Parameter[], components: SchemaComponents, known: KnownValues): fc.Arbitrary<string> {
  const pieces = parameters.map((parameter) =>
    fc.option(
      fc.tuple(queryValue(parameter, components, known), fc.nat(2), fc.boolean()).map(([value, repeats, asArray]) => {
        const name = asArray && repeats > 1 ? `${parameter.name}[]` : parameter.name;
        // At most 1,000 characters a value: the request line and headers stay under Node's 16 KB.
        return Array.from({ length: repeats + 1 }, () => `${name}=${encode(value).slice(0, 1000)}`).join('&');
      }),
      { freq: 2, nil: '' },
    ),
  );
  return fc.tuple(fc.tuple(...pieces), fc.option(rawQueryExtra, { freq: 4, nil: '' })).map(([parts, extra]) => {
    const query = [...parts, extra].filter((part) => part !== '').join('&').slice(0, 3000);
    return query ? `?${query}` : '';
  });
}

/** The body and its content type, as the operation's schema suggests and breaks. */
function bodyOf(operation: Operation, components: SchemaComponents): fc.Arbitrary<{ body?: string | Uint8Array; bodyKind: BodyKind; type?: string }> {
  const json = (bodyKind: BodyKind) => (value: unknown) => ({ body: JSON.stringify(value) ?? 'null', bodyKind });
  const typed = fc.oneof({ arbitrary: fc.constant('application/json'), weight: 12 }, { arbitrary: contentType, weight: 1 });
  if (operation.body) {
    const body = fc.oneof(
      { arbitrary: schemaValue(operation.body, components).map(json('valid')), weight: 5 },
      { arbitrary: mutated(operation.body, components).map(json('mutated')), weight: 6 },
      { arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json('json')), weight: 1 },
      { arbitrary: malformedJson.map((text) => ({ body: text, bodyKind: 'malformed' as BodyKind })), weight: 1 },
      { arbitrary: fc.tuple(schemaValue(operation.body, components), fc.nat(), deepJsonText).map(([value, at, deep]) => ({ body: nestDeep(value, at, deep), bodyKind: 'json' as BodyKind })), weight: 1 },
    );
    return fc.tuple(body, typed).map(([made, type]) => ({ ...made, type }));
  }
  if (operation.method === 'GET' || operation.method === 'DELETE') return fc.constant({ bodyKind: 'none' as BodyKind });
  // Routes that take a file as the whole body (photos, evidence) or nothing at all.
  return fc.oneof(
    fc.constant({ bodyKind: 'none' as BodyKind }),
    fc.tuple(fc.uint8Array({ maxLength: 3000 }), contentType).map(([bytes, type]) => ({ body: bytes, bodyKind: 'bytes' as BodyKind, type })),
    fc.jsonValue({ maxDepth: 2 }).map((value) => ({ ...json('json')(value), type: 'application/json' })),
  );
}

/** `value` as JSON text with one of its properties (the `at`-th) replaced by `deep`, or `deep` itself. */
function nestDeep(value: unknown, at: number, deep: string): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return deep;
  const keys = Object.keys(value);
  if (keys.length === 0) return deep;
  const key = keys[at % keys.length] as string;
  const marker = 'fuzz-deep-nesting-goes-here';
  return JSON.stringify({ ...value, [key]: marker }).replace(`"${marker}"`, () => deep);
}

const optionalHeader = (value: fc.Arbitrary<string>) => fc.option(value, { freq: 3, nil: undefined });

/** Headers besides `Authorization` and `Content-Type`: keys, conditions, languages, origins, cookies. */
const extraHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record({
    'Idempotency-Key': optionalHeader(fc.oneof(fc.uuid(), headerText)),
    'If-None-Match': optionalHeader(fc.oneof(fc.constantFrom('*', '"0"', 'W/"x"', '"a", "b"'), headerText)),
    'Accept-Language': optionalHeader(fc.oneof(fc.constantFrom('en', 'id', 'en-US,en;q=0.9', '*', 'xx', 'en;q=abc', 'id-ID;q=2'), headerText)),
    Accept: optionalHeader(fc.oneof(fc.constantFrom('text/csv', '*/*', 'application/xml', 'text/calendar', 'application/problem+json'), headerText)),
    Origin: optionalHeader(fc.oneof(fc.constantFrom('https://evil.example', 'null', 'http://127.0.0.1'), headerText)),
    Cookie: optionalHeader(headerText.map((text) => `opd_session=${text}`)),
    'X-Forwarded-For': optionalHeader(fc.oneof(fc.constantFrom('1.2.3.4', '::1', 'unknown', '1.2.3.4, 5.6.7.8'), headerText)),
    'Accept-Encoding': optionalHeader(fc.constantFrom('gzip', 'br', 'identity;q=0', 'zstd', '*')),
  })
  .map((headers) => Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined)) as Record<string, string>);

/** Requests for `operation`: signed in as staff most of the time where staff may call it. */
export function requestsFor(operation: Operation, components: SchemaComponents, known: KnownValues): fc.Arbitrary<FuzzRequest> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const values = fc.record(Object.fromEntries(pathParameters.map((parameter) => [parameter.name, pathValue(parameter, components, known)])) as Record<string, fc.Arbitrary<string>>);
  const caller: fc.Arbitrary<Caller> =
    operation.access === 'public'
      ? fc.constantFrom<Caller>('none', 'none', 'none', 'none', 'admin', 'garbage')
      : fc.constantFrom<Caller>('admin', 'admin', 'admin', 'officer', 'officer', 'officer', 'other-officer', 'none', 'garbage');
  return fc
    .record({
      values,
      query: queryString(queryParameters, components, known),
      body: bodyOf(operation, components),
      caller,
      garbage: fc.oneof(fc.constantFrom('Bearer', 'Bearer ', 'Bearer opdk_', 'Basic YWRtaW46YWRtaW4=', 'bearer x', 'Bearer  two  spaces'), headerText, headerText.map((text) => `Bearer ${text}`)),
      headers: extraHeaders,
    })
    .map(({ values, query, body, caller, garbage, headers }) => {
      const path = operation.path.replace(/\{([A-Za-z]\w*)\}/g, (_, name: string) => values[name] ?? 'x');
      const sent: Record<string, string> = { ...headers };
      if (body.type !== undefined && body.body !== undefined) sent['Content-Type'] = body.type;
      const opd = values.opd === undefined ? undefined : decodeOrKeep(values.opd);
      return { operation: operation.id, method: operation.method, target: path + query, opd, caller, garbage, headers: sent, body: body.body, bodyKind: body.bodyKind };
    });
}

function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
