/**
 * Evidence files (an innovation's per indicator, a CSR spending entry's receipts and photos),
 * checked by their content before anything is stored: a PDF (the `%PDF-`
 * header, and a `startxref` and `%%EOF` trailer in its last kilobyte: a truncated or
 * concatenated upload fails), or a JPEG or PNG, read whole and cleaned by the server's shared
 * image reader (`server/src/media/images.ts`): every segment or chunk walked, a pixel flood
 * refused, and EXIF (with GPS), XMP, IPTC, comments and PNG text chunks removed, as is
 * anything after the image's end — a photo of a socialisation event taken with a phone does
 * not publish where it was taken. The name and `Content-Type` of an upload are never trusted.
 * A PDF that declares JavaScript or a launch action is refused: evidence is read by reviewers
 * and by Kemendagri, not run.
 *
 * @module
 */
import { cleanImage, ImageError, sniffImage } from './images.js';

/** The evidence file types accepted, told by their content, never by name. */
export const EVIDENCE_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** An evidence file's media type. */
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

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

/** An evidence file as it is stored: its type by content and its bytes (an image's cleaned of metadata). */
export interface EvidenceFile {
  mediaType: EvidenceMediaType;
  bytes: Uint8Array;
}

/** Reads `bytes` as evidence; throws an {@link EvidenceError} for anything but a sound PDF, JPEG or PNG. */
export function readEvidence(bytes: Uint8Array): EvidenceFile {
  if (bytes.length === 0) throw new EvidenceError('The file is empty: send a PDF, JPEG or PNG file');
  if (latin1(bytes, 0, 5) === '%PDF-') {
    checkPdf(bytes);
    return { mediaType: 'application/pdf', bytes };
  }
  const image = sniffImage(bytes);
  if (image === 'image/jpeg' || image === 'image/png') {
    try {
      const clean = cleanImage(bytes, { types: ['image/jpeg', 'image/png'], noun: 'image' });
      return { mediaType: clean.mediaType, bytes: clean.bytes };
    } catch (error) {
      if (error instanceof ImageError) throw new EvidenceError(`${error.message}: ${error.reason === 'dimensions' ? 'make it smaller' : 'send the whole file, or save it again as JPEG or PNG'}`);
      throw error;
    }
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
