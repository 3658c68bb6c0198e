/**
 * Idempotency keys: generated once per logical write and reused across its retries, so a
 * write the network swallowed is never applied twice.
 *
 * @module
 */

/**
 * A new random idempotency key (a UUID v4). Uses `crypto.getRandomValues`, which unlike
 * `crypto.randomUUID` also exists on plain-HTTP pages.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
