/**
 * Saving a file the console made or read with the staff's token (an export, a CSV of the
 * audit log, a person's data): a plain link cannot carry the `Authorization` header, so the
 * page fetches the file, then hands it to the browser as a download of its own.
 *
 * @module
 */

/** The byte-order mark a spreadsheet needs to read a CSV as UTF-8 (`fetch().text()` drops the server's). */
export const CSV_BOM = '\uFEFF';

/**
 * Makes the browser save `content` as `fileName`: a hidden link in `host` (so it works inside
 * a shadow root), clicked once, removed; the object URL is revoked a minute later, once the
 * browser has surely read it.
 */
export function saveFile(host: ParentNode, fileName: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  host.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
