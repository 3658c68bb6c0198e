/**
 * Layanan's satisfaction survey (SKM) and index (IKM) over real HTTP on both stores: the model
 * of PermenPAN-RB 14/2017 as data; a response per token from the counter (used again → 409,
 * expired → 410, another service's → 422, two at once → one counts); the IKM of a worked
 * example computed by hand; the category boundaries on the index rounded to two decimals
 * (76.60 | 76.61, 88.30 | 88.31, 64.99 | 65.00); per period; the demo's year (mostly B, RSUD's
 * outpatient registration C); and nothing about a respondent kept or shown.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../../server/src/db/schema.js';
import { SKM_2017_ELEMENTS } from '../../../server/src/modules/services/migrations/0002-satisfaction-survey.js';
import { demoSurveyTokens } from '../../../server/src/modules/services/seed.js';
import { servicesDb } from '../../../server/src/modules/services/tables.js';
import { satisfactionReport, surveyModel, surveyReceipt, type SatisfactionReport } from '../../../src/schemas/services.js';
import { surveySuggestions, surveyTokenBatch } from '../../../src/schemas/services-staff.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';
import { testService } from './services-fixtures.js';

/** What a citizen wrote in a suggestion: never in a public answer. */
const SUGGESTION = 'Petugas Bapak Sugiharto Wiryo sangat membantu, hubungi saya di 0813 5555 2468';
registerPersonalData({ module: 'layanan', values: ['Sugiharto Wiryo', '0813 5555 2468'] });

const DPMPTSP = 'dpmptsp@lahat.demo';
const ELEMENTS = SKM_2017_ELEMENTS.map(([id]) => id);

/** Scores in the model's order as the API takes them. */
const scores = (values: readonly number[]) => Object.fromEntries(ELEMENTS.map((id, i) => [id, values[i]!]));

