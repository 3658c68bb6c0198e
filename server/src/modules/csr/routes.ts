/**
 * SIP BENAR's routes, one per endpoint of `csrStaffEndpoints`:
 * - public: the programmes (filters, pages), one programme with its spending and evidence
 *   links, the summary, the companies — never a contact person or a staff member's name;
 * - staff of the OPD that runs the board (Bappeda: the CSR forum's secretariat): companies,
 *   programmes, spending entries and their evidence, village proposals and the forum's
 *   decisions, the CSV exports; an OPD admin sets the fields.
 * Who may call what is the endpoint's `access` (own OPD only); a record of another OPD is a
 * 404 under one's own. Every write, and every staff read of a contact person, lands in the
 * audit log (`csr.*`).
 *
 * Money stays honest in two places, each never silent: a programme in the same desa, field and
 * year as another non-cancelled one is refused (409 `csr-double-funding`, naming the other)
 * unless a written reason is given, which is kept and shown to staff; spending past the
 * commitment is refused (422 naming `overBudgetReason`, with the amount over) unless a written
 * reason is given, and then kept with the programme flagged `overspent` for everyone.
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { CSR_EVIDENCE_MAX_BYTES, CSR_EVIDENCE_MAX_FILES, csrStaffEndpoints as endpoints } from '../../../../src/schemas/csr-staff.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../db/audit.js';
import { emitEvent } from '../../jobs/contract.js';
import type { OpdRow } from '../../db/schema.js';
import { bodyBytes } from '../../http/body.js';
import { toCsv } from '../../http/csv.js';
import { decodeKey, pageBy, pageDocs } from '../../http/cursor.js';
import type { AppEnv } from '../../http/env.js';
import { claimedInTransaction, replayHeaders } from '../../http/idempotency.js';
import { route } from '../../http/module.js';
import { publicBaseOf } from '../../http/origin.js';
import { ProblemError, validationProblem } from '../../http/problem.js';
import { EvidenceError, readEvidence } from '../../media/evidence.js';
import { programTable, spendingTable } from './export.js';
import {
  checkField,
  companiesOf,
  doubleFundingProblem,
  fieldsOf,
  noProgram,
  overBudgetProblem,
  possibleDoubleFunding,
  programById,
  programQueryBase,
  programStaffViews,
  proposalById,
  proposalQueryBase,
  spendingOf,
  toCompany,
  toCompanyStaff,
  toProgram,
  toProposalStaff,
  toPublicSpending,
  type PlaceAndYear,
  type ProgramRow,
  type ProposalRow,
} from './records.js';
import { summaryOf } from './summary.js';
import { csrDb, rupiahOf, type CsrDb } from './tables.js';

/** Default page size of the public programme list. */
export const DEFAULT_PAGE_SIZE = 20;

/** The base of the links an answer hands out (evidence files): `PUBLIC_URL`, else the address the request came to, behind `TRUST_PROXY` the forwarded one. */
const originOf = (c: Context<AppEnv>): string => publicBaseOf(c);

const byId = (what: string) => ({
  docs: { id: { description: `The ${what}’s id, e.g. \`12\`.`, schema: { type: 'integer' } } },
  notFound: (_: string, value: string) => `No ${what} has the id "${value}": an id is a whole number, like 12`,
});

const noStore = { 'Cache-Control': 'no-store' };

const isYearIdCursor = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && Number.isSafeInteger(value[1]) && (value[1] as number) > 0;
const isIdCursor = (value: unknown): value is [number] => Array.isArray(value) && value.length === 1 && Number.isSafeInteger(value[0]) && (value[0] as number) > 0;

const listPrograms = route({
  endpoint: endpoints.listPrograms,
  summary: 'List the CSR programmes',
  description:
    'The OPD’s CSR-funded programmes in every status, newest budget year first, filtered by field, kecamatan (any case), company, year and status; `total` counts every match. Committed and spent are whole rupiah; `overspent` says spending passed the commitment.',
  docs: { field: 'A field id of the OPD, e.g. `pendidikan`.', kecamatan: 'A kecamatan, e.g. `Merapi Barat`.', company: 'A company id.', year: 'A budget year.', status: 'A status.', ...pageDocs(DEFAULT_PAGE_SIZE) },
  async handler({ deps, opd, query }) {
    const db = csrDb(deps.db);
    let base = programQueryBase(db, opd.slug);
    if (query.field) base = base.where('p.field', '=', query.field);
    if (query.kecamatan) base = base.where((eb) => eb(eb.fn('lower', ['p.kecamatan']), '=', query.kecamatan!.toLowerCase()));
    if (query.company) base = base.where('p.company_id', '=', query.company);
    if (query.year) base = base.where('p.year', '=', query.year);
    if (query.status) base = base.where('p.status', '=', query.status);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const totalRow = await base.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    let paged = base;
    if (query.cursor) {
      const [year, id] = decodeKey(query.cursor, isYearIdCursor);
      paged = paged.where((eb) => eb.or([eb('p.year', '<', year), eb.and([eb('p.year', '=', year), eb('p.id', '<', id)])]));
    }
    const rows = (await paged.orderBy('p.year', 'desc').orderBy('p.id', 'desc').limit(limit + 1).execute()) as ProgramRow[];
    const { page, nextCursor } = pageBy(rows, limit, (r) => [r.year, r.id]);
    return { body: { data: page.map(toProgram), nextCursor, total: Number(totalRow.n) }, headers: noStore };
  },
});

