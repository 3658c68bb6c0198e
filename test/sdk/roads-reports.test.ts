/**
 * Perjaka's citizen reports through `opd-kit/roads` against a real server in this process
 * (the Lahat demo: Dinas PUPR with its four report services and 214 synthetic segments): a
 * citizen reads the services, uploads a photo carrying GPS (none of it comes back from its
 * media URL), files a report with it (a retry answers the same report), follows it; no public
 * answer carries the reporter's contact; staff moderate through the staff namespace; errors
 * arrive as the SDK's error classes naming the field.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiError, buildClient, NetworkError, ValidationError } from '../../src/index.js';
import { citizenRoads, roads, PHOTO_MAX_BYTES, type RoadReportPhoto } from '../../src/roads.js';
import { jpegWithGps, JPEG_SECRETS, text } from '../helpers/photo-files.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;

before(async () => {
  server = await startTestServer();
});

after(async () => {
  await server?.close();
});

const OPD = 'dinas-pupr';
const REPORTER = { first_name: 'Yuliana', last_name: 'Sastrowardoyo', email: 'yuliana.pelapor@contoh.id', phone: '081377712345', device_id: 'device-sdk-5d21' };

/** A fetch that records every request's URL and method, and every answer's text. */
function recordingFetch() {
  const requests: string[] = [];
  const answers: string[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
    const response = await fetch(request);
    answers.push(await response.clone().text());
    return response;
  };
  return { fetch: wrapped, requests, answers };
}

/** A citizen's client: the public half only, as the road widgets build it. */
const citizen = (fetcher?: typeof fetch) => buildClient({ baseUrl: server.url, opd: OPD, ...(fetcher ? { fetch: fetcher } : {}) }, { roads: citizenRoads });

/** A Dinas PUPR officer's client (OPD staff), or another signed-in user's. */
const staff = async (email = 'pupr@lahat.demo') => buildClient({ baseUrl: server.url, opd: OPD, token: await server.tokenFor(email) }, { roads });

/** A point on the line of demo segment `number` (its `at`-th position, `[lat, long]` apart). */
async function pointOn(number: string, at = 1): Promise<{ lat: number; long: number }> {
  const segment = await citizen().roads.segments.get(number);
  assert.ok(segment.geometry, `segment ${number} is mapped`);
  const line = segment.geometry.type === 'LineString' ? segment.geometry.coordinates : segment.geometry.coordinates[0]!;
  const [long, lat] = line[Math.min(at, line.length - 1)]!;
  return { lat, long };
}

/** Asserts `error` is a `Class` naming exactly `paths`, and returns true for `assert.rejects`. */
function naming(Class: typeof ValidationError | typeof ApiError, paths: string[], status?: number) {
  return (error: unknown) => {
    assert.ok(error instanceof Class, `a ${Class.name}, got ${String(error)}`);
    assert.deepEqual(error.fieldErrors.map((e) => e.path), paths);
    if (status !== undefined) assert.equal((error as ApiError).status, status);
    return true;
  };
}

