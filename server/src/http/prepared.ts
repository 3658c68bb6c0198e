/**
 * Prepared answers: bytes made once and sent many times (the OPD directory's JSON, the widgets
 * file), with a strong `ETag`, a `304` for a client that has them, and brotli or gzip copies
 * chosen by `Accept-Encoding`. Building one checks and compresses; sending one is a lookup.
 *
 * Each encoding is its own representation, so its ETag says which (`"<hash>"`, `"<hash>-br"`,
 * `"<hash>-gz"`), as strong validators must; `If-None-Match` with any of them matches, since
 * all three carry the same content, and the `304` carries the tag of the encoding chosen now.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { z } from 'zod/mini';

/** Bodies smaller than this are sent as they are: compressing them saves less than its headers cost. */
const COMPRESS_FROM_BYTES = 1024;

/** One answer's bytes in every encoding it has, and their validator. */
export interface PreparedBody {
  /** The bytes as they are (`identity`). */
  readonly bytes: Uint8Array;
  /** The brotli copy, where compressing was worth it. */
  readonly br?: Uint8Array;
  /** The gzip copy, where compressing was worth it. */
  readonly gzip?: Uint8Array;
  /** The strong ETag of {@link bytes}, quoted: `"q2Vt…"`. */
  readonly etag: string;
  /** The `Content-Type` to send. */
  readonly contentType: string;
}

/** Encodings a client may be sent, besides the bytes as they are. */
type Encoding = 'br' | 'gzip';

/** Where the copies come from; missing ones are made here. */
export interface PrepareOptions {
  /** A brotli copy made elsewhere (at build time). */
  br?: Uint8Array;
  /** A gzip copy made elsewhere (at build time). */
  gzip?: Uint8Array;
  /** Make the copies that were not given (default: when the body is at least 1 KB). */
  compress?: boolean;
  /**
   * Compress quickly (brotli 5, gzip 6) rather than as small as can be (brotli 11, gzip 9):
   * for big files whose build wrote no copies, compressed while a request waits.
   */
  quick?: boolean;
}

/** The strong ETag of `bytes`: a quoted SHA-256 prefix, base64url. */
export function strongEtag(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
}

/** Prepares `bytes` for sending: its ETag, and brotli and gzip copies where worth it. */
export function prepareBody(bytes: Uint8Array, contentType: string, options: PrepareOptions = {}): PreparedBody {
  const compress = options.compress ?? bytes.length >= COMPRESS_FROM_BYTES;
  const br =
    options.br ??
    (compress
      ? brotliCompressSync(bytes, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: options.quick ? 5 : 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        })
      : undefined);
  const gzip = options.gzip ?? (compress ? gzipSync(bytes, { level: options.quick ? 6 : 9 }) : undefined);
  return {
    bytes,
    etag: strongEtag(bytes),
    contentType,
    // A copy no smaller than the original is not worth a Vary.
    ...(br && br.length < bytes.length ? { br } : {}),
    ...(gzip && gzip.length < bytes.length ? { gzip } : {}),
  };
}

/**
 * Checks `value` against `schema` once and prepares its JSON: the checked answer of a route
 * that is sent many times, so it is not checked again on each request.
 */
export function prepareJson<S extends z.core.$ZodType>(schema: S, value: z.input<S>): PreparedBody {
  const checked = z.parse(schema, value);
  return prepareBody(Buffer.from(JSON.stringify(checked)), 'application/json');
}

/** The encoding to send `prepared` in, by the request's `Accept-Encoding` (brotli first). */
export function chooseEncoding(prepared: PreparedBody, acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding || (!prepared.br && !prepared.gzip)) return undefined;
  const accepted = acceptedEncodings(acceptEncoding);
  if (prepared.br && accepted.br) return 'br';
  if (prepared.gzip && accepted.gzip) return 'gzip';
  return undefined;
}

/** `Accept-Encoding` values read before: browsers send a handful of them, over and over. */
const readEncodings = new Map<string, { br: boolean; gzip: boolean }>();
/** The most values kept (a client sending a new one each time does not grow the map). */
const READ_ENCODINGS_MAX = 64;

/** Whether brotli and gzip are acceptable per an `Accept-Encoding` header (`q=0` refuses; `*` stands for the rest). */
function acceptedEncodings(header: string): { br: boolean; gzip: boolean } {
  const known = readEncodings.get(header);
  if (known) return known;
  const weights = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim());
    if (!name) continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const accepted = (coding: string) => (weights.get(coding) ?? (coding === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0) > 0;
  const read = { br: accepted('br'), gzip: accepted('gzip') };
  if (readEncodings.size < READ_ENCODINGS_MAX) readEncodings.set(header, read);
  return read;
}

