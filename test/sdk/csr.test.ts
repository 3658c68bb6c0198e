/**
 * `opd-kit/csr` (the `csr` and `citizenCsr` namespaces) against a real server in this process,
 * seeded with Bappeda's SIP BENAR demo, on PGlite and on PostgreSQL: a citizen pages the
 * programme list with filters and reads a summary whose sums are the list's, to the rupiah;
 * Bappeda's staff record a programme, meet the double-funding refusal until they give a reason,
 * record spending past the commitment only with a reason, upload evidence and download the CSV
 * exports; and the errors a caller branches on — money that is not whole rupiah refused before
 * anything is sent, another OPD's staff refused, no OPD named.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiError, buildClient, OpdError, ValidationError } from '../../src/index.js';
import { citizenCsr, csr, type CsrProgram, type CsrSummary } from '../../src/csr.js';
import { csrCountedStatuses } from '../../src/schemas/csr.js';
import { STORES } from '../helpers/api.js';
import { png } from '../helpers/photo-files.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const BAPPEDA = 'bappeda@lahat.demo';
const BPKAD = 'bpkad@lahat.demo';

/** Committed, spent, counted programmes and beneficiaries of `rows`, summed here from the list. */
function totals(rows: CsrProgram[]) {
  return {
    programs: rows.length,
    committed: rows.reduce((sum, p) => sum + p.committed, 0),
    spent: rows.reduce((sum, p) => sum + p.spent, 0),
    beneficiaries: rows.reduce((sum, p) => sum + (p.beneficiaries ?? 0), 0),
  };
}

/** The rows of `rows` grouped by `key`, each group's totals. */
function groupTotals(rows: CsrProgram[], key: (p: CsrProgram) => string | number) {
  const groups = new Map<string | number, CsrProgram[]>();
  for (const p of rows) groups.set(key(p), [...(groups.get(key(p)) ?? []), p]);
  return new Map([...groups].map(([k, list]) => [k, totals(list)]));
}

/** A summary group's totals without its key. */
const figures = (g: { programs: number; committed: number; spent: number; beneficiaries: number }) => ({ programs: g.programs, committed: g.committed, spent: g.spent, beneficiaries: g.beneficiaries });