const getProgram = route({
  endpoint: endpoints.getProgram,
  summary: 'Read one CSR programme',
  description: 'A programme with its spending entries (oldest first) and the addresses of their evidence files. No contact person, no staff names.',
  ...byId('programme'),
  async handler({ c, deps, opd, params }) {
    const db = csrDb(deps.db);
    const row = await programById(db, opd.slug, params.id);
    if (!row) throw noProgram(params.id, opd.name);
    const spending = (await spendingOf(db, [row.id], originOf(c))).get(row.id) ?? [];
    return { body: { ...toProgram(row), spending: spending.map(toPublicSpending) }, headers: noStore };
  },
});

const summary = route({
  endpoint: endpoints.summary,
  summary: 'Summarise CSR funding',
  description:
    'Committed against spent (whole rupiah) over the counted programmes — approved, running, done and postponed (a proposed one is not yet a commitment, a cancelled one no longer is) — in total and by field, kecamatan, company and year, with the beneficiaries, the programmes in each status, the programmes whose spending passed their commitment, and the villages’ needs not yet funded (submitted or approved proposals: their count, estimated cost and the newest 50). `?year=` keeps one budget year.',
  docs: { year: 'A budget year (default: every year).' },
  async handler({ deps, opd, query }) {
    return { body: await summaryOf(csrDb(deps.db), opd.slug, query.year ?? null), headers: noStore };
  },
});

const listCompanies = route({
  endpoint: endpoints.listCompanies,
  summary: 'List the companies',
  description: 'The companies of the OPD’s CSR programmes, by name: name and sector only.',
  async handler({ deps, opd }) {
    return { body: { data: (await companiesOf(csrDb(deps.db), opd.slug)).map(toCompany) }, headers: noStore };
  },
});

async function auditContacts(db: CsrDb, actor: Actor, opd: string, kind: 'company' | 'proposal', ids: number[], now: Date): Promise<void> {
  if (ids.length > 0) await audit(db, { actor, action: `csr.${kind}.view`, subject: `csr-${kind}s:${ids.join(',')}`, opd, detail: { count: ids.length } }, now);
}

const staffCompanies = route({
  endpoint: endpoints.staffCompanies,
  summary: 'List the companies with their contact persons (staff)',
  description: 'Every company of the OPD with its contact person and how many programmes it funds. The read of contact persons is audited.',
  async handler({ deps, opd, actor, now }) {
    const db = csrDb(deps.db);
    const data = (await companiesOf(db, opd.slug)).map(toCompanyStaff);
    await auditContacts(db, actor, opd.slug, 'company', data.filter((d) => d.contact).map((d) => d.id), now);
    return { body: { data } };
  },
});

async function checkCompanyName(db: CsrDb, opd: string, name: string, except?: number): Promise<void> {
  let query = db.selectFrom('csr_companies').select(['id']).where('opd_slug', '=', opd).where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (except !== undefined) query = query.where('id', '<>', except);
  const same = await query.executeTakeFirst();
  if (same) throw new ProblemError('conflict', { detail: `Company ${same.id} already has the name “${name}”`, errors: [{ path: 'name', message: `Company ${same.id} already has this name`, code: 'alreadyUsed' }] });
}

function contactColumns(contact: { name: string; phone?: string | null | undefined; email?: string | null | undefined } | null | undefined) {
  return { contact_name: contact?.name ?? null, contact_phone: contact?.phone ?? null, contact_email: contact?.email ?? null };
}

async function oneCompany(db: CsrDb, opd: OpdRow, id: number) {
  const row = (await companiesOf(db, opd.slug, id))[0];
  if (!row) throw new ProblemError('not-found', { detail: `${opd.name} has no CSR company ${id}` });
  return row;
}

const createCompany = route({
  endpoint: endpoints.createCompany,
  summary: 'Add a company (staff)',
  description: 'A company that funds programmes: its name (unique in the OPD, any case: 409 otherwise), sector and contact person (staff-only).',
  returns: 'The company, as staff see it.',
  async handler({ deps, opd, body, actor, now }) {
    return csrDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        await checkCompanyName(trx, opd.slug, body.name);
        const row = await trx
          .insertInto('csr_companies')
          .values({ opd_slug: opd.slug, name: body.name, sector: body.sector, ...contactColumns(body.contact), created_at: now, updated_at: now, created_by: actor.id, updated_by: actor.id })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit(trx, { actor, action: 'csr.company.create', subject: `csr-company:${row.id}`, opd: opd.slug, detail: { sector: body.sector } }, now);
        return { body: toCompanyStaff(await oneCompany(trx, opd, row.id)) };
      });
  },
});

const editCompany = route({
  endpoint: endpoints.editCompany,
  summary: 'Edit a company (staff)',
  description: 'Changes its name, sector or contact person (`contact: null` removes it).',
  returns: 'The company, as staff see it.',
  ...byId('company'),
  async handler({ deps, opd, params, body, actor, now }) {
    return csrDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        await oneCompany(trx, opd, params.id);
        if (body.name !== undefined) await checkCompanyName(trx, opd.slug, body.name, params.id);
        const set: Record<string, unknown> = {};
        if (body.name !== undefined) set.name = body.name;
        if (body.sector !== undefined) set.sector = body.sector;
        if (body.contact !== undefined) Object.assign(set, contactColumns(body.contact));
        if (Object.keys(set).length > 0) {
          await trx.updateTable('csr_companies').set({ ...set, updated_at: now, updated_by: actor.id }).where('id', '=', params.id).execute();
          await audit(trx, { actor, action: 'csr.company.edit', subject: `csr-company:${params.id}`, opd: opd.slug, detail: { fields: Object.keys(body) } }, now);
        }
        return { body: toCompanyStaff(await oneCompany(trx, opd, params.id)) };
      });
  },
});

