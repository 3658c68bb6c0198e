/**
 * Report photos on both stores: a JPEG carrying GPS in its EXIF goes in and none comes out
 * (nor XMP or a comment); PNG text chunks and WebP EXIF are dropped; the type is told by the
 * content, not the Content-Type; 5 MB is the limit; a pixel flood is refused; the media URL
 * serves the cleaned bytes with long caching and nosniff, and a report may use only our photos.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../../server/src/db/schema.js';
import { DEMO_PHOTO_JPEG_BASE64 } from '../../../server/src/modules/roads/demo-photo.js';
import { cleanPhoto } from '../../../server/src/modules/roads/photos.js';
import { DEMO_PHOTO_ID } from '../../../server/src/modules/roads/report-seed.js';
import { DEMO_ROADS_OPD } from '../../../server/src/modules/roads/seed.js';
import { roadsDb } from '../../../server/src/modules/roads/tables.js';
import { PHOTO_MAX_BYTES, roadReportPhoto } from '../../../src/schemas/open311.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';
import { chunk, jpegWithGps, png, text, webpWithExif } from '../../helpers/photo-files.js';

// What the photos carry that no public answer (the served photos included) may show.
registerPersonalData({ module: 'perjaka-photos', values: ['GPSLatitude -3.7912', 'GPS-SECRET', 'XMP-SECRET', 'COMMENT-SECRET', 'SECRET-PNG', 'SECRET-WEBP'] });

const API = `/api/v1/opds/${DEMO_ROADS_OPD}`;

describeApi('Road report photos', { publicResponses: 5 }, (api) => {
  const upload = (body: Buffer, type = 'application/octet-stream') =>
    api.publicRequest(`${API}/road-report-photos`, { method: 'POST', headers: { 'Content-Type': type }, body: new Uint8Array(body) });

  it('takes a JPEG with GPS in its EXIF and keeps none of it, nor XMP, a comment or a trailer', async () => {
    const response = await upload(jpegWithGps(), 'text/plain');
    assert.equal(response.status, 201);
    const photo = assertShape(roadReportPhoto, await response.json(), 'photo');
    assert.equal(photo.mediaType, 'image/jpeg');
    assert.equal(photo.width, 1);
    const served = await api.publicRequest(new URL(photo.mediaUrl).pathname);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    assert.match(served.headers.get('cache-control') ?? '', /max-age=31536000/);
    const bytes = Buffer.from(await served.arrayBuffer());
    for (const secret of ['Exif', 'GPS', 'XMP-SECRET', 'COMMENT-SECRET', 'TRAILER-SECRET']) assert.ok(!bytes.includes(secret), `${secret} removed`);
    assert.ok(bytes.includes(text('JFIF')), 'JFIF kept');
    assert.deepEqual([...bytes.subarray(-2)], [0xff, 0xd9]);
    // A report may use it; a photo from elsewhere it may not.
    const ok = await api.publicRequest(`${API}/road-reports`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ service_code: 'drainase-tersumbat', address_string: 'Pasar Lahat', media_url: photo.mediaUrl }) });
    assert.equal(ok.status, 201);
    const foreign = await api.publicRequest(`${API}/road-reports`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ service_code: 'drainase-tersumbat', address_string: 'Pasar Lahat', media_url: 'https://contoh.id/foto.jpg' }) });
    await assertProblem(foreign, 422, 'validation', 'media_url');
  });

  it('shows the demo’s synthetic report with its drawn photo, served cleaned like an upload and marked synthetic', async () => {
    const requests = (await (await api.publicRequest(`/open311/v2/requests.json?jurisdiction_id=${DEMO_ROADS_OPD}`)).json()) as Array<{ description: string | null; media_url: string | null }>;
    const demo = requests.find((r) => r.description?.startsWith('Lubang besar di tengah jalan dekat tikungan'));
    assert.ok(demo?.media_url, 'the demo report has a photo');
    assert.match(demo.media_url, new RegExp(`/media/road-photos/${DEMO_PHOTO_ID}\\.jpg$`));
    const served = await api.publicRequest(new URL(demo.media_url).pathname);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    const bytes = Buffer.from(await served.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3), ...bytes.subarray(-2)], [0xff, 0xd8, 0xff, 0xff, 0xd9]);
    assert.ok(!bytes.includes('Exif'), 'no EXIF');
    assert.deepEqual([...cleanPhoto(new Uint8Array(Buffer.from(DEMO_PHOTO_JPEG_BASE64, 'base64'))).bytes], [...bytes], 'stored as the cleaning makes it');
    const row = await roadsDb(api.server.db as unknown as Kysely<Database>).selectFrom('road_report_photos').select(['synthetic', 'width', 'height']).where('id', '=', DEMO_PHOTO_ID).executeTakeFirstOrThrow();
    assert.deepEqual([row.synthetic, row.width, row.height], [true, 320, 240]);
    const uploaded = assertShape(roadReportPhoto, await (await upload(jpegWithGps())).json(), 'photo');
    const other = await roadsDb(api.server.db as unknown as Kysely<Database>).selectFrom('road_report_photos').select('synthetic').where('id', '=', uploaded.id).executeTakeFirstOrThrow();
    assert.equal(other.synthetic, false, 'an upload is not');
  });

  it('drops PNG text chunks and WebP EXIF and XMP, keeping the image', async () => {
    const pngResponse = await upload(png(3, 2, [chunk('tEXt', text('GPS\0SECRET-PNG')), chunk('eXIf', text('MM-SECRET-PNG'))]), 'image/jpeg');
    assert.equal(pngResponse.status, 201);
    const pngPhoto = await pngResponse.json();
    assert.equal(pngPhoto.mediaType, 'image/png');
    assert.deepEqual([pngPhoto.width, pngPhoto.height], [3, 2]);
    const pngBytes = Buffer.from(await (await api.publicRequest(new URL(pngPhoto.mediaUrl).pathname)).arrayBuffer());
    assert.ok(!pngBytes.includes('SECRET-PNG'));
    assert.ok(pngBytes.includes('IDAT'));
    const webpResponse = await upload(webpWithExif());
    assert.equal(webpResponse.status, 201);
    const webp = await webpResponse.json();
    assert.deepEqual([webp.mediaType, webp.width, webp.height], ['image/webp', 10, 10]);
    const webpBytes = Buffer.from(await (await api.publicRequest(new URL(webp.mediaUrl).pathname)).arrayBuffer());
    assert.ok(!webpBytes.includes('SECRET-WEBP'));
    assert.equal(webpBytes.readUInt8(20) & 0x0c, 0, 'VP8X no longer announces EXIF or XMP');
    assert.equal(webpBytes.readUInt32LE(4), webpBytes.length - 8, 'RIFF size fixed');
  });

  it('refuses 5 MB and one byte with 413 naming the limit, and takes exactly 5 MB’s worth of header check', async () => {
    const big = Buffer.concat([jpegWithGps(), Buffer.alloc(PHOTO_MAX_BYTES + 1 - jpegWithGps().length)]);
    const response = await upload(big);
    const problem = await assertProblem(response, 413, 'payload-too-large');
    assert.match(problem.detail ?? '', /5 MB/);
  });

  it('tells the type by content: a text file named photo.jpg is refused with 415, and so is a pixel flood', async () => {
    await assertProblem(await upload(text('not a photo at all'), 'image/jpeg'), 415, 'unsupported-media-type', 'photo');
    await assertProblem(await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), text('broken')]), 'image/jpeg'), 415, 'unsupported-media-type');
    const flood = await upload(png(100_000, 100_000));
    const problem = await assertProblem(flood, 415, 'unsupported-media-type');
    assert.match(problem.detail ?? '', /100000 × 100000/);
    await assertProblem(await upload(jpegWithGps(20_000, 20_000)), 415, 'unsupported-media-type');
  });
});
