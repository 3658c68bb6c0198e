/**
 * Layanan's service standards over real HTTP on both stores, as a citizen, OPD staff and the
 * regency admin see them: the directory across OPDs searched the way people type (“ktp”,
 * “izin usaha”, “akta kelahiran”, a typo, a prefix) with filters and pages; one service's
 * standard with the six published components and its SIAP link; an edit as a new version that
 * the public does not see before its effective day in the regency's time zone; the history;
 * the compliance checklist per OPD and regency-wide, and changing it; who may do what.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEMO_SERVICES } from '../../../server/src/modules/services/seed.js';
import { complianceChecklist, complianceReport, service, serviceList, type Service, type ServiceList } from '../../../src/schemas/services.js';
import { serviceHistory, serviceStaff, serviceStaffList, type ServiceCreateInput } from '../../../src/schemas/services-staff.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';

// Standards carry no citizen's data; who wrote a version (a staff member) is the staff's to see only.
registerPersonalData({ module: 'layanan', values: ['Petugas DPMPTSP (demo)', 'dpmptsp@lahat.demo', 'Admin Diskominfo (demo)'] });

const DPMPTSP = 'dpmptsp@lahat.demo';
const DUKCAPIL = 'disdukcapil@lahat.demo';
const ADMIN = 'admin@lahat.demo';

/** A standard as staff write it (a service of DPMPTSP's that only these tests make). */
const standard = (extra: Partial<ServiceCreateInput> = {}): ServiceCreateInput => ({
  slug: 'izin-reklame',
  name: 'Izin Penyelenggaraan Reklame',
  category: 'perizinan',
  summary: 'Izin memasang papan reklame, spanduk dan baliho di wilayah Kabupaten Lahat.',
  online: false,
  offline: true,
  requirements: ['Fotokopi KTP-el pemohon', 'Desain dan ukuran reklame', 'Foto lokasi pemasangan'],
  procedure: ['Pemohon mengajukan berkas di loket', 'Pemeriksaan lokasi', 'Penetapan retribusi', 'Penerbitan izin'],
  duration: { text: '3 hari kerja', workingDays: 3 },
  cost: { free: false, amount: 250000, legalBasis: 'Perda Kabupaten Lahat tentang Pajak Daerah dan Retribusi Daerah (uji)' },
  product: 'Surat Izin Penyelenggaraan Reklame',
  complaints: ['SP4N-LAPOR!: www.lapor.go.id'],
  hours: [{ days: [1, 2, 3, 4], opens: '08:00', closes: '15:30' }],
  location: { name: 'Loket DPMPTSP', address: null },
  internal: { legalBasis: ['Perda Reklame (uji)'], competence: 'Pelaksana terlatih', facilitiesDisability: 'Loket prioritas', staffCount: 2 },
  effectiveOn: '2025-01-02',
  ...extra,
});

