/**
 * SIP BENAR's reads and views: the OPD's fields, companies, programmes with their spending
 * (the public view without contact persons or reasons; the staff view with the double-funding
 * flag and the over-budget reasons), proposals, and the two checks that keep money honest —
 * possible double funding (another non-cancelled programme in the same desa, field and year)
 * and spending past the commitment.
 *
 * @module
 */
import { sql } from 'kysely';
import { defaultCsrFields, type CsrCompany, type CsrField, type CsrProgram, type CsrProgramStatus, type CsrSector, type CsrSpending } from '../../../../src/schemas/csr.js';
import type { CsrCompanyStaff, CsrProgramStaff, CsrProposalStaff, CsrSpendingStaff } from '../../../../src/schemas/csr-staff.js';
import { EVIDENCE_EXTENSIONS, type EvidenceMediaType } from '../../media/evidence.js';
import { ProblemError } from '../../http/problem.js';
import { rupiahOf, type CsrDb } from './tables.js';

/** The OPD's fields in its order, or the defaults when it has set none. */
export async function fieldsOf(db: CsrDb, opd: string): Promise<CsrField[]> {
  const rows = await db.selectFrom('csr_fields').select(['id', 'name', 'name_en']).where('opd_slug', '=', opd).orderBy('position').execute();
  if (rows.length === 0) return defaultCsrFields.map((f) => ({ id: f.id, name: f.name, nameEn: f.nameEn }));
  return rows.map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en }));
}

/** A 422 naming `path` unless `field` is one of the OPD's fields. */
export async function checkField(db: CsrDb, opd: string, field: string, path = 'field'): Promise<void> {
  const fields = await fieldsOf(db, opd);
  if (!fields.some((f) => f.id === field)) {
    throw new ProblemError('validation', { detail: `Check ${path}`, errors: [{ path, message: `Choose one of this OPD’s fields: ${fields.map((f) => f.id).join(', ')}`, code: 'notAllowed' }] });
  }
}

/** A company row as read, with how many programmes it funds. */
export interface CompanyRow {
  id: number;
  opd_slug: string;
  name: string;
  sector: string;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  is_demo: boolean;
  created_at: Date;
  updated_at: Date;
  programs: string | number;
}

/** The OPD's companies (or one), by name. */
export async function companiesOf(db: CsrDb, opd: string, id?: number): Promise<CompanyRow[]> {
  let query = db
    .selectFrom('csr_companies')
    .selectAll('csr_companies')
    .select((eb) => eb.selectFrom('csr_programs').select(eb.fn.countAll<string>().as('n')).whereRef('csr_programs.company_id', '=', 'csr_companies.id').as('programs'))
    .where('csr_companies.opd_slug', '=', opd);
  if (id !== undefined) query = query.where('csr_companies.id', '=', id);
  return (await query.orderBy('csr_companies.name').orderBy('csr_companies.id').execute()) as CompanyRow[];
}

/** The public view of a company. */
export function toCompany(row: Pick<CompanyRow, 'id' | 'name' | 'sector' | 'is_demo'>): CsrCompany {
  return { id: row.id, name: row.name, sector: row.sector as CsrSector, isDemo: row.is_demo };
}

