/**
 * Images read and cleaned before anything is stored, for every module that takes them (road
 * report photos, innovation evidence): the type is told by the content (magic bytes, then a
 * walk over every segment or chunk of the file), never by its name or `Content-Type`; the size
 * in pixels comes from the header and absurd sizes are refused (a "pixel flood": a small file
 * that claims a huge image, to exhaust whoever decodes it); and every piece that can carry
 * personal data — EXIF (with GPS), XMP, IPTC, comments, PNG text chunks, WebP's EXIF and XMP
 * chunks — is removed, as is anything after the image's end. The pixels are not decoded or
 * re-encoded: the image data is copied as it is.
 *
 * Written here rather than taken from a library: the pure-JS ones read metadata (exifr) or
 * decode whole images (jpeg-js, pngjs), and sharp needs a native build; walking three
 * container formats is about as long as the glue around any of them.
 *
 * @module
 */
import { crc32 } from 'node:zlib';

/** The image types this module reads. */
export const IMAGE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** An image's media type. */
export type ImageMediaType = (typeof IMAGE_MEDIA_TYPES)[number];

/** The widest or tallest image accepted, in pixels. */
export const MAX_IMAGE_SIDE = 16_384;

/** The most pixels an image may have: 40 megapixels (a phone's camera gives 12 to 50 at most; 40 MP covers nearly all). */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** An image cleaned of its metadata. */
export interface CleanImage<T extends ImageMediaType = ImageMediaType> {
  mediaType: T;
  /** The file extension of its media URL. */
  extension: 'jpg' | 'png' | 'webp';
  width: number;
  height: number;
  /** The cleaned bytes. */
  bytes: Uint8Array;
}

/** Why a file was refused: `type` (not an accepted type, or a broken one) or `dimensions` (a pixel flood). */
export class ImageError extends Error {
  constructor(
    readonly reason: 'type' | 'dimensions',
    message: string,
  ) {
    super(message);
    this.name = 'ImageError';
  }
}

/** What {@link cleanImage} accepts and how its messages name the file. */
export interface CleanImageOptions<T extends ImageMediaType> {
  /** The types taken (default: JPEG, PNG and WebP); any other is refused as `type`. */
  types?: readonly T[];
  /** The word for the file in messages (default `photo`). */
  noun?: string;
}

const EXTENSIONS: Readonly<Record<ImageMediaType, CleanImage['extension']>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const NAMES: Readonly<Record<ImageMediaType, string>> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };

/** The image type `input` starts like (magic bytes only: {@link cleanImage} reads the rest), or `undefined`. */
export function sniffImage(input: Uint8Array): ImageMediaType | undefined {
  if (input.length >= 3 && input[0] === 0xff && input[1] === 0xd8 && input[2] === 0xff) return 'image/jpeg';
  if (startsWith(input, PNG_SIGNATURE)) return 'image/png';
  if (input.length >= 12 && ascii(input, 0, 4) === 'RIFF' && ascii(input, 8, 4) === 'WEBP') return 'image/webp';
  return undefined;
}

/** Reads, checks and cleans an image of one of `options.types`; throws an {@link ImageError} for anything else. */
export function cleanImage<T extends ImageMediaType = ImageMediaType>(input: Uint8Array, options: CleanImageOptions<T> = {}): CleanImage<T> {
  const types: readonly ImageMediaType[] = options.types ?? IMAGE_MEDIA_TYPES;
  const noun = options.noun ?? 'photo';
  const type = sniffImage(input);
  if (!type || !types.includes(type)) {
    const names = types.map((t) => NAMES[t]);
    throw new ImageError('type', `Send ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun} in ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' or ' : ''}${names.at(-1)} format`);
  }
  const broken = (what: string) => new ImageError('type', `The file is not a readable ${what} ${noun}`);
  const image = type === 'image/jpeg' ? cleanJpeg(input, broken) : type === 'image/png' ? cleanPng(input, broken) : cleanWebp(input, broken);
  checkDimensions(image.width, image.height, noun);
  return { ...image, mediaType: type as T, extension: EXTENSIONS[type] };
}

