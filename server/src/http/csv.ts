/**
 * CSV for spreadsheets (RFC 4180), safe from formula injection: the one writer every module's
 * export uses (One OPD One Innovation's, SIP BENAR's).
 *
 * A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is opened by Excel,
 * LibreOffice and Google Sheets as a formula, so such a value is written with a leading
 * apostrophe (`'=1+1`), which shows the text as typed. Every field is quoted and quotes are
 * doubled; newlines stay inside the quoted field. Numbers are written as they are (a negative
 * number is a number, not a formula). The file starts with a UTF-8 byte order mark so Excel
 * reads Indonesian text right, and lines end with CRLF.
 *
 * @module
 */

/** A table to write: a header and rows of text cells (numbers as numbers, null for empty). */
export interface CsvTable {
  header: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
}

/** A value made safe from formula injection: a leading `=`, `+`, `-`, `@`, tab or CR gets an apostrophe. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field: neutralised, quoted, quotes doubled. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : typeof value === 'number' ? String(value) : neutralise(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** The table as CSV: a UTF-8 BOM, CRLF line ends. */
export function toCsv(table: CsvTable): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
