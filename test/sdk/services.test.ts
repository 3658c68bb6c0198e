/**
 * `opd-kit/services` (the `services` and `citizenServices` namespaces) against a real server in
 * this process, seeded with the Layanan demo: a citizen searches and pages the directory, reads
 * a service and the compliance self-check; Disdukcapil's staff issue survey codes, a citizen
 * answers the survey with one and the index counts it; and the errors a caller branches on —
 * a used code (409), an off-scale score refused before anything is sent, another OPD's staff.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiError, buildClient, OpdError, ValidationError } from '../../src/index.js';
import { citizenServices, services, type Service, type SurveyModel } from '../../src/services.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;

before(async () => {
  // 5 March 2025, 10:00 WIB: answers given now count in 2025, first quarter.
  server = await startTestServer({ now: () => new Date('2025-03-05T03:00:00Z') });
});

after(async () => {
  await server?.close();
});

/** A citizen's client; `seen` collects each request's method and URL. */
const citizen = (seen: { method: string; url: string }[] = []) =>
  buildClient(
    {
      baseUrl: server.url,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        seen.push({ method: request.method, url: request.url });
        return fetch(request);
      },
    },
    { services: citizenServices },
  );
const as = async (email: string, opd: string) => buildClient({ baseUrl: server.url, opd, token: await server.tokenFor(email) }, { services });

/** Every element scored `score` (an element's id → score). */
const allScored = (model: SurveyModel, score: number) => Object.fromEntries(model.elements.map((e) => [e.id, score]));

describe('a citizen searching the service directory through the SDK', () => {
  it('finds KTP-el first for “ktp” and pages through every match once', async () => {
    const seen: { method: string; url: string }[] = [];
    const client = citizen(seen);
    const first = await client.services.search({ q: 'ktp', limit: 100 });
    assert.equal(first.data[0]?.slug, 'ktp-el');
    assert.equal(first.data[0]?.name, 'Perekaman dan Pencetakan KTP-el');
    assert.equal(first.data[0]?.opd.slug, 'disdukcapil');
    assert.ok(first.total > 2, `other services asking for a KTP-el come after it (${first.total})`);

    seen.length = 0;
    const paged: Service[] = [];
    for await (const item of client.services.list({ q: 'ktp', limit: 2 })) paged.push(item);
    const keys = paged.map((s) => `${s.opd.slug}/${s.slug}`);
    assert.equal(new Set(keys).size, keys.length, `no service twice: ${keys.join(', ')}`);
    assert.deepEqual(keys, first.data.map((s) => `${s.opd.slug}/${s.slug}`));
    assert.equal(seen.length, Math.ceil(first.total / 2), 'one request per page of 2');
    assert.ok(seen.every((r) => new URL(r.url).searchParams.get('q') === 'ktp'));
  });

  it('filters by OPD and free, and lists one OPD’s services', async () => {
    const client = citizen();
    const free = await client.services.list({ opd: 'disdukcapil', free: 'true' }).toArray();
    assert.ok(free.length >= 5, `Disdukcapil's services are free (${free.length})`);
    assert.ok(free.every((s) => s.opd.slug === 'disdukcapil' && s.cost.free));
    const ofOpd = await client.services.listForOpd('dpmptsp').toArray();
    assert.deepEqual(ofOpd.map((s) => s.slug).sort(), ['izin-apotek', 'izin-praktik-tenaga-kesehatan', 'izin-usaha-nib', 'pbg']);
  });

  it('reads one service by OPD and slug with its requirements, steps and where to ask', async () => {
    const ktp = await citizen().services.get('disdukcapil', 'ktp-el');
    assert.equal(ktp.name, 'Perekaman dan Pencetakan KTP-el');
    assert.ok(ktp.requirements.length > 0 && ktp.procedure.length > 0);
    assert.equal(ktp.cost.free, true);
    assert.deepEqual(ktp.consultation, { opd: 'disdukcapil', path: '/api/v1/opds/disdukcapil/consultations' });
    await assert.rejects(citizen().services.get('disdukcapil', 'tidak-ada'), (error: unknown) => error instanceof ApiError && error.status === 404);
  });

  it('reads the compliance self-check of an OPD and of the regency', async () => {
    const client = citizen();
    const dinkes = await client.services.compliance('dinas-kesehatan', { missing: 'pledge' });
    assert.ok(dinkes.items.length > 0, 'Dinas Kesehatan has no pledge: its services lack it');
    assert.ok(dinkes.items.every((item) => item.missing.includes('pledge') && !item.complete));
    assert.ok(dinkes.checklist.items.some((item) => item.component === 'pledge'));
    const regency = await client.services.regencyCompliance();
    const opds = regency.opds.map((o) => o.slug);
    for (const slug of ['dpmptsp', 'disdukcapil', 'dinas-kesehatan', 'rsud']) assert.ok(opds.includes(slug), `${slug} in ${opds.join(', ')}`);
    assert.equal(regency.services, regency.opds.reduce((sum, o) => sum + o.services, 0));
    await assert.rejects(
      client.services.compliance('rsud', { missing: 'kebersihan' as never }),
      (error: unknown) => error instanceof ValidationError && error.fieldErrors.some((f) => f.path === 'missing'),
    );
  });
});

