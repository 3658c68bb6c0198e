/**
 * CSV as RFC 4180 writes it (comma-separated, CRLF line ends, a field holding a comma, a
 * double quote or a line break enclosed in double quotes with its quotes doubled), made safe
 * to open in a spreadsheet: a cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage
 * return) would be read as a formula there (CSV injection), so it is prefixed with `'`.
 *
 * @module
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: null and undefined are empty; a formula-like start is prefixed with `'`; quoted when needed. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record (line), ending in CRLF. */
export function csvRow(cells: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
