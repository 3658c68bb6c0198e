/**
 * `opd-kit/csr`: SIP BENAR's namespace for a client — Bappeda's board of which companies' CSR
 * funds pay for which development programmes where, committed against spent to the rupiah —
 * kept out of the main entry so a page without the board carries none of it. Add it to a client
 * with `buildClient()`:
 *
 * ```ts
 * import { buildClient } from 'opd-kit';
 * import { citizenCsr } from 'opd-kit/csr';
 * const client = buildClient({ baseUrl: 'https://layanan.lahatkab.go.id', opd: 'bappeda' }, { csr: citizenCsr });
 * const summary = await client.csr.summary({ year: 2025 }); // summary.committed, summary.spent, summary.byField, summary.unfunded
 * for await (const p of client.csr.programs.list({ field: 'pendidikan', kecamatan: 'Merapi Barat' })) console.log(p.title, p.company.name, p.committed, p.spent);
 * const one = await client.csr.programs.get(12); // one.spending: day, amount, evidence links
 * ```
 *
 * `csr` adds the staff calls under `opd` (companies with contacts, programmes with the
 * double-funding reason, spending entries with evidence, village proposals and the forum's
 * decisions, the fields, the CSV exports):
 *
 * ```ts
 * import { csr } from 'opd-kit/csr';
 * const staff = buildClient({ baseUrl, opd: 'bappeda', token }, { csr });
 * const program = await staff.csr.opd.programs.create({ title: 'Rehab SD Negeri 3', companyId: 2, field: 'pendidikan', kecamatan: 'Jarai', desa: 'Jarai', year: 2026, committed: 250_000_000 });
 * await staff.csr.opd.spending.add(program.id, { date: '2026-04-02', amount: 75_000_000, description: 'Termin I' });
 * const csv = await staff.csr.opd.exportProgramsCsv({ year: 2026 });
 * ```
 *
 * @module
 */
export {
  citizenCsr,
  csr,
  type CitizenCsrNamespace,
  type CsrCallOptions,
  type CsrCreateOptions,
  type CsrCompanyPatch,
  type CsrNamespace,
  type CsrProgramSearch,
  type CsrProposalPatch,
  type CsrProposalSearch,
  type CsrSpendingPatch,
  type CsrStaffProgramSearch,
  type OpdCsrCalls,
} from './namespaces/csr.js';
export type {
  CsrCompany,
  CsrEvidenceFile,
  CsrField,
  CsrNeed,
  CsrProgram,
  CsrProgramDetail,
  CsrProgramList,
  CsrProgramQuery,
  CsrProgramStatus,
  CsrProposalStatus,
  CsrSector,
  CsrSpending,
  CsrSummary,
} from './schemas/csr.js';
export type {
  CsrCompanyInput,
  CsrCompanyStaff,
  CsrContact,
  CsrDecisionInput,
  CsrFieldsInput,
  CsrProgramInput,
  CsrProgramPatch,
  CsrProgramStaff,
  CsrProposalInput,
  CsrProposalStaff,
  CsrSpendingInput,
  CsrSpendingStaff,
} from './schemas/csr-staff.js';