describe('the satisfaction survey through the SDK', () => {
  it('records an answer with a code from the counter once, refuses it again with 409, and the index counts it', async () => {
    const staff = await as('disdukcapil@lahat.demo', 'disdukcapil');
    const batch = await staff.services.opd.issueTokens('kartu-keluarga', { count: 2, validDays: 7 });
    assert.equal(batch.tokens.length, 2);
    assert.equal(batch.service, 'kartu-keluarga');

    const client = citizen();
    const before = await client.services.satisfaction('disdukcapil', { year: 2025 });
    const model = await client.services.surveyModel();
    assert.equal(model.elements.length, 9);
    const receipt = await client.services.answerSurvey('disdukcapil', 'kartu-keluarga', { token: batch.tokens[0]!.toLowerCase(), scores: allScored(model, 4), suggestion: 'Antrean cepat.' });
    assert.deepEqual(receipt, { service: 'kartu-keluarga', year: 2025, semester: 1, quarter: 1 });

    await assert.rejects(
      client.services.answerSurvey('disdukcapil', 'kartu-keluarga', { token: batch.tokens[0]!, scores: allScored(model, 1) }),
      (error: unknown) => error instanceof ApiError && error.status === 409 && error.code === 'survey-token-used',
    );

    const after = await client.services.satisfaction('disdukcapil', { year: 2025 });
    assert.equal(after.overall.respondents, before.overall.respondents + 1);
    const kk = (report: typeof before) => report.services.find((s) => s.slug === 'kartu-keluarga')!;
    assert.equal(kk(after).respondents, kk(before).respondents + 1);
    assert.ok(kk(after).ikm! >= kk(before).ikm!, 'all fours do not lower the index');

    const { data } = await staff.services.opd.suggestions({ year: 2025 });
    assert.ok(data.some((s) => s.service === 'kartu-keluarga' && s.text === 'Antrean cepat.' && s.quarter === 1));
  });

  it('refuses a score of 5 before sending, naming the element, and the code still works after', async () => {
    const staff = await as('disdukcapil@lahat.demo', 'disdukcapil');
    const [token] = (await staff.services.opd.issueTokens('akta-kelahiran', { count: 1 })).tokens;
    const seen: { method: string; url: string }[] = [];
    const client = citizen(seen);
    const model = await client.services.surveyModel();
    const [first, ...rest] = model.elements;
    const scores = { ...allScored(model, 3), [first!.id]: 5 };

    seen.length = 0;
    await assert.rejects(client.services.answerSurvey('disdukcapil', 'akta-kelahiran', { token: token!, scores }), (error: unknown) => {
      assert.ok(error instanceof ValidationError, String(error));
      assert.deepEqual(error.fieldErrors.map((f) => [f.path, f.code]), [[`scores.${first!.id}`, 'tooLarge']]);
      return true;
    });
    const missingOne = Object.fromEntries(rest.map((e) => [e.id, 3]));
    await assert.rejects(client.services.answerSurvey('disdukcapil', 'akta-kelahiran', { token: token!, scores: { ...missingOne, ramah: 4 } }), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.fieldErrors.map((f) => [f.path, f.code]).sort(), [['scores.ramah', 'notAllowed'], [`scores.${first!.id}`, 'required']].sort());
      return true;
    });
    assert.equal(seen.length, 0, 'nothing was sent: the model read before is reused');

    const receipt = await client.services.answerSurvey('disdukcapil', 'akta-kelahiran', { token: token!, scores: allScored(model, 3) });
    assert.equal(receipt.service, 'akta-kelahiran');
    assert.deepEqual(seen.map((r) => r.method), ['POST']);
  });

  it('reads the model itself when the answers come first, then checks against it', async () => {
    const seen: { method: string; url: string }[] = [];
    const client = citizen(seen);
    await assert.rejects(
      client.services.answerSurvey('disdukcapil', 'akta-kelahiran', { token: 'AAAA-BBBB-CCCC', scores: { persyaratan: 0 } }),
      (error: unknown) => error instanceof ValidationError && error.fieldErrors.some((f) => f.path === 'scores.persyaratan' && f.code === 'tooSmall'),
    );
    assert.deepEqual(seen.map((r) => `${r.method} ${new URL(r.url).pathname}`), ['GET /api/v1/services/survey-model']);
  });
});