const deleteCompany = route({
  endpoint: endpoints.deleteCompany,
  summary: 'Remove a company (staff)',
  description: 'Only a company that funds no programme and was matched to no proposal (409 otherwise: its record stays with the money).',
  ...byId('company'),
  async handler({ deps, opd, params, actor, now }) {
    return csrDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const row = await oneCompany(trx, opd, params.id);
        const matched = await trx.selectFrom('csr_proposals').select('id').where('company_id', '=', row.id).limit(1).executeTakeFirst();
        if (Number(row.programs) > 0 || matched) throw new ProblemError('conflict', { detail: `${row.name} funds ${row.programs} programme(s) or was matched to a proposal: it stays on record` });
        await trx.deleteFrom('csr_companies').where('id', '=', row.id).execute();
        await audit(trx, { actor, action: 'csr.company.delete', subject: `csr-company:${row.id}`, opd: opd.slug, detail: { name: row.name } }, now);
        return { body: undefined };
      });
  },
});

async function staffOne(db: CsrDb, c: Context<AppEnv>, opd: OpdRow, id: number) {
  const row = await programById(db, opd.slug, id);
  if (!row) throw noProgram(id, opd.name);
  return (await programStaffViews(db, [row], originOf(c)))[0]!;
}

const staffPrograms = route({
  endpoint: endpoints.staffPrograms,
  summary: 'List the programmes as staff see them',
  description: 'Every programme of the OPD, newest first, with the double-funding flag and its reason, the over-budget reasons and every spending entry.',
  docs: { status: 'Only this status.', year: 'Only this budget year.', ...pageDocs(50) },
  async handler({ c, deps, opd, query }) {
    const db = csrDb(deps.db);
    let base = programQueryBase(db, opd.slug);
    if (query.status) base = base.where('p.status', '=', query.status);
    if (query.year) base = base.where('p.year', '=', query.year);
    if (query.cursor) {
      const [after] = decodeKey(query.cursor, isIdCursor);
      base = base.where('p.id', '<', after);
    }
    const limit = query.limit ?? 50;
    const rows = (await base.orderBy('p.id', 'desc').limit(limit + 1).execute()) as ProgramRow[];
    const { page, nextCursor } = pageBy(rows, limit, (r) => [r.id]);
    return { body: { data: await programStaffViews(db, page, originOf(c)), nextCursor } };
  },
});

const staffProgram = route({
  endpoint: endpoints.staffProgram,
  summary: 'Read one programme as staff see it',
  description: 'With the double-funding flag and reason, and every spending entry with its over-budget reason and who recorded it.',
  ...byId('programme'),
  async handler({ c, deps, opd, params }) {
    return { body: await staffOne(csrDb(deps.db), c, opd, params.id) };
  },
});

/** A 422 naming `companyId` unless the company is the OPD's. */
async function checkCompany(db: CsrDb, opd: string, id: number): Promise<void> {
  const found = await db.selectFrom('csr_companies').select('id').where('opd_slug', '=', opd).where('id', '=', id).executeTakeFirst();
  if (!found) throw validationProblem([{ path: 'companyId', message: `This OPD has no company ${id}: add it first`, code: 'notAllowed' }]);
}

/** Checks the place for double funding; returns the flag columns to store (cleared when none). */
async function doubleFundingColumns(db: CsrDb, opd: string, place: PlaceAndYear, reason: string | undefined, actor: Actor, now: Date, except?: number) {
  const others = await possibleDoubleFunding(db, opd, place, except);
  if (others.length === 0) return { double_funding_with: null, double_funding_reason: null, double_funding_by: null, double_funding_at: null };
  if (!reason) throw doubleFundingProblem(place, others);
  return { double_funding_with: JSON.stringify(others), double_funding_reason: reason, double_funding_by: actor.name, double_funding_at: now };
}