/** The staff view of a company: with its contact person. */
export function toCompanyStaff(row: CompanyRow): CsrCompanyStaff {
  return {
    ...toCompany(row),
    contact: row.contact_name ? { name: row.contact_name, phone: row.contact_phone, email: row.contact_email } : null,
    programs: Number(row.programs ?? 0),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A programme row as read, with its company and the sum of its spending. */
export interface ProgramRow {
  id: number;
  opd_slug: string;
  company_id: number;
  proposal_id: number | null;
  title: string;
  description: string | null;
  field: string;
  kecamatan: string;
  desa: string;
  lon: number | null;
  lat: number | null;
  year: number;
  committed: string | number | bigint;
  beneficiaries: number | null;
  status: string;
  rpjmd_priority: string | null;
  sdg: number | null;
  double_funding_with: Array<{ id: number; title: string; company: string }> | null;
  double_funding_reason: string | null;
  double_funding_by: string | null;
  double_funding_at: Date | null;
  over_budget_reason: string | null;
  is_demo: boolean;
  created_at: Date;
  updated_at: Date;
  company_name: string;
  company_sector: string;
  company_is_demo: boolean;
  spent: string | number | bigint | null;
}

/** The base query of an OPD's programmes with their company and spent sum. */
export function programQueryBase(db: CsrDb, opd: string) {
  return db
    .selectFrom('csr_programs as p')
    .innerJoin('csr_companies as c', 'c.id', 'p.company_id')
    .selectAll('p')
    .select(['c.name as company_name', 'c.sector as company_sector', 'c.is_demo as company_is_demo'])
    .select(sql<string>`(select coalesce(sum(s.amount), 0) from csr_spending s where s.program_id = p.id)`.as('spent'))
    .where('p.opd_slug', '=', opd);
}

/** One programme of the OPD, optionally locked for the transaction. */
export async function programById(db: CsrDb, opd: string, id: number, forUpdate = false): Promise<ProgramRow | undefined> {
  let query = programQueryBase(db, opd).where('p.id', '=', id);
  if (forUpdate) query = query.forUpdate('p');
  return (await query.executeTakeFirst()) as ProgramRow | undefined;
}

/** The public view of a programme. */
export function toProgram(row: ProgramRow): CsrProgram {
  const committed = rupiahOf(row.committed);
  const spent = rupiahOf(row.spent);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    company: { id: row.company_id, name: row.company_name, sector: row.company_sector as CsrSector, isDemo: row.company_is_demo },
    field: row.field,
    location: { kecamatan: row.kecamatan, desa: row.desa, point: row.lon === null || row.lat === null ? null : [row.lon, row.lat] },
    year: row.year,
    status: row.status as CsrProgramStatus,
    committed,
    spent,
    overspent: spent > committed,
    overspentBy: Math.max(0, spent - committed),
    beneficiaries: row.beneficiaries,
    rpjmdPriority: row.rpjmd_priority,
    sdg: row.sdg,
    proposalId: row.proposal_id,
    isDemo: row.is_demo,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A spending row as read. */
interface SpendingRow {
  id: number;
  program_id: number;
  spent_on: string;
  amount: string | number | bigint;
  description: string;
  over_budget_reason: string | null;
  created_at: Date;
  created_by_name: string | null;
}

/** An evidence row without its bytes. */
interface EvidenceRow {
  id: string;
  spending_id: number;
  media_type: string;
  byte_size: number;
  created_at: Date;
}

/** Where a spending entry's evidence file is served. */
export function evidenceUrl(origin: string, file: Pick<EvidenceRow, 'id' | 'media_type'>): string {
  return `${origin}/media/csr-evidence/${file.id}.${EVIDENCE_EXTENSIONS[file.media_type as EvidenceMediaType]}`;
}

/** The spending entries of the given programmes with their evidence, oldest first, as staff see them. */
export async function spendingOf(db: CsrDb, programIds: readonly number[], origin: string): Promise<Map<number, CsrSpendingStaff[]>> {
  const byProgram = new Map<number, CsrSpendingStaff[]>();
  if (programIds.length === 0) return byProgram;
  const rows = (await db
    .selectFrom('csr_spending')
    .select(['id', 'program_id', sql<string>`to_char(spent_on, 'YYYY-MM-DD')`.as('spent_on'), 'amount', 'description', 'over_budget_reason', 'created_at', 'created_by_name'])
    .where('program_id', 'in', programIds)
    .orderBy('spent_on')
    .orderBy('id')
    .execute()) as SpendingRow[];
  const files = rows.length === 0 ? [] : ((await db.selectFrom('csr_evidence').select(['id', 'spending_id', 'media_type', 'byte_size', 'created_at']).where('spending_id', 'in', rows.map((r) => r.id)).orderBy('created_at').orderBy('id').execute()) as EvidenceRow[]);
  for (const row of rows) {
    const list = byProgram.get(row.program_id) ?? [];
    list.push({
      id: row.id,
      date: row.spent_on,
      amount: rupiahOf(row.amount),
      description: row.description,
      evidence: files
        .filter((f) => f.spending_id === row.id)
        .map((f) => ({ id: f.id, mediaType: f.media_type as EvidenceMediaType, bytes: f.byte_size, url: evidenceUrl(origin, f), uploadedAt: f.created_at.toISOString() })),
      overBudgetReason: row.over_budget_reason,
      recordedBy: row.created_by_name,
      recordedAt: row.created_at.toISOString(),
    });
    byProgram.set(row.program_id, list);
  }
  return byProgram;
}

/** A staff spending entry as the public sees it: no reasons, no names. */
export function toPublicSpending(entry: CsrSpendingStaff): CsrSpending {
  return { id: entry.id, date: entry.date, amount: entry.amount, description: entry.description, evidence: entry.evidence };
}

/** The staff view of a programme. */
export function toProgramStaff(row: ProgramRow, spending: readonly CsrSpendingStaff[]): CsrProgramStaff {
  return {
    ...toProgram(row),
    doubleFunding:
      row.double_funding_reason && row.double_funding_at
        ? { with: row.double_funding_with ?? [], reason: row.double_funding_reason, by: row.double_funding_by ?? '', at: row.double_funding_at.toISOString() }
        : null,
    overBudgetReason: row.over_budget_reason,
    spending: [...spending],
    createdAt: row.created_at.toISOString(),
  };
}

/** Staff views of programme rows, with their spending. */
export async function programStaffViews(db: CsrDb, rows: readonly ProgramRow[], origin: string): Promise<CsrProgramStaff[]> {
  const spending = await spendingOf(db, rows.map((r) => r.id), origin);
  return rows.map((r) => toProgramStaff(r, spending.get(r.id) ?? []));
}

/** The 404 of a programme that is not this OPD's (or does not exist). */
export function noProgram(id: number, opdName: string): ProblemError {
  return new ProblemError('not-found', { detail: `${opdName} has no CSR programme ${id}` });
}

/** The place and year a programme is checked for double funding in. */
export interface PlaceAndYear {
  field: string;
  kecamatan: string;
  desa: string;
  year: number;
}

/**
 * The other non-cancelled programmes of the OPD in the same desa (of the same kecamatan,
 * any case and spacing), field and year. Takes a transaction-level advisory lock on that
 * place first, so two programmes saved at once for one desa cannot both miss each other.
 */
export async function possibleDoubleFunding(db: CsrDb, opd: string, place: PlaceAndYear, except?: number): Promise<Array<{ id: number; title: string; company: string }>> {
  const kecamatan = place.kecamatan.trim().toLowerCase();
  const desa = place.desa.trim().toLowerCase();
  await sql`select pg_advisory_xact_lock(hashtext(${`csr:${opd}:${place.field}:${place.year}:${kecamatan}:${desa}`}))`.execute(db);
  let query = db
    .selectFrom('csr_programs as p')
    .innerJoin('csr_companies as c', 'c.id', 'p.company_id')
    .select(['p.id', 'p.title', 'c.name as company'])
    .where('p.opd_slug', '=', opd)
    .where('p.field', '=', place.field)
    .where('p.year', '=', place.year)
    .where('p.status', '<>', 'cancelled')
    .where(sql<boolean>`lower(trim(p.kecamatan)) = ${kecamatan}`)
    .where(sql<boolean>`lower(trim(p.desa)) = ${desa}`);
  if (except !== undefined) query = query.where('p.id', '<>', except);
  return query.orderBy('p.id').execute();
}

/** The 409 of a programme that may be funded twice: names the others, and the field to write the reason in. */
export function doubleFundingProblem(place: PlaceAndYear, others: ReadonlyArray<{ id: number; title: string; company: string }>): ProblemError {
  const named = others.map((o) => `#${o.id} “${o.title}” (${o.company})`).join(', ');
  const message = `Desa ${place.desa} (${place.kecamatan}) already has ${others.length === 1 ? 'a programme' : `${others.length} programmes`} in ${place.field} for ${place.year}: ${named}. Write why this one is not double funding to go ahead`;
  return new ProblemError('csr-double-funding', { detail: message, errors: [{ path: 'doubleFundingReason', message, code: 'required' }] });
}

/** The 422 of spending that would pass the commitment without a reason, naming `overBudgetReason`. */
export function overBudgetProblem(committed: number, spent: number): ProblemError {
  const message = `This takes spending to Rp ${spent.toLocaleString('id-ID')}, Rp ${(spent - committed).toLocaleString('id-ID')} over the committed Rp ${committed.toLocaleString('id-ID')}: write why in overBudgetReason, or correct the amount`;
  return new ProblemError('validation', { detail: message, errors: [{ path: 'overBudgetReason', message, code: 'required' }] });
}

/** A proposal row as read, with its matched company. */
export interface ProposalRow {
  id: number;
  opd_slug: string;
  title: string;
  description: string | null;
  field: string;
  kecamatan: string;
  desa: string;
  lon: number | null;
  lat: number | null;
  year: number;
  estimated_cost: string | number | bigint | null;
  beneficiaries: number | null;
  proposer: string;
  contact_name: string | null;
  contact_phone: string | null;
  submitted_on: string;
  status: string;
  decision_note: string | null;
  decided_at: Date | null;
  decided_by: string | null;
  company_id: number | null;
  is_demo: boolean;
  created_at: Date;
  updated_at: Date;
  company_name: string | null;
  company_sector: string | null;
  company_is_demo: boolean | null;
  program_id: number | null;
}

/** The base query of an OPD's proposals with the matched company and the programme funding it. */
export function proposalQueryBase(db: CsrDb, opd: string) {
  return db
    .selectFrom('csr_proposals as r')
    .leftJoin('csr_companies as c', 'c.id', 'r.company_id')
    .selectAll('r')
    .select([sql<string>`to_char(r.submitted_on, 'YYYY-MM-DD')`.as('submitted_on'), 'c.name as company_name', 'c.sector as company_sector', 'c.is_demo as company_is_demo'])
    .select((eb) => eb.selectFrom('csr_programs as p').select('p.id').whereRef('p.proposal_id', '=', 'r.id').as('program_id'))
    .where('r.opd_slug', '=', opd);
}

/** One proposal of the OPD, optionally locked. */
export async function proposalById(db: CsrDb, opd: string, id: number, forUpdate = false): Promise<ProposalRow | undefined> {
  let query = proposalQueryBase(db, opd).where('r.id', '=', id);
  if (forUpdate) query = query.forUpdate('r');
  return (await query.executeTakeFirst()) as ProposalRow | undefined;
}

/** The staff view of a proposal. */
export function toProposalStaff(row: ProposalRow): CsrProposalStaff {
  const decided = row.decided_at && (row.status === 'approved' || row.status === 'rejected' || row.status === 'funded');
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    field: row.field,
    location: { kecamatan: row.kecamatan, desa: row.desa, point: row.lon === null || row.lat === null ? null : [row.lon, row.lat] },
    year: row.year,
    estimatedCost: row.estimated_cost === null ? null : rupiahOf(row.estimated_cost),
    beneficiaries: row.beneficiaries,
    proposer: row.proposer,
    contact: row.contact_name ? { name: row.contact_name, phone: row.contact_phone } : null,
    submittedOn: row.submitted_on,
    status: row.status as CsrProposalStaff['status'],
    decision: decided
      ? {
          decision: row.company_id !== null ? 'approved' : 'rejected',
          note: row.decision_note,
          company: row.company_id !== null ? { id: row.company_id, name: row.company_name ?? '', sector: (row.company_sector ?? 'lainnya') as CsrSector, isDemo: row.company_is_demo ?? false } : null,
          by: row.decided_by ?? '',
          at: row.decided_at!.toISOString(),
        }
      : null,
    programId: row.program_id,
    isDemo: row.is_demo,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
