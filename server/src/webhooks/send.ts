/**
 * One signed POST to a receiver: the address rules (https and no private address in
 * production, against SSRF: checked on the URL and again on every address the name resolves
 * to, at connection time), a 10-second bound on the whole exchange, no redirects followed, and
 * at most 1 KB of the answer kept.
 *
 * The signature is Stripe's scheme: `OPD-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>" with the subscription's secret>`.
 *
 * @module
 */
import { createHmac } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

/** How long one delivery may take, connection to last byte read. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** How much of the receiver's answer is kept, in bytes. */
export const RESPONSE_KEPT_BYTES = 1024;

/** `opd-kit-webhooks/<server version>`. */
export const USER_AGENT = `opd-kit-webhooks/${(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version}`;

/** Addresses no webhook may reach in production: loopback, private, link-local (cloud metadata), shared, multicast, reserved. */
const privateRanges = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv6');
}

/** True for an address a production server must not reach (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return privateRanges.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Why `raw` may not be a receiver's address, or null when it may: http(s) without user or
 * password; in production https only, and no name or address of this network (`localhost`,
 * `*.local`, `*.internal`, a private or link-local address).
 */
export function urlProblem(raw: string, production: boolean): string | null {
  if (!URL.canParse(raw)) return 'Enter the receiver’s address, like https://sistem.lahatkab.go.id/webhooks/opd-kit';
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an https:// address';
  if (url.username || url.password) return 'Put no user name or password in the address: check the signature instead';
  if (!production) return null;
  if (url.protocol !== 'https:') return 'Use an https:// address: deliveries carry a signature, and must not be read on the way';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || /\.(localhost|local|internal|lan|home\.arpa)$/.test(host)) return 'Use a public address: this one names a machine of this network';
  if (isIP(host) !== 0 && isPrivateAddress(host)) return 'Use a public address: private, loopback and link-local addresses are refused';
  return null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** `dns.lookup` that fails for a name resolving to any private address (checked where the socket connects, so a name cannot change its answer in between). */
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused || addresses.length === 0) {
      return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EPRIVATE' }), []);
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
}

/** The `OPD-Signature` header value for `body` signed at `seconds` (unix time) with `secret`. */
export function signatureHeader(secret: string, seconds: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${seconds}.${body}`).digest('hex');
  return `t=${seconds},v1=${v1}`;
}

/** How one POST went. */
export interface SendOutcome {
  /** The receiver answered 2xx. */
  ok: boolean;
  /** Its status, null when it did not answer. */
  statusCode: number | null;
  durationMs: number;
  /** Why it is not ok (`HTTP 500`, `timeout`, `connection refused`, …), null when ok. */
  error: string | null;
  /** The start of its answer, at most {@link RESPONSE_KEPT_BYTES} bytes of text. */
  response: string | null;
}

/** What to send. */
export interface Delivery {
  url: string;
  secret: string;
  eventId: string;
  topic: string;
  /** The JSON body, as signed and sent. */
  body: string;
}

/** Text of at most `max` UTF-8 bytes (no broken character, no NUL, which PostgreSQL text refuses). */
function keptText(bytes: Buffer, max: number): string | null {
  if (bytes.length === 0) return null;
  let text = new TextDecoder().decode(bytes.subarray(0, max)).replace(/\0/g, '');
  while (Buffer.byteLength(text) > max) text = text.slice(0, -1);
  return text;
}

/** A short, data-free reason for a network failure. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'address not found';
    case 'ECONNRESET':
      return 'connection reset';
    case 'EPRIVATE':
      return 'refused: the address is private';
    case 'TIMEOUT':
      return `timeout (${DELIVERY_TIMEOUT_MS / 1000} s)`;
    default:
      return code ? `network error (${code})` : error instanceof Error ? error.message.slice(0, 200) : 'network error';
  }
}

/**
 * POSTs `delivery` signed at `now`: JSON with `OPD-Event-Id`, `OPD-Event-Type`, `OPD-Signature`
 * and `User-Agent`. Never throws: a refused address, a timeout or a broken connection is an
 * outcome, as is an answer other than 2xx (a redirect included: it is not followed).
 */
export function sendSigned(delivery: Delivery, now: Date, production: boolean, signal?: AbortSignal): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refused = urlProblem(delivery.url, production);
  if (refused) return Promise.resolve({ ok: false, statusCode: null, durationMs: 0, error: `refused: ${refused}`, response: null });

  const url = new URL(delivery.url);
  const seconds = Math.floor(now.getTime() / 1000);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const req = request(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(delivery.body),
        'User-Agent': USER_AGENT,
        'OPD-Event-Id': delivery.eventId,
        'OPD-Event-Type': delivery.topic,
        'OPD-Signature': signatureHeader(delivery.secret, seconds, delivery.body),
      },
      ...(production ? { lookup: publicOnlyLookup } : {}),
      signal,
    });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })), DELIVERY_TIMEOUT_MS);
    req.on('error', (error) => finish({ ok: false, statusCode: null, error: reasonOf(error), response: null }));
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      const done = () => {
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
        finish({ ok, statusCode: status, error: ok ? null : `HTTP ${status}${redirect}`, response: keptText(Buffer.concat(chunks), RESPONSE_KEPT_BYTES) });
        res.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        if (kept < RESPONSE_KEPT_BYTES + 4) {
          chunks.push(chunk);
          kept += chunk.length;
        }
        if (kept >= RESPONSE_KEPT_BYTES + 4) done();
      });
      res.on('end', done);
      res.on('error', done);
    });
    req.end(delivery.body);
  });
}