const createProgram = route({
  endpoint: endpoints.createProgram,
  summary: 'Register a programme (staff)',
  description:
    'A programme funded by one of the OPD’s companies: title, field, kecamatan and desa (with an optional point), budget year, committed budget (whole rupiah), beneficiaries, status (default `proposed`, or `approved` for an approved proposal), the RPJMD priority and the SDG. With `proposalId` (an approved proposal, not yet funded: 409 otherwise) the company, field, place and year default to the proposal’s, and the proposal becomes funded. One in the same desa, field and year as another non-cancelled programme is refused with 409 `csr-double-funding` naming the other unless `doubleFundingReason` is given; the reason is kept and shown to staff. Honours `Idempotency-Key` (the same key and body answer the first registration again, with `Idempotent-Replayed: true`; the key with another body is a 422).',
  returns: 'The programme, as staff see it.',
  async handler({ c, opd, body, actor, now, onceInStatement }) {
    // The key commits with the write, or neither does: sent again after a lost answer, it is recorded once.
    const result = await onceInStatement((base, claim) =>
      claimedInTransaction(csrDb(base), claim, async (trx) => {
        let proposal: ProposalRow | undefined;
        if (body.proposalId !== undefined) {
          proposal = await proposalById(trx, opd.slug, body.proposalId, true);
          if (!proposal) throw validationProblem([{ path: 'proposalId', message: `This OPD has no proposal ${body.proposalId}`, code: 'notAllowed' }]);
          if (proposal.status !== 'approved') throw new ProblemError('conflict', { detail: `Proposal ${proposal.id} is ${proposal.status}: only a proposal the forum approved becomes a programme` });
        }
        const values = {
          companyId: body.companyId ?? proposal?.company_id ?? undefined,
          field: body.field ?? proposal?.field,
          kecamatan: body.kecamatan ?? proposal?.kecamatan,
          desa: body.desa ?? proposal?.desa,
          year: body.year ?? proposal?.year,
        };
        const missing = Object.entries(values).filter(([, v]) => v === undefined || v === null);
        if (missing.length > 0) throw validationProblem(missing.map(([path]) => ({ path, message: `Enter the ${path === 'companyId' ? 'company' : path}`, code: 'required' as const })));
        const place = { field: values.field!, kecamatan: values.kecamatan!, desa: values.desa!, year: values.year! };
        await checkCompany(trx, opd.slug, values.companyId!);
        await checkField(trx, opd.slug, place.field);
        const status = body.status ?? (proposal ? 'approved' : 'proposed');
        const flag = status === 'cancelled' ? {} : await doubleFundingColumns(trx, opd.slug, place, body.doubleFundingReason, actor, now);
        const point = body.point !== undefined ? body.point : proposal && proposal.lon !== null && proposal.lat !== null ? ([proposal.lon, proposal.lat] as [number, number]) : null;
        const row = await trx
          .insertInto('csr_programs')
          .values({
            opd_slug: opd.slug,
            company_id: values.companyId!,
            proposal_id: proposal?.id ?? null,
            title: body.title,
            description: body.description ?? proposal?.description ?? null,
            field: place.field,
            kecamatan: place.kecamatan,
            desa: place.desa,
            lon: point?.[0] ?? null,
            lat: point?.[1] ?? null,
            year: place.year,
            committed: body.committed,
            beneficiaries: body.beneficiaries ?? proposal?.beneficiaries ?? null,
            status,
            rpjmd_priority: body.rpjmdPriority ?? null,
            sdg: body.sdg ?? null,
            ...flag,
            created_at: now,
            updated_at: now,
            created_by: actor.id,
            updated_by: actor.id,
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        if (proposal) await trx.updateTable('csr_proposals').set({ status: 'funded', updated_at: now, updated_by: actor.id }).where('id', '=', proposal.id).execute();
        await audit(trx, { actor, action: 'csr.program.create', subject: `csr-program:${row.id}`, opd: opd.slug, detail: { committed: body.committed, proposal: proposal?.id ?? null, doubleFunding: 'double_funding_reason' in flag && flag.double_funding_reason !== null } }, now);
        await emitEvent(trx, 'csr-program.registered', { opd: opd.slug, programId: row.id, status, year: place.year, committed: body.committed, proposalId: proposal?.id ?? null }, now);
        return staffOne(trx, c, opd, row.id);
      }),
    );
    return { body: result.body, headers: replayHeaders(result) };
  },
});

const editProgram = route({
  endpoint: endpoints.editProgram,
  summary: 'Edit a programme (staff)',
  description:
    'Changes any field, the status included. Moving it into a desa, field or year another non-cancelled programme funds — or bringing it back from `cancelled` — is checked for double funding again (409 `csr-double-funding` without `doubleFundingReason`); lowering the commitment below what was already spent needs `overBudgetReason` (422 naming it).',
  returns: 'The programme, as staff see it.',
  ...byId('programme'),
  async handler({ c, deps, opd, params, body, actor, now }) {
    return csrDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const row = await programById(trx, opd.slug, params.id, true);
        if (!row) throw noProgram(params.id, opd.name);
        if (body.companyId !== undefined) await checkCompany(trx, opd.slug, body.companyId);
        if (body.field !== undefined) await checkField(trx, opd.slug, body.field);
        const place = { field: body.field ?? row.field, kecamatan: body.kecamatan ?? row.kecamatan, desa: body.desa ?? row.desa, year: body.year ?? row.year };
        const status = body.status ?? row.status;
        const moved = place.field !== row.field || place.kecamatan !== row.kecamatan || place.desa !== row.desa || place.year !== row.year || (row.status === 'cancelled' && status !== 'cancelled');
        const set: Record<string, unknown> = {};
        if (moved && status !== 'cancelled') Object.assign(set, await doubleFundingColumns(trx, opd.slug, place, body.doubleFundingReason, actor, now, row.id));
        else if (body.doubleFundingReason !== undefined && row.double_funding_reason) Object.assign(set, { double_funding_reason: body.doubleFundingReason, double_funding_by: actor.name, double_funding_at: now });
        const spent = rupiahOf(row.spent);
        if (body.committed !== undefined) {
          if (body.committed < spent && !body.overBudgetReason) throw overBudgetProblem(body.committed, spent);
          set.committed = body.committed;
          set.over_budget_reason = body.committed < spent ? body.overBudgetReason : null;
        }
        const simple = { title: 'title', description: 'description', companyId: 'company_id', field: 'field', kecamatan: 'kecamatan', desa: 'desa', year: 'year', beneficiaries: 'beneficiaries', status: 'status', rpjmdPriority: 'rpjmd_priority', sdg: 'sdg' } as const;
        for (const [key, column] of Object.entries(simple)) {
          const value = body[key as keyof typeof simple];
          if (value !== undefined) set[column] = value;
        }
        if (body.point !== undefined) Object.assign(set, { lon: body.point?.[0] ?? null, lat: body.point?.[1] ?? null });
        if (Object.keys(set).length > 0) {
          await trx.updateTable('csr_programs').set({ ...set, updated_at: now, updated_by: actor.id } as never).where('id', '=', row.id).execute();
          await audit(trx, { actor, action: 'csr.program.edit', subject: `csr-program:${row.id}`, opd: opd.slug, detail: { fields: Object.keys(body), committed: body.committed ?? null, status: body.status ?? null } }, now);
        }
        return { body: await staffOne(trx, c, opd, row.id) };
      });
  },
});

