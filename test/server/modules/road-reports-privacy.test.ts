/**
 * Perjaka's reporters in the privacy registry, on both stores: a regency admin's personal-data
 * export finds every report a citizen filed (by e-mail, or by phone however it was written),
 * with their contact and what they wrote; erasure empties the contact and device id and takes
 * their name and number out of the description (the report stays, anonymous, still public); the
 * retention period does the same for reports closed before it, and leaves open ones alone.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../../server/src/db/schema.js';
import { silentLogger } from '../../../server/src/log.js';
import { serverModules } from '../../../server/src/modules/index.js';
import { ERASED_NAME } from '../../../server/src/modules/roads/privacy.js';
import { DEMO_ROADS_OPD } from '../../../server/src/modules/roads/seed.js';
import { runRetention } from '../../../server/src/privacy/retention.js';
import { roadReportStaff } from '../../../src/schemas/open311-staff.js';
import { personalDataExport } from '../../../src/schemas/privacy.js';
import { assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';

const DAY = 86_400_000;
const API = `/api/v1/opds/${DEMO_ROADS_OPD}`;
const WATI = { first_name: 'Suwarti', last_name: 'Kartodiharjo', email: 'suwarti.lapor@contoh.id', phone: '0813 5550 9876', device_id: 'device-wati-01' };
const OLD = { first_name: 'Bambang', last_name: 'Prawirosastro', email: 'bambang.lama@contoh.id' };
registerPersonalData({ module: 'perjaka-privacy', values: [WATI.first_name, WATI.last_name, WATI.email, '081355509876', WATI.device_id, OLD.first_name, OLD.last_name, OLD.email] });

describeApi('Perjaka reporters’ personal data', { publicResponses: 3 }, (api) => {
  const json = (method: string, body: unknown) => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const file = async (body: Record<string, unknown>) => {
    const response = await api.publicRequest(`${API}/road-reports`, json('POST', body));
    assert.equal(response.status, 201, await response.clone().text());
    return ((await response.json()) as { service_request_id: string }).service_request_id;
  };
  const staffView = async (id: string) => assertShape(roadReportStaff, await (await api.staff(`${API}/road-report-inbox/${id}`)).json(), 'staff report');
  let own: string;
  let viaOpen311: string;

  it('exports every report a citizen filed, found by e-mail or by the phone number however written', async () => {
    own = await file({ service_code: 'longsor', address_string: 'Desa Muara Lawai', description: 'Longsor di depan rumah Bu Suwarti, hubungi 0813-5550-9876', attribute: { tingkat: 'berat', akses: 'sebagian' }, ...WATI, consent: true });
    const form = new URLSearchParams({ jurisdiction_id: DEMO_ROADS_OPD, service_code: 'jalan-berlubang', address_string: 'Jl. Lintas Lahat', 'attribute[tingkat]': 'sedang', phone: '+62 813-5550-9876', first_name: WATI.first_name });
    const posted = await api.publicRequest('/open311/v2/requests.json', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    assert.equal(posted.status, 201);
    viaOpen311 = ((await posted.json()) as Array<{ service_request_id: string }>)[0]!.service_request_id;

    const byEmail = assertShape(personalDataExport, await (await api.staffPost('/api/v1/personal-data/export', { email: 'Suwarti.Lapor@contoh.id' })).json(), 'export');
    const mine = byEmail.records.filter((r) => r.module === 'perjaka');
    assert.deepEqual(mine.map((r) => r.subject), [own]);
    assert.equal(mine[0]!.opd, DEMO_ROADS_OPD);
    assert.deepEqual([mine[0]!.data.firstName, mine[0]!.data.email, mine[0]!.data.phone, mine[0]!.data.deviceId], [WATI.first_name, WATI.email, WATI.phone, WATI.device_id]);
    assert.match(String(mine[0]!.data.description), /Bu Suwarti/);
    assert.ok(mine[0]!.data.consentAt, 'when consent was given');

    const byPhone = assertShape(personalDataExport, await (await api.staffPost('/api/v1/personal-data/export', { phone: '6281355509876' })).json(), 'export');
    assert.deepEqual(byPhone.records.filter((r) => r.module === 'perjaka').map((r) => r.subject).sort(), [own, viaOpen311].sort());
  });

  it('erases the contact and every mention of the name and number; the report stays public and anonymous', async () => {
    const erased = await api.staffPost('/api/v1/personal-data/erase', { email: WATI.email, phone: WATI.phone });
    assert.equal(erased.status, 200, await erased.clone().text());
    for (const id of [own, viaOpen311]) {
      const view = await staffView(id);
      assert.deepEqual(view.reporter, { first_name: null, last_name: null, email: null, phone: null, device_id: null }, `report ${id}`);
    }
    const view = await staffView(own);
    assert.equal(view.moderation.original_description, `Longsor di depan rumah Bu ${ERASED_NAME}, hubungi ${ERASED_NAME}`);
    const pub = await api.publicRequest(`${API}/road-reports/${own}`);
    assert.equal(pub.status, 200);
    assert.equal(((await pub.json()) as { address: string }).address, 'Desa Muara Lawai');
    const again = assertShape(personalDataExport, await (await api.staffPost('/api/v1/personal-data/export', { email: WATI.email, phone: WATI.phone })).json(), 'export');
    assert.deepEqual(again.records.filter((r) => r.module === 'perjaka'), [], 'nothing left to find');
    const audit = await (await api.staff('/api/v1/audit?limit=20')).text();
    assert.match(audit, /personal-data\.erase/);
  });

  it('erases the contact of reports closed before the retention period, and keeps open ones’', async () => {
    const deps = { db: api.server.db as unknown as Kysely<Database>, now: api.clock.now, log: silentLogger, modules: serverModules };
    assert.equal((await api.staff('/api/v1/privacy', json('PUT', { contactRetentionDays: 30 }))).status, 200);
    const closed = await file({ service_code: 'drainase-tersumbat', address_string: 'Pasar Bawah', description: 'Dilaporkan oleh Bambang', ...OLD, consent: true });
    const open = await file({ service_code: 'drainase-tersumbat', address_string: 'Pasar Atas', ...OLD, email: 'bambang.lama@contoh.id', consent: true });
    const patched = await api.staff(`${API}/road-reports/${closed}`, json('PATCH', { status: 'closed', resolution: 'fixed' }));
    assert.equal(patched.status, 200);
    api.clock.advance(31 * DAY);
    const run = await runRetention(deps);
    assert.equal(run.outcome, 'ran');
    assert.ok((run.erased.perjaka ?? 0) >= 1, JSON.stringify(run.erased));
    const gone = await staffView(closed);
    assert.equal(gone.reporter.email, null);
    assert.equal(gone.moderation.original_description, `Dilaporkan oleh ${ERASED_NAME}`);
    assert.equal((await staffView(open)).reporter.email, OLD.email, 'an open report keeps its reporter');
    assert.equal((await api.staff('/api/v1/privacy', json('PUT', { contactRetentionDays: null }))).status, 200);
  });
});
