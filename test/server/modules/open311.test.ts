/**
 * Perjaka's citizen reports through Open311 GeoReport v2 and our own API, on both stores:
 * the spec's documented answers field by field in XML and JSON, both POST encodings, the
 * spec's error shape and statuses, the default window, times with the regency's offset, API
 * keys, stakeholders' updates, the segment and duplicate matches, moderation, and no
 * reporter contact in any public answer.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEMO_ROADS_OPD } from '../../../server/src/modules/roads/seed.js';
import { roadReport, roadReportReceipt } from '../../../src/schemas/open311.js';
import { roadReportStaff } from '../../../src/schemas/open311-staff.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';

const REPORTER = { first: 'Sulastri', last: 'Wibowohadi', email: 'sulastri.pelapor@contoh.id', phone: '081298765432', device: 'device-7f3a9c' };
registerPersonalData({ module: 'perjaka-reports', values: [REPORTER.first, REPORTER.last, REPORTER.email, REPORTER.phone, REPORTER.device] });

const O = '/open311/v2';
const J = `jurisdiction_id=${DEMO_ROADS_OPD}`;
const API = `/api/v1/opds/${DEMO_ROADS_OPD}`;

/** The child elements' names of `<tag>…</tag>` blocks, in order, for field-by-field comparison. */
function elementsOf(xml: string, tag: string): string[][] {
  const blocks = [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
  return blocks.map((block) => [...block.matchAll(/<([a-z_]+)(?:\/>|>)/g)].map((m) => m[1]!).filter((name, i, all) => all.indexOf(name) === i));
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
  body: new URLSearchParams(fields).toString(),
});