const addSpending = route({
  endpoint: endpoints.addSpending,
  summary: 'Record spending on a programme (staff)',
  description:
    'A spending entry (*realisasi*): the day, the amount (whole rupiah, at least 1) and what it paid for; evidence files are uploaded to it afterwards. Not on a proposed or cancelled programme (409). An entry that takes spending past the commitment is refused (422 naming `overBudgetReason`, saying by how much) unless `overBudgetReason` says why: then it is kept, with its reason, and the programme shows `overspent` to everyone. Honours `Idempotency-Key`: an entry sent again after a lost answer is recorded once.',
  returns: 'The programme with the entry, as staff see it.',
  ...byId('programme'),
  async handler({ c, opd, params, body, actor, now, onceInStatement }) {
    checkDay(body.date, 'date');
    // The key commits with the write, or neither does: sent again after a lost answer, it is recorded once.
    const result = await onceInStatement((base, claim) =>
      claimedInTransaction(csrDb(base), claim, async (trx) => {
        const row = await programById(trx, opd.slug, params.id, true);
        if (!row) throw noProgram(params.id, opd.name);
        if (row.status === 'proposed' || row.status === 'cancelled') throw new ProblemError('conflict', { detail: `Programme ${row.id} is ${row.status}: spending is recorded on an approved, running, done or postponed programme` });
        const committed = rupiahOf(row.committed);
        const after = rupiahOf(row.spent) + body.amount;
        const over = after > committed;
        if (over && !body.overBudgetReason) throw overBudgetProblem(committed, after);
        const entry = await trx
          .insertInto('csr_spending')
          .values({ program_id: row.id, spent_on: body.date, amount: body.amount, description: body.description, over_budget_reason: over ? body.overBudgetReason! : null, created_at: now, created_by: actor.id, created_by_name: actor.name, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.updateTable('csr_programs').set({ updated_at: now, updated_by: actor.id }).where('id', '=', row.id).execute();
        await audit(trx, { actor, action: 'csr.spending.add', subject: `csr-spending:${entry.id}`, opd: opd.slug, detail: { program: row.id, amount: body.amount, overBudget: over } }, now);
        return staffOne(trx, c, opd, row.id);
      }),
    );
    return { body: result.body, headers: replayHeaders(result) };
  },
});

/** A 422 naming `path` unless `value` is a day of the calendar. */
function checkDay(value: string | undefined, path: string): void {
  if (value === undefined) return;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw validationProblem([{ path, message: `${value} is not a day of the calendar`, code: 'format' }]);
}

/** The OPD's spending entry `id` with its programme, both locked; 404 when it is another OPD's. */
async function ownSpending(db: CsrDb, opd: OpdRow, id: number) {
  const entry = await db
    .selectFrom('csr_spending as s')
    .innerJoin('csr_programs as p', 'p.id', 's.program_id')
    .select(['s.id', 's.program_id', 's.amount', 's.over_budget_reason'])
    .where('s.id', '=', id)
    .where('p.opd_slug', '=', opd.slug)
    .executeTakeFirst();
  if (!entry) throw new ProblemError('not-found', { detail: `${opd.name} has no CSR spending entry ${id}` });
  const program = (await programById(db, opd.slug, entry.program_id, true))!;
  return { entry, program };
}

const editSpending = route({
  endpoint: endpoints.editSpending,
  summary: 'Correct a spending entry (staff)',
  description: 'Changes its day, amount or description. A new amount that takes spending past the commitment needs `overBudgetReason` (422 naming it), as a new entry does.',
  returns: 'The programme, as staff see it.',
  ...byId('spending entry'),
  async handler({ c, deps, opd, params, body, actor, now }) {
    checkDay(body.date, 'date');
    return csrDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const { entry, program } = await ownSpending(trx, opd, params.id);
        const committed = rupiahOf(program.committed);
        const after = rupiahOf(program.spent) - rupiahOf(entry.amount) + (body.amount ?? rupiahOf(entry.amount));
        const over = after > committed;
        const reason = body.overBudgetReason ?? entry.over_budget_reason;
        if (over && !reason) throw overBudgetProblem(committed, after);
        const set: Record<string, unknown> = { over_budget_reason: over ? reason : null };
        if (body.date !== undefined) set.spent_on = body.date;
        if (body.amount !== undefined) set.amount = body.amount;
        if (body.description !== undefined) set.description = body.description;
        await trx.updateTable('csr_spending').set({ ...set, updated_at: now } as never).where('id', '=', entry.id).execute();
        await trx.updateTable('csr_programs').set({ updated_at: now, updated_by: actor.id }).where('id', '=', program.id).execute();
        await audit(trx, { actor, action: 'csr.spending.edit', subject: `csr-spending:${entry.id}`, opd: opd.slug, detail: { program: program.id, fields: Object.keys(body), amountBefore: rupiahOf(entry.amount), amount: body.amount ?? null } }, now);
        return { body: await staffOne(trx, c, opd, program.id) };
      });
  },
});

