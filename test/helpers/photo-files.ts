/**
 * Photo files for the report-photo tests, built byte by byte: a JPEG's structure carrying GPS
 * in its EXIF (plus XMP, a comment and a trailer after its end), PNGs with text chunks, and a
 * WebP with EXIF and XMP chunks. The pixels are not meant to be looked at; what matters is
 * what the server must take out.
 *
 * @module
 */
import { crc32 } from 'node:zlib';

/** A string's bytes, one per character (latin1). */
export const text = (s: string): Buffer => Buffer.from(s, 'latin1');
const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };
const le32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), u16(body.length + 2), body]);

/** What {@link jpegWithGps} hides in its metadata, none of which may come back out. */
export const JPEG_SECRETS = ['Exif', 'GPS', 'GPSLatitude -3.7912', 'GPS-SECRET', 'XMP-SECRET', 'COMMENT-SECRET', 'TRAILER-SECRET'] as const;

/** A tiny baseline JPEG's structure (1×1 by default) with an EXIF block holding GPS coordinates, XMP, a comment and a trailer. */
export function jpegWithGps(width = 1, height = 1): Buffer {
  const gps = Buffer.concat([text('Exif\0\0MM\0*\0\0\0\x08'), text('GPSLatitude -3.7912 GPSLongitude 103.5321 GPS-SECRET')]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, text('JFIF\0\x01\x01\0\0\x01\0\x01\0\0')),
    segment(0xe1, gps),
    segment(0xe1, text('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>XMP-SECRET</x:xmpmeta>')),
    segment(0xfe, text('COMMENT-SECRET')),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, Buffer.concat([Buffer.from([8]), u16(height), u16(width), Buffer.from([1, 1, 0x11, 0])])),
    segment(0xc4, Buffer.concat([Buffer.from([0]), Buffer.alloc(16, 0)])),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56]),
    Buffer.from([0xff, 0xd9]),
    text('TRAILER-SECRET'),
  ]);
}

/** A PNG chunk with its length and CRC. */
export const chunk = (type: string, data: Buffer): Buffer => Buffer.concat([u32(data.length), text(type), data, u32(crc32(Buffer.concat([text(type), data])))]);

/** A PNG's structure of `width` × `height` with `extra` chunks before its image data. */
export function png(width: number, height: number, extra: Buffer[] = []): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.concat([u32(width), u32(height), Buffer.from([8, 2, 0, 0, 0])])),
    ...extra,
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 4, 0, 1])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 10×10 lossless WebP whose VP8X announces EXIF and XMP, with both chunks. */
export function webpWithExif(): Buffer {
  const riffChunk = (type: string, data: Buffer) => Buffer.concat([text(type), le32(data.length), data, data.length % 2 ? Buffer.from([0]) : Buffer.alloc(0)]);
  const vp8x = Buffer.from([0x0c, 0, 0, 0, 9, 0, 0, 9, 0, 0]); // flags EXIF|XMP, 10×10
  const vp8l = Buffer.concat([Buffer.from([0x2f]), le32(9 | (9 << 14)), Buffer.alloc(4)]);
  const body = Buffer.concat([text('WEBP'), riffChunk('VP8X', vp8x), riffChunk('VP8L', vp8l), riffChunk('EXIF', text('GPS-SECRET-WEBP')), riffChunk('XMP ', text('XMP-SECRET-WEBP'))]);
  return Buffer.concat([text('RIFF'), le32(body.length), body]);
}