describeApi('Layanan: satisfaction survey', { publicResponses: 12 }, (api) => {
  const send = (email: string, path: string, body: unknown) => api.as(email, path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (service: string, body: unknown, opd = 'dpmptsp') =>
    api.publicRequest(`/api/v1/opds/${opd}/services/${service}/survey`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const issue = async (service: string, count: number, validDays?: number): Promise<string[]> => {
    const response = await send(DPMPTSP, `/api/v1/opds/dpmptsp/services/${service}/survey-tokens`, { count, validDays });
    assert.equal(response.status, 201, await response.clone().text());
    return assertShape(surveyTokenBatch, await response.json(), 'tokens').tokens;
  };
  const report = async (opd: string, year: number): Promise<SatisfactionReport> => {
    const response = await api.publicRequest(`/api/v1/opds/${opd}/satisfaction?year=${year}`);
    assert.equal(response.status, 200, await response.clone().text());
    return assertShape(satisfactionReport, await response.json(), 'satisfaction');
  };
  const db = () => servicesDb(api.server.db as unknown as Kysely<Database>);

  /** Stores `n` responses for `service` on `day` whose scores add up to `total` (arranged in the database: the boundaries need hundreds). */
  async function responsesTotalling(service: string, n: number, total: number, day = '2025-02-10'): Promise<void> {
    const row = await db().selectFrom('services').select('id').where('opd_slug', '=', 'dpmptsp').where('slug', '=', service).executeTakeFirstOrThrow();
    const cells = n * ELEMENTS.length;
    const base = Math.floor(total / cells);
    let extra = total - base * cells;
    assert.ok(base >= 1 && base + (extra > 0 ? 1 : 0) <= 4, 'scores stay on 1–4');
    const ids = await db()
      .insertInto('survey_responses')
      .values(Array.from({ length: n }, () => ({ service_id: row.id, model_id: 'permenpanrb-14-2017', answered_on: day, suggestion: null })))
      .returning('id')
      .execute();
    const rows = ids.flatMap(({ id }) => ELEMENTS.map((element) => ({ response_id: id, element_id: element, score: base + (extra-- > 0 ? 1 : 0) })));
    await db().insertInto('survey_scores').values(rows).execute();
  }

  before(async () => {
    for (const slug of ['uji-ikm', 'uji-token', 'uji-lain', 'batas-7660', 'batas-7661', 'batas-8830', 'batas-8831', 'batas-6499', 'batas-6500']) {
      const response = await send(DPMPTSP, '/api/v1/opds/dpmptsp/services', testService(slug));
      assert.equal(response.status, 201, await response.clone().text());
    }
  });

  it('serves the survey of PermenPAN-RB 14/2017 as data: nine elements scored 1–4, equal weights, × 25, categories A–D', async () => {
    const model = assertShape(surveyModel, await (await api.publicRequest('/api/v1/services/survey-model')).json(), 'model');
    assert.deepEqual(model.elements.map((e) => e.id), ELEMENTS);
    assert.equal(model.elements.length, 9);
    assert.deepEqual(model.elements.map((e) => e.name), ['Persyaratan', 'Sistem, mekanisme dan prosedur', 'Waktu penyelesaian', 'Biaya/tarif', 'Produk spesifikasi jenis pelayanan', 'Kompetensi pelaksana', 'Perilaku pelaksana', 'Penanganan pengaduan, saran dan masukan', 'Sarana dan prasarana']);
    assert.ok(model.elements.every((e) => e.weight === 1 && e.answers.length === 4));
    assert.deepEqual(model.scale.map((s) => s.value), [1, 2, 3, 4]);
    assert.equal(model.conversion, 25);
    assert.deepEqual(model.categories.map((c) => [c.grade, c.name, c.min, c.max]), [
      ['A', 'Sangat baik', 88.31, 100],
      ['B', 'Baik', 76.61, 88.3],
      ['C', 'Kurang baik', 65, 76.6],
      ['D', 'Tidak baik', 25, 64.99],
    ]);
  });

  it('computes the IKM of four responses as worked out by hand', async () => {
    const tokens = await issue('uji-ikm', 4);
    const responses = [
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
      [3, 3, 3, 3, 3, 3, 3, 3, 3],
      [3, 2, 3, 4, 3, 3, 4, 2, 3],
      [4, 3, 2, 4, 3, 4, 4, 3, 3],
    ];
    for (const [i, values] of responses.entries()) {
      const response = await answer('uji-ikm', { token: tokens[i], scores: scores(values), suggestion: i === 0 ? SUGGESTION : undefined });
      assert.equal(response.status, 201, await response.clone().text());
      assert.deepEqual(assertShape(surveyReceipt, await response.json(), 'receipt'), { service: 'uji-ikm', year: 2025, semester: 1, quarter: 1 });
    }
    // By hand, each element's mean over the four responses:
    //   persyaratan (4+3+3+4)/4 = 3.50   prosedur (4+3+2+3)/4 = 3.00   waktu (4+3+3+2)/4 = 3.00
    //   biaya       (4+3+4+4)/4 = 3.75   produk   (4+3+3+3)/4 = 3.25   kompetensi (4+3+3+4)/4 = 3.50
    //   perilaku    (4+3+4+4)/4 = 3.75   pengaduan (4+3+2+3)/4 = 3.00 sarana (4+3+3+3)/4 = 3.25
    // Equal weights: (3.50+3.00+3.00+3.75+3.25+3.50+3.75+3.00+3.25) / 9 = 30.00 / 9 = 3.3333…
    // IKM = 3.3333… × 25 = 83.333… → 83.33, in 76.61–88.30: B (baik).
    // (With the regulation's rounded weight 0.111 per element it would be 30 × 0.111 × 25 = 83.25:
    //  the weights are kept as data and divided by their sum, so no 0.1 % is lost to rounding.)
    const own = (await report('dpmptsp', 2025)).services.find((s) => s.slug === 'uji-ikm')!;
    assert.equal(own.respondents, 4);
    assert.equal(own.mean, 3.3333);
    assert.equal(own.ikm, 83.33);
    assert.equal(own.grade, 'B');
    assert.equal(own.category, 'Baik');
    assert.deepEqual(own.elements.map((e) => e.mean), [3.5, 3, 3, 3.75, 3.25, 3.5, 3.75, 3, 3.25]);
    assert.deepEqual(own.elements.map((e) => e.ikm), [87.5, 75, 75, 93.75, 81.25, 87.5, 93.75, 75, 81.25]);
    assert.deepEqual(own.semesters.map((s) => [s.period, s.respondents, s.ikm]), [[1, 4, 83.33], [2, 0, null]]);
  });

  it('classifies the index rounded to two decimals at each boundary of the ranges', async () => {
    // n responses whose 9n scores add up to T have the index 25·T/(9n):
    await responsesTotalling('batas-7660', 45, 1241); // 25·1241/405 = 76.6049… → 76.60: C
    await responsesTotalling('batas-7661', 50, 1379); // 25·1379/450 = 76.6111… → 76.61: B
    await responsesTotalling('batas-8830', 33, 1049); // 25·1049/297 = 88.2996… → 88.30: B
    await responsesTotalling('batas-8831', 100, 3179); // 25·3179/900 = 88.3055… → 88.31: A
    await responsesTotalling('batas-6499', 38, 889); // 25·889/342 = 64.9853… → 64.99: D
    await responsesTotalling('batas-6500', 5, 117); // 25·117/45 = 65.00: C
    const services = new Map((await report('dpmptsp', 2025)).services.map((s) => [s.slug, s]));
    const seen = (slug: string) => [services.get(slug)?.ikm, services.get(slug)?.grade];
    assert.deepEqual(seen('batas-7660'), [76.6, 'C']);
    assert.deepEqual(seen('batas-7661'), [76.61, 'B']);
    assert.deepEqual(seen('batas-8830'), [88.3, 'B']);
    assert.deepEqual(seen('batas-8831'), [88.31, 'A']);
    assert.deepEqual(seen('batas-6499'), [64.99, 'D']);
    assert.deepEqual(seen('batas-6500'), [65, 'C']);
    assert.equal(services.get('batas-8831')?.category, 'Sangat baik');
    assert.equal(services.get('batas-6499')?.category, 'Tidak baik');
  });

  it('counts one response per token: used again 409, two at once one, another service’s 422, unknown 422', async () => {
    const [first, second] = await issue('uji-token', 2);
    const body = (token: string) => ({ token, scores: scores([3, 3, 3, 3, 3, 3, 3, 3, 3]) });
    assert.equal((await answer('uji-token', body(first!))).status, 201);
    await assertProblem(await answer('uji-token', body(first!)), 409, 'survey-token-used');
    await assertProblem(await answer('uji-token', body(first!.toLowerCase().replace(/-/g, ' '))), 409, 'survey-token-used');
    const both = await Promise.all([answer('uji-token', body(second!)), answer('uji-token', body(second!))]);
    assert.deepEqual(both.map((r) => r.status).sort(), [201, 409], 'two at once: one counts');
    const [forOther] = await issue('uji-lain', 1);
    const wrong = await assertProblem(await answer('uji-token', body(forOther!)), 422, 'validation', 'token');
    assert.match(wrong.errors?.[0]?.message ?? '', /another service/);
    await assertProblem(await answer('uji-token', body('ZZZZ-ZZZZ-ZZZZ')), 422, 'validation', 'token');
    await assertProblem(await answer('uji-token', body('12345')), 422, 'validation', 'token');
    assert.equal((await answer('uji-lain', body(forOther!))).status, 201, 'still good for its own service');
    const respondents = (await report('dpmptsp', 2025)).services.find((s) => s.slug === 'uji-token')?.respondents;
    assert.equal(respondents, 2);
  });

  it('counts answers sent again with their Idempotency-Key once: the first receipt again, not a 409', async () => {
    const [token] = await issue('uji-token', 1);
    const body = { token, scores: scores([2, 3, 3, 3, 3, 3, 3, 3, 3]), suggestion: 'Antrean terlalu lama' };
    const withKey = (key: string, answers: unknown) =>
      api.publicRequest('/api/v1/opds/dpmptsp/services/uji-token/survey', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(answers) });
    const respondents = async () => (await report('dpmptsp', 2025)).services.find((s) => s.slug === 'uji-token')!.respondents;
    const before = await respondents();
    const key = '0b6c4e0e-3f7a-4c1e-9d59-2f1f3f6a9a01';
    // Two at once with one key (a double tap), then once more after a lost answer.
    const both = await Promise.all([withKey(key, body), withKey(key, body)]);
    assert.deepEqual(both.map((r) => r.status), [201, 201]);
    const again = await withKey(key, body);
    assert.equal(again.status, 201, await again.clone().text());
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
    const receipts = await Promise.all([...both, again].map(async (r) => assertShape(surveyReceipt, await r.json(), 'receipt')));
    assert.ok(receipts.every((r) => r.service === 'uji-token' && r.year === 2025 && r.quarter === 1));
    assert.equal(await respondents(), before + 1, 'counted once');
    // The same key with other scores is a conflict carrying the first receipt; without the key the code is used.
    const changed = await assertProblem(await withKey(key, { ...body, scores: scores([4, 4, 4, 4, 4, 4, 4, 4, 4]) }), 422, 'idempotency-conflict');
    assert.equal((changed as { stored?: { service?: string } }).stored?.service, 'uji-token');
    await assertProblem(await answer('uji-token', body), 409, 'survey-token-used');
    await assertProblem(await withKey('another-key-for-the-same-code-0000000000', body), 409, 'survey-token-used');
    assert.equal(await respondents(), before + 1);
    await assertProblem(await withKey('', body), 400, 'validation', 'Idempotency-Key');
  });

  it('refuses an expired token (410) and answers that leave out or overrun an element (422 naming it)', async () => {
    const [token] = await issue('uji-token', 1, 1);
    const body = { token, scores: scores([4, 4, 4, 4, 4, 4, 4, 4, 4]) };
    const missing = await assertProblem(await answer('uji-token', { ...body, scores: { ...scores([4, 4, 4, 4, 4, 4, 4, 4, 4]), sarana: undefined } }), 422, 'validation', 'scores.sarana');
    assert.equal(missing.errors?.length, 1);
    await assertProblem(await answer('uji-token', { ...body, scores: scores([4, 4, 5, 4, 4, 4, 4, 4, 4]) }), 422, 'validation', 'scores.waktu');
    await assertProblem(await answer('uji-token', { ...body, scores: scores([4, 4, 4, 4, 4, 4, 0, 4, 4]) }), 422, 'validation', 'scores.perilaku');
    await assertProblem(await answer('uji-token', { ...body, scores: scores([4, 4, 4, 4, 2.5, 4, 4, 4, 4]) }), 422, 'validation', 'scores.produk');
    await assertProblem(await answer('uji-token', { ...body, scores: { ...scores([4, 4, 4, 4, 4, 4, 4, 4, 4]), keramahan: 4 } }), 422, 'validation', 'scores.keramahan');
    await assertProblem(await answer('uji-token', { scores: body.scores }), 422, 'validation', 'token');
    await assertProblem(await answer('tidak-ada', body), 404, 'not-found');
    api.clock.advance(25 * 60 * 60 * 1000);
    try {
      await assertProblem(await answer('uji-token', body), 410, 'survey-token-expired');
    } finally {
      api.clock.advance(-25 * 60 * 60 * 1000);
    }
    assert.equal((await answer('uji-token', body)).status, 201, 'within its day it still counts (the 422s and 410 spent nothing)');
  });

  it('issues tokens only to the OPD’s staff, in batches of at most 200, and keeps only their hashes', async () => {
    await assertProblem(await send('disdukcapil@lahat.demo', '/api/v1/opds/dpmptsp/services/uji-token/survey-tokens', { count: 5 }), 403, 'forbidden');
    await assertProblem(await api.publicRequest('/api/v1/opds/dpmptsp/services/uji-token/survey-tokens', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"count":5}' }), 401, 'unauthorized');
    await assertProblem(await send(DPMPTSP, '/api/v1/opds/dpmptsp/services/uji-token/survey-tokens', { count: 201 }), 422, 'validation', 'count');
    const tokens = await issue('uji-token', 3);
    assert.equal(new Set(tokens).size, 3);
    assert.ok(tokens.every((t) => /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(t)), tokens.join(' '));
    const stored = await db().selectFrom('survey_tokens').selectAll().execute();
    for (const t of tokens) assert.ok(!JSON.stringify(stored).includes(t.replace(/-/g, '')), 'no token is stored as it is');
  });

  it('keeps nothing that leads back to a respondent, and shows no suggestion publicly', async () => {
    const columns = Object.keys((await db().selectFrom('survey_responses').selectAll().limit(1).executeTakeFirstOrThrow()) as object).sort();
    assert.deepEqual(columns, ['answered_on', 'id', 'is_demo', 'model_id', 'service_id', 'suggestion', 'suggestion_screened'], 'the service, the model, the day, the suggestion (and whether the retention period screened it) — no time, address or token');
    const tokenColumns = Object.keys((await db().selectFrom('survey_tokens').selectAll().limit(1).executeTakeFirstOrThrow()) as object).sort();
    assert.deepEqual(tokenColumns, ['created_at', 'expires_at', 'hash', 'is_demo', 'service_id', 'used'], 'a used token says only “used”');
    const text = JSON.stringify(await report('dpmptsp', 2025));
    assert.ok(!text.includes('Sugiharto') && !text.includes('suggestion'));
    const staff = await api.as(DPMPTSP, '/api/v1/opds/dpmptsp/satisfaction/suggestions?year=2025');
    const suggestions = assertShape(surveySuggestions, await staff.json(), 'suggestions');
    assert.deepEqual(suggestions.data.filter((s) => s.service === 'uji-ikm'), [{ service: 'uji-ikm', quarter: 1, text: SUGGESTION }]);
    const audited = await api.server.db.selectFrom('audit_log').select('subject').where('action', '=', 'service.suggestions.view').execute();
    assert.deepEqual(audited.map((a) => a.subject), ['service-suggestions:dpmptsp:2025']);
    await assertProblem(await api.publicRequest('/api/v1/opds/dpmptsp/satisfaction/suggestions'), 401, 'unauthorized');
  });

  it('seeds a year of responses: mostly baik, RSUD’s outpatient registration kurang baik, per quarter', async () => {
    const rsud = await report('rsud', 2024);
    const clinic = rsud.services.find((s) => s.slug === 'rawat-jalan')!;
    assert.equal(clinic.grade, 'C', `rawat jalan ${clinic.ikm}`);
    const grades = [];
    for (const opd of ['dpmptsp', 'disdukcapil', 'dinas-kesehatan', 'rsud']) {
      const year = await report(opd, 2024);
      assert.ok(year.overall.respondents > 0);
      for (const s of year.services.filter((x) => x.respondents > 0 && !x.slug.startsWith('uji') && !x.slug.startsWith('batas'))) grades.push(s.grade);
      // The OPD's index is over all its respondents, not the mean of its services' indexes.
      assert.equal(year.quarters.reduce((n, q) => n + q.respondents, 0), year.overall.respondents);
      assert.equal(year.semesters[0]!.respondents + year.semesters[1]!.respondents, year.overall.respondents);
    }
    assert.equal(grades.filter((g) => g === 'C').length, 1, grades.join(''));
    assert.ok(grades.filter((g) => g === 'B').length >= grades.length - 2, grades.join(''));
    await assertProblem(await api.publicRequest('/api/v1/opds/rsud/satisfaction?year=1999'), 400, 'validation', 'year');
  });

  it('takes the demo’s known codes, so the demo page can be rated', async () => {
    const [code] = demoSurveyTokens('disdukcapil', 'ktp-el');
    const before = (await report('disdukcapil', 2025)).services.find((s) => s.slug === 'ktp-el')!.respondents;
    const response = await answer('ktp-el', { token: code, scores: scores([4, 4, 4, 4, 4, 4, 4, 4, 4]) }, 'disdukcapil');
    assert.equal(response.status, 201, await response.clone().text());
    assert.equal((await report('disdukcapil', 2025)).services.find((s) => s.slug === 'ktp-el')!.respondents, before + 1);
  });
});
