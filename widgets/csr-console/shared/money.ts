/**
 * Rupiah as SIP BENAR's console pages read and write it: whole rupiah, typed as `1250000`,
 * `1.250.000`, `1,250,000` or `Rp 1.250.000`, shown as `Rp 1.250.000`. Never a float: a
 * fraction (`1,5`), a sign or a group of other than three digits is refused, not guessed.
 *
 * @module
 */
import { MAX_RUPIAH } from '../../../src/schemas/csr.js';

/** What {@link parseRupiah} made of a typed amount. */
export type ParsedRupiah = { ok: true; value: number } | { ok: false; reason: 'empty' | 'format' | 'tooLarge' };

/**
 * Reads a typed amount: digits, optionally grouped by three with dots, commas or spaces
 * (one kind throughout), optionally after `Rp`. `'1.250.000'` → 1250000; `'1,5'` is no whole rupiah.
 */
export function parseRupiah(typed: string): ParsedRupiah {
  const text = typed.trim().replace(/^rp\.?\s*/i, '').trim();
  if (text === '') return { ok: false, reason: 'empty' };
  const grouped = /^\d{1,3}(?:([.,\u00a0 ])\d{3})(?:\1\d{3})*$/.test(text);
  if (!grouped && !/^\d+$/.test(text)) return { ok: false, reason: 'format' };
  const value = Number(text.replace(/\D/g, ''));
  if (!Number.isSafeInteger(value) || value > MAX_RUPIAH) return { ok: false, reason: 'tooLarge' };
  return { ok: true, value };
}

/** Whole rupiah the Indonesian way, `Rp 1.250.000` (a no-break space after `Rp`), in `locale`'s grouping. */
export function formatRupiah(value: number, locale = 'id-ID'): string {
  return `Rp\u00a0${value.toLocaleString(locale, { maximumFractionDigits: 0 })}`;
}

/** The digits grouped for the input after a person typed them (`1250000` → `1.250.000`); left as typed when unreadable. */
export function regroupRupiah(typed: string, locale = 'id-ID'): string {
  const parsed = parseRupiah(typed);
  return parsed.ok ? parsed.value.toLocaleString(locale, { maximumFractionDigits: 0 }) : typed;
}