for (const store of STORES) {
  describe(`opd-kit/csr through the SDK on ${store}`, () => {
    let server: TestServer;

    before(async () => {
      // 5 March 2025, 10:00 WIB: spending dated early March 2025 is not in the future.
      server = await startTestServer({ store, now: () => new Date('2025-03-05T03:00:00Z') });
    });

    after(async () => {
      await server?.close();
    });

    /** A citizen's client for Bappeda's board; `seen` collects each request's method and URL. */
    const citizen = (seen: { method: string; url: string }[] = []) =>
      buildClient(
        {
          baseUrl: server.url,
          opd: 'bappeda',
          fetch: async (input, init) => {
            const request = new Request(input, init);
            seen.push({ method: request.method, url: request.url });
            return fetch(request);
          },
        },
        { csr: citizenCsr },
      );
    const as = async (email: string, opd: string, seen: { method: string; url: string }[] = []) =>
      buildClient(
        {
          baseUrl: server.url,
          opd,
          token: await server.tokenFor(email),
          fetch: async (input, init) => {
            const request = new Request(input, init);
            seen.push({ method: request.method, url: request.url });
            return fetch(request);
          },
        },
        { csr },
      );
    const firstCompany = async () => (await citizen().csr.companies())[0]!.id;

    it('pages the filtered programme list without repeats, one request per page, every item matching', async () => {
      const client = citizen();
      const every = await client.csr.programs.list({ limit: 100 }).toArray();
      // The field with the most programmes, so the filtered list spans several pages.
      const byField = groupTotals(every, (p) => p.field);
      const field = String([...byField].sort((a, b) => b[1].programs - a[1].programs)[0]![0]);
      const first = await client.csr.programs.search({ field, limit: 100 });
      assert.ok(first.total >= 5, `${first.total} programmes in ${field}`);
      assert.equal(first.total, every.filter((p) => p.field === field).length);

      const seen: { method: string; url: string }[] = [];
      const paged: CsrProgram[] = [];
      for await (const p of citizen(seen).csr.programs.list({ field, limit: 2 })) paged.push(p);
      const ids = paged.map((p) => p.id);
      assert.equal(new Set(ids).size, ids.length, `no programme twice: ${ids.join(', ')}`);
      assert.deepEqual(ids, first.data.map((p) => p.id), 'the same programmes in the same order as one large page');
      assert.ok(paged.every((p) => p.field === field));
      assert.equal(seen.length, Math.ceil(first.total / 2), 'one request per page of 2');
      assert.ok(seen.every((r) => new URL(r.url).searchParams.get('field') === field && new URL(r.url).pathname === '/api/v1/opds/bappeda/csr/programs'));

      // Two filters at once: a kecamatan (any case) and a year.
      const sample = every[0]!;
      const narrowed = await client.csr.programs.list({ kecamatan: sample.location.kecamatan.toUpperCase(), year: sample.year }).toArray();
      assert.ok(narrowed.some((p) => p.id === sample.id));
      assert.ok(narrowed.every((p) => p.location.kecamatan === sample.location.kecamatan && p.year === sample.year));
      await assert.rejects(client.csr.programs.list({ status: 'finished' as never }).toArray(), (error: unknown) => error instanceof ValidationError && error.fieldErrors.some((f) => f.path === 'status'));
    });

    it('reads a summary whose figures are the list’s sums over the counted programmes, to the rupiah', async () => {
      const client = citizen();
      const every = await client.csr.programs.list({ limit: 100 }).toArray();
      const counted = every.filter((p) => (csrCountedStatuses as readonly string[]).includes(p.status));
      const check = (summary: CsrSummary, rows: CsrProgram[], label: string) => {
        const countedRows = rows.filter((p) => (csrCountedStatuses as readonly string[]).includes(p.status));
        assert.deepEqual(figures(summary), totals(countedRows), `${label}: totals`);
        const fields = groupTotals(countedRows, (p) => p.field);
        for (const g of summary.byField) assert.deepEqual(figures(g), fields.get(g.field) ?? totals([]), `${label}: field ${g.field}`);
        assert.equal(summary.byField.reduce((sum, g) => sum + g.committed, 0), summary.committed);
        const kecamatan = groupTotals(countedRows, (p) => p.location.kecamatan);
        assert.deepEqual(new Map(summary.byKecamatan.map((g) => [g.kecamatan, figures(g)])), kecamatan, `${label}: by kecamatan`);
        const companies = groupTotals(countedRows, (p) => p.company.id);
        assert.deepEqual(new Map(summary.byCompany.map((g) => [g.company.id, figures(g)])), companies, `${label}: by company`);
        const years = groupTotals(countedRows, (p) => p.year);
        assert.deepEqual(new Map(summary.byYear.map((g) => [g.year, figures(g)])), years, `${label}: by year`);
        for (const status of Object.keys(summary.byStatus) as (keyof CsrSummary['byStatus'])[]) {
          assert.equal(summary.byStatus[status], rows.filter((p) => p.status === status).length, `${label}: ${status}`);
        }
        assert.deepEqual(summary.overspent.map((o) => o.id).sort(), countedRows.filter((p) => p.overspent).map((p) => p.id).sort(), `${label}: over budget`);
      };
      check(await client.csr.summary(), every, 'every year');
      assert.ok(counted.length > 20 && counted.length < every.length, 'some proposed or cancelled ones do not count');
      const year = every[0]!.year;
      const ofYear = await client.csr.summary({ year });
      assert.equal(ofYear.year, year);
      check(ofYear, await client.csr.programs.list({ year, limit: 100 }).toArray(), String(year));
      assert.ok(ofYear.fields.some((f) => f.id === 'pendidikan' && f.name === 'Pendidikan'));
    });

    it('reads one programme with its spending, and the companies without contact persons', async () => {
      const client = citizen();
      const spent = (await client.csr.programs.list({ limit: 100 }).toArray()).find((p) => p.spent > 0)!;
      const one = await client.csr.programs.get(spent.id);
      assert.equal(one.title, spent.title);
      assert.equal(one.spending.reduce((sum, s) => sum + s.amount, 0), one.spent, 'the entries add up to spent');
      const companies = await client.csr.companies();
      assert.ok(companies.length >= 6 && companies.every((c) => c.name.endsWith('(demo)')));
      assert.ok(companies.every((c) => !('contact' in c)), 'no contact person in public');
      await assert.rejects(client.csr.programs.get(2_000_000), (error: unknown) => error instanceof ApiError && error.status === 404);
    });

    it('refuses a second programme in the same desa, field and year as the SDK’s 409 until a reason is given', async () => {
      const staff = await as(BAPPEDA, 'bappeda');
      const companyId = await firstCompany();
      const input = { title: 'Pembangunan sumur bor', companyId, field: 'lingkungan', kecamatan: 'Pajar Bulan', desa: 'Uji SDK', year: 2025, committed: 80_000_000, status: 'running' } as const;
      const first = await staff.csr.opd.programs.create(input);
      assert.equal(first.doubleFunding, null);
      assert.equal(first.committed, 80_000_000);
      let refusal: ApiError | undefined;
      await assert.rejects(staff.csr.opd.programs.create({ ...input, title: 'Sumur bor kedua', desa: 'uji sdk' }), (error: unknown) => {
        refusal = error as ApiError;
        return error instanceof ApiError && error.status === 409 && error.code === 'csr-double-funding';
      });
      assert.ok(refusal!.fieldErrors.some((f) => f.path === 'doubleFundingReason'), 'the reason is the field to fill');
      assert.match(refusal!.detail ?? '', new RegExp(`#${first.id}`), 'the detail names the other programme');
      const reason = 'Sumur pertama untuk dusun I, yang ini dusun III; diputuskan forum CSR';
      const second = await staff.csr.opd.programs.create({ ...input, title: 'Sumur bor kedua', doubleFundingReason: reason });
      assert.equal(second.doubleFunding?.reason, reason);
      assert.deepEqual(second.doubleFunding?.with.map((w) => w.id), [first.id]);
      const listed = await staff.csr.opd.programs.list({ year: 2025, limit: 20 }).toArray();
      assert.equal(listed.find((p) => p.id === second.id)?.doubleFunding?.reason, reason, 'the staff list keeps the reason');
      const publicView = await citizen().csr.programs.get(second.id);
      assert.ok(!('doubleFunding' in publicView), 'the reason stays with staff');
    });

    it('records spending past the commitment only with a reason, then shows it over budget to everyone', async () => {
      const staff = await as(BAPPEDA, 'bappeda');
      const program = await staff.csr.opd.programs.create({ title: 'Beasiswa SMA', companyId: await firstCompany(), field: 'pendidikan', kecamatan: 'Kikim Timur', desa: 'Uji Anggaran', year: 2025, committed: 100_000_000, status: 'running' });
      const within = await staff.csr.opd.spending.add(program.id, { date: '2025-03-01', amount: 60_000_000, description: 'Termin I' });
      assert.equal(within.spent, 60_000_000);
      assert.equal(within.overspent, false);
      await assert.rejects(
        staff.csr.opd.spending.add(program.id, { date: '2025-03-02', amount: 50_000_000, description: 'Termin II' }),
        (error: unknown) => error instanceof ApiError && error.status === 422 && error.fieldErrors.some((f) => f.path === 'overBudgetReason'),
      );
      const reason = 'Penerima beasiswa bertambah 5 siswa; disetujui forum 1 Maret';
      const over = await staff.csr.opd.spending.add(program.id, { date: '2025-03-02', amount: 50_000_000, description: 'Termin II', overBudgetReason: reason });
      assert.equal(over.spent, 110_000_000);
      assert.equal(over.overspentBy, 10_000_000);
      assert.equal(over.spending.find((s) => s.amount === 50_000_000)?.overBudgetReason, reason);
      const seen = await citizen().csr.programs.get(program.id);
      assert.equal(seen.overspent, true);
      assert.equal(seen.overspentBy, 10_000_000);
      assert.ok((await citizen().csr.summary({ year: 2025 })).overspent.some((o) => o.id === program.id && o.overspentBy === 10_000_000));

      // Evidence: the file's bytes, told by content, served with the programme.
      const entry = over.spending[0]!;
      const withFile = await staff.csr.opd.spending.uploadEvidence(entry.id, new Blob([new Uint8Array(png(2, 2))]));
      const file = withFile.spending.find((s) => s.id === entry.id)!.evidence[0]!;
      assert.equal(file.mediaType, 'image/png');
      const served = await fetch(file.url.replace(/^https?:\/\/[^/]+/, server.url));
      assert.equal(served.status, 200);
      assert.equal(served.headers.get('content-type'), 'image/png');
      await assert.rejects(
        staff.csr.opd.spending.uploadEvidence(entry.id, new Blob(['<html>bukan bukti</html>'])),
        (error: unknown) => error instanceof ApiError && error.status === 415 && error.fieldErrors.some((f) => f.path === 'file'),
      );
      const removed = await staff.csr.opd.spending.removeEvidence(file.id);
      assert.equal(removed.spending.find((s) => s.id === entry.id)!.evidence.length, 0);
    });

    it('refuses money that is not whole rupiah before sending anything, naming the field', async () => {
      const seen: { method: string; url: string }[] = [];
      const staff = await as(BAPPEDA, 'bappeda', seen);
      const program = await staff.csr.opd.programs.create({ title: 'Jalan usaha tani', companyId: await firstCompany(), field: 'ekonomi', kecamatan: 'Jarai', desa: 'Uji Rupiah', year: 2025, committed: 40_000_000, status: 'running' });
      seen.length = 0;
      for (const [committed, code] of [[1.5, 'invalid'], [-1, 'tooSmall'], ['100', 'invalid'], [2 ** 53, 'tooLarge']] as const) {
        await assert.rejects(
          staff.csr.opd.programs.create({ title: 'Pecahan rupiah', field: 'ekonomi', kecamatan: 'Jarai', desa: 'Uji Rupiah 2', year: 2025, committed: committed as number }),
          (error: unknown) => error instanceof ValidationError && error.fieldErrors.some((f) => f.path === 'committed'),
          `committed ${committed} (${code})`,
        );
      }
      await assert.rejects(
        staff.csr.opd.spending.add(program.id, { date: '2025-03-03', amount: 1.5, description: 'Pecahan' }),
        (error: unknown) => error instanceof ValidationError && error.fieldErrors.some((f) => f.path === 'amount'),
      );
      assert.deepEqual(seen, [], 'nothing was sent');
      assert.equal((await citizen().csr.programs.get(program.id)).spent, 0);
    });

    it('turns a village proposal into a programme once the forum approves it with a company', async () => {
      const staff = await as(BAPPEDA, 'bappeda');
      const proposal = await staff.csr.opd.proposals.create({ title: 'Air bersih dusun II', field: 'infrastruktur', kecamatan: 'Mulak Ulu', desa: 'Uji Usulan', year: 2025, estimatedCost: 35_000_000, proposer: 'Pemerintah Desa Uji Usulan', submittedOn: '2025-02-10' });
      assert.equal(proposal.status, 'submitted');
      assert.ok((await citizen().csr.summary()).unfunded.needs.some((n) => n.id === proposal.id), 'a need not yet funded');
      await assert.rejects(staff.csr.opd.proposals.decide(proposal.id, { decision: 'approve' }), (error: unknown) => error instanceof ApiError && error.status === 422 && error.fieldErrors.some((f) => f.path === 'companyId'));
      const companyId = await firstCompany();
      const approved = await staff.csr.opd.proposals.decide(proposal.id, { decision: 'approve', companyId, note: 'Dicocokkan di forum' });
      assert.equal(approved.status, 'approved');
      assert.equal(approved.decision?.company?.id, companyId);
      const program = await staff.csr.opd.programs.create({ title: 'Air bersih dusun II', proposalId: proposal.id, committed: 35_000_000 });
      assert.deepEqual([program.location.desa, program.field, program.company.id, program.status], ['Uji Usulan', 'infrastruktur', companyId, 'approved']);
      const listed = await staff.csr.opd.proposals.list({ status: 'funded' }).toArray();
      assert.equal(listed.find((p) => p.id === proposal.id)?.programId, program.id);
    });

    it('exports programmes and spending as CSV text, formula starts made safe', async () => {
      const staff = await as(BAPPEDA, 'bappeda');
      const program = await staff.csr.opd.programs.create({ title: '=HYPERLINK("http://x")', companyId: await firstCompany(), field: 'sosial', kecamatan: 'Lahat', desa: 'Uji Ekspor', year: 2025, committed: 5_000_000, status: 'running' });
      await staff.csr.opd.spending.add(program.id, { date: '2025-03-04', amount: 1_250_000, description: '@SUM(A1), "paket" sembako' });
      const programs = await staff.csr.opd.exportProgramsCsv({ year: 2025 });
      assert.equal(typeof programs, 'string');
      // fetch's text() drops the UTF-8 BOM the file starts with: the text begins with the quoted header.
      assert.ok(programs.startsWith('"No","ID Program"'), programs.slice(0, 40));
      assert.ok(programs.includes(`"'=HYPERLINK(""http://x"")"`), 'the formula neutralised, its quotes doubled');
      const rows = programs.trim().split('\r\n');
      assert.equal(rows.length - 1, (await citizen().csr.programs.search({ year: 2025, limit: 1 })).total, 'one row per programme of the year');
      const spending = await staff.csr.opd.exportSpendingCsv();
      assert.ok(spending.includes(`"'@SUM(A1), ""paket"" sembako"`));
      assert.ok(spending.split('\r\n').some((line) => line.includes(`"${program.id}"`) && line.includes('"1250000"')));
    });

    it('refuses another OPD’s staff, and a call without an OPD before sending', async () => {
      const other = await as(BPKAD, 'bpkad');
      const input = { title: 'Program dari BPKAD', field: 'sosial', kecamatan: 'Lahat', desa: 'Uji Izin', year: 2025, committed: 1_000_000 };
      for (const call of [() => other.csr.opd.programs.create(input, { opd: 'bappeda' }), () => other.csr.opd.exportProgramsCsv({ opd: 'bappeda' }), () => other.csr.opd.companies.list({ opd: 'bappeda' })]) {
        await assert.rejects(call(), (error: unknown) => error instanceof ApiError && error.status === 403);
      }
      assert.equal((await citizen().csr.programs.list({ kecamatan: 'Lahat' }).toArray()).some((p) => p.title === input.title), false, 'nothing recorded');
      const nowhere = buildClient({ baseUrl: server.url }, { csr: citizenCsr });
      await assert.rejects(nowhere.csr.summary(), (error: unknown) => error instanceof OpdError && !(error instanceof ApiError));
    });
  });
}
