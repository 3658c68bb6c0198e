/**
 * Markdown for the bench report: tables, sizes, times and ratios, formatted one way.
 *
 * @module
 */

/** A markdown table; numbers should already be formatted. Columns of figures align right. */
export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const figures = (column: number) => rows.every((row) => /^(?:\d|<|—|n\/a|missing|\*\*\d)/.test(row[column] ?? ''));
  return [line(headers), line(headers.map((_, column) => (figures(column) ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

/** Bytes as KB with one decimal (1 KB = 1024 B, as `node scripts/sizes.mjs` and the budgets count). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Milliseconds, whole above 100, one decimal below. */
export function ms(value: number): string {
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

/** A latency from autocannon (whole milliseconds): `<1 ms` for 0. */
export function latency(value: number): string {
  return value < 1 ? '<1 ms' : `${Math.round(value)} ms`;
}

/** Requests per second, whole. */
export function perSecond(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')}/s`;
}

/** `a / b` as `0.42×` (two decimals; whole from 10× up). */
export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return 'n/a';
  const value = a / b;
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}×`;
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