describeApi('Open311 and road reports', { publicResponses: 20 }, (api) => {
  let point: { lat: number; long: number };

  it('serves discovery in XML and JSON with every field the spec requires', async () => {
    const xml = await api.publicRequest(`${O}/discovery.xml`);
    assert.equal(xml.status, 200);
    assert.match(xml.headers.get('content-type') ?? '', /^text\/xml; charset=utf-8/);
    const text = await xml.text();
    assert.match(text, /^<\?xml version="1.0" encoding="utf-8"\?>\n<discovery>/);
    for (const field of ['changeset', 'contact', 'key_service', 'endpoints', 'endpoint', 'specification', 'url', 'type', 'formats', 'format']) assert.match(text, new RegExp(`<${field}>`));
    const json = await (await api.publicRequest(`${O}/discovery.json`)).json();
    assert.deepEqual(Object.keys(json), ['changeset', 'contact', 'key_service', 'endpoints']);
    assert.deepEqual(Object.keys(json.endpoints[0]), ['specification', 'url', 'changeset', 'type', 'formats']);
    assert.equal(json.endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.deepEqual(json.endpoints[0].formats, ['text/xml', 'application/json']);
  });

  it('lists the four services and their definitions with the spec’s fields, in both formats', async () => {
    const list = await (await api.publicRequest(`${O}/services.json?${J}`)).json();
    assert.deepEqual(list.map((s: { service_code: string }) => s.service_code), ['jalan-berlubang', 'longsor', 'drainase-tersumbat', 'jembatan-rusak']);
    assert.deepEqual(Object.keys(list[0]).sort(), ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'].sort());
    assert.equal(list[0].type, 'realtime');
    assert.equal(list[0].metadata, true);
    const xml = await (await api.publicRequest(`${O}/services.xml?${J}`)).text();
    assert.equal(elementsOf(xml, 'service').length, 4);
    assert.deepEqual(elementsOf(xml, 'service')[0], ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
    const definition = await (await api.publicRequest(`${O}/services/longsor.json?${J}`)).json();
    assert.equal(definition.service_code, 'longsor');
    assert.deepEqual(Object.keys(definition.attributes[0]), ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values']);
    assert.deepEqual(Object.keys(definition.attributes[0].values[0]), ['key', 'name']);
    const defXml = await (await api.publicRequest(`${O}/services/longsor.xml?${J}`)).text();
    assert.match(defXml, /<service_definition>\n {2}<service_code>longsor<\/service_code>\n {2}<attributes>\n {4}<attribute>/);
    assert.match(defXml, /<values>\n\s+<value>\n\s+<key>ringan<\/key>/);
  });

  it('answers errors as the spec’s [{code, description}] with the status it names', async () => {
    const missing = await api.publicRequest(`${O}/services/tidak-ada.json?${J}`);
    assert.equal(missing.status, 404);
    const body = await missing.json();
    assert.equal(body[0].code, 404);
    assert.match(body[0].description, /service_code/);
    const jurisdiction = await api.publicRequest(`${O}/services.xml?jurisdiction_id=tidak-ada`);
    assert.equal(jurisdiction.status, 404);
    assert.match(await jurisdiction.text(), /<errors>\n {2}<error>\n {4}<code>404<\/code>\n {4}<description>jurisdiction_id/);
    const badKey = await api.publicRequest(`${O}/requests.json`, form({ jurisdiction_id: DEMO_ROADS_OPD, api_key: 'salah', service_code: 'longsor', lat: '-3.8', long: '103.5' }));
    assert.equal(badKey.status, 403);
    assert.equal((await badKey.json())[0].code, 403);
    const noLocation = await api.publicRequest(`${O}/requests.json`, form({ jurisdiction_id: DEMO_ROADS_OPD, service_code: 'drainase-tersumbat' }));
    assert.equal(noLocation.status, 400);
    assert.match((await noLocation.json())[0].description, /^lat: /);
    const badDate = await api.publicRequest(`${O}/requests.json?${J}&start_date=kemarin`);
    assert.equal(badDate.status, 400);
    assert.match((await badDate.json())[0].description, /^start_date/);
  });

  it('files a form-encoded report like the spec’s example and answers its id, notice and account_id', async () => {
    const segment = await (await api.publicRequest(`${API}/road-segments/${(await (await api.publicRequest(`${API}/road-segments?limit=5`)).json()).data[4].number}`)).json();
    const [long, lat] = segment.geometry.type === 'LineString' ? segment.geometry.coordinates[1] : segment.geometry.coordinates[0][1];
    point = { lat, long };
    const response = await api.publicRequest(
      `${O}/requests.xml`,
      form({
        jurisdiction_id: DEMO_ROADS_OPD,
        service_code: 'jalan-berlubang',
        lat: String(lat),
        long: String(long),
        address_string: 'Depan SD Negeri 1',
        email: REPORTER.email,
        device_id: REPORTER.device,
        first_name: REPORTER.first,
        last_name: REPORTER.last,
        phone: REPORTER.phone,
        description: 'Lubang besar di tengah jalan',
        'attribute[tingkat]': 'berat',
      }),
    );
    assert.equal(response.status, 201);
    const xml = await response.text();
    assert.deepEqual(elementsOf(xml, 'request')[0], ['service_request_id', 'service_notice', 'account_id']);
    assert.match(xml, /<account_id\/>/);
    const id = /<service_request_id>(\d+)<\/service_request_id>/.exec(xml)![1]!;

    const one = await (await api.publicRequest(`${O}/requests/${id}.json?${J}`)).json();
    assert.equal(one.length, 1);
    assert.deepEqual(Object.keys(one[0]), [
      'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
      'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
    ]);
    assert.equal(one[0].status, 'open');
    assert.equal(one[0].service_name, 'Jalan berlubang');
    assert.match(one[0].requested_datetime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    // The suite's clock: 10:00 WIB on 5 March 2025.
    assert.match(one[0].requested_datetime, /^2025-03-05T10:/);
    const oneXml = await (await api.publicRequest(`${O}/requests/${id}.xml?${J}`)).text();
    assert.deepEqual(elementsOf(oneXml, 'request')[0], Object.keys(one[0]));

    const ours = assertShape(roadReport, await (await api.publicRequest(`${API}/road-reports/${id}`)).json(), 'report');
    assert.ok(ours.segment, 'matched to the segment it lies on');
    assert.equal(ours.segment.number, segment.number);
    assert.ok(ours.segment.distance_m <= 1);
  });

  it('files a JSON report and offers the open one of the same service within 50 m as a duplicate', async () => {
    const response = await api.publicRequest(`${O}/requests.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jurisdiction_id: DEMO_ROADS_OPD, service_code: 'jalan-berlubang', lat: point.lat + 0.0001, long: point.long, attribute: { tingkat: 'sedang' } }),
    });
    assert.equal(response.status, 201);
    const [receipt] = await response.json();
    assert.deepEqual(Object.keys(receipt), ['service_request_id', 'service_notice', 'account_id']);
    const own = await api.publicRequest(`${API}/road-reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ service_code: 'jalan-berlubang', lat: point.lat, long: point.long + 0.0002, attribute: { tingkat: 'ringan' } }),
    });
    assert.equal(own.status, 201);
    const ownReceipt = assertShape(roadReportReceipt, await own.json(), 'receipt');
    assert.ok(ownReceipt.possible_duplicates.length >= 2, JSON.stringify(ownReceipt.possible_duplicates));
    assert.ok(ownReceipt.possible_duplicates.every((d) => d.distance_m <= 50));
  });

  it('refuses contact without consent in our own API, naming the field', async () => {
    const response = await api.publicRequest(`${API}/road-reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ service_code: 'longsor', address_string: 'Desa Contoh', email: REPORTER.email, attribute: { tingkat: 'berat', akses: 'tertutup' } }),
    });
    await assertProblem(response, 422, 'validation', 'consent');
    const noAttr = await api.publicRequest(`${API}/road-reports`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ service_code: 'longsor', address_string: 'Desa Contoh' }) });
    await assertProblem(noAttr, 422, 'validation', 'attribute[tingkat]');
  });

  it('lists the latest 90 days by default, filters by status and service, and refuses a window over 90 days', async () => {
    const all = await (await api.publicRequest(`${O}/requests.json?${J}`)).json();
    assert.ok(all.length >= 8, `demo and filed reports: ${all.length}`);
    const open = await (await api.publicRequest(`${O}/requests.json?${J}&status=open&service_code=jalan-berlubang`)).json();
    assert.ok(open.every((r: { status: string; service_code: string }) => r.status === 'open' && r.service_code === 'jalan-berlubang'));
    const closed = await (await api.publicRequest(`${O}/requests.json?${J}&status=closed`)).json();
    assert.ok(closed.length >= 2);
    const old = await (await api.publicRequest(`${O}/requests.json?${J}&start_date=2024-01-01T00:00:00%2B07:00&end_date=2024-03-01T00:00:00%2B07:00`)).json();
    assert.deepEqual(old, []);
    const wide = await api.publicRequest(`${O}/requests.json?${J}&start_date=2024-01-01T00:00:00Z&end_date=2024-06-01T00:00:00Z`);
    assert.equal(wide.status, 400);
    const byId = await (await api.publicRequest(`${O}/requests.json?${J}&service_request_id=${all[0].service_request_id}&status=closed`)).json();
    assert.equal(byId.length, 1, 'service_request_id overrides the other filters');
  });

  it('lets a stakeholder with a key post an update, shown with the role; an app key may not', async () => {
    const issued = await api.staffPost(`${API}/open311-keys`, { name: 'Camat Merapi Barat', role: 'camat' });
    assert.equal(issued.status, 201);
    const { key } = await issued.json();
    const app = await (await api.staffPost(`${API}/open311-keys`, { name: 'Aplikasi Lapor', role: 'app' })).json();
    const [report] = await (await api.publicRequest(`${O}/requests.json?${J}&status=open`)).json();
    const refused = await api.publicRequest(`${O}/servicerequestupdates.json`, form({ jurisdiction_id: DEMO_ROADS_OPD, api_key: app.key, service_request_id: report.service_request_id, description: 'x' }));
    assert.equal(refused.status, 403);
    const closing = await api.publicRequest(`${O}/servicerequestupdates.json`, form({ jurisdiction_id: DEMO_ROADS_OPD, api_key: key, service_request_id: report.service_request_id, status: 'closed', description: 'Sudah ditimbun' }));
    assert.equal(closing.status, 400, 'closing needs a resolution');
    assert.match((await closing.json())[0].description, /^resolution/);
    const posted = await api.publicRequest(`${O}/servicerequestupdates.xml`, form({ jurisdiction_id: DEMO_ROADS_OPD, api_key: key, service_request_id: report.service_request_id, status: 'FIXED', description: 'Lubang sudah ditambal warga dan petugas' }));
    assert.equal(posted.status, 201);
    assert.match(await posted.text(), /<service_request_updates>\n {2}<request_update>\n {4}<update_id>\d+<\/update_id>/);
    const updates = await (await api.publicRequest(`${O}/servicerequestupdates.json?${J}`)).json();
    const mine = updates.find((u: { description: string }) => u.description.startsWith('Lubang sudah'));
    assert.equal(mine.role, 'camat');
    assert.equal(mine.author, 'Camat Merapi Barat');
    assert.equal(mine.status, 'closed');
    const after = await (await api.publicRequest(`${API}/road-reports/${report.service_request_id}`)).json();
    assert.equal(after.status, 'closed');
    assert.equal(after.resolution, 'fixed');
    await api.staff(`${API}/open311-keys/${app.id}`, { method: 'DELETE' });
    const revoked = await api.publicRequest(`${O}/requests.json`, form({ jurisdiction_id: DEMO_ROADS_OPD, api_key: app.key, service_code: 'longsor', address_string: 'x', 'attribute[tingkat]': 'berat', 'attribute[akses]': 'terbuka' }));
    assert.equal(revoked.status, 403);
  });

  it('shows staff the contact (audited), hides a description with a public reason, merges a duplicate, and keeps closed apart from fixed', async () => {
    const inbox = await (await api.staff(`${API}/road-report-inbox?limit=100`)).json();
    const filed = inbox.data.map((r: unknown) => assertShape(roadReportStaff, r, 'staff report')).find((r: { reporter: { email: string | null } }) => r.reporter.email === REPORTER.email);
    assert.ok(filed, 'staff see the reporter');
    assert.equal(filed.reporter.phone, REPORTER.phone);
    const moderated = await api.staffPost(`${API}/road-reports/${filed.service_request_id}/moderation`, { description: 'Lubang besar di tengah jalan [...]', reason: 'Nama warga dihapus dari uraian' });
    assert.equal(moderated.status, 200);
    const pub = await (await api.publicRequest(`${API}/road-reports/${filed.service_request_id}`)).json();
    assert.equal(pub.description, 'Lubang besar di tengah jalan [...]');
    assert.equal(pub.moderation_notes, 'Nama warga dihapus dari uraian');
    const staffView = await (await api.staff(`${API}/road-report-inbox/${filed.service_request_id}`)).json();
    assert.equal(staffView.moderation.original_description, 'Lubang besar di tengah jalan');
    const dup = inbox.data.find((r: { possible_duplicates: unknown[]; service_request_id: string }) => r.possible_duplicates.length > 0 && r.service_request_id !== filed.service_request_id);
    const merged = await api.staffPost(`${API}/road-reports/${dup.service_request_id}/merge`, { into: filed.service_request_id });
    assert.equal(merged.status, 200);
    const mergedView = await merged.json();
    assert.equal(mergedView.status, 'closed');
    assert.equal(mergedView.resolution, 'duplicate');
    assert.equal(mergedView.duplicate_of, filed.service_request_id);
    const close = await api.staff(`${API}/road-reports/${filed.service_request_id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 'closed' }) });
    await assertProblem(close, 422, 'validation', 'resolution');
    const audit = await (await api.staff('/api/v1/audit?limit=100')).text();
    assert.match(audit, /road-report\.(list|view)/);
  });

  it('tells the public in Open311’s status_notes why part of a report is hidden, in XML and JSON, after the officers’ note', async () => {
    const filed = await api.publicRequest(`${O}/requests.json`, form({ jurisdiction_id: DEMO_ROADS_OPD, service_code: 'drainase-tersumbat', address_string: 'Depan rumah Pak RT, Jl. Mawar 3', description: 'Got tersumbat' }));
    assert.equal(filed.status, 201);
    const [{ service_request_id: id }] = await filed.json();
    const before = await (await api.publicRequest(`${O}/requests/${id}.json?${J}`)).json();
    assert.equal(before[0].status_notes, null, 'nothing hidden, no note');
    assert.equal((await api.staffPost(`${API}/road-reports/${id}/moderation`, { hide_address: true, reason: 'Alamat rumah warga tidak ditampilkan' })).status, 200);
    const json = await (await api.publicRequest(`${O}/requests/${id}.json?${J}`)).json();
    assert.equal(json[0].address, null);
    assert.equal(json[0].status_notes, 'Dimoderasi (alamat disembunyikan): Alamat rumah warga tidak ditampilkan');
    const patched = await api.staff(`${API}/road-reports/${id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status_notes: 'Petugas dijadwalkan memeriksa hari Jumat' }) });
    assert.equal(patched.status, 200);
    const both = await (await api.publicRequest(`${O}/requests.json?${J}&service_request_id=${id}`)).json();
    assert.equal(both[0].status_notes, 'Petugas dijadwalkan memeriksa hari Jumat\nDimoderasi (alamat disembunyikan): Alamat rumah warga tidak ditampilkan');
    const xml = await (await api.publicRequest(`${O}/requests/${id}.xml?${J}`)).text();
    assert.match(xml, /<status_notes>Petugas dijadwalkan memeriksa hari Jumat\nDimoderasi \(alamat disembunyikan\): Alamat rumah warga tidak ditampilkan<\/status_notes>/);
    assert.match(xml, /<address\/>/);
    // Our own API keeps the two apart: the officers' note and the moderation's reason.
    const ours = await (await api.publicRequest(`${API}/road-reports/${id}`)).json();
    assert.equal(ours.status_notes, 'Petugas dijadwalkan memeriksa hari Jumat');
    assert.equal(ours.moderation_notes, 'Alamat rumah warga tidak ditampilkan');
    // Shown again, the note goes.
    assert.equal((await api.staffPost(`${API}/road-reports/${id}/moderation`, { hide_address: false, reason: 'Alamat umum, boleh ditampilkan' })).status, 200);
    const shown = await (await api.publicRequest(`${O}/requests/${id}.json?${J}`)).json();
    assert.equal(shown[0].status_notes, 'Petugas dijadwalkan memeriksa hari Jumat');
    assert.equal(shown[0].address, 'Depan rumah Pak RT, Jl. Mawar 3');
  });

  it('puts every status and resolution change by staff in the public timeline, in order, as the OPD’s petugas', async () => {
    const file = async (lat: number) => {
      const response = await api.publicRequest(`${O}/requests.json`, form({ jurisdiction_id: DEMO_ROADS_OPD, service_code: 'jembatan-rusak', lat: String(lat), long: String(point.long), 'attribute[tingkat]': 'sedang' }));
      assert.equal(response.status, 201);
      return ((await response.json()) as Array<{ service_request_id: string }>)[0]!.service_request_id;
    };
    const id = await file(point.lat - 0.003);
    const repeat = await file(point.lat - 0.0031);
    const patch = (body: unknown) => api.staff(`${API}/road-reports/${id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal((await patch({ resolution: 'scheduled' })).status, 200);
    assert.equal((await patch({ status_notes: 'Hanya catatan: tidak mengubah status' })).status, 200);
    assert.equal((await patch({ status: 'closed', resolution: 'fixed', status_notes: 'Lantai jembatan sudah diganti.' })).status, 200);
    assert.equal((await api.staffPost(`${API}/road-reports/${repeat}/merge`, { into: id })).status, 200);

    const [request] = await (await api.publicRequest(`${O}/requests/${id}.json?${J}`)).json();
    const ours = await (await api.publicRequest(`${API}/road-reports/${id}/updates`)).json();
    assert.deepEqual(
      ours.data.map((u: { status: string; resolution: string | null; role: string; author: string; description: string }) => [u.status, u.resolution, u.role, u.author, u.description]),
      [
        ['open', 'scheduled', 'petugas', request.agency_responsible, 'Laporan masih terbuka — perbaikan dijadwalkan.'],
        ['closed', 'fixed', 'petugas', request.agency_responsible, 'Laporan ditutup — sudah diperbaiki. Lantai jembatan sudah diganti.'],
      ],
      'a note alone is no change of status',
    );
    const merged = await (await api.publicRequest(`${API}/road-reports/${repeat}/updates`)).json();
    assert.deepEqual(merged.data.map((u: { status: string; resolution: string | null; description: string }) => [u.status, u.resolution, u.description]), [['closed', 'duplicate', `Laporan ditutup — sama dengan laporan lain. Sama dengan laporan ${id}.`]]);

    const all = await (await api.publicRequest(`${O}/servicerequestupdates.json?${J}`)).json();
    const mine = all.filter((u: { service_request_id: string }) => u.service_request_id === id || u.service_request_id === repeat);
    assert.deepEqual(mine.map((u: { service_request_id: string; status: string; resolution: string | null }) => [u.service_request_id, u.status, u.resolution]), [[id, 'open', 'scheduled'], [id, 'closed', 'fixed'], [repeat, 'closed', 'duplicate']]);
    assert.deepEqual(Object.keys(mine[0]), ['update_id', 'service_request_id', 'status', 'resolution', 'updated_datetime', 'description', 'media_url', 'role', 'author']);
    const xml = await (await api.publicRequest(`${O}/servicerequestupdates.xml?${J}`)).text();
    const entries = [...xml.matchAll(/<request_update>([\s\S]*?)<\/request_update>/g)].map((m) => m[1]!).filter((e) => e.includes(`<service_request_id>${id}</service_request_id>`));
    assert.equal(entries.length, 2);
    assert.match(entries[1]!, /<status>closed<\/status>\n\s+<resolution>fixed<\/resolution>/);
    assert.match(entries[1]!, /<role>petugas<\/role>/);
  });

  it('filters the staff inbox by resolution on the server, none meaning not resolved yet, and names a wrong one', async () => {
    const read = async (query: string) => ((await (await api.staff(`${API}/road-report-inbox?limit=100&${query}`)).json()) as { data: Array<{ resolution: string | null; service_request_id: string }> }).data;
    const all = await read('');
    const fixed = await read('resolution=fixed');
    assert.ok(fixed.length >= 2, 'the demo’s fixed report and those fixed above');
    assert.ok(fixed.every((r) => r.resolution === 'fixed'));
    assert.deepEqual(fixed.map((r) => r.service_request_id), all.filter((r) => r.resolution === 'fixed').map((r) => r.service_request_id));
    const none = await read('resolution=none');
    assert.ok(none.length > 0 && none.every((r) => r.resolution === null));
    assert.equal(none.length + all.filter((r) => r.resolution !== null).length, all.length);
    const scheduled = await read('resolution=scheduled&status=open');
    assert.ok(scheduled.every((r) => r.resolution === 'scheduled'));
    await assertProblem(await api.staff(`${API}/road-report-inbox?resolution=selesai`), 400, 'validation', 'resolution');
  });

  it('answers no public request with the reporter’s contact', async () => {
    for (const path of [`${O}/requests.json?${J}`, `${O}/requests.xml?${J}`, `${API}/road-reports`]) {
      const text = await (await api.publicRequest(path)).text();
      for (const value of Object.values(REPORTER)) assert.ok(!text.includes(value), `${path} shows ${value}`);
    }
  });
});