describe('a citizen filing a damage report through the SDK', () => {
  let photo: RoadReportPhoto;
  let filed: string;

  it('reads the four services with their attributes in order, as a report form needs them', async () => {
    const services = await citizen().roads.reports.services();
    assert.deepEqual(services.map((s) => s.service_code), ['jalan-berlubang', 'longsor', 'drainase-tersumbat', 'jembatan-rusak']);
    const longsor = services.find((s) => s.service_code === 'longsor');
    assert.ok(longsor);
    assert.equal(longsor.service_name, 'Longsor');
    assert.equal(longsor.metadata, true);
    assert.deepEqual(longsor.attributes.map((a) => [a.code, a.required, a.order]), [['tingkat', true, 1], ['akses', true, 2]]);
    assert.deepEqual(longsor.attributes[1]!.values.map((v) => v.key), ['terbuka', 'sebagian', 'tertutup']);
    const bridge = services.find((s) => s.service_code === 'jembatan-rusak');
    assert.equal(bridge?.attributes.find((a) => a.code === 'bagian')?.datatype, 'multivaluelist');
  });

  it('uploads a JPEG carrying GPS in its EXIF; the bytes served at its mediaUrl carry none of it', async () => {
    photo = await citizen().roads.photos.upload(new Blob([new Uint8Array(jpegWithGps(4, 3))], { type: 'image/jpeg' }));
    assert.equal(photo.mediaType, 'image/jpeg');
    assert.deepEqual([photo.width, photo.height], [4, 3]);
    assert.match(photo.mediaUrl, new RegExp(`^${server.url}/media/road-photos/[a-z0-9]+\\.jpg$`));
    assert.ok(photo.bytes < jpegWithGps(4, 3).length, 'smaller once cleaned');
    const served = await fetch(photo.mediaUrl);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    const bytes = Buffer.from(await served.arrayBuffer());
    assert.equal(bytes.length, photo.bytes);
    for (const secret of JPEG_SECRETS) assert.ok(!bytes.includes(text(secret)), `${secret} is not in the served photo`);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xd8]);
    assert.deepEqual([...bytes.subarray(-2)], [0xff, 0xd9]);
  });

  it('files a report with the photo, matched to the segment it lies on, and reads it back without the contact', async () => {
    const point = await pointOn('031');
    const { fetch: recording, answers } = recordingFetch();
    const client = citizen(recording);
    const receipt = await client.roads.reports.create({
      service_code: 'jalan-berlubang',
      description: 'Lubang dalam di lajur kiri, dekat jembatan kecil',
      ...point,
      media_url: photo.mediaUrl,
      attribute: { tingkat: 'berat', lebar: '60' },
      ...REPORTER,
      consent: true,
    });
    filed = receipt.service_request_id;
    assert.match(filed, /^\d{4,}$/, 'a tracking number of four digits or more');
    assert.equal(receipt.status, 'open');
    assert.equal(receipt.segment?.number, '031');
    assert.ok(receipt.segment.distance_m <= 1);
    assert.match(receipt.requested_datetime, /\+07:00$/);
    assert.match(receipt.service_notice ?? '', /3 hari kerja/);

    const report = await client.roads.reports.get(filed);
    assert.equal(report.service_request_id, filed);
    assert.equal(report.service_name, 'Jalan berlubang');
    assert.equal(report.description, 'Lubang dalam di lajur kiri, dekat jembatan kecil');
    assert.equal(report.media_url, photo.mediaUrl);
    assert.deepEqual([report.lat, report.long], [point.lat, point.long]);
    assert.equal(report.resolution, null);
    assert.equal(report.agency_responsible, 'Dinas Pekerjaan Umum dan Penataan Ruang (PUPR)');

    const listed = await client.roads.reports.list({ ids: [filed] }).toArray();
    assert.deepEqual(listed.map((r) => r.service_request_id), [filed]);
    const open = await client.roads.reports.list({ status: 'open', serviceCodes: ['jalan-berlubang'] }).toArray();
    assert.ok(open.some((r) => r.service_request_id === filed));
    assert.ok(open.every((r) => r.status === 'open' && r.service_code === 'jalan-berlubang'));
    assert.deepEqual(await client.roads.reports.updates(filed), []);

    for (const answer of answers) {
      for (const [field, value] of Object.entries(REPORTER)) assert.ok(!answer.includes(value), `a public answer shows the reporter's ${field}`);
      assert.ok(!/"(email|phone|first_name|last_name|device_id)"/.test(answer), 'no contact field at all');
    }
  });

  it('answers the same report again when a report is sent again with its idempotency key', async () => {
    const point = await pointOn('044');
    const input = { service_code: 'drainase-tersumbat', description: 'Got meluap ke jalan (uji kunci)', ...point, attribute: { genangan: 'ya' } };
    const key = crypto.randomUUID();
    const first = await citizen().roads.reports.create(input, { idempotencyKey: key });
    const again = await citizen().roads.reports.create(input, { idempotencyKey: key });
    assert.equal(again.service_request_id, first.service_request_id);
    assert.deepEqual(again, first);
    const same = await citizen().roads.reports.list({ serviceCodes: ['drainase-tersumbat'] }).toArray();
    assert.equal(same.filter((r) => r.description === input.description).length, 1, 'one report stored');
  });

  it('files once when the answer is lost on the way and the SDK retries by itself with the same key', async () => {
    const point = await pointOn('052');
    const keys: string[] = [];
    let lost = false;
    const losing: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST') keys.push(request.headers.get('Idempotency-Key') ?? '');
      const response = await fetch(request);
      if (request.method === 'POST' && !lost) {
        lost = true;
        throw new TypeError('connection reset after the server answered');
      }
      return response;
    };
    const description = 'Longsor kecil di bahu jalan (uji jawaban hilang)';
    const receipt = await citizen(losing).roads.reports.create({ service_code: 'longsor', description, ...point, attribute: { tingkat: 'ringan', akses: 'terbuka' } });
    assert.equal(keys.length, 2, 'sent twice');
    assert.equal(keys[0], keys[1], 'with one key');
    const stored = (await citizen().roads.reports.list({ serviceCodes: ['longsor'] }).toArray()).filter((r) => r.description === description);
    assert.deepEqual(stored.map((r) => r.service_request_id), [receipt.service_request_id]);
  });

  it('is offered the open report of the same service within 50 m as a possible duplicate', async () => {
    const point = await pointOn('031');
    const receipt = await citizen().roads.reports.create({ service_code: 'jalan-berlubang', lat: point.lat + 0.0001, long: point.long, attribute: { tingkat: 'sedang' } });
    const offered = receipt.possible_duplicates.find((d) => d.service_request_id === filed);
    assert.ok(offered, JSON.stringify(receipt.possible_duplicates));
    assert.ok(offered.distance_m > 5 && offered.distance_m <= 50, `${offered.distance_m} m`);
  });

  it('files a report by address alone, with no contact at all', async () => {
    const receipt = await citizen().roads.reports.create({ service_code: 'jembatan-rusak', address_string: 'Jembatan Desa Tanjung Sirih', attribute: { tingkat: 'berat', bagian: ['lantai', 'sandaran'] } });
    assert.equal(receipt.segment, null, 'no point, no segment');
    const report = await citizen().roads.reports.get(receipt.service_request_id);
    assert.equal(report.address, 'Jembatan Desa Tanjung Sirih');
    assert.equal(report.lat, null);
  });

  it('has no staff calls on the citizen half', () => {
    const client = citizen() as unknown as { roads: Record<string, unknown> };
    assert.equal(client.roads.moderation, undefined);
    assert.equal(client.roads.open311Keys, undefined);
  });
});