describe('OPD staff managing their standards through the SDK', () => {
  it('creates a service, adds a version for a later day, and reads the history; the public sees the one in force', async () => {
    const staff = await as('dpmptsp@lahat.demo', 'dpmptsp');
    const standard = {
      name: 'Izin Reklame Uji SDK',
      category: 'perizinan' as const,
      online: false,
      offline: true,
      requirements: ['KTP-el pemohon', 'Desain reklame'],
      procedure: ['Ajukan di loket', 'Petugas memeriksa', 'Izin terbit'],
      duration: { text: '3 hari kerja', workingDays: 3 },
      cost: { free: true, legalBasis: 'Perda uji' },
      product: 'Izin reklame',
      complaints: ['Kotak saran'],
      hours: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '15:00' }],
      location: { name: 'Loket 3 MPP Lahat', address: null },
    };
    const created = await staff.services.opd.create({ ...standard, slug: 'izin-reklame-sdk', effectiveOn: '2025-03-01' });
    assert.equal(created.inForce?.name, 'Izin Reklame Uji SDK');
    const next = await staff.services.opd.addVersion('izin-reklame-sdk', { ...standard, name: 'Izin Reklame (versi 2)', effectiveOn: '2025-04-01', changeNote: 'Nama baru' });
    assert.equal(next.upcoming?.name, 'Izin Reklame (versi 2)');
    assert.equal(next.versions, 2);
    const history = await staff.services.opd.history('izin-reklame-sdk');
    assert.deepEqual(history.versions.map((v) => v.versionInfo.state), ['upcoming', 'in-force']);
    assert.ok((await staff.services.opd.list()).some((s) => s.slug === 'izin-reklame-sdk'));
    assert.equal((await citizen().services.get('dpmptsp', 'izin-reklame-sdk')).name, 'Izin Reklame Uji SDK');
    await assert.rejects(staff.services.opd.create({ ...standard, slug: 'izin-reklame-sdk' }), (error: unknown) => error instanceof ApiError && error.status === 409);
  });

  it('sends the answers again after a lost reply with the same Idempotency-Key, and they count once', async () => {
    const staff = await as('disdukcapil@lahat.demo', 'disdukcapil');
    const [token] = (await staff.services.opd.issueTokens('kartu-keluarga', { count: 1 })).tokens;
    const keys: Array<string | null> = [];
    let lose = true;
    // The first reply is lost on the way back: the server stored the answers, the page never heard.
    const client = buildClient(
      {
        baseUrl: server.url,
        fetch: async (input, init) => {
          const request = new Request(input, init);
          if (request.method === 'POST') keys.push(request.headers.get('Idempotency-Key'));
          const response = await fetch(request);
          if (request.method === 'POST' && lose) {
            lose = false;
            throw new TypeError('fetch failed');
          }
          return response;
        },
      },
      { services: citizenServices },
    );
    const model = await client.services.surveyModel();
    const before = (await client.services.satisfaction('disdukcapil', { year: 2025 })).overall.respondents;
    const receipt = await client.services.answerSurvey('disdukcapil', 'kartu-keluarga', { token: token!, scores: allScored(model, 3) });
    assert.deepEqual(receipt, { service: 'kartu-keluarga', year: 2025, semester: 1, quarter: 1 });
    assert.equal(keys.length, 2, 'sent twice');
    assert.ok(keys[0] && keys[0] === keys[1], 'with one key');
    // The citizen presses "Kirim" again with the key the page kept: the same receipt, still once.
    const again = await client.services.answerSurvey('disdukcapil', 'kartu-keluarga', { token: token!, scores: allScored(model, 3) }, { idempotencyKey: keys[0]! });
    assert.deepEqual(again, receipt);
    assert.equal((await client.services.satisfaction('disdukcapil', { year: 2025 })).overall.respondents, before + 1);
  });

  it('exports the OPD’s standards and the regency’s for SIPPN, as JSON and CSV', async () => {
    const staff = await as('disdukcapil@lahat.demo', 'disdukcapil');
    const exported = await staff.services.opd.exportSippn();
    assert.ok(exported.layanan.some((r) => r.kodeLayanan === 'ktp-el' && r.persyaratan.length > 0));
    assert.equal(exported.label.persyaratan, 'Persyaratan');
    const csv = await staff.services.opd.exportSippnCsv();
    assert.match(csv, /"Unit Pelayanan","Kode Unit","Nama Layanan"/);
    const admin = await as('admin@lahat.demo', 'disdukcapil');
    const all = await admin.services.exportSippn();
    assert.ok(all.layanan.length > exported.layanan.length);
    assert.ok((await admin.services.exportSippnCsv()).includes('"rsud"'));
    await assert.rejects(staff.services.exportSippn(), (error: unknown) => error instanceof ApiError && error.status === 403);
  });

  it('refuses another OPD’s staff calls (403), and a staff call with no OPD before sending', async () => {
    const staff = await as('dpmptsp@lahat.demo', 'dpmptsp');
    const forbidden = (error: unknown) => error instanceof ApiError && error.status === 403;
    await assert.rejects(staff.services.opd.issueTokens('ktp-el', { count: 5 }, { opd: 'disdukcapil' }), forbidden);
    await assert.rejects(staff.services.opd.list({ opd: 'disdukcapil' }), forbidden);
    await assert.rejects(staff.services.opd.suggestions({ opd: 'disdukcapil', year: 2025 }), forbidden);
    await assert.rejects(staff.services.setChecklist({ name: 'Daftar uji', source: 'Uji', items: [{ component: 'requirements' }] }), forbidden);
    const noOpd = buildClient({ baseUrl: server.url, token: await server.tokenFor('dpmptsp@lahat.demo') }, { services });
    await assert.rejects(noOpd.services.opd.list(), (error: unknown) => error instanceof OpdError && !(error instanceof ApiError));
  });
});
