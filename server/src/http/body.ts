/**
 * Reading a request's body with a size limit. On Node's server it is read from Node's own
 * request (`c.env.incoming`, which Hono's Node adapter passes): going through the Web
 * `Request` makes an undici `Request`, a web stream over Node's and an abort signal for every
 * write, which cost more than the rest of reading a question. Elsewhere (tests calling
 * `app.fetch`, other runtimes) it is read from the Web `Request`. Either way a body over the
 * limit is refused with 413 `payload-too-large` as soon as that is known: at once when
 * `Content-Length` says so, else when the bytes read pass it.
 *
 * @module
 */
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env.js';
import { ProblemError, validationProblem } from './problem.js';

/** A size for people: `64 KB`, `5 MB`. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

function tooLarge(maxBytes: number): ProblemError {
  return new ProblemError('payload-too-large', { detail: `Send at most ${formatBytes(maxBytes)} in one request` });
}

/** True when the request says its body is longer than `maxBytes` (a `Content-Length` with no `Transfer-Encoding`). */
function declaredOver(c: Context<AppEnv>, maxBytes: number): boolean {
  const declared = c.req.header('Content-Length');
  return declared !== undefined && c.req.header('Transfer-Encoding') === undefined && Number.parseInt(declared, 10) > maxBytes;
}

/** Refuses a body over `bytes` with 413 `payload-too-large` (module mounts, which read bodies their own way). */
export function limitBody(bytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: bytes,
    onError: () => {
      throw tooLarge(bytes);
    },
  });
}

/** Refuses a body whose `Content-Length` is over `bytes`, before anything else runs; {@link bodyText} counts the rest. */
export function limitDeclaredBody(bytes: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (declaredOver(c, bytes)) throw tooLarge(bytes);
    await next();
  };
}

/** Node's request, when the app runs on Node's server and nothing has started reading its body. */
function unreadIncoming(c: Context<AppEnv>): IncomingMessage | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || incoming.readableDidRead || incoming.listenerCount('data') > 0 || incoming.readableEnded) return undefined;
  return incoming;
}

/** UTF-8 as `Request.text()` decodes it: a leading byte order mark dropped, bad bytes replaced. */
const utf8 = new TextDecoder();

/** The request body as text, at most `maxBytes` of it (413 `payload-too-large` beyond). */
export async function bodyText(c: Context<AppEnv>, maxBytes: number): Promise<string> {
  if (declaredOver(c, maxBytes)) throw tooLarge(maxBytes);
  const incoming = unreadIncoming(c);
  if (!incoming) {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
    return utf8.decode(bytes);
  }
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (outcome: () => void) => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // The rest is read and dropped, so the answer can still be sent on this connection.
        done(() => reject(tooLarge(maxBytes)));
        incoming.resume();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => done(() => resolve(utf8.decode(Buffer.concat(chunks, size))));
    // A client that leaves before its body is all sent (fewer bytes than its Content-Length)
    // sent a broken request: a 400 (answered to no one), not an error of ours to log.
    const cutShort = () => done(() => reject(validationProblem([{ path: '', message: 'Send the whole body', code: 'invalid' }], 'The request body ended before all of it was sent', 400)));
    const onError = cutShort;
    const onClose = cutShort;
    incoming.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/**
 * The request body as bytes, at most `maxBytes` of them, for routes that take a file as the
 * whole body (a photo, an evidence file) rather than JSON. Beyond the limit it is refused with
 * 413 `payload-too-large`: at once when `Content-Length` says so, else as soon as the bytes
 * read pass it (the rest is not read). `tooLargeDetail` says what the limit is for people, e.g.
 * `A photo may be at most 5 MB`; by default `Send at most 5 MB in one request`. The 413 names
 * the upload as `field` in its `errors` (default `file`; the road report photo's is `photo`),
 * as the route's 415 for a wrong file does.
 */
export async function bodyBytes(c: Context<AppEnv>, maxBytes: number, tooLargeDetail?: string, field = 'file'): Promise<Uint8Array> {
  const refuse = () => {
    const detail = tooLargeDetail ?? `Send at most ${formatBytes(maxBytes)} in one request`;
    return new ProblemError('payload-too-large', { detail, errors: [{ path: field, message: detail, code: 'tooLarge' }] });
  };
  if (declaredOver(c, maxBytes)) throw refuse();
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw refuse();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