describe('errors a citizen filing a report can act on', () => {
  it('rejects a latitude out of range, an e-mail without @ and an empty service before sending, naming each field', async () => {
    const { fetch: recording, requests } = recordingFetch();
    const client = citizen(recording);
    await assert.rejects(client.roads.reports.create({ service_code: 'longsor', lat: -300, long: 103.5 }), naming(ValidationError, ['lat']));
    await assert.rejects(client.roads.reports.create({ service_code: 'longsor', address_string: 'Desa Contoh', email: 'bukan-email', consent: true }), naming(ValidationError, ['email']));
    await assert.rejects(client.roads.reports.create({ service_code: '', address_string: 'Desa Contoh' }), naming(ValidationError, ['service_code']));
    await assert.rejects(client.roads.reports.get('bukan-nomor'), naming(ValidationError, ['id']));
    assert.deepEqual(requests, [], 'nothing was sent');
  });

  it('gets the server’s 422 naming consent, the location, a required attribute, an unknown service and a foreign photo', async () => {
    const client = citizen();
    await assert.rejects(client.roads.reports.create({ service_code: 'longsor', address_string: 'Desa Contoh', email: REPORTER.email, attribute: { tingkat: 'berat', akses: 'tertutup' } }), naming(ApiError, ['consent'], 422));
    await assert.rejects(client.roads.reports.create({ service_code: 'longsor', attribute: { tingkat: 'berat', akses: 'tertutup' } }), naming(ApiError, ['lat'], 422));
    await assert.rejects(client.roads.reports.create({ service_code: 'longsor', address_string: 'Desa Contoh', attribute: { akses: 'tertutup' } }), naming(ApiError, ['attribute[tingkat]'], 422));
    await assert.rejects(client.roads.reports.create({ service_code: 'jalan-rusak-parah', address_string: 'Desa Contoh' }), naming(ApiError, ['service_code'], 422));
    await assert.rejects(client.roads.reports.create({ service_code: 'drainase-tersumbat', address_string: 'Pasar Lahat', media_url: 'https://contoh.id/foto.jpg' }), naming(ApiError, ['media_url'], 422));
    // Swapped lat and long: the point falls outside Lahat.
    await assert.rejects(client.roads.reports.create({ service_code: 'drainase-tersumbat', lat: 103.53, long: -3.79 }), naming(ValidationError, ['lat']));
    await assert.rejects(client.roads.reports.create({ service_code: 'drainase-tersumbat', lat: -3.79, long: 110.5 }), (error) => {
      assert.ok(error instanceof ApiError);
      assert.deepEqual(error.fieldErrors.map((e) => e.path), ['lat']);
      assert.match(error.fieldErrors[0]!.message, /outside/);
      return true;
    });
  });

  it('is told a file that is no photo is 415, and one over 5 MB is 413, as ApiErrors', async () => {
    const client = citizen();
    await assert.rejects(client.roads.photos.upload(new Blob(['bukan foto'], { type: 'image/jpeg' })), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 415);
      assert.equal(error.code, 'unsupported-media-type');
      assert.deepEqual(error.fieldErrors.map((e) => e.path), ['photo']);
      return true;
    });
    const big = new Uint8Array(PHOTO_MAX_BYTES + 1);
    big.set(jpegWithGps());
    await assert.rejects(client.roads.photos.upload(new Blob([big])), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 413);
      assert.equal(error.code, 'payload-too-large');
      assert.match(error.detail ?? '', /5 MB/);
      return true;
    });
  });

  it('gets a 404 ApiError for a report number that does not exist, and module-disabled for an OPD without Perjaka', async () => {
    await assert.rejects(citizen().roads.reports.get('999999'), (error) => error instanceof ApiError && error.status === 404 && error.code === 'not-found');
    await assert.rejects(citizen().roads.reports.services({ opd: 'bpkad' }), (error) => error instanceof ApiError && error.status === 404 && error.code === 'module-disabled');
  });

  it('gets a NetworkError when the server cannot be reached', async () => {
    const offline = buildClient({ baseUrl: 'http://127.0.0.1:9', opd: OPD, retries: 0 }, { roads: citizenRoads });
    await assert.rejects(offline.roads.reports.services(), (error) => error instanceof NetworkError);
  });
});

