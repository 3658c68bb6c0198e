/**
 * Numbers as staff type them on the road data page: km with up to three decimals and percents
 * with up to two, in Indonesian (`2,375`, `1.339,15`) or with a decimal point (`2.375`), read
 * into whole units (metres, hundredths) so sums never drift.
 *
 * @module
 */

/** A typed number read into whole units, or why it could not be. */
export type ReadNumber =
  | { ok: true; units: number }
  /** `format`: no number; `invalid`: too many decimals; `tooSmall`: negative (the field error codes of `src/schemas/common.ts`). */
  | { ok: false; problem: 'format' | 'invalid' | 'tooSmall' };

/**
 * Reads `text` as a decimal with at most `decimals` places, into whole units of
 * `10 ** -decimals` (`readDecimal('2,375', 3)` → 2375 metres). A comma is the decimal sign
 * (dots before it group thousands, as Indonesian writes `1.339,15`); without a comma a dot is
 * the decimal sign (`2.375`). Empty text reads as 0.
 */
export function readDecimal(text: string, decimals: number): ReadNumber {
  let value = text.trim().replace(/\s+/g, '');
  if (value === '') return { ok: true, units: 0 };
  if (value.startsWith('-')) return { ok: false, problem: 'tooSmall' };
  if (value.includes(',')) {
    if (value.indexOf(',') !== value.lastIndexOf(',')) return { ok: false, problem: 'format' };
    const [whole = '', fraction = ''] = value.split(',');
    if (whole.includes('.') && !/^\d{1,3}(\.\d{3})+$/.test(whole)) return { ok: false, problem: 'format' };
    value = `${whole.replaceAll('.', '')}.${fraction}`;
  }
  const match = /^(\d*)(?:\.(\d*))?$/.exec(value);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return { ok: false, problem: 'format' };
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > decimals) return { ok: false, problem: 'invalid' };
  const units = Number(match[1] || '0') * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || '0');
  return Number.isSafeInteger(units) ? { ok: true, units } : { ok: false, problem: 'format' };
}

/** Whole metres of a km figure from the API (`5.25` → 5250). */
export function metresOf(km: number): number {
  return Math.round(km * 1000);
}

/** A metre count in km with three decimals in `locale` (`5250` → `5,250` in `id-ID`). */
export function formatKm(metres: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(metres / 1000);
}

/** A percent with two decimals in `locale` (`78.35` → `78,35`). */
export function formatPercent(percent: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(percent);
}

/** Folds case and accents away, for searching names as people type them. */
export function searchable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