const deleteSpending = route({
  endpoint: endpoints.deleteSpending,
  summary: 'Remove a spending entry recorded by mistake (staff)',
  description: 'Removes the entry and its evidence files; the audit log keeps its amount and who removed it.',
  returns: 'The programme without it, as staff see it.',
  ...byId('spending entry'),
  async handler({ c, deps, opd, params, actor, now }) {
    return csrDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const { entry, program } = await ownSpending(trx, opd, params.id);
        await trx.deleteFrom('csr_spending').where('id', '=', entry.id).execute();
        await trx.updateTable('csr_programs').set({ updated_at: now, updated_by: actor.id }).where('id', '=', program.id).execute();
        await audit(trx, { actor, action: 'csr.spending.remove', subject: `csr-spending:${entry.id}`, opd: opd.slug, detail: { program: program.id, amount: rupiahOf(entry.amount) } }, now);
        return { body: await staffOne(trx, c, opd, program.id) };
      });
  },
});

const uploadEvidence = route({
  endpoint: endpoints.uploadEvidence,
  summary: 'Upload evidence of a spending entry (staff)',
  description:
    'The body is the file’s bytes (any Content-Type: the content decides), checked by the server’s shared evidence reader as an innovation’s evidence is: a PDF (header and trailer checked; none with JavaScript or launch actions), a JPEG or a PNG (EXIF with GPS, XMP, IPTC, comments and text chunks removed before it is stored), at most 2 MB (413 beyond; 415 for anything else or a broken file). At most 10 files per entry (409). The file is public with its programme.',
  returns: 'The programme with the file, as staff see it.',
  bodyBytes: CSR_EVIDENCE_MAX_BYTES,
  ...byId('spending entry'),
  async handler({ c, deps, opd, params, actor, now }) {
    const upload = await bodyBytes(c, CSR_EVIDENCE_MAX_BYTES, `An evidence file may be at most 2 MB (${CSR_EVIDENCE_MAX_BYTES} bytes): scan at 150 dpi or compress the PDF`);
    let file;
    try {
      file = readEvidence(upload);
    } catch (error) {
      if (!(error instanceof EvidenceError)) throw error;
      throw new ProblemError('unsupported-media-type', { detail: error.message, errors: [{ path: 'file', message: error.message, code: 'invalid' }] });
    }
    const { mediaType, bytes } = file;
    return csrDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const { entry, program } = await ownSpending(trx, opd, params.id);
        const held = await trx.selectFrom('csr_evidence').select((eb) => eb.fn.countAll<string>().as('n')).where('spending_id', '=', entry.id).executeTakeFirstOrThrow();
        if (Number(held.n) >= CSR_EVIDENCE_MAX_FILES) throw new ProblemError('conflict', { detail: `Spending entry ${entry.id} already holds ${CSR_EVIDENCE_MAX_FILES} evidence files: remove one first` });
        const id = randomBytes(15).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 20);
        await trx
          .insertInto('csr_evidence')
          .values({ id, spending_id: entry.id, media_type: mediaType, byte_size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), data: bytes, created_at: now, created_by: actor.id })
          .execute();
        await trx.updateTable('csr_programs').set({ updated_at: now, updated_by: actor.id }).where('id', '=', program.id).execute();
        await audit(trx, { actor, action: 'csr.evidence.add', subject: `csr-spending:${entry.id}`, opd: opd.slug, detail: { file: id, mediaType, bytes: bytes.length } }, now);
        return { body: await staffOne(trx, c, opd, program.id) };
      });
  },
});

const deleteEvidence = route({
  endpoint: endpoints.deleteEvidence,
  summary: 'Remove an evidence file (staff)',
  description: 'Removes a file from its spending entry.',
  returns: 'The programme without the file, as staff see it.',
  notFound: (_: string, value: string) => `"${value}" is not an evidence file id (20 letters and digits)`,
  async handler({ c, deps, opd, params, actor, now }) {
    return csrDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const found = await trx
          .selectFrom('csr_evidence as e')
          .innerJoin('csr_spending as s', 's.id', 'e.spending_id')
          .innerJoin('csr_programs as p', 'p.id', 's.program_id')
          .select(['e.id', 's.id as spending_id', 'p.id as program_id'])
          .where('e.id', '=', params.file)
          .where('p.opd_slug', '=', opd.slug)
          .executeTakeFirst();
        if (!found) throw new ProblemError('not-found', { detail: `${opd.name} has no CSR evidence file ${params.file}` });
        await trx.deleteFrom('csr_evidence').where('id', '=', found.id).execute();
        await audit(trx, { actor, action: 'csr.evidence.remove', subject: `csr-spending:${found.spending_id}`, opd: opd.slug, detail: { file: found.id } }, now);
        return { body: await staffOne(trx, c, opd, found.program_id) };
      });
  },
});

const proposals = route({
  endpoint: endpoints.proposals,
  summary: 'List the village proposals (staff)',
  description: 'The proposals (*usulan*) villages and kecamatan submitted, newest first, with the proposer’s contact person (the read is audited), the forum’s decision and the programme that funds each.',
  docs: { status: 'Only this status.', ...pageDocs(50) },
  async handler({ deps, opd, query, actor, now }) {
    const db = csrDb(deps.db);
    let base = proposalQueryBase(db, opd.slug);
    if (query.status) base = base.where('r.status', '=', query.status);
    if (query.cursor) {
      const [after] = decodeKey(query.cursor, isIdCursor);
      base = base.where('r.id', '<', after);
    }
    const limit = query.limit ?? 50;
    const rows = (await base.orderBy('r.id', 'desc').limit(limit + 1).execute()) as ProposalRow[];
    const { page, nextCursor } = pageBy(rows, limit, (r) => [r.id]);
    const data = page.map(toProposalStaff);
    await auditContacts(db, actor, opd.slug, 'proposal', data.filter((p) => p.contact).map((p) => p.id), now);
    return { body: { data, nextCursor } };
  },
});