describe('Dinas PUPR staff moderating reports through the SDK', () => {
  let reportId: string;
  let mediaUrl: string;

  before(async () => {
    const uploaded = await citizen().roads.photos.upload(new Blob([new Uint8Array(jpegWithGps())]));
    mediaUrl = uploaded.mediaUrl;
    const point = await pointOn('077');
    const receipt = await citizen().roads.reports.create({
      service_code: 'longsor',
      description: 'Longsor dekat rumah Pak Darmawan Sutedjo, jalan tertutup',
      ...point,
      media_url: mediaUrl,
      attribute: { tingkat: 'berat', akses: 'tertutup' },
      ...REPORTER,
      consent: true,
    });
    reportId = receipt.service_request_id;
  });

  it('sees the reporter’s contact in the inbox and in the report, which citizens never see', async () => {
    const client = await staff();
    const inbox = await client.roads.moderation.list({ status: 'open', serviceCode: 'longsor' }).toArray();
    const mine = inbox.find((r) => r.service_request_id === reportId);
    assert.ok(mine, 'in the inbox');
    assert.deepEqual(mine.reporter, REPORTER);
    assert.equal(mine.photo_url, mediaUrl);
    assert.ok(inbox.every((r) => r.status === 'open' && r.service_code === 'longsor'));
    const one = await client.roads.moderation.get(reportId);
    assert.equal(one.reporter.email, REPORTER.email);
    assert.deepEqual(one.attributes, { tingkat: 'berat', akses: 'tertutup' });
    assert.equal(one.source, null, 'filed by our own widget, not an app');
  });

  it('hides the name from the description and the photo with a public reason; the original stays for staff', async () => {
    const client = await staff();
    const moderated = await client.roads.moderation.moderate(reportId, { description: 'Longsor dekat rumah warga [...], jalan tertutup', hide_photo: true, reason: 'Nama warga dan foto rumah disembunyikan' });
    assert.equal(moderated.moderation.original_description, 'Longsor dekat rumah Pak Darmawan Sutedjo, jalan tertutup');
    assert.equal(moderated.moderation.moderated_by, 'Petugas PUPR (demo)');
    assert.equal(moderated.photo_url, mediaUrl, 'staff still see the photo');
    const pub = await citizen().roads.reports.get(reportId);
    assert.equal(pub.description, 'Longsor dekat rumah warga [...], jalan tertutup');
    assert.equal(pub.media_url, null);
    assert.equal(pub.moderation_notes, 'Nama warga dan foto rumah disembunyikan');
    assert.equal((await fetch(mediaUrl)).status, 404, 'the hidden photo is not served');
    await assert.rejects(client.roads.moderation.moderate(reportId, { hide_photo: false } as never), naming(ValidationError, ['reason']));
  });

  it('posts an update as a pengawas that citizens read with its role, and keeps closed apart from fixed', async () => {
    const client = await staff();
    const update = await client.roads.moderation.postUpdate(reportId, { description: 'Alat berat dikirim besok pagi', role: 'pengawas', author: 'Pengawas Lapangan Wilayah II', resolution: 'scheduled' });
    assert.equal(update.role, 'pengawas');
    const updates = await citizen().roads.reports.updates(reportId);
    assert.deepEqual(updates.map((u) => [u.role, u.author, u.description, u.status, u.resolution]), [['pengawas', 'Pengawas Lapangan Wilayah II', 'Alat berat dikirim besok pagi', 'open', 'scheduled']]);
    await assert.rejects(client.roads.moderation.setStatus(reportId, { status: 'closed', resolution: null }), naming(ApiError, ['resolution'], 422));
    const closed = await client.roads.moderation.setStatus(reportId, { status: 'closed', resolution: 'fixed', status_notes: 'Material longsor sudah dibersihkan' });
    assert.deepEqual([closed.status, closed.resolution], ['closed', 'fixed']);
    const pub = await citizen().roads.reports.get(reportId);
    assert.deepEqual([pub.status, pub.resolution, pub.status_notes], ['closed', 'fixed', 'Material longsor sudah dibersihkan']);
    await assert.rejects(client.roads.moderation.setStatus(reportId, { status: 'selesai' as never }), naming(ValidationError, ['status']));
  });

  it('merges a duplicate into the report it repeats; merging into itself names into', async () => {
    const client = await staff();
    const point = await pointOn('090');
    const first = await citizen().roads.reports.create({ service_code: 'jalan-berlubang', ...point, attribute: { tingkat: 'ringan' } });
    const second = await citizen().roads.reports.create({ service_code: 'jalan-berlubang', lat: point.lat, long: point.long + 0.0002, attribute: { tingkat: 'ringan' } });
    assert.deepEqual(second.possible_duplicates.map((d) => d.service_request_id), [first.service_request_id]);
    const offered = await client.roads.moderation.list({ duplicates: true }).toArray();
    assert.ok(offered.some((r) => r.service_request_id === second.service_request_id));
    const merged = await client.roads.moderation.merge(second.service_request_id, first.service_request_id);
    assert.deepEqual([merged.status, merged.resolution, merged.duplicate_of], ['closed', 'duplicate', first.service_request_id]);
    const pub = await citizen().roads.reports.get(second.service_request_id);
    assert.equal(pub.duplicate_of, first.service_request_id);
    // The inbox filtered by resolution on the server: the merged one is a duplicate, the first has none yet.
    const duplicates = await client.roads.moderation.list({ resolution: 'duplicate' }).toArray();
    assert.ok(duplicates.some((r) => r.service_request_id === second.service_request_id));
    assert.ok(duplicates.every((r) => r.resolution === 'duplicate'));
    const unresolved = await client.roads.moderation.list({ resolution: 'none' }).toArray();
    assert.ok(unresolved.some((r) => r.service_request_id === first.service_request_id) && unresolved.every((r) => r.resolution === null));
    const timeline = await citizen().roads.reports.updates(second.service_request_id);
    assert.deepEqual(timeline.map((u) => [u.role, u.status, u.resolution]), [['petugas', 'closed', 'duplicate']], 'the merge is in the public timeline');
    await assert.rejects(client.roads.moderation.merge(first.service_request_id, first.service_request_id), naming(ApiError, ['into'], 422));
  });

  it('issues, lists and revokes an Open311 key as an admin; the revoked key is refused by Open311', async () => {
    const admin = await staff('admin@lahat.demo');
    const issued = await admin.roads.open311Keys.issue({ name: 'Aplikasi Lapor Lahat (uji SDK)', role: 'app' });
    assert.match(issued.key, /^o311_/);
    const listed = await admin.roads.open311Keys.list();
    const entry = listed.find((k) => k.id === issued.id);
    assert.ok(entry);
    assert.equal('key' in entry, false, 'the key itself is never listed');
    const form = (key: string) => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ jurisdiction_id: OPD, api_key: key, service_code: 'drainase-tersumbat', address_string: 'Simpang Pasar Baru', 'attribute[genangan]': 'ya' }).toString(),
    });
    assert.equal((await fetch(`${server.url}/open311/v2/requests.json`, form(issued.key))).status, 201);
    const revoked = await admin.roads.open311Keys.revoke(issued.id);
    assert.ok(revoked.revoked_at);
    assert.equal((await fetch(`${server.url}/open311/v2/requests.json`, form(issued.key))).status, 403);
    const filed = (await admin.roads.moderation.list({ serviceCode: 'drainase-tersumbat' }).toArray()).find((r) => r.address === 'Simpang Pasar Baru');
    assert.equal(filed?.source, 'Aplikasi Lapor Lahat (uji SDK)', 'staff see which app filed it');
  });

  it('cannot moderate without signing in, nor another OPD’s reports, nor issue keys as OPD staff', async () => {
    const anonymous = buildClient({ baseUrl: server.url, opd: OPD }, { roads });
    await assert.rejects(anonymous.roads.moderation.get(reportId), (error) => error instanceof ApiError && error.status === 401);
    const bpkad = await staff('bpkad@lahat.demo');
    await assert.rejects(bpkad.roads.moderation.list().toArray(), (error) => error instanceof ApiError && error.status === 403);
    const officer = await staff();
    await assert.rejects(officer.roads.open311Keys.issue({ name: 'Camat Uji', role: 'camat' }), (error) => error instanceof ApiError && error.status === 403);
  });
});