type Broken = (what: string) => ImageError;
type Parsed = Omit<CleanImage, 'mediaType' | 'extension'>;

function checkDimensions(width: number, height: number, noun: string): void {
  if (width < 1 || height < 1) throw new ImageError('type', `The ${noun} has no pixels`);
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new ImageError(
      'dimensions',
      `The ${noun} is ${width} × ${height} pixels: at most ${MAX_IMAGE_SIDE} pixels a side and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels are accepted`,
    );
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u32le = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// ---- JPEG -------------------------------------------------------------------------------

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic; not DHT C4, JPG C8, DAC CC). */
const isSof = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * Keeps what decoding needs — frames, tables, restart interval, scans — plus JFIF (APP0),
 * Adobe's colour transform (APP14) and an ICC profile (APP2 `ICC_PROFILE`); drops EXIF and
 * XMP (APP1), IPTC (APP13), every other APPn and comments (COM), and whatever follows EOI.
 */
function cleanJpeg(input: Uint8Array, broken: Broken): Parsed {
  const parts: Uint8Array[] = [input.subarray(0, 2)];
  let at = 2;
  let width = 0;
  let height = 0;
  let scans = 0;
  for (;;) {
    if (at >= input.length || input[at] !== 0xff) throw broken('JPEG');
    while (input[at] === 0xff) at++; // fill bytes
    const marker = input[at++];
    if (marker === undefined) throw broken('JPEG');
    if (marker === 0xd9) {
      if (scans === 0 || width === 0) throw broken('JPEG');
      parts.push(Uint8Array.of(0xff, 0xd9));
      break;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) throw broken('JPEG'); // never outside a scan
    if (at + 2 > input.length) throw broken('JPEG');
    const length = u16be(input, at);
    if (length < 2 || at + length > input.length) throw broken('JPEG');
    const segment = input.subarray(at - 2, at + length);
    const body = input.subarray(at + 2, at + length);
    at += length;
    if (isSof(marker)) {
      if (body.length < 6) throw broken('JPEG');
      height = u16be(body, 1);
      width = u16be(body, 3);
      parts.push(segment);
    } else if (marker === 0xda) {
      if (width === 0) throw broken('JPEG');
      scans++;
      // The entropy-coded data runs to the next marker that is not a stuffed 00 or a restart.
      let end = at;
      while (end + 1 < input.length && !(input[end] === 0xff && input[end + 1] !== 0x00 && !(input[end + 1]! >= 0xd0 && input[end + 1]! <= 0xd7))) end++;
      if (end + 1 >= input.length) throw broken('JPEG');
      parts.push(segment, input.subarray(at, end));
      at = end;
    } else if (marker === 0xdb || marker === 0xc4 || marker === 0xdd || marker === 0xcc) {
      parts.push(segment);
    } else if (marker === 0xe0 && ascii(body, 0, 5) === 'JFIF\0') {
      parts.push(segment);
    } else if (marker === 0xee && ascii(body, 0, 5) === 'Adobe') {
      parts.push(segment);
    } else if (marker === 0xe2 && ascii(body, 0, 12) === 'ICC_PROFILE\0') {
      parts.push(segment);
    }
    // Everything else (APP1 EXIF/XMP, APP13 IPTC, other APPn, COM) is left out.
  }
  return { width, height, bytes: concat(parts) };
}

// ---- PNG --------------------------------------------------------------------------------

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** The chunks kept: the critical ones and those about how the pixels look; text, time and EXIF go. */
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'pHYs', 'bKGD', 'acTL', 'fcTL', 'fdAT']);

/** Valid bit depths per colour type (PNG §11.2.2). */
const PNG_DEPTHS: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

