/**
 * Small helpers both SIP BENAR console pages use: today's date for a form and text compared
 * the way the server compares a desa or kecamatan (any case, any spacing).
 *
 * @module
 */

/** Today on this device as `YYYY-MM-DD`, a date field's default. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** `text` trimmed, lower case, its spaces single: how a search or a place is compared. */
export function normal(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}