async function oneProposal(db: CsrDb, opd: OpdRow, id: number) {
  const row = await proposalById(db, opd.slug, id);
  if (!row) throw new ProblemError('not-found', { detail: `${opd.name} has no CSR proposal ${id}` });
  return toProposalStaff(row);
}

const createProposal = route({
  endpoint: endpoints.createProposal,
  summary: 'Record a village proposal (staff)',
  description: 'A need a desa or kecamatan submitted: title, field (one of the OPD’s), kecamatan, desa and optional point, year, estimated cost (whole rupiah), beneficiaries, who proposes it, their contact person (staff-only) and the day it was submitted. It waits for the CSR forum’s decision.',
  returns: 'The proposal, as staff see it.',
  async handler({ deps, opd, body, actor, now }) {
    checkDay(body.submittedOn, 'submittedOn');
    return csrDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        await checkField(trx, opd.slug, body.field);
        const row = await trx
          .insertInto('csr_proposals')
          .values({
            opd_slug: opd.slug,
            title: body.title,
            description: body.description ?? null,
            field: body.field,
            kecamatan: body.kecamatan,
            desa: body.desa,
            lon: body.point?.[0] ?? null,
            lat: body.point?.[1] ?? null,
            year: body.year,
            estimated_cost: body.estimatedCost ?? null,
            beneficiaries: body.beneficiaries ?? null,
            proposer: body.proposer,
            contact_name: body.contact?.name ?? null,
            contact_phone: body.contact?.phone ?? null,
            submitted_on: body.submittedOn,
            status: 'submitted',
            created_at: now,
            updated_at: now,
            created_by: actor.id,
            updated_by: actor.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit(trx, { actor, action: 'csr.proposal.create', subject: `csr-proposal:${row.id}`, opd: opd.slug, detail: { field: body.field, year: body.year } }, now);
        await emitEvent(trx, 'csr-proposal.received', { opd: opd.slug, proposalId: row.id, field: body.field, year: body.year }, now);
        return { body: await oneProposal(trx, opd, row.id) };
      });
  },
});

const editProposal = route({
  endpoint: endpoints.editProposal,
  summary: 'Edit a submitted proposal (staff)',
  description: 'Changes any field while the forum has not decided (409 after).',
  returns: 'The proposal, as staff see it.',
  ...byId('proposal'),
  async handler({ deps, opd, params, body, actor, now }) {
    checkDay(body.submittedOn, 'submittedOn');
    return csrDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const row = await proposalById(trx, opd.slug, params.id, true);
        if (!row) throw new ProblemError('not-found', { detail: `${opd.name} has no CSR proposal ${params.id}` });
        if (row.status !== 'submitted') throw new ProblemError('conflict', { detail: `Proposal ${row.id} is ${row.status}: only one the forum has not decided on is edited` });
        if (body.field !== undefined) await checkField(trx, opd.slug, body.field);
        const set: Record<string, unknown> = {};
        const simple = { title: 'title', description: 'description', field: 'field', kecamatan: 'kecamatan', desa: 'desa', year: 'year', estimatedCost: 'estimated_cost', beneficiaries: 'beneficiaries', proposer: 'proposer', submittedOn: 'submitted_on' } as const;
        for (const [key, column] of Object.entries(simple)) {
          const value = body[key as keyof typeof simple];
          if (value !== undefined) set[column] = value;
        }
        if (body.point !== undefined) Object.assign(set, { lon: body.point?.[0] ?? null, lat: body.point?.[1] ?? null });
        if (body.contact !== undefined) Object.assign(set, { contact_name: body.contact?.name ?? null, contact_phone: body.contact?.phone ?? null });
        if (Object.keys(set).length > 0) {
          await trx.updateTable('csr_proposals').set({ ...set, updated_at: now, updated_by: actor.id } as never).where('id', '=', row.id).execute();
          await audit(trx, { actor, action: 'csr.proposal.edit', subject: `csr-proposal:${row.id}`, opd: opd.slug, detail: { fields: Object.keys(body) } }, now);
        }
        return { body: await oneProposal(trx, opd, row.id) };
      });
  },
});

