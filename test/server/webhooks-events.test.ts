/**
 * The modules' events reach a webhook: a road report filed through Open311 and closed, an
 * agenda event scheduled, edited, postponed and cancelled, an innovation submitted, returned,
 * submitted again and verified, a SIAP question's status changes, a CSR proposal recorded,
 * decided and funded, a service standard's versions. Each goes through the outbox, the dispatcher and the
 * `webhook-deliver` job to a real receiver, signed, with a payload that matches its topic's
 * schema in the catalogue and carries no personal data. On the store of `STORE` (PGlite by
 * default): the demo data every module needs is a slow seed to make twice.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import * as z from 'zod/mini';
import { webhookEvent, webhookTopics, webhookWithSecret, type WebhookTopic } from '../../src/schemas/webhooks.js';
import { verifyWebhook } from '../../src/webhooks.js';
import type { Database } from '../../server/src/db/schema.js';
import { dispatchOutbox } from '../../server/src/jobs/dispatch.js';
import { serverModules } from '../../server/src/modules/index.js';
import { deliverDue } from '../../server/src/webhooks/deliveries.js';
import { assertShape, runningClock, SUITE_START } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { question } from '../helpers/siap.js';
import { jobContext, startReceiver, type Receiver } from '../helpers/webhooks.js';

const REPORTER = { first: 'Sutrisno', last: 'Pelapor', email: 'sutrisno.pelapor@warga.test', phone: '0812 3456 7788' };

describe('modules’ events reach a webhook', () => {
  const clock = runningClock(SUITE_START);
  let server: TestServer;
  let receiver: Receiver;
  const secrets = new Map<string, string>();

  before(async () => {
    server = await startTestServer({ now: clock.now });
    receiver = await startReceiver();
    for (const opd of ['dinas-pupr', 'sekretariat-dprd', 'bpkad', 'bappeda', 'dpmptsp']) {
      const response = await call('admin@lahat.demo', 'POST', `/api/v1/opds/${opd}/webhooks`, { url: `${receiver.url}/${opd}`, topics: null });
      secrets.set(opd, assertShape(webhookWithSecret, await response.json(), 'webhook').secret);
    }
  });
  after(async () => {
    await receiver?.close();
    await server?.close();
  });

  async function call(email: string, method: string, path: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${await server.tokenFor(email)}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.ok(response.status < 300, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
    return response;
  }

  /** Dispatches the outbox and runs the sender, as the scheduler would; answers the events the receiver got since `from`. */
  async function deliverAll(from: number) {
    const db = server.db as unknown as Kysely<Database>;
    while ((await dispatchOutbox(db, serverModules, clock.now())) > 0);
    await deliverDue(jobContext(db, server.settings, clock.now));
    return Promise.all(
      receiver.received.slice(from).map(async (got) => {
        const event = assertShape(webhookEvent, JSON.parse(got.raw), 'delivery');
        const check = await verifyWebhook(secrets.get(event.opd)!, got.raw, got.headers['opd-signature'] as string, { now: clock.now() });
        assert.equal(check.ok, true, `${event.type} is signed with ${event.opd}’s secret`);
        assert.equal(got.headers['opd-event-type'], event.type);
        const schema = webhookTopics[event.type as WebhookTopic];
        assert.ok(schema, `${event.type} is in the catalogue`);
        assertShape(schema, event.data, `${event.type} payload`);
        const known = Object.keys((schema as z.ZodMiniObject).shape);
        for (const key of Object.keys(event.data)) assert.ok(known.includes(key), `${event.type}: ${key} is in its schema`);
        for (const value of Object.values(REPORTER)) assert.equal(got.raw.includes(value), false, `no personal data in ${event.type}`);
        return event;
      }),
    );
  }

  it('tells of a road report received and its status changed', async () => {
    const from = receiver.received.length;
    const form = new URLSearchParams({
      jurisdiction_id: 'dinas-pupr',
      service_code: 'drainase-tersumbat',
      address_string: 'Simpang Tebing Tinggi',
      'attribute[genangan]': 'ya',
      first_name: REPORTER.first,
      last_name: REPORTER.last,
      email: REPORTER.email,
      phone: REPORTER.phone,
    });
    const filed = await fetch(`${server.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    assert.equal(filed.status, 201, await filed.clone().text());
    const [receipt] = (await filed.json()) as [{ service_request_id: string }];
    await call('admin@lahat.demo', 'PATCH', `/api/v1/opds/dinas-pupr/road-reports/${receipt.service_request_id}`, { status: 'closed', resolution: 'fixed' });
    const events = await deliverAll(from);
    assert.deepEqual(events.map((e) => e.type), ['road-report.received', 'road-report.status-changed']);
    assert.deepEqual(events[0]!.data, { opd: 'dinas-pupr', reportId: receipt.service_request_id, serviceCode: 'drainase-tersumbat', status: 'open', segmentId: events[0]!.data.segmentId });
    assert.deepEqual(events[1]!.data, { opd: 'dinas-pupr', reportId: receipt.service_request_id, status: 'closed', resolution: 'fixed', previousStatus: 'open', previousResolution: null });
  });

  it('tells of an agenda event published, changed, postponed and cancelled, with its SEQUENCE', async () => {
    const from = receiver.received.length;
    const base = '/api/v1/opds/sekretariat-dprd/events';
    const created = (await (await call('admin@lahat.demo', 'POST', base, { title: 'Rapat uji', body: 'komisi-1', kind: 'rapat-komisi', startsAt: '2026-12-29T09:00', endsAt: '2026-12-29T11:00' })).json()) as { id: number };
    await call('admin@lahat.demo', 'PATCH', `${base}/${created.id}`, { place: 'Aula Gedung DPRD' });
    await call('admin@lahat.demo', 'POST', `${base}/${created.id}/postpone`, { startsAt: '2026-12-30T09:00', reason: 'Ketua Komisi I dinas luar' });
    await call('admin@lahat.demo', 'POST', `${base}/${created.id}/cancel`, { reason: 'bertepatan dengan kunjungan Gubernur' });
    const events = await deliverAll(from);
    assert.deepEqual(events.map((e) => [e.type, e.data.sequence]), [
      ['agenda-event.published', 0],
      ['agenda-event.changed', 1],
      ['agenda-event.changed', 2],
      ['agenda-event.cancelled', 3],
    ]);
    assert.ok(events.every((e) => e.data.eventId === created.id));
    assert.deepEqual(events[1]!.data.changes, ['place']);
    assert.deepEqual(events[2]!.data.changes, ['postponed']);
    assert.equal(events[2]!.data.startsAt, '2026-12-30T02:00:00.000Z');
  });

  it('tells of an innovation submitted, returned and verified, to the innovation’s OPD', async () => {
    const opds = (server.db as unknown as Kysely<Database>).updateTable('opds');
    await opds.set({ modules: JSON.stringify(['siap', 'innovation']) }).where('slug', '=', 'bpkad').execute();
    const from = receiver.received.length;
    const created = (await (
      await call('bpkad@lahat.demo', 'POST', '/api/v1/opds/bpkad/innovations', {
        name: 'Loket Konsultasi Keuangan Desa',
        type: 'pelayanan-publik',
        digital: false,
        stage: 'uji-coba',
        stageDates: { inisiatif: '2024-08-01', 'uji-coba': '2025-01-15' },
        startDate: '2024-08-01',
        problem: 'Bendahara desa datang ke kantor berulang kali.',
        solution: 'Loket konsultasi terjadwal di kecamatan.',
        benefits: 'Perjalanan bendahara desa berkurang.',
        budgetSource: 'APBD',
        contact: { name: `${REPORTER.first} ${REPORTER.last}`, phone: REPORTER.phone, email: REPORTER.email },
      })
    ).json()) as { id: number };
    const path = `/api/v1/opds/bpkad/innovations/${created.id}`;
    await call('bpkad@lahat.demo', 'POST', `${path}/submit`);
    await call('bappeda@lahat.demo', 'POST', `/api/v1/opds/bappeda/innovation-reviews/${created.id}/return`, { comment: 'Lampirkan SK penetapan inovasi.' });
    await call('bpkad@lahat.demo', 'POST', `${path}/submit`);
    await call('bappeda@lahat.demo', 'POST', `/api/v1/opds/bappeda/innovation-reviews/${created.id}/verify`, {});
    const events = await deliverAll(from);
    assert.deepEqual(events.map((e) => e.type), ['innovation.submitted', 'innovation.returned', 'innovation.submitted', 'innovation.verified']);
    assert.ok(events.every((e) => e.opd === 'bpkad' && e.data.innovationId === created.id));
    assert.equal(events[3]!.data.reviewer, 'bappeda');
  });

  it('tells of a SIAP question’s status changes, with the status it left', async () => {
    const from = receiver.received.length;
    const asked = await fetch(`${server.url}/api/v1/opds/bpkad/consultations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `webhook-events-${Date.now()}` },
      body: JSON.stringify(question({ name: `${REPORTER.first} ${REPORTER.last}`, email: REPORTER.email, phone: REPORTER.phone })),
    });
    assert.equal(asked.status, 201, await asked.clone().text());
    const { trackingCode } = (await asked.json()) as { trackingCode: string };
    const path = `/api/v1/opds/bpkad/consultations/${trackingCode}/status`;
    await call('bpkad@lahat.demo', 'POST', path, { status: 'in_progress', note: 'Sedang kami periksa.' });
    await call('bpkad@lahat.demo', 'POST', path, { status: 'closed', note: 'Selesai.' });
    const events = (await deliverAll(from)).filter((e) => e.type === 'consultation.status-changed');
    assert.deepEqual(events.map((e) => [e.data.trackingCode, e.data.previousStatus, e.data.status]), [
      [trackingCode, 'received', 'in_progress'],
      [trackingCode, 'in_progress', 'closed'],
    ]);
  });

  it('tells of a CSR proposal recorded and decided, and a programme registered from it (SIP BENAR)', async () => {
    const from = receiver.received.length;
    const base = '/api/v1/opds/bappeda/csr';
    const proposal = (await (
      await call('bappeda@lahat.demo', 'POST', `${base}/proposals`, {
        title: 'Jembatan gantung Desa Uji',
        field: 'infrastruktur',
        kecamatan: 'Jarai',
        desa: 'Serambi',
        year: 2025,
        estimatedCost: 90_000_000,
        proposer: 'Pemerintah Desa Serambi',
        contact: { name: `${REPORTER.first} ${REPORTER.last}`, phone: REPORTER.phone },
        submittedOn: '2025-01-10',
      })
    ).json()) as { id: number };
    const companies = (await (await call('bappeda@lahat.demo', 'GET', `${base}/staff/companies`)).json()) as { data: Array<{ id: number }> };
    const companyId = companies.data[0]!.id;
    await call('bappeda@lahat.demo', 'POST', `${base}/proposals/${proposal.id}/decision`, { decision: 'approve', companyId });
    const program = (await (await call('bappeda@lahat.demo', 'POST', `${base}/programs`, { title: 'Jembatan gantung Desa Uji', proposalId: proposal.id, committed: 85_000_000, doubleFundingReason: 'Uji webhook' })).json()) as { id: number };
    const events = await deliverAll(from);
    assert.deepEqual(events.map((e) => e.type), ['csr-proposal.received', 'csr-proposal.decided', 'csr-program.registered']);
    assert.deepEqual(events[0]!.data, { opd: 'bappeda', proposalId: proposal.id, field: 'infrastruktur', year: 2025 });
    assert.deepEqual(events[1]!.data, { opd: 'bappeda', proposalId: proposal.id, decision: 'approved', companyId });
    assert.deepEqual(events[2]!.data, { opd: 'bappeda', programId: program.id, status: 'approved', year: 2025, committed: 85_000_000, proposalId: proposal.id });
  });

  it('tells of a service standard’s versions, with the day each takes effect (Layanan)', async () => {
    const from = receiver.received.length;
    const standard = {
      name: 'Izin Uji Webhook',
      category: 'perizinan',
      summary: 'Layanan uji untuk pemberitahuan webhook.',
      online: false,
      offline: true,
      requirements: ['Fotokopi KTP-el pemohon'],
      procedure: ['Pemohon mengajukan berkas di loket', 'Penerbitan izin'],
      duration: { text: '3 hari kerja', workingDays: 3 },
      cost: { free: true },
      product: 'Surat izin',
      complaints: ['SP4N-LAPOR!: www.lapor.go.id'],
      hours: [{ days: [1, 2, 3, 4], opens: '08:00', closes: '15:30' }],
      location: { name: 'Loket DPMPTSP', address: null },
      internal: { legalBasis: ['Perda (uji)'], competence: 'Pelaksana terlatih', facilitiesDisability: 'Loket prioritas', staffCount: 2 },
    };
    await call('dpmptsp@lahat.demo', 'POST', '/api/v1/opds/dpmptsp/services', { ...standard, slug: 'izin-uji-webhook', effectiveOn: '2025-01-02' });
    await call('dpmptsp@lahat.demo', 'POST', '/api/v1/opds/dpmptsp/services/izin-uji-webhook/versions', { ...standard, effectiveOn: '2099-01-02', changeNote: 'Uji webhook' });
    const events = await deliverAll(from);
    assert.deepEqual(events.map((e) => e.data), [
      { opd: 'dpmptsp', service: 'izin-uji-webhook', version: 1, effectiveOn: '2025-01-02' },
      { opd: 'dpmptsp', service: 'izin-uji-webhook', version: 2, effectiveOn: '2099-01-02' },
    ]);
    assert.ok(events.every((e) => e.type === 'service-standard.versioned'));
  });
});
