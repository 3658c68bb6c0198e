/**
 * Tracking codes: `SIAP-XXXX-XXXX`, 8 characters of Crockford base 32 (40 random bits),
 * easy to read aloud and type from a receipt.
 *
 * @module
 */
import { TRACKING_CODE_ALPHABET } from '../../../../src/schemas/index.js';

/** Fills a byte array with random bytes (the Web Crypto signature). */
export type RandomSource = (bytes: Uint8Array) => Uint8Array;

const cryptoRandom: RandomSource = (bytes) => crypto.getRandomValues(bytes);

/** A new random tracking code, e.g. `SIAP-7K3F-9QX2`. */
export function generateTrackingCode(random: RandomSource = cryptoRandom): string {
  const bytes = random(new Uint8Array(5));
  // 5 bytes = 40 bits = 8 groups of 5 bits, each an index into the 32-letter alphabet.
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 7; i >= 0; i -= 1) {
    code += TRACKING_CODE_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  }
  return `SIAP-${code.slice(0, 4)}-${code.slice(4)}`;
}