describeApi('Layanan: service standards', { publicResponses: 25 }, (api) => {
  const send = (email: string, path: string, body?: unknown, method = 'POST') =>
    api.as(email, path, { method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const directory = async (query: string): Promise<ServiceList> => {
    const response = await api.publicRequest(`/api/v1/services${query}`);
    assert.equal(response.status, 200, await response.clone().text());
    return assertShape(serviceList, await response.json(), 'directory');
  };
  const slugs = (list: ServiceList) => list.data.map((s) => s.slug);
  const publicService = async (opd: string, slug: string): Promise<Service> => {
    const response = await api.publicRequest(`/api/v1/opds/${opd}/services/${slug}`);
    assert.equal(response.status, 200, await response.clone().text());
    return assertShape(service, await response.json(), 'service');
  };

  it('lists the demo’s services of DPMPTSP, Disdukcapil, Dinas Kesehatan and RSUD in one directory', async () => {
    const all = await directory('?limit=100');
    assert.equal(all.total, DEMO_SERVICES.length);
    assert.deepEqual(new Set(all.data.map((s) => s.opd.slug)), new Set(['dpmptsp', 'disdukcapil', 'dinas-kesehatan', 'rsud']));
    assert.ok(all.data.every((s) => s.isDemo));
    assert.ok(all.data.every((s) => s.requirements.length > 0 && s.procedure.length > 0), 'every demo standard lists requirements and steps');
  });

  it('finds the KTP-el service first for “ktp”, and the NIB help for “izin usaha”', async () => {
    const ktp = await directory('?q=ktp');
    assert.equal(ktp.data[0]?.slug, 'ktp-el', `“ktp” found ${slugs(ktp).join(', ')}`);
    assert.ok(ktp.total > 1, 'other services that ask for a KTP-el come after it');
    const izin = await directory('?q=izin%20usaha');
    assert.deepEqual(slugs(izin), ['izin-usaha-nib'], 'every word must match: “izin” and “usaha”');
  });

  it('ranks the birth certificate first for “akta kelahiran”, and forgives a typo and a prefix', async () => {
    const birth = await directory('?q=akta%20kelahiran');
    assert.equal(birth.data[0]?.slug, 'akta-kelahiran', `found ${slugs(birth).join(', ')}`);
    assert.ok(!slugs(birth).includes('akta-kematian'), 'a death certificate is not a birth certificate');
    const typo = await directory('?q=akta%20kelahrian');
    assert.equal(typo.data[0]?.slug, 'akta-kelahiran', `the typo “kelahrian” found ${slugs(typo).join(', ')}`);
    const prefix = await directory('?q=akt');
    for (const slug of ['akta-kelahiran', 'akta-kematian']) assert.ok(slugs(prefix).includes(slug), `“akt” finds ${slug}`);
    const accents = await directory('?q=K%C3%81RTU%20keluarga');
    assert.equal(accents.data[0]?.slug, 'kartu-keluarga', 'case and accents do not matter');
    assert.equal((await directory('?q=zzqqxx')).total, 0);
  });

  it('filters by OPD, category, online and free, and pages without repeats', async () => {
    const rsud = await directory('?opd=rsud');
    assert.deepEqual(new Set(slugs(rsud)), new Set(['rawat-jalan', 'surat-keterangan-sehat']));
    const paid = await directory('?free=false&limit=100');
    assert.deepEqual(new Set(slugs(paid)), new Set(DEMO_SERVICES.filter((s) => !s.standard.cost.free).map((s) => s.slug)));
    assert.ok(paid.data.every((s) => !s.cost.free && s.cost.legalBasis), 'a cost names its legal basis');
    const counterOnly = await directory('?online=false&limit=100');
    assert.deepEqual(new Set(slugs(counterOnly)), new Set(DEMO_SERVICES.filter((s) => !s.standard.online).map((s) => s.slug)));
    const civil = await directory('?category=kependudukan&free=true');
    assert.equal(civil.total, 5);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await directory(`?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.data.length <= 4);
      seen.push(...page.data.map((s) => `${s.opd.slug}/${s.slug}`));
      cursor = page.nextCursor;
    }
    assert.equal(seen.length, DEMO_SERVICES.length);
    assert.equal(new Set(seen).size, seen.length, 'no service twice across pages');
    await assertProblem(await api.publicRequest('/api/v1/services?free=maybe'), 400, 'validation', 'free');
    await assertProblem(await api.publicRequest('/api/v1/services?category=pajak'), 400, 'validation', 'category');
    await assertProblem(await api.publicRequest('/api/v1/services?cursor=bm90LWEtY3Vyc29y'), 400, 'validation', 'cursor');
  });

  it('links every demo service to a SIAP form its OPD can take a question on: one with categories to choose from', async () => {
    const linked = (await directory('?limit=100')).data.filter((s) => s.consultation);
    const opds = [...new Set(linked.map((s) => s.consultation!.opd))].sort();
    assert.deepEqual(opds, ['dinas-kesehatan', 'disdukcapil', 'dpmptsp', 'rsud']);
    for (const opd of opds) {
      const view = (await (await api.publicRequest(`/api/v1/opds/${opd}`)).json()) as { consultationCategories?: Array<{ id: string; name: string }> };
      assert.ok((view.consultationCategories ?? []).length >= 2, `${opd} offers categories on its SIAP form`);
    }
    const dukcapil = (await (await api.publicRequest('/api/v1/opds/disdukcapil')).json()) as { consultationCategories: Array<{ id: string }> };
    assert.ok(dukcapil.consultationCategories.some((c) => c.id === 'ktp-kk'), 'a question about the KTP-el has its category');
  });

  it('shows one service’s published standard with its cost, pledge and the OPD’s SIAP form, and keeps the internal components to staff', async () => {
    const birth = await publicService('disdukcapil', 'akta-kelahiran');
    assert.equal(birth.name, 'Penerbitan Akta Kelahiran');
    assert.ok(birth.requirements.some((r) => /surat keterangan lahir/i.test(r)));
    assert.deepEqual(birth.cost, { free: true, amount: null, note: null, legalBasis: birth.cost.legalBasis });
    assert.match(birth.cost.legalBasis ?? '', /Pasal 79A/);
    assert.match(birth.pledge?.text ?? '', /tanpa biaya/);
    assert.deepEqual(birth.consultation, { opd: 'disdukcapil', path: '/api/v1/opds/disdukcapil/consultations' });
    assert.ok(!('internal' in birth), 'the eight internal components are the unit’s');
    const clinic = await publicService('rsud', 'rawat-jalan');
    assert.equal(clinic.cost.amount, 50000);
    assert.equal(clinic.cost.free, false);
    await assertProblem(await api.publicRequest('/api/v1/opds/disdukcapil/services/akta-cerai'), 404, 'not-found');
    await assertProblem(await api.publicRequest('/api/v1/opds/disdukcapil/services/Akta_Kelahiran'), 404, 'not-found');
    await assertProblem(await api.publicRequest('/api/v1/opds/bpkad/services'), 404, 'module-disabled');
  });

  it('links to SIAP only where the OPD runs it', async () => {
    await api.server.db.updateTable('opds').set({ modules: JSON.stringify(['layanan']) }).where('slug', '=', 'rsud').execute();
    try {
      const list = await directory('?opd=rsud');
      assert.ok(list.data.every((s) => s.consultation === null), 'RSUD without SIAP: no consultation link');
    } finally {
      await api.server.db.updateTable('opds').set({ modules: JSON.stringify(['siap', 'layanan']) }).where('slug', '=', 'rsud').execute();
    }
  });

  it('adds a service with its first standard, which the directory finds, and refuses a slug twice (409)', async () => {
    const created = assertShape(serviceStaff, await (await send(DPMPTSP, '/api/v1/opds/dpmptsp/services', standard())).json(), 'created');
    assert.equal(created.inForce?.name, 'Izin Penyelenggaraan Reklame');
    assert.equal(created.inForce?.internal.staffCount, 2);
    assert.equal(created.versions, 1);
    assert.deepEqual(slugs(await directory('?q=reklame')), ['izin-reklame']);
    const again = await send(DPMPTSP, '/api/v1/opds/dpmptsp/services', standard());
    await assertProblem(again, 409, 'conflict', 'slug');
    const audit = await api.server.db.selectFrom('audit_log').select(['action', 'subject']).where('action', '=', 'service.create').execute();
    assert.deepEqual(audit.map((a) => a.subject), ['service:dpmptsp/izin-reklame']);
  });

  it('refuses a standard that does not say what it costs, or hours that close before they open (422 naming the field)', async () => {
    const noCost = await send(DPMPTSP, '/api/v1/opds/dpmptsp/services', standard({ slug: 'izin-tanpa-biaya', cost: { free: false } }));
    await assertProblem(noCost, 422, 'validation', 'cost.amount');
    const freeWithAmount = await send(DPMPTSP, '/api/v1/opds/dpmptsp/services', standard({ slug: 'izin-x', cost: { free: true, amount: 5000 } }));
    await assertProblem(freeWithAmount, 422, 'validation', 'cost.amount');
    const fraction = await send(DPMPTSP, '/api/v1/opds/dpmptsp/services', standard({ slug: 'izin-x', cost: { free: false, amount: 1500.5, legalBasis: 'Perda' } }));
    await assertProblem(fraction, 422, 'validation', 'cost.amount');
    const hours = await send(DPMPTSP, '/api/v1/opds/dpmptsp/services', standard({ slug: 'izin-x', hours: [{ days: [1], opens: '15:00', closes: '08:00' }] }));
    await assertProblem(hours, 422, 'validation', 'hours.0.closes');
    const taken = await send(DPMPTSP, '/api/v1/opds/dpmptsp/services', standard({ slug: 'compliance' }));
    await assertProblem(taken, 422, 'validation', 'slug');
    const noDay = await send(DPMPTSP, '/api/v1/opds/dpmptsp/services', standard({ slug: 'izin-x', effectiveOn: '2025-02-30' }));
    await assertProblem(noDay, 422, 'validation', 'effectiveOn');
  });

  it('keeps showing the version in force until the next one’s day begins in WIB, then shows it; the history keeps both', async () => {
    const before = await publicService('dpmptsp', 'izin-reklame');
    assert.equal(before.duration.text, '3 hari kerja');
    // The suite's clock is Wednesday 5 March 2025, 10:00 WIB: a version effective on 6 March.
    const edited = await send(DPMPTSP, '/api/v1/opds/dpmptsp/services/izin-reklame/versions', { ...standard(), slug: undefined, duration: { text: '2 hari kerja', workingDays: 2 }, effectiveOn: '2025-03-06', changeNote: 'Dipercepat' });
    assert.equal(edited.status, 201, await edited.clone().text());
    const staff = assertShape(serviceStaff, await edited.json(), 'staff');
    assert.equal(staff.inForce?.duration.text, '3 hari kerja');
    assert.equal(staff.upcoming?.duration.text, '2 hari kerja');
    assert.equal(staff.upcoming?.versionInfo.state, 'upcoming');
    assert.equal((await publicService('dpmptsp', 'izin-reklame')).duration.text, '3 hari kerja', 'not before its day');

    // 23:59 WIB on 5 March: still the old one. 00:00 WIB on 6 March (17:00 UTC on 5 March): the new one.
    const toMidnight = Date.parse('2025-03-05T17:00:00Z') - api.clock.now().getTime();
    api.clock.advance(toMidnight - 60_000);
    try {
      assert.equal((await publicService('dpmptsp', 'izin-reklame')).duration.text, '3 hari kerja', '23:59 WIB');
      api.clock.advance(61_000);
      const after = await publicService('dpmptsp', 'izin-reklame');
      assert.equal(after.duration.text, '2 hari kerja', 'from 00:00 WIB, though UTC is still 5 March');
      assert.deepEqual(after.version, { number: 2, effectiveOn: '2025-03-06' });
    } finally {
      api.clock.advance(-toMidnight - 1_000);
    }

    const history = assertShape(serviceHistory, await (await api.as(DPMPTSP, '/api/v1/opds/dpmptsp/services/izin-reklame/versions')).json(), 'history');
    assert.deepEqual(history.versions.map((v) => [v.versionInfo.number, v.versionInfo.effectiveOn, v.versionInfo.state]), [
      [2, '2025-03-06', 'upcoming'],
      [1, '2025-01-02', 'in-force'],
    ]);
    assert.equal(history.versions[0]?.versionInfo.changeNote, 'Dipercepat');
    assert.equal(history.versions[0]?.versionInfo.createdBy, 'Petugas DPMPTSP (demo)');
  });

  it('refuses a new version effective before today: what the public saw stays as it was', async () => {
    const past = await send(DPMPTSP, '/api/v1/opds/dpmptsp/services/izin-reklame/versions', { ...standard(), slug: undefined, effectiveOn: '2025-03-04' });
    await assertProblem(past, 422, 'validation', 'effectiveOn');
    await assertProblem(await send(DPMPTSP, '/api/v1/opds/dpmptsp/services/tidak-ada/versions', { ...standard(), slug: undefined, effectiveOn: '2025-03-05' }), 404, 'not-found');
  });

  it('lets only the OPD’s own staff (and the regency admin) write its standards', async () => {
    const otherOpd = await send(DUKCAPIL, '/api/v1/opds/dpmptsp/services/izin-reklame/versions', { ...standard(), slug: undefined, effectiveOn: undefined });
    await assertProblem(otherOpd, 403, 'forbidden');
    const anonymous = await api.publicRequest('/api/v1/opds/dpmptsp/services', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(standard({ slug: 'izin-anonim' })) });
    await assertProblem(anonymous, 401, 'unauthorized');
    await assertProblem(await api.publicRequest('/api/v1/opds/dpmptsp/service-standards'), 401, 'unauthorized');
    const byAdmin = await send(ADMIN, '/api/v1/opds/dpmptsp/services/izin-reklame/versions', { ...standard(), slug: undefined, effectiveOn: undefined, changeNote: 'Oleh admin kabupaten' });
    assert.equal(byAdmin.status, 201);
    const list = assertShape(serviceStaffList, await (await api.as(DPMPTSP, '/api/v1/opds/dpmptsp/service-standards')).json(), 'staff list');
    assert.equal(list.data.find((s) => s.slug === 'izin-reklame')?.versions, 3);
    assert.equal(list.data.find((s) => s.slug === 'pbg')?.versions, 2, 'PBG’s older version is kept');
  });

  it('checks every standard against the Ombudsman’s checklist, per OPD and across the regency', async () => {
    const regency = assertShape(complianceReport, await (await api.publicRequest('/api/v1/services/compliance')).json(), 'regency compliance');
    assert.equal(regency.checklist.name, 'Kepatuhan standar pelayanan publik (Ombudsman RI)');
    assert.ok(regency.checklist.items.some((i) => i.component === 'pledge'));
    assert.equal(regency.day, '2025-03-05');
    const health = regency.opds.find((o) => o.slug === 'dinas-kesehatan')!;
    assert.equal(health.missing.pledge, health.services, 'Dinas Kesehatan has no service pledge: every one of its services lacks it');
    assert.equal(health.complete, 0);
    const dukcapil = regency.opds.find((o) => o.slug === 'disdukcapil')!;
    assert.deepEqual(dukcapil.missing, { complaints: 1 });
    assert.equal(dukcapil.percent, 80);
    const sks = regency.items.find((i) => i.slug === 'surat-keterangan-sehat')!;
    assert.deepEqual(sks.missing, ['facilitiesDisability', 'competence']);
    assert.equal(regency.services, regency.items.length);
    assert.equal(regency.complete, regency.items.filter((i) => i.complete).length);
    assert.equal(regency.percent, Math.round((regency.complete / regency.services) * 10000) / 100);
    assert.ok(regency.items.findIndex((i) => i.complete) > regency.items.findIndex((i) => !i.complete), 'incomplete ones first');

    const own = assertShape(complianceReport, await (await api.publicRequest('/api/v1/opds/dpmptsp/services/compliance')).json(), 'dpmptsp compliance');
    assert.deepEqual(own.opds.map((o) => o.slug), ['dpmptsp']);
    assert.ok(own.items.every((i) => i.opd === 'dpmptsp'));
    const lacking = assertShape(complianceReport, await (await api.publicRequest('/api/v1/services/compliance?missing=pledge')).json(), 'missing pledge');
    assert.ok(lacking.items.length > 0 && lacking.items.every((i) => i.opd === 'dinas-kesehatan'));
    await assertProblem(await api.publicRequest('/api/v1/services/compliance?missing=halal'), 400, 'validation', 'missing');
  });

  it('takes a changed checklist from the regency admin only, and a pledge from the OPD’s staff', async () => {
    const body = { name: 'Daftar periksa uji', source: 'Uji', items: [{ component: 'requirements' }, { component: 'staffCount' }, { component: 'pledge' }] };
    await assertProblem(await send(DPMPTSP, '/api/v1/service-compliance-checklist', body, 'PUT'), 403, 'forbidden');
    await assertProblem(await send(ADMIN, '/api/v1/service-compliance-checklist', { ...body, items: [{ component: 'pledge' }, { component: 'pledge' }] }, 'PUT'), 422, 'validation', 'items.1.component');
    const set = await send(ADMIN, '/api/v1/service-compliance-checklist', body, 'PUT');
    assert.equal(set.status, 200, await set.clone().text());
    const checklist = assertShape(complianceChecklist, await set.json(), 'checklist');
    assert.deepEqual(checklist.items.map((i) => [i.component, i.name]), [['requirements', 'Persyaratan'], ['staffCount', 'Jumlah pelaksana'], ['pledge', 'Maklumat pelayanan']]);
    const pledge = await send(DUKCAPIL, '/api/v1/opds/dinas-kesehatan/service-pledge', { text: 'Kami sanggup melayani sesuai standar.', by: 'Kepala Dinas' }, 'PUT');
    await assertProblem(pledge, 403, 'forbidden');
    const byAdmin = await send(ADMIN, '/api/v1/opds/dinas-kesehatan/service-pledge', { text: 'Kami sanggup melayani sesuai standar pelayanan.', by: 'Kepala Dinas Kesehatan (uji)', on: '2025-03-01' }, 'PUT');
    assert.equal(byAdmin.status, 200, await byAdmin.clone().text());
    const report = assertShape(complianceReport, await (await api.publicRequest('/api/v1/services/compliance')).json(), 'after');
    assert.deepEqual(report.checklist.items.map((i) => i.component), ['requirements', 'staffCount', 'pledge']);
    assert.equal(report.opds.find((o) => o.slug === 'dinas-kesehatan')?.missing.pledge, undefined, 'its pledge now counts');
    assert.match((await publicService('dinas-kesehatan', 'spp-irt')).pledge?.by ?? '', /Kepala Dinas Kesehatan/);
  });
});
