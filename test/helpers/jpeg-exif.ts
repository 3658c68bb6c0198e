/**
 * A real JPEG's EXIF, for the end-to-end tests of report photos: {@link withGpsExif} puts an
 * EXIF block (APP1, TIFF big-endian) with a GPS IFD holding a position into a JPEG a browser
 * encoded, as a phone's camera does; {@link jpegMetadata} walks a JPEG's segments and reads
 * back what EXIF and GPS it carries, so a test can tell a photo still holds them.
 *
 * @module
 */

/** A position in degrees (south and west negative). */
export interface Position {
  lat: number;
  lon: number;
}

/** What a JPEG carries besides its pixels. */
export interface JpegMetadata {
  /** The markers of its segments before the first scan, in order (`0xe1` is APP1). */
  markers: number[];
  /** Whether an APP1 segment starts with `Exif\0\0`. */
  exif: boolean;
  /** Whether the EXIF's first IFD points to a GPS IFD (tag 0x8825). */
  gpsTag: boolean;
  /** The position in the GPS IFD, if it holds one. */
  gps: Position | null;
}

const u16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

/** Degrees as EXIF's three rationals: degrees, minutes, seconds × 1000. */
function dms(value: number): Buffer {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutes = Math.floor((abs - degrees) * 60);
  const seconds = Math.round(((abs - degrees) * 60 - minutes) * 60 * 1000);
  return Buffer.concat([u32(degrees), u32(1), u32(minutes), u32(1), u32(seconds), u32(1000)]);
}

/** One 12-byte IFD entry. */
function entry(tag: number, type: number, count: number, value: Buffer | number): Buffer {
  const field = typeof value === 'number' ? u32(value) : Buffer.concat([value, Buffer.alloc(4 - value.length)]);
  return Buffer.concat([u16(tag), u16(type), u32(count), field]);
}

/**
 * `jpeg` with an EXIF APP1 segment right after its start: IFD0 with a camera model and the
 * GPS pointer, and a GPS IFD with the latitude and longitude of `position` and their refs.
 */
export function withGpsExif(jpeg: Uint8Array, position: Position): Buffer {
  const source = Buffer.from(jpeg);
  if (source[0] !== 0xff || source[1] !== 0xd8) throw new Error('not a JPEG');
  // TIFF offsets count from the byte order mark. Layout: header (8), IFD0 (2 + 2×12 + 4 = 30),
  // the model string, the GPS IFD (2 + 4×12 + 4 = 54), then the two sets of rationals.
  const model = Buffer.from('OPD-KIT TEST CAMERA\0', 'latin1');
  const ifd0At = 8;
  const modelAt = ifd0At + 30;
  const gpsAt = modelAt + model.length;
  const latAt = gpsAt + 54;
  const lonAt = latAt + 24;
  const ifd0 = Buffer.concat([u16(2), entry(0x0110, 2, model.length, modelAt), entry(0x8825, 4, 1, gpsAt), u32(0)]);
  const gps = Buffer.concat([
    u16(4),
    entry(0x0001, 2, 2, Buffer.from(position.lat < 0 ? 'S\0' : 'N\0', 'latin1')),
    entry(0x0002, 5, 3, latAt),
    entry(0x0003, 2, 2, Buffer.from(position.lon < 0 ? 'W\0' : 'E\0', 'latin1')),
    entry(0x0004, 5, 3, lonAt),
    u32(0),
  ]);
  const tiff = Buffer.concat([Buffer.from('MM\0*', 'latin1'), u32(ifd0At), ifd0, model, gps, dms(position.lat), dms(position.lon)]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), u16(body.length + 2), body]);
  return Buffer.concat([source.subarray(0, 2), app1, source.subarray(2)]);
}

/** Reads the rational at `at` of a big-endian TIFF. */
const rational = (tiff: Buffer, at: number) => tiff.readUInt32BE(at) / tiff.readUInt32BE(at + 4);

/** The GPS position of an EXIF block's TIFF (big- or little-endian), if it has a GPS IFD. */
function readGps(tiff: Buffer): { gpsTag: boolean; gps: Position | null } {
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const r16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const r32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const rat = (at: number) => (little ? tiff.readUInt32LE(at) / tiff.readUInt32LE(at + 4) : rational(tiff, at));
  const entries = (at: number) => Array.from({ length: r16(at) }, (_, i) => at + 2 + i * 12);
  const pointer = entries(r32(4)).find((at) => r16(at) === 0x8825);
  if (pointer === undefined) return { gpsTag: false, gps: null };
  const fields = new Map(entries(r32(pointer + 8)).map((at) => [r16(at), at]));
  const degrees = (tag: number) => {
    const at = fields.get(tag);
    if (at === undefined) return null;
    const offset = r32(at + 8);
    return rat(offset) + rat(offset + 8) / 60 + rat(offset + 16) / 3600;
  };
  const ref = (tag: number) => {
    const at = fields.get(tag);
    return at === undefined ? '' : tiff.toString('latin1', at + 8, at + 9);
  };
  const lat = degrees(2);
  const lon = degrees(4);
  if (lat === null || lon === null) return { gpsTag: true, gps: null };
  return { gpsTag: true, gps: { lat: ref(1) === 'S' ? -lat : lat, lon: ref(3) === 'W' ? -lon : lon } };
}

/** Walks `bytes`' segments up to the first scan and reads what EXIF and GPS they carry. */
export function jpegMetadata(bytes: Uint8Array): JpegMetadata {
  const jpeg = Buffer.from(bytes);
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const result: JpegMetadata = { markers: [], exif: false, gpsTag: false, gps: null };
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    const length = jpeg.readUInt16BE(at + 2);
    result.markers.push(marker);
    const body = jpeg.subarray(at + 4, at + 2 + length);
    if (marker === 0xe1 && body.toString('latin1', 0, 6) === 'Exif\0\0') {
      result.exif = true;
      const read = readGps(body.subarray(6));
      result.gpsTag ||= read.gpsTag;
      result.gps ??= read.gps;
    }
    if (marker === 0xda) break;
    at += 2 + length;
  }
  return result;
}
