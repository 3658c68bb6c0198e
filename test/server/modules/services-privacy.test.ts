/**
 * Layanan's survey suggestions and personal data (UU 27/2022) over real HTTP on both stores: a
 * suggestion that names a citizen's e-mail or phone is found by the regency's personal-data
 * export (by e-mail any case, by phone however written) and erased by the erasure — the
 * response and its scores stay, so the index does not move; after the retention period every
 * contact in an older suggestion is taken out, once, and newer ones are left as they are.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../../server/src/db/schema.js';
import { silentLogger } from '../../../server/src/log.js';
import { serverModules } from '../../../server/src/modules/index.js';
import { SKM_2017_ELEMENTS } from '../../../server/src/modules/services/migrations/0002-satisfaction-survey.js';
import { redactContacts } from '../../../server/src/modules/services/privacy.js';
import { runRetention } from '../../../server/src/privacy/retention.js';
import { personalDataErasure, personalDataExport } from '../../../src/schemas/privacy.js';
import { satisfactionReport } from '../../../src/schemas/services.js';
import { surveySuggestions, surveyTokenBatch } from '../../../src/schemas/services-staff.js';
import { assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';
import { testService } from './services-fixtures.js';

const DPMPTSP = 'dpmptsp@lahat.demo';
const ADMIN = 'admin@lahat.demo';
const DAY = 24 * 60 * 60 * 1000;

const citizen = { email: 'Rahmat.Hidayat@example.com', phone: '0813 5555 2468' };
const MENTIONS_BOTH = `Loket 3 lambat. Kabari saya: ${citizen.email} atau WA +62 813-5555-2468, terima kasih.`;
const MENTIONS_PHONE = 'Petugas ramah sekali. Nomor saya 081355552468 kalau perlu konfirmasi.';
const SOMEONE_ELSE = 'Tolong hubungi tetangga saya di 0812 9999 1111 atau ibu.sari@example.com, NIK 1671014101900002.';
const NO_CONTACT = 'Ruang tunggu panas, mohon tambah kipas angin. Biaya Rp 625.000 terlalu mahal.';
registerPersonalData({ module: 'layanan', values: [citizen.email, '5555-2468', '81355552468', '0812 9999 1111', 'ibu.sari@example.com', '1671014101900002'] });

const scores = Object.fromEntries(SKM_2017_ELEMENTS.map(([id]) => [id, 3]));

describeApi('Layanan: personal data in survey suggestions', { publicResponses: 4 }, (api) => {
  const post = (email: string, path: string, body: unknown) =>
    api.as(email, path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const suggestions = async (): Promise<string[]> => {
    const response = await api.as(DPMPTSP, '/api/v1/opds/dpmptsp/satisfaction/suggestions?year=2025');
    return assertShape(surveySuggestions, await response.json(), 'suggestions').data.filter((s) => s.service === 'uji-privasi').map((s) => s.text);
  };
  const respondents = async () => {
    const report = assertShape(satisfactionReport, await (await api.publicRequest('/api/v1/opds/dpmptsp/satisfaction?year=2025')).json(), 'report');
    return report.services.find((s) => s.slug === 'uji-privasi')!.respondents;
  };
  const exported = async (subject: Record<string, string>) => {
    const response = await post(ADMIN, '/api/v1/personal-data/export', subject);
    assert.equal(response.status, 200, await response.clone().text());
    return assertShape(personalDataExport, await response.json(), 'export').records.filter((r) => r.module === 'layanan');
  };

  before(async () => {
    assert.equal((await post(DPMPTSP, '/api/v1/opds/dpmptsp/services', testService('uji-privasi'))).status, 201);
    const batch = assertShape(surveyTokenBatch, await (await post(DPMPTSP, '/api/v1/opds/dpmptsp/services/uji-privasi/survey-tokens', { count: 4 })).json(), 'tokens');
    for (const [i, suggestion] of [MENTIONS_BOTH, MENTIONS_PHONE, SOMEONE_ELSE, NO_CONTACT].entries()) {
      const answered = await api.publicRequest('/api/v1/opds/dpmptsp/services/uji-privasi/survey', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: batch.tokens[i], scores, suggestion }),
      });
      assert.equal(answered.status, 201, await answered.clone().text());
    }
  });

  it('finds the suggestions that name the citizen, by e-mail in any case or by phone however written', async () => {
    const byEmail = await exported({ email: citizen.email.toUpperCase() });
    assert.deepEqual(byEmail.map((r) => r.data.suggestion), [MENTIONS_BOTH]);
    assert.equal(byEmail[0]?.opd, 'dpmptsp');
    assert.match(byEmail[0]?.subject ?? '', /^survey-response:\d+$/);
    assert.deepEqual(byEmail[0]?.data.service, 'uji-privasi');
    assert.deepEqual(byEmail[0]?.data.scores, scores, 'with the scores given with it');
    const byPhone = await exported({ phone: '+62 813 5555 2468' });
    assert.deepEqual(byPhone.map((r) => r.data.suggestion).sort(), [MENTIONS_BOTH, MENTIONS_PHONE].sort());
    assert.deepEqual(await exported({ phone: '0813 5555 9999' }), [], 'another number finds nothing');
    assert.deepEqual(await exported({ email: 'hidayat@example.com' }), [], 'nor a part of the address');
  });

  it('erases the citizen from their suggestions and keeps the responses, the scores and other people’s text', async () => {
    const count = await respondents();
    const response = await post(ADMIN, '/api/v1/personal-data/erase', citizen);
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(assertShape(personalDataErasure, await response.json(), 'erasure').erased.layanan, 2);
    const texts = await suggestions();
    assert.ok(texts.includes('Loket 3 lambat. Kabari saya: (dihapus) atau WA (dihapus), terima kasih.'), texts.join(' | '));
    assert.ok(texts.includes('Petugas ramah sekali. Nomor saya (dihapus) kalau perlu konfirmasi.'), texts.join(' | '));
    assert.ok(texts.includes(SOMEONE_ELSE) && texts.includes(NO_CONTACT), 'the other suggestions are as written');
    assert.equal(await respondents(), count, 'the index counts every response still');
    assert.deepEqual(await exported(citizen), []);
    const again = assertShape(personalDataErasure, await (await post(ADMIN, '/api/v1/personal-data/erase', citizen)).json(), 'again');
    assert.equal(again.erased.layanan, 0);
  });

  it('takes every contact out of suggestions older than the retention period, once', async () => {
    const deps = { db: api.server.db as unknown as Kysely<Database>, now: api.clock.now, log: silentLogger, modules: serverModules };
    assert.equal((await api.as(ADMIN, '/api/v1/privacy', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"contactRetentionDays":30}' })).status, 200);
    const first = await runRetention(deps);
    assert.equal(first.outcome, 'ran');
    assert.ok((await suggestions()).includes(SOMEONE_ELSE), 'answered today: within the period, left as written');
    api.clock.advance(31 * DAY);
    try {
      const run = await runRetention(deps);
      assert.equal(run.erased.layanan, 1, 'only the suggestion that still had contacts changed');
      const texts = await suggestions();
      assert.ok(texts.includes('Tolong hubungi tetangga saya di (dihapus) atau (dihapus), NIK (dihapus).'), texts.join(' | '));
      assert.ok(texts.includes(NO_CONTACT), 'an amount is not a phone number');
      assert.equal((await runRetention(deps)).erased.layanan, 0, 'screened once');
    } finally {
      api.clock.advance(-31 * DAY);
      await api.as(ADMIN, '/api/v1/privacy', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"contactRetentionDays":null}' });
    }
  });
});

it('recognises the ways contacts are written, and leaves days, amounts and counts alone', () => {
  const cases: Array<[string, string]> = [
    ['WA 0812-3456-7890 ya', 'WA (dihapus) ya'],
    ['telp (0731) 321456', 'telp (dihapus)'],
    ['hp +62 812 3456 7890', 'hp (dihapus)'],
    ['nomor 6281234567890', 'nomor (dihapus)'],
    ['surel budi_s@mail.co.id.', 'surel (dihapus).'],
    ['antre 2 jam pada 12-03-2025, 15 orang, Rp 625.000, loket 08', 'antre 2 jam pada 12-03-2025, 15 orang, Rp 625.000, loket 08'],
  ];
  for (const [text, expected] of cases) assert.equal(redactContacts(text), expected, text);
});
