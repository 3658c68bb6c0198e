/**
 * A small CSV reader (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes,
 * CRLF or LF) for Perjaka's imports. The separator is the header's: a comma, or a semicolon
 * as spreadsheets in an Indonesian locale write (with a comma as the decimal mark).
 *
 * @module
 */

/** A CSV file read: its header, its records with the spreadsheet row each starts on, and its separator. */
export interface CsvTable {
  header: string[];
  /** Each record's fields and its row: the line it starts on, the header being row 1. */
  records: Array<{ row: number; fields: string[] }>;
  separator: ',' | ';';
}

/** A file that cannot be read as CSV: an unclosed quote, with the row it opened on. */
export class CsvError extends Error {
  /** The row (line) where the problem starts. */
  readonly row: number;

  constructor(message: string, row: number) {
    super(message);
    this.name = 'CsvError';
    this.row = row;
  }
}

/** The header's separator: a semicolon when the first line has more of them than commas (outside quotes). */
function separatorOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Reads `text` as CSV; blank lines are skipped. Throws a {@link CsvError} on an unclosed quote. */
export function readCsv(input: string): CsvTable {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = separatorOf(text);
  const rows: Array<{ row: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === '')) rows.push({ row: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"') {
      quoted = true;
      quoteLine = line;
    } else if (char === separator) {
      fields.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += char;
  }
  if (quoted) throw new CsvError(`A quote opened on row ${quoteLine} is never closed`, quoteLine);
  if (field !== '' || fields.length > 0) endRecord();
  const [head, ...records] = rows;
  return { header: head ? head.fields.map((name) => name.trim()) : [], records, separator };
}
