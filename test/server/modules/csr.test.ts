/**
 * SIP BENAR over real HTTP on both stores, as Bappeda's staff (the CSR forum's secretariat),
 * another OPD's staff and the public see it: the summary's arithmetic against sums worked out
 * here from the seeded rows, spending that passes a commitment refused without a reason and
 * flagged with one (never silent), the double-funding refusal naming the other programme and
 * the reason kept for staff, money validated to the rupiah (1.5, -1, "100", 2^53 → 422 naming
 * the field), the proposal → forum decision → programme flow, permissions (another OPD's staff
 * 403, another OPD's record 404, no contact person in public), evidence checked by content, and
 * the CSV exports escaped against formula injection.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Kysely } from 'kysely';
import { addUser } from '../../../server/src/auth/users.js';
import type { Database } from '../../../server/src/db/schema.js';
import { DEMO_COMPANIES, DEMO_PLACES, demoPrograms } from '../../../server/src/modules/csr/seed.js';
import { csrCountedStatuses, csrProgramDetail, csrProgramList, csrSummary, type CsrSummary } from '../../../src/schemas/csr.js';
import { csrProgramStaff, csrProposalStaff, type CsrProgramStaff } from '../../../src/schemas/csr-staff.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';
import { jpegWithGps } from '../../helpers/photo-files.js';
import { DEMO_PASSWORD } from '../../helpers/server.js';

const CONTACT = { name: 'Siti Humas Tambang', phone: '0813 5555 1212', email: 'siti.humas@tambang.test' };
registerPersonalData({
  module: 'csr',
  values: [CONTACT.name, CONTACT.phone, CONTACT.email, 'Kepala Desa Jarai (demo)', '0812 0000 3000', 'csr1@perusahaan.demo', 'Humas CSR Serelo Batu Hitam (demo)', 'Sekretariat Forum CSR (demo)'],
});

const BAPPEDA = 'bappeda@lahat.demo';
const BPKAD = 'bpkad@lahat.demo';
const BASE = '/api/v1/opds/bappeda/csr';

describeApi('SIP BENAR', { publicResponses: 8 }, (api) => {
  before(async () => {
    await addUser(api.server.db as unknown as Kysely<Database>, { email: 'admin.bappeda@csr.test', name: 'Admin Bappeda (uji)', role: 'opd_admin', opd: 'bappeda', password: DEMO_PASSWORD, mustChangePassword: false }, new Date());
  });

  const send = (email: string, path: string, body?: unknown, method = 'POST') =>
    api.as(email, path, { method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const staffView = async (response: Response, status = 200): Promise<CsrProgramStaff> => {
    assert.equal(response.status, status, await response.clone().text());
    return assertShape(csrProgramStaff, await response.json(), 'staff programme');
  };
  const summary = async (query = ''): Promise<CsrSummary> => {
    const response = await api.publicRequest(`${BASE}/summary${query}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store', 'a computed public read is not kept');
    return assertShape(csrSummary, await response.json(), 'summary');
  };
  const companyId = async (index = 0): Promise<number> => {
    const list = (await (await api.publicRequest(`${BASE}/companies`)).json()) as { data: Array<{ id: number; name: string }> };
    return list.data.find((c) => c.name === DEMO_COMPANIES[index]![0])!.id;
  };
  const newProgram = (extra: Record<string, unknown>) => send(BAPPEDA, `${BASE}/programs`, { title: 'Program uji', field: 'pendidikan', kecamatan: 'Jarai', desa: 'Serambi', year: 2025, committed: 100_000_000, status: 'running', ...extra });

  it('seeds 30–60 programmes of fictional companies across Lahat’s 24 kecamatan, every row demo', async () => {
    const planned = demoPrograms();
    const all = assertShape(csrProgramList, await (await api.publicRequest(`${BASE}/programs?limit=100`)).json(), 'list');
    assert.ok(all.total >= 30 && all.total <= 60, `${all.total} programmes`);
    assert.equal(all.total, planned.length + 2, 'the planned ones and the two funded proposals');
    assert.equal(new Set(all.data.map((p) => p.location.kecamatan)).size, 24);
    assert.deepEqual([...new Set(all.data.map((p) => p.location.kecamatan))].sort(), DEMO_PLACES.map((p) => p[0]).sort());
    assert.ok(all.data.every((p) => p.isDemo && p.company.isDemo && p.company.name.endsWith('(demo)')));
    assert.ok(all.data.filter((p) => p.overspent).length >= 3, 'a few over budget');
    const staff = (await (await api.as(BAPPEDA, `${BASE}/staff/programs?limit=100`)).json()) as { data: CsrProgramStaff[] };
    const flagged = staff.data.filter((p) => p.doubleFunding);
    assert.equal(flagged.length, 3, 'three double-funding cases, each with its reason');
    for (const p of flagged) assert.ok(p.doubleFunding!.reason.length > 10 && p.doubleFunding!.with.length === 1);
  });

  it('sums committed and spent by field, kecamatan, company and year exactly as the rows add up', async () => {
    const db = api.server.db as unknown as Kysely<Database & Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the module's tables, read raw
    const programs = await (db as any).selectFrom('csr_programs').select(['id', 'field', 'kecamatan', 'year', 'company_id', 'status', 'committed', 'beneficiaries']).where('opd_slug', '=', 'bappeda').execute(); // eslint-disable-line @typescript-eslint/no-explicit-any
    const spending = await (db as any).selectFrom('csr_spending').select(['program_id', 'amount']).execute(); // eslint-disable-line @typescript-eslint/no-explicit-any
    const spentOf = new Map<number, number>();
    for (const s of spending) spentOf.set(s.program_id, (spentOf.get(s.program_id) ?? 0) + Number(s.amount));
    const counted = programs.filter((p: { status: string }) => (csrCountedStatuses as readonly string[]).includes(p.status));
    const sums = (rows: typeof counted) => ({
      programs: rows.length,
      committed: rows.reduce((s: number, p: { committed: unknown }) => s + Number(p.committed), 0),
      spent: rows.reduce((s: number, p: { id: number }) => s + (spentOf.get(p.id) ?? 0), 0),
      beneficiaries: rows.reduce((s: number, p: { beneficiaries: number | null }) => s + (p.beneficiaries ?? 0), 0),
    });
    const all = await summary();
    assert.equal(all.year, null);
    assert.deepEqual({ programs: all.programs, committed: all.committed, spent: all.spent, beneficiaries: all.beneficiaries }, sums(counted));
    for (const g of all.byField) assert.deepEqual({ programs: g.programs, committed: g.committed, spent: g.spent, beneficiaries: g.beneficiaries }, sums(counted.filter((p: { field: string }) => p.field === g.field)), g.field);
    for (const g of all.byKecamatan) assert.deepEqual({ programs: g.programs, committed: g.committed, spent: g.spent, beneficiaries: g.beneficiaries }, sums(counted.filter((p: { kecamatan: string }) => p.kecamatan === g.kecamatan)), g.kecamatan);
    for (const g of all.byCompany) assert.equal(g.committed, sums(counted.filter((p: { company_id: number }) => p.company_id === g.company.id)).committed, g.company.name);
    assert.equal(all.byYear.reduce((s, y) => s + y.spent, 0), all.spent);
    assert.equal(all.byStatus.cancelled, programs.filter((p: { status: string }) => p.status === 'cancelled').length);
    const overspent = counted.filter((p: { id: number; committed: unknown }) => (spentOf.get(p.id) ?? 0) > Number(p.committed));
    assert.deepEqual(all.overspent.map((o) => o.id).sort(), overspent.map((p: { id: number }) => p.id).sort());
    for (const o of all.overspent) assert.equal(o.overspentBy, o.spent - o.committed);
    assert.ok(all.unfunded.count >= 3, 'villages’ needs not yet funded');
    assert.ok(all.unfunded.needs.every((n) => n.status === 'submitted' || n.status === 'approved'));
    const y2025 = await summary('?year=2025');
    assert.deepEqual(y2025.byYear.map((y) => y.year), [2025]);
    assert.equal(y2025.committed, sums(counted.filter((p: { year: number }) => p.year === 2025)).committed);
  });

  it('refuses spending past the commitment without a reason, and keeps it flagged with one', async () => {
    const program = await staffView(await newProgram({ companyId: await companyId(1), desa: 'Jarai', committed: 50_000_000 }), 201);
    const first = await staffView(await send(BAPPEDA, `${BASE}/programs/${program.id}/spending`, { date: '2025-02-10', amount: 40_000_000, description: 'Termin pertama' }), 201);
    assert.equal(first.spent, 40_000_000);
    assert.equal(first.overspent, false);
    const refused = await assertProblem(await send(BAPPEDA, `${BASE}/programs/${program.id}/spending`, { date: '2025-02-20', amount: 15_000_000, description: 'Tambahan' }), 422, 'validation', 'overBudgetReason');
    assert.match(refused.detail ?? '', /5\.000\.000 over/);
    assert.equal((await staffView(await api.as(BAPPEDA, `${BASE}/staff/programs/${program.id}`))).spent, 40_000_000, 'nothing was added');
    const reason = 'Harga material naik; disetujui perusahaan lewat adendum';
    const over = await staffView(await send(BAPPEDA, `${BASE}/programs/${program.id}/spending`, { date: '2025-02-20', amount: 15_000_000, description: 'Tambahan', overBudgetReason: reason }), 201);
    assert.equal(over.spent, 55_000_000);
    assert.equal(over.overspent, true);
    assert.equal(over.overspentBy, 5_000_000);
    assert.equal(over.spending.at(-1)!.overBudgetReason, reason);
    const seen = assertShape(csrProgramDetail, await (await api.publicRequest(`${BASE}/programs/${program.id}`)).json(), 'public programme');
    assert.equal(seen.overspent, true, 'the public sees the flag');
    assert.ok(!JSON.stringify(seen).includes(reason), 'not the staff’s reason');
    assert.ok((await summary('?year=2025')).overspent.some((o) => o.id === program.id && o.overspentBy === 5_000_000));
    await assertProblem(await send(BAPPEDA, `${BASE}/programs/${program.id}`, { committed: 10_000_000 }, 'PATCH'), 422, 'validation', 'overBudgetReason');
  });

  it('records a spending entry once per Idempotency-Key: sent twice at once and again after a lost answer, the money is counted once', async () => {
    const program = await staffView(await newProgram({ companyId: await companyId(2), desa: 'Sukamerindu', field: 'kesehatan', committed: 80_000_000 }), 201);
    const key = `csr-spending-${Date.now()}`;
    const entry = { date: '2025-03-01', amount: 30_000_000, description: 'Termin pertama (kunci)' };
    const keyed = (body: unknown) => api.as(BAPPEDA, `${BASE}/programs/${program.id}/spending`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(body) });
    const answers = await Promise.all([keyed(entry), keyed(entry)]);
    const views = await Promise.all(answers.map((answer) => staffView(answer, 201)));
    assert.deepEqual(views.map((view) => view.spent), [30_000_000, 30_000_000], 'both answers count the entry once');
    assert.equal(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true').length, 1);
    const again = await keyed(entry);
    assert.equal((await staffView(again, 201)).spent, 30_000_000);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    await assertProblem(await keyed({ ...entry, amount: 31_000_000 }), 422, 'idempotency-conflict');
    const stored = await staffView(await api.as(BAPPEDA, `${BASE}/staff/programs/${program.id}`));
    assert.equal(stored.spent, 30_000_000);
    assert.equal(stored.spending.length, 1, 'one entry stored');
  });

  it('refuses a second programme in the same desa, field and year, naming the first, and records the written reason', async () => {
    const first = await staffView(await newProgram({ companyId: await companyId(2), desa: 'Gunung Agung', field: 'kesehatan' }), 201);
    assert.equal(first.doubleFunding, null);
    const refused = await assertProblem(await newProgram({ companyId: await companyId(3), desa: ' gunung agung ', field: 'kesehatan', title: 'Posyandu kedua' }), 409, 'csr-double-funding', 'doubleFundingReason');
    assert.match(refused.detail ?? '', new RegExp(`#${first.id} “Program uji”`));
    const reason = 'Program pertama gedung, program ini alat kesehatan; dibahas di forum';
    const second = await staffView(await newProgram({ companyId: await companyId(3), desa: 'Gunung Agung', field: 'kesehatan', title: 'Posyandu kedua', doubleFundingReason: reason }), 201);
    assert.equal(second.doubleFunding?.reason, reason);
    assert.deepEqual(second.doubleFunding?.with.map((w) => w.id), [first.id]);
    assert.equal(second.doubleFunding?.by, 'Verifikator Bappeda (demo)');
    // Another year, or a cancelled first one, is no conflict.
    assert.equal((await newProgram({ companyId: await companyId(3), desa: 'Gunung Agung', field: 'kesehatan', year: 2026 })).status, 201);
    const audit = await api.server.db.selectFrom('audit_log').select(['action', 'detail']).where('subject', '=', `csr-program:${second.id}`).execute();
    assert.deepEqual(audit.map((a) => a.action), ['csr.program.create']);
  });

  it('takes money only as whole, non-negative, safe rupiah, naming the field', async () => {
    const company = await companyId(0);
    for (const committed of [1.5, -1, '100', 2 ** 53]) {
      const problem = await assertProblem(await newProgram({ companyId: company, committed, desa: 'Uang Salah' }), 422, 'validation', 'committed');
      assert.ok(problem.errors!.every((e) => e.path === 'committed'), JSON.stringify(problem.errors));
    }
    const program = await staffView(await newProgram({ companyId: company, desa: 'Uang Benar', committed: 9_007_199_254 }), 201);
    assert.equal(program.committed, 9_007_199_254);
    for (const amount of [1.5, -1, '100', 2 ** 53, 0]) {
      await assertProblem(await send(BAPPEDA, `${BASE}/programs/${program.id}/spending`, { date: '2025-01-02', amount, description: 'Uji' }), 422, 'validation', 'amount');
    }
    await assertProblem(await send(BAPPEDA, `${BASE}/proposals`, { title: 'Usulan uji', field: 'sosial', kecamatan: 'Lahat', desa: 'Manggul', year: 2025, proposer: 'Pemerintah Desa Manggul', submittedOn: '2025-01-03', estimatedCost: 2.5 }), 422, 'validation', 'estimatedCost');
  });

  it('turns a village proposal into a programme once the forum approves it with a company', async () => {
    const proposal = assertShape(csrProposalStaff, await (await send(BAPPEDA, `${BASE}/proposals`, { title: 'Sumur bor Desa Serambi', field: 'infrastruktur', kecamatan: 'Jarai', desa: 'Serambi', year: 2025, estimatedCost: 80_000_000, proposer: 'Pemerintah Desa Serambi', contact: { name: CONTACT.name, phone: CONTACT.phone }, submittedOn: '2025-01-10' })).json(), 'proposal');
    assert.equal(proposal.status, 'submitted');
    await assertProblem(await newProgram({ proposalId: proposal.id }), 409, 'conflict');
    await assertProblem(await send(BAPPEDA, `${BASE}/proposals/${proposal.id}/decision`, { decision: 'approve' }), 422, 'validation', 'companyId');
    await assertProblem(await send(BAPPEDA, `${BASE}/proposals/${proposal.id}/decision`, { decision: 'reject' }), 422, 'validation', 'note');
    const approved = assertShape(csrProposalStaff, await (await send(BAPPEDA, `${BASE}/proposals/${proposal.id}/decision`, { decision: 'approve', companyId: await companyId(4) })).json(), 'approved');
    assert.equal(approved.decision?.company?.id, await companyId(4));
    assert.ok((await summary('?year=2025')).unfunded.needs.some((n) => n.id === proposal.id), 'approved but not yet funded');
    const program = await staffView(await send(BAPPEDA, `${BASE}/programs`, { title: 'Sumur bor Desa Serambi', proposalId: proposal.id, committed: 75_000_000 }), 201);
    assert.deepEqual([program.location.desa, program.field, program.company.id, program.status, program.proposalId], ['Serambi', 'infrastruktur', await companyId(4), 'approved', proposal.id]);
    const list = (await (await api.as(BAPPEDA, `${BASE}/proposals?status=funded`)).json()) as { data: Array<{ id: number; programId: number | null }> };
    assert.equal(list.data.find((p) => p.id === proposal.id)?.programId, program.id);
    assert.ok(!(await summary('?year=2025')).unfunded.needs.some((n) => n.id === proposal.id));
  });

  it('keeps contact persons and staff names out of public answers, and other OPDs’ staff out of Bappeda’s board', async () => {
    const company = await send(BAPPEDA, `${BASE}/companies`, { name: 'PT Uji Kontak (demo)', sector: 'energi', contact: CONTACT });
    assert.equal(company.status, 201);
    const publicCompanies = await (await api.publicRequest(`${BASE}/companies`)).text();
    assert.ok(publicCompanies.includes('PT Uji Kontak') && !publicCompanies.includes(CONTACT.name));
    const staff = (await (await api.as(BAPPEDA, `${BASE}/staff/companies`)).json()) as { data: Array<{ name: string; contact: { name: string } | null }> };
    assert.equal(staff.data.find((c) => c.name === 'PT Uji Kontak (demo)')?.contact?.name, CONTACT.name);
    assert.ok((await api.server.db.selectFrom('audit_log').select('id').where('action', '=', 'csr.company.view').execute()).length > 0, 'the contact read is audited');
    await assertProblem(await api.as(BPKAD, `${BASE}/staff/companies`), 403, 'forbidden');
    await assertProblem(await newProgram({}).then(() => send(BPKAD, `${BASE}/programs`, { title: 'x', committed: 1 })), 403, 'forbidden');
    // BPKAD running the board itself sees none of Bappeda's records.
    await api.server.db.updateTable('opds').set({ modules: JSON.stringify(['siap', 'csr']) }).where('slug', '=', 'bpkad').execute();
    const bappedaProgram = (await (await api.publicRequest(`${BASE}/programs?limit=1`)).json()) as { data: Array<{ id: number }> };
    await assertProblem(await api.as(BPKAD, `/api/v1/opds/bpkad/csr/staff/programs/${bappedaProgram.data[0]!.id}`), 404, 'not-found');
    await assertProblem(await send(BPKAD, `/api/v1/opds/bpkad/csr/programs/${bappedaProgram.data[0]!.id}/spending`, { date: '2025-01-01', amount: 1, description: 'Bukan milikku' }), 404, 'not-found');
    assert.equal(((await (await api.publicRequest('/api/v1/opds/bpkad/csr/summary')).json()) as CsrSummary).programs, 0);
  });

  it('takes spending evidence by content, without its metadata, and serves it from the programme', async () => {
    const program = await staffView(await newProgram({ companyId: await companyId(5), desa: 'Bukti', committed: 10_000_000 }), 201);
    const entry = (await staffView(await send(BAPPEDA, `${BASE}/programs/${program.id}/spending`, { date: '2025-02-01', amount: 2_000_000, description: 'Kuitansi' }), 201)).spending[0]!;
    const upload = (bytes: Uint8Array) => api.as(BAPPEDA, `${BASE}/spending/${entry.id}/evidence`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: bytes as Uint8Array<ArrayBuffer> });
    await assertProblem(await upload(new TextEncoder().encode('<html>not evidence</html>')), 415, 'unsupported-media-type', 'file');
    const withPhoto = await staffView(await upload(new Uint8Array(jpegWithGps())), 201);
    const file = withPhoto.spending[0]!.evidence[0]!;
    assert.equal(file.mediaType, 'image/jpeg');
    const detail = assertShape(csrProgramDetail, await (await api.publicRequest(`${BASE}/programs/${program.id}`)).json(), 'detail');
    assert.equal(detail.spending[0]!.evidence[0]!.url, file.url);
    const served = await fetch(file.url.replace(/^https?:\/\/[^/]+/, api.server.url));
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    const bytes = Buffer.from(await served.arrayBuffer());
    assert.equal(bytes.indexOf(Buffer.from('GPS')), -1, 'no GPS left');
    assert.equal(bytes.indexOf(Buffer.from('Exif')), -1, 'no EXIF left');
  });

  it('exports programmes and spending as CSV with commas, quotes, newlines and formula starts made safe', async () => {
    const tricky = ['=HYPERLINK("http://x")', '+62 jalan', '-1+2', '@SUM(A1)'];
    const program = await staffView(await newProgram({ companyId: await companyId(0), desa: 'Ekspor', title: tricky[0], description: 'a, "b"\nc' }), 201);
    for (const [k, text] of [tricky[1], tricky[2], tricky[3], 'Semen, pasir "halus"\nbaris dua'].entries()) {
      await staffView(await send(BAPPEDA, `${BASE}/programs/${program.id}/spending`, { date: `2025-03-0${k + 1}`, amount: 1_000_000, description: text }), 201);
    }
    const programs = await api.as(BAPPEDA, `${BASE}/export/programs.csv?year=2025`);
    assert.equal(programs.status, 200);
    assert.match(programs.headers.get('content-type') ?? '', /^text\/csv/);
    const csv = Buffer.from(await programs.arrayBuffer()).toString('utf8');
    assert.ok(csv.startsWith('\uFEFF"No","ID Program"'), 'a UTF-8 BOM, then the quoted header');
    assert.ok(csv.includes(`"'=HYPERLINK(""http://x"")"`), 'the formula is neutralised and its quotes doubled');
    const spending = await (await api.as(BAPPEDA, `${BASE}/export/spending.csv`)).text();
    for (const start of ['+62 jalan', '-1+2', '@SUM(A1)']) assert.ok(spending.includes(`"'${start}"`), start);
    assert.ok(spending.includes('"Semen, pasir ""halus""\nbaris dua"'), 'commas, quotes and newlines stay inside one field');
    assert.ok(!spending.includes(CONTACT.email) && !csv.includes('csr1@perusahaan.demo'), 'no contact person');
    assert.ok(spending.split('\r\n').some((line) => line.includes(`"${program.id}"`) && line.includes('"1000000"')));
    await assertProblem(await api.as(BPKAD, `${BASE}/export/programs.csv`), 403, 'forbidden');
  });
});