function cleanPng(input: Uint8Array, broken: Broken): Parsed {
  const parts: Uint8Array[] = [input.subarray(0, 8)];
  let at = 8;
  let width = 0;
  let height = 0;
  let idat = false;
  let first = true;
  for (;;) {
    if (at + 12 > input.length) throw broken('PNG');
    const length = u32be(input, at);
    const type = ascii(input, at + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type) || at + 12 + length > input.length) throw broken('PNG');
    const chunk = input.subarray(at, at + 12 + length);
    if (crc32(input.subarray(at + 4, at + 8 + length)) !== u32be(input, at + 8 + length)) throw broken('PNG');
    at += 12 + length;
    if (first) {
      if (type !== 'IHDR' || length !== 13) throw broken('PNG');
      width = u32be(chunk, 8);
      height = u32be(chunk, 12);
      const depth = chunk[16]!;
      const colour = chunk[17]!;
      if (!PNG_DEPTHS[colour]?.includes(depth)) throw broken('PNG');
      first = false;
    }
    if (type === 'IDAT') idat = true;
    const critical = type.charCodeAt(0) < 0x61;
    if (critical && !PNG_KEEP.has(type)) throw broken('PNG'); // an unknown critical chunk: not a PNG we can vouch for
    if (PNG_KEEP.has(type)) parts.push(chunk);
    if (type === 'IEND') break; // anything after IEND is dropped
  }
  if (!idat) throw broken('PNG');
  return { width, height, bytes: concat(parts) };
}

// ---- WebP -------------------------------------------------------------------------------

/** The chunks kept; EXIF and `XMP ` (and anything unknown) go. */
const WEBP_KEEP = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);

function cleanWebp(input: Uint8Array, broken: Broken): Parsed {
  const riffSize = u32le(input, 4);
  const end = 8 + riffSize;
  if (riffSize < 4 || end > input.length || riffSize % 2 === 1) throw broken('WebP');
  const chunks: Uint8Array[] = [];
  let at = 12;
  let width = 0;
  let height = 0;
  let image = false;
  while (at < end) {
    if (at + 8 > end) throw broken('WebP');
    const type = ascii(input, at, 4);
    const size = u32le(input, at + 4);
    const padded = size + (size % 2);
    if (at + 8 + padded > end) throw broken('WebP');
    const data = input.subarray(at + 8, at + 8 + size);
    const chunk = input.slice(at, at + 8 + padded);
    at += 8 + padded;
    if (chunks.length === 0 && type === 'VP8X') {
      if (size < 10) throw broken('WebP');
      width = 1 + (data[4]! | (data[5]! << 8) | (data[6]! << 16));
      height = 1 + (data[7]! | (data[8]! << 8) | (data[9]! << 16));
      // The flags no longer announce EXIF (0x08) or XMP (0x04).
      chunk[8] = chunk[8]! & ~0x0c;
    } else if (type === 'VP8 ') {
      if (size < 10 || data[3] !== 0x9d || data[4] !== 0x01 || data[5] !== 0x2a) throw broken('WebP');
      if (width === 0) {
        width = (data[6]! | (data[7]! << 8)) & 0x3fff;
        height = (data[8]! | (data[9]! << 8)) & 0x3fff;
      }
      image = true;
    } else if (type === 'VP8L') {
      if (size < 5 || data[0] !== 0x2f) throw broken('WebP');
      if (width === 0) {
        const bits = u32le(data, 1);
        width = 1 + (bits & 0x3fff);
        height = 1 + ((bits >>> 14) & 0x3fff);
      }
      image = true;
    } else if (type === 'ANMF') {
      image = true;
    }
    if (WEBP_KEEP.has(type)) chunks.push(chunk);
  }
  if (!image || width === 0) throw broken('WebP');
  const body = concat(chunks);
  const header = new Uint8Array(12);
  header.set([0x52, 0x49, 0x46, 0x46], 0);
  const size = body.length + 4;
  header.set([size & 0xff, (size >>> 8) & 0xff, (size >>> 16) & 0xff, (size >>> 24) & 0xff], 4);
  header.set([0x57, 0x45, 0x42, 0x50], 8);
  return { width, height, bytes: concat([header, body]) };
}
