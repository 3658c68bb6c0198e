/**
 * `opd-kit/webhooks`: checks that a webhook delivery came from your opd-kit backend, in the
 * system that receives it. Every delivery carries `OPD-Signature: t=<unix seconds>,v1=<hex>`,
 * where `v1` is HMAC-SHA256 of `"<t>.<raw body>"` with the subscription's secret (the `whsec_…`
 * shown once when the webhook was added). {@link verifyWebhook} recomputes it with WebCrypto
 * (Node 20, Deno, Bun, browsers, Cloudflare and other workers), compares in constant time, and
 * refuses a timestamp older (or newer) than five minutes, so a captured delivery cannot be
 * replayed later.
 *
 * ```ts
 * import { createServer } from 'node:http';
 * import { verifyWebhook } from 'opd-kit/webhooks';
 * createServer(async (req, res) => {
 *   const chunks = [];
 *   for await (const chunk of req) chunks.push(chunk);
 *   const raw = Buffer.concat(chunks).toString('utf8'); // the raw body: verify before JSON.parse
 *   const check = await verifyWebhook(process.env.OPD_WEBHOOK_SECRET, raw, req.headers['opd-signature']);
 *   if (!check.ok) return res.writeHead(400).end(check.reason);
 *   const event = JSON.parse(raw); // { id, type, createdAt, opd, data }: dedupe by event.id
 *   res.writeHead(204).end();
 * }).listen(3000);
 * ```
 *
 * @module
 */

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** How far the signature's time may be from now, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The time now (default: the clock), for tests. */
  now?: Date;
}

/** Why a delivery was refused: no or a malformed header, an old (or future) timestamp, or no signature that matches. */
export type WebhookRefusal = 'missing-signature' | 'malformed-signature' | 'timestamp-outside-tolerance' | 'signature-mismatch';

/** The outcome of {@link verifyWebhook}: `ok`, or the reason it is not. */
export type WebhookVerification = { ok: true; timestamp: number } | { ok: false; reason: WebhookRefusal };

/** The default tolerance: five minutes. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const encoder = new TextEncoder();

/** Lowercase hex of bytes. */
function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Equal strings in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Checks a delivery: `secret` is the webhook's secret, `rawBody` the request body exactly as
 * received (text, or its bytes; not a re-serialized parse), `signatureHeader` the
 * `OPD-Signature` header. Resolves `{ ok: true, timestamp }` or `{ ok: false, reason }`; it
 * never throws for a bad header. Several `v1=` values (during a secret rotation) pass when one matches.
 */
export async function verifyWebhook(
  secret: string,
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  options: VerifyWebhookOptions = {},
): Promise<WebhookVerification> {
  if (!signatureHeader) return { ok: false, reason: 'missing-signature' };
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of signatureHeader.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2) as [string, string?];
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === undefined || signatures.length === 0) return { ok: false, reason: 'malformed-signature' };
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - timestamp) > tolerance) return { ok: false, reason: 'timestamp-outside-tolerance' };

  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const body = typeof rawBody === 'string' ? encoder.encode(rawBody) : rawBody;
  const prefix = encoder.encode(`${timestamp}.`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  const expected = hex(await crypto.subtle.sign('HMAC', key, signed));
  return signatures.some((candidate) => sameText(candidate, expected)) ? { ok: true, timestamp } : { ok: false, reason: 'signature-mismatch' };
}
