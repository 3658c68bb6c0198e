/**
 * Perjaka's reports beyond the demo OPD, on both stores: a real agency that switches Perjaka
 * on (added with it, or switched on later) offers the four default services with their
 * attributes at once and takes reports under them; photo and discovery links are built from
 * `PUBLIC_URL` when it is set (a backend behind a proxy, under a path), else from the
 * forwarded host behind `TRUST_PROXY`, and a forged forwarded host is not used.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEMO_ROADS_OPD } from '../../../server/src/modules/roads/seed.js';
import { loadSettings, SettingsError } from '../../../server/src/settings.js';
import { roadReportPhoto } from '../../../src/schemas/open311.js';
import { assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';
import { jpegWithGps } from '../../helpers/photo-files.js';

const REPORTER = { first_name: 'Ratnasari', last_name: 'Hadikusumo', email: 'ratnasari.pelapor@contoh.id', phone: '081355501234', consent: true };
registerPersonalData({ module: 'perjaka-rollout', values: [REPORTER.first_name, REPORTER.last_name, REPORTER.email, REPORTER.phone] });

const DEFAULT_CODES = ['jalan-berlubang', 'longsor', 'drainase-tersumbat', 'jembatan-rusak'];
const json = (body: unknown) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describeApi('Perjaka switched on for a real Dinas PUPR', { publicResponses: 6, settings: { trustProxy: true } }, (api) => {
  it('offers the four default services with their attributes to an agency added with Perjaka on, and takes a report', async () => {
    const created = await api.staffPost('/api/v1/opds', { slug: 'dinas-pupr-muara-enim', name: 'Dinas PUPR Kabupaten Muara Enim', modules: ['perjaka'] });
    assert.equal(created.status, 201);
    const services = await (await api.publicRequest('/open311/v2/services.json?jurisdiction_id=dinas-pupr-muara-enim')).json();
    assert.deepEqual(services.map((s: { service_code: string }) => s.service_code), DEFAULT_CODES);
    const definition = await (await api.publicRequest('/open311/v2/services/longsor.json?jurisdiction_id=dinas-pupr-muara-enim')).json();
    assert.deepEqual(definition.attributes.map((a: { code: string; required: boolean }) => [a.code, a.required]), [['tingkat', true], ['akses', true]]);
    const filed = await api.publicRequest('/api/v1/opds/dinas-pupr-muara-enim/road-reports', json({ service_code: 'jembatan-rusak', address_string: 'Jembatan Desa Tanjung Raja', attribute: { tingkat: 'berat', bagian: ['lantai'] }, ...REPORTER }));
    assert.equal(filed.status, 201);
    // Asked a second time, still four: added once.
    const again = await (await api.publicRequest('/api/v1/opds/dinas-pupr-muara-enim/road-report-services')).json();
    assert.deepEqual(again.data.map((s: { service_code: string }) => s.service_code), DEFAULT_CODES);
    assert.equal(again.data[3].attributes.find((a: { code: string }) => a.code === 'bagian').datatype, 'multivaluelist');
  });

  it('files the first report of an agency that switched Perjaka on later, before anyone listed its services', async () => {
    const created = await api.staffPost('/api/v1/opds', { slug: 'dinas-pupr-empat-lawang', name: 'Dinas PUPR Kabupaten Empat Lawang' });
    assert.equal(created.status, 201);
    const off = await api.publicRequest('/api/v1/opds/dinas-pupr-empat-lawang/road-report-services');
    assert.equal(off.status, 404, 'Perjaka is off');
    const on = await api.staff('/api/v1/opds/dinas-pupr-empat-lawang/modules', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ modules: ['perjaka'] }) });
    assert.equal(on.status, 200);
    const form = new URLSearchParams({ jurisdiction_id: 'dinas-pupr-empat-lawang', service_code: 'drainase-tersumbat', address_string: 'Simpang Tebing Tinggi', 'attribute[genangan]': 'ya' });
    const filed = await api.publicRequest('/open311/v2/requests.json', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    assert.equal(filed.status, 201, await filed.clone().text());
    const [receipt] = await filed.json();
    const one = await (await api.publicRequest(`/open311/v2/requests/${receipt.service_request_id}.json?jurisdiction_id=dinas-pupr-empat-lawang`)).json();
    assert.equal(one[0].service_name, 'Drainase tersumbat');
    assert.equal(one[0].agency_responsible, 'Dinas PUPR Kabupaten Empat Lawang');
  });

  it('builds photo links from the forwarded host and scheme behind TRUST_PROXY, ignoring a forwarded host that is no host', async () => {
    const upload = (headers: Record<string, string>) =>
      api.publicRequest(`/api/v1/opds/${DEMO_ROADS_OPD}/road-report-photos`, { method: 'POST', headers: { 'Content-Type': 'image/jpeg', ...headers }, body: new Uint8Array(jpegWithGps()) });
    const behind = assertShape(roadReportPhoto, await (await upload({ 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'jalan.lahatkab.go.id' })).json(), 'photo');
    assert.match(behind.mediaUrl, /^https:\/\/jalan\.lahatkab\.go\.id\/media\/road-photos\/[a-z0-9]+\.jpg$/);
    const forged = assertShape(roadReportPhoto, await (await upload({ 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'evil.example/phish?x=' })).json(), 'photo');
    assert.match(forged.mediaUrl, new RegExp(`^https://${new URL(api.server.url).host}/media/road-photos/`));
    // Written as browsers never send it, the forwarded host is still that host: lower case, no default port.
    const loud = assertShape(roadReportPhoto, await (await upload({ 'X-Forwarded-Proto': 'HTTPS', 'X-Forwarded-Host': 'Jalan.LahatKab.go.id:443, proxy.internal' })).json(), 'photo');
    assert.match(loud.mediaUrl, /^https:\/\/jalan\.lahatkab\.go\.id\/media\/road-photos\//);
    const ported = assertShape(roadReportPhoto, await (await upload({ 'X-Forwarded-Proto': 'gopher', 'X-Forwarded-Host': 'jalan.lahatkab.go.id:8443' })).json(), 'photo');
    assert.match(ported.mediaUrl, new RegExp(`^${new URL(api.server.url).protocol}//jalan\\.lahatkab\\.go\\.id:8443/media/`), 'a scheme other than http(s) is not taken');
  });
});

describeApi('Perjaka behind a proxy with PUBLIC_URL', { publicResponses: 4, settings: { publicUrl: 'https://layanan.lahatkab.go.id/opd-kit' } }, (api) => {
  it('hands out media_url and the discovery endpoint under PUBLIC_URL, whatever host the request came to', async () => {
    const response = await api.publicRequest(`/api/v1/opds/${DEMO_ROADS_OPD}/road-report-photos`, { method: 'POST', headers: { 'Content-Type': 'image/jpeg' }, body: new Uint8Array(jpegWithGps()) });
    const photo = assertShape(roadReportPhoto, await response.json(), 'photo');
    assert.match(photo.mediaUrl, /^https:\/\/layanan\.lahatkab\.go\.id\/opd-kit\/media\/road-photos\/[a-z0-9]+\.jpg$/);
    // The proxy strips /opd-kit: the server itself serves the photo at the rest of the path.
    const served = await api.publicRequest(new URL(photo.mediaUrl).pathname.replace(/^\/opd-kit/, ''));
    assert.equal(served.status, 200);
    const filed = await api.publicRequest(`/api/v1/opds/${DEMO_ROADS_OPD}/road-reports`, json({ service_code: 'drainase-tersumbat', address_string: 'Pasar Lama Lahat', media_url: photo.mediaUrl, ...REPORTER }));
    assert.equal(filed.status, 201, 'a report takes the photo by its public address');
    const { service_request_id: id } = await filed.json();
    const report = await (await api.publicRequest(`/open311/v2/requests/${id}.json?jurisdiction_id=${DEMO_ROADS_OPD}`)).json();
    assert.equal(report[0].media_url, photo.mediaUrl);
    const discovery = await (await api.publicRequest('/open311/v2/discovery.json')).json();
    assert.equal(discovery.endpoints[0].url, 'https://layanan.lahatkab.go.id/opd-kit/open311/v2');
  });

  it('reads PUBLIC_URL without its trailing slash and refuses one that is no http(s) address', () => {
    assert.equal(loadSettings({ PUBLIC_URL: 'https://layanan.lahatkab.go.id/' }).publicUrl, 'https://layanan.lahatkab.go.id');
    assert.equal(loadSettings({}).publicUrl, undefined);
    assert.throws(() => loadSettings({ PUBLIC_URL: 'layanan.lahatkab.go.id' }), (error) => error instanceof SettingsError && /PUBLIC_URL/.test(error.message));
    assert.throws(() => loadSettings({ PUBLIC_URL: 'https://layanan.lahatkab.go.id/?a=1' }), SettingsError);
  });
});