/** The ETags of prepared bodies in brotli and gzip, made once per body. */
const encodedEtags = new WeakMap<PreparedBody, { br: string; gzip: string }>();

/** The ETag of `prepared` sent in `encoding`. */
function etagOf(prepared: PreparedBody, encoding: Encoding | undefined): string {
  if (!encoding) return prepared.etag;
  let tags = encodedEtags.get(prepared);
  if (!tags) {
    const opaque = prepared.etag.slice(0, -1);
    encodedEtags.set(prepared, (tags = { br: `${opaque}-br"`, gzip: `${opaque}-gz"` }));
  }
  return tags[encoding];
}

/** Whether `If-None-Match` names `prepared` in any of its encodings (or is `*`). */
export function matchesIfNoneMatch(prepared: PreparedBody, ifNoneMatch: string | undefined): boolean {
  if (!ifNoneMatch) return false;
  const base = prepared.etag.slice(1, -1);
  for (const raw of ifNoneMatch.split(',')) {
    const tag = raw.trim().replace(/^W\//, '');
    if (tag === '*') return true;
    if (!tag.startsWith('"') || !tag.endsWith('"')) continue;
    const opaque = tag.slice(1, -1).replace(/-(br|gz)$/, '');
    if (opaque === base) return true;
  }
  return false;
}

/**
 * Whether a client already has `prepared` (RFC 9110 §13.2.2): by `If-None-Match` when it sends
 * one ({@link matchesIfNoneMatch}; it takes precedence, so `If-Modified-Since` is then not
 * read), else by `If-Modified-Since` against the answer's `Last-Modified` — what calendar apps
 * that keep only the date send. A date that does not parse is ignored, as the RFC says.
 */
export function notModified(prepared: PreparedBody, ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, lastModified: string | undefined): boolean {
  if (ifNoneMatch) return matchesIfNoneMatch(prepared, ifNoneMatch);
  if (!ifModifiedSince || !lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  const modified = Date.parse(lastModified);
  return Number.isFinite(since) && Number.isFinite(modified) && modified <= since;
}

/** What to answer for a prepared body: status, headers and the bytes (none for a 304). */
export interface PreparedAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

/**
 * The answer to a request for `prepared`: `304` when its `If-None-Match` names it (or, without
 * one, when `headers` carry a `Last-Modified` no later than its `If-Modified-Since`: see
 * {@link notModified}), else its bytes in the best encoding its `Accept-Encoding` takes, with
 * `ETag`, `Vary: Accept-Encoding` where there is a choice, and `headers`.
 */
export function answerPrepared(
  prepared: PreparedBody,
  acceptEncoding: string | undefined,
  ifNoneMatch: string | undefined,
  headers: Record<string, string> = {},
  ifModifiedSince?: string,
): PreparedAnswer {
  const encoding = chooseEncoding(prepared, acceptEncoding);
  const all: Record<string, string> = { ...headers, ETag: etagOf(prepared, encoding) };
  if (prepared.br || prepared.gzip) all.Vary = all.Vary ? `Accept-Encoding, ${all.Vary}` : 'Accept-Encoding';
  // On a 304 too: a cache updates the stored answer's headers from it (RFC 9111 §4.3.4), and
  // Hono's Node adapter would otherwise add a `text/plain` one of its own.
  all['Content-Type'] = prepared.contentType;
  if (notModified(prepared, ifNoneMatch, ifModifiedSince, headers['Last-Modified'])) return { status: 304, headers: all, body: null };
  if (encoding) all['Content-Encoding'] = encoding;
  const body = encoding === 'br' ? prepared.br : encoding === 'gzip' ? prepared.gzip : prepared.bytes;
  return { status: 200, headers: all, body: body ?? prepared.bytes };
}

/**
 * Sends `prepared` through Hono's context (see {@link answerPrepared}); never a 304 unless
 * `conditional` (a route that says so in the reference: `Route.conditional`).
 */
export function sendPrepared(c: Context, prepared: PreparedBody, headers: Record<string, string> = {}, conditional = true): Response {
  const answer = conditional
    ? answerPrepared(prepared, c.req.header('Accept-Encoding'), c.req.header('If-None-Match'), headers, c.req.header('If-Modified-Since'))
    : answerPrepared(prepared, c.req.header('Accept-Encoding'), undefined, headers);
  // A HEAD answer carries the headers only; the Node adapter leaves the body out.
  if (answer.body === null) return c.body(null, 304, answer.headers);
  return c.body(answer.body as Uint8Array<ArrayBuffer>, 200, answer.headers);
}