const decide = route({
  endpoint: endpoints.decide,
  summary: 'Record the CSR forum’s decision on a proposal (staff)',
  description: 'On a submitted proposal (409 otherwise): `approve` matches it to one of the OPD’s companies (`companyId`, 422 naming it when missing or not the OPD’s), ready to become a programme; `reject` needs the forum’s `note` (422 naming it). Who decided and when are kept.',
  returns: 'The proposal, as staff see it.',
  ...byId('proposal'),
  async handler({ deps, opd, params, body, actor, now }) {
    return csrDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const row = await proposalById(trx, opd.slug, params.id, true);
        if (!row) throw new ProblemError('not-found', { detail: `${opd.name} has no CSR proposal ${params.id}` });
        if (row.status !== 'submitted') throw new ProblemError('conflict', { detail: `Proposal ${row.id} is ${row.status}: the forum decides once, on a submitted proposal` });
        if (body.decision === 'approve') {
          if (body.companyId === undefined) throw validationProblem([{ path: 'companyId', message: 'Choose the company the forum matched it to', code: 'required' }]);
          await checkCompany(trx, opd.slug, body.companyId);
        } else if (!body.note) {
          throw validationProblem([{ path: 'note', message: 'Write why the forum rejects it: the village is told', code: 'required' }]);
        }
        await trx
          .updateTable('csr_proposals')
          .set({ status: body.decision === 'approve' ? 'approved' : 'rejected', company_id: body.decision === 'approve' ? body.companyId! : null, decision_note: body.note ?? null, decided_at: now, decided_by: actor.name, updated_at: now, updated_by: actor.id })
          .where('id', '=', row.id)
          .execute();
        await audit(trx, { actor, action: `csr.proposal.${body.decision}`, subject: `csr-proposal:${row.id}`, opd: opd.slug, detail: { company: body.companyId ?? null } }, now);
        await emitEvent(trx, 'csr-proposal.decided', { opd: opd.slug, proposalId: row.id, decision: body.decision === 'approve' ? 'approved' : 'rejected', companyId: body.companyId ?? null }, now);
        return { body: await oneProposal(trx, opd, row.id) };
      });
  },
});

const putFields = route({
  endpoint: endpoints.putFields,
  summary: 'Set the OPD’s fields (OPD admin)',
  description: 'The list of fields (*bidang*) programmes and proposals are filed under, in order; ids unique (422 naming the repeated one). A field a programme or proposal uses cannot be left out (409 naming it).',
  async handler({ deps, opd, body, actor, now }) {
    const seen = new Set<string>();
    const repeated = body.fields.map((f, i) => [f.id, i] as const).filter(([id]) => (seen.has(id) ? true : (seen.add(id), false)));
    if (repeated.length > 0) throw validationProblem(repeated.map(([id, i]) => ({ path: `fields.${i}.id`, message: `The field id ${id} is given twice`, code: 'alreadyUsed' as const })));
    return csrDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const used = new Set([
          ...(await trx.selectFrom('csr_programs').select('field').distinct().where('opd_slug', '=', opd.slug).execute()).map((r) => r.field),
          ...(await trx.selectFrom('csr_proposals').select('field').distinct().where('opd_slug', '=', opd.slug).execute()).map((r) => r.field),
        ]);
        const dropped = [...used].filter((id) => !seen.has(id));
        if (dropped.length > 0) throw new ProblemError('conflict', { detail: `Programmes or proposals are filed under ${dropped.join(', ')}: keep ${dropped.length === 1 ? 'it' : 'them'} on the list` });
        await trx.deleteFrom('csr_fields').where('opd_slug', '=', opd.slug).execute();
        await trx.insertInto('csr_fields').values(body.fields.map((f, i) => ({ opd_slug: opd.slug, id: f.id, name: f.name, name_en: f.nameEn ?? null, position: i }))).execute();
        await audit(trx, { actor, action: 'csr.fields', subject: `csr-fields:${opd.slug}`, opd: opd.slug, detail: { fields: body.fields.map((f) => f.id) } }, now);
        return { body: { fields: await fieldsOf(trx, opd.slug) } };
      });
  },
});

function exportRoute(kind: 'programs' | 'spending') {
  return route({
    endpoint: kind === 'programs' ? endpoints.exportPrograms : endpoints.exportSpending,
    summary: kind === 'programs' ? 'Export the programmes as CSV (staff)' : 'Export the spending entries as CSV (staff)',
    description:
      (kind === 'programs'
        ? 'One row per programme (of `?year=`, else every year): company, field, place, status, committed, spent and over-budget rupiah, beneficiaries, the plan it serves and the double-funding reason.'
        : 'One row per spending entry (of the programmes of `?year=`, else every year): the programme, day, amount, description, the over-budget reason, who recorded it and the evidence addresses.') +
      ' UTF-8 with a BOM, CRLF, every field quoted; a cell starting with =, +, -, @, a tab or CR is written with a leading apostrophe (formula injection). No contact person. The export is audited.',
    docs: { year: 'A budget year (default: every year).' },
    async handler({ c, deps, opd, query, actor, now }) {
      const db = csrDb(deps.db);
      const table = kind === 'programs' ? await programTable(db, opd.slug, query.year, originOf(c)) : await spendingTable(db, opd.slug, query.year, originOf(c));
      await audit(db, { actor, action: `csr.export.${kind}`, subject: `csr-${kind}:${opd.slug}`, opd: opd.slug, detail: { year: query.year ?? null, rows: table.rows.length } }, now);
      const name = `sip-benar-${kind === 'programs' ? 'program' : 'realisasi'}-${opd.slug}${query.year ? `-${query.year}` : ''}.csv`;
      return { body: toCsv(table), headers: { 'Content-Disposition': `attachment; filename="${name}"` } };
    },
  });
}

/** Every route, static paths before `{id}`. */
export const csrRoutes = [
  summary,
  listCompanies,
  listPrograms,
  getProgram,
  staffCompanies,
  createCompany,
  editCompany,
  deleteCompany,
  staffPrograms,
  staffProgram,
  createProgram,
  editProgram,
  addSpending,
  editSpending,
  deleteSpending,
  uploadEvidence,
  deleteEvidence,
  proposals,
  createProposal,
  editProposal,
  decide,
  putFields,
  exportRoute('programs'),
  exportRoute('spending'),
];
