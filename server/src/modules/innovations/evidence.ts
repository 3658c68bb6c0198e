/**
 * Evidence files, checked by their content before anything is stored: a PDF (the `%PDF-`
 * header, and a `startxref` and `%%EOF` trailer in its last kilobyte: a truncated or
 * concatenated upload fails), a JPEG (SOI marker at the start, EOI at the end) or a PNG (its
 * signature, `IHDR` first, `IEND` last, each chunk's length inside the file). The name and
 * `Content-Type` of an upload are never trusted. A PDF that declares JavaScript or a launch
 * action is refused: evidence is read by reviewers and by Kemendagri, not run.
 *
 * @module
 */
import type { evidenceMediaTypes } from '../../../../src/schemas/innovations-staff.js';

/** An evidence file's media type. */
export type EvidenceMediaType = (typeof evidenceMediaTypes)[number];

/** Why a file was refused: not one of the types, or a broken one. */
export class EvidenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceError';
  }
}

const latin1 = (bytes: Uint8Array, from = 0, to = bytes.length) => Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, to - from)).toString('latin1');

/** The file extension of each type, for its address. */
export const EVIDENCE_EXTENSIONS: Readonly<Record<EvidenceMediaType, string>> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** The type of `bytes` by their content; throws an {@link EvidenceError} for anything else. */
export function evidenceType(bytes: Uint8Array): EvidenceMediaType {
  if (bytes.length === 0) throw new EvidenceError('The file is empty: send a PDF, JPEG or PNG file');
  if (latin1(bytes, 0, 5) === '%PDF-') {
    checkPdf(bytes);
    return 'application/pdf';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    if (bytes.length < 4 || bytes[bytes.length - 2] !== 0xff || bytes[bytes.length - 1] !== 0xd9) throw new EvidenceError('The JPEG image is cut short: send the whole file');
    return 'image/jpeg';
  }
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) {
    checkPng(bytes);
    return 'image/png';
  }
  throw new EvidenceError('Send evidence as a PDF, JPEG or PNG file (the file’s content is not one of them)');
}

function checkPdf(bytes: Uint8Array): void {
  if (!/^%PDF-[12]\.\d/.test(latin1(bytes, 0, 8))) throw new EvidenceError('The PDF header is not readable');
  const tail = latin1(bytes, Math.max(0, bytes.length - 1024));
  if (!/startxref\s+\d+\s+%%EOF\s*$/.test(tail)) throw new EvidenceError('The PDF is incomplete (no trailer at its end): send the whole file');
  const whole = latin1(bytes);
  if (/\/(JavaScript|JS|Launch)\b/.test(whole)) throw new EvidenceError('The PDF contains scripts or launch actions: save it again without them (print to PDF)');
}

function checkPng(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let first = true;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = latin1(bytes, at + 4, at + 8);
    if (first && type !== 'IHDR') break;
    first = false;
    const end = at + 12 + length;
    if (end > bytes.length) break;
    if (type === 'IEND') {
      if (end === bytes.length) return;
      break;
    }
    at = end;
  }
  throw new EvidenceError('The PNG image is broken or cut short: send the whole file');
}
