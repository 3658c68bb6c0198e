/**
 * The public summary of an OPD's CSR programmes: committed against spent (whole rupiah) over
 * the counted programmes (approved, running, done, postponed: a proposed one is not yet a
 * commitment, a cancelled one no longer is) by field, kecamatan, company and year, the
 * beneficiaries, the programmes whose spending passed their commitment, and the villages'
 * needs not yet funded. Sums are done by the database in `numeric` (exact) and checked to be
 * safe integers on the way out.
 *
 * @module
 */
import { sql } from 'kysely';
import { csrCountedStatuses, csrProgramStatuses, type CsrSector, type CsrSummary } from '../../../../src/schemas/csr.js';
import { fieldsOf } from './records.js';
import { rupiahOf, type CsrDb } from './tables.js';

/** How many unfunded needs the summary lists (it counts them all). */
export const SUMMARY_NEEDS = 50;

interface ProgramFigures {
  id: number;
  title: string;
  field: string;
  kecamatan: string;
  year: number;
  status: string;
  committed: string | number | bigint;
  spent: string | number | bigint;
  beneficiaries: number | null;
  company_id: number;
  company_name: string;
  company_sector: string;
  company_is_demo: boolean;
}

interface Totals {
  programs: number;
  committed: number;
  spent: number;
  beneficiaries: number;
}

const zero = (): Totals => ({ programs: 0, committed: 0, spent: 0, beneficiaries: 0 });

function add(totals: Totals, row: { committed: number; spent: number; beneficiaries: number | null }): void {
  totals.programs++;
  totals.committed += row.committed;
  totals.spent += row.spent;
  totals.beneficiaries += row.beneficiaries ?? 0;
  if (!Number.isSafeInteger(totals.committed) || !Number.isSafeInteger(totals.spent)) throw new Error('A CSR sum passed Number.MAX_SAFE_INTEGER');
}

/** The summary of `opd`'s programmes of `year` (every year when null). */
export async function summaryOf(db: CsrDb, opd: string, year: number | null): Promise<CsrSummary> {
  let programs = db
    .selectFrom('csr_programs as p')
    .innerJoin('csr_companies as c', 'c.id', 'p.company_id')
    .select(['p.id', 'p.title', 'p.field', 'p.kecamatan', 'p.year', 'p.status', 'p.committed', 'p.beneficiaries', 'c.id as company_id', 'c.name as company_name', 'c.sector as company_sector', 'c.is_demo as company_is_demo'])
    .select(sql<string>`(select coalesce(sum(s.amount), 0) from csr_spending s where s.program_id = p.id)`.as('spent'))
    .where('p.opd_slug', '=', opd);
  if (year !== null) programs = programs.where('p.year', '=', year);
  const rows = (await programs.orderBy('p.id').execute()) as ProgramFigures[];

  let needsQuery = db
    .selectFrom('csr_proposals')
    .select(['id', 'title', 'field', 'kecamatan', 'desa', 'year', 'status', 'estimated_cost', 'beneficiaries'])
    .where('opd_slug', '=', opd)
    .where('status', 'in', ['submitted', 'approved']);
  if (year !== null) needsQuery = needsQuery.where('year', '=', year);
  const needs = await needsQuery.orderBy('submitted_on', 'desc').orderBy('id', 'desc').execute();

  const byStatus = Object.fromEntries(csrProgramStatuses.map((s) => [s, 0])) as CsrSummary['byStatus'];
  const total = zero();
  const byField = new Map<string, Totals>();
  const byKecamatan = new Map<string, Totals>();
  const byCompany = new Map<number, { company: CsrSummary['byCompany'][number]['company']; totals: Totals }>();
  const byYear = new Map<number, Totals>();
  const overspent: CsrSummary['overspent'] = [];
  const counted = new Set<string>(csrCountedStatuses);
  for (const row of rows) {
    byStatus[row.status as keyof CsrSummary['byStatus']]++;
    if (!counted.has(row.status)) continue;
    const figures = { committed: rupiahOf(row.committed), spent: rupiahOf(row.spent), beneficiaries: row.beneficiaries };
    add(total, figures);
    const group = <K>(map: Map<K, Totals>, key: K) => {
      const found = map.get(key) ?? zero();
      map.set(key, found);
      add(found, figures);
    };
    group(byField, row.field);
    group(byKecamatan, row.kecamatan);
    group(byYear, row.year);
    const company = byCompany.get(row.company_id) ?? { company: { id: row.company_id, name: row.company_name, sector: row.company_sector as CsrSector, isDemo: row.company_is_demo }, totals: zero() };
    byCompany.set(row.company_id, company);
    add(company.totals, figures);
    if (figures.spent > figures.committed) overspent.push({ id: row.id, title: row.title, committed: figures.committed, spent: figures.spent, overspentBy: figures.spent - figures.committed });
  }

  // What the list's filters offer: every kecamatan and year with a programme or a need, counted.
  const places = new Map<string, { programs: number; needs: number }>();
  const years = new Map<number, { programs: number; needs: number }>();
  const tally = <K>(map: Map<K, { programs: number; needs: number }>, key: K, what: 'programs' | 'needs') => {
    const found = map.get(key) ?? { programs: 0, needs: 0 };
    found[what]++;
    map.set(key, found);
  };
  for (const row of rows) {
    tally(places, row.kecamatan, 'programs');
    tally(years, row.year, 'programs');
  }
  for (const need of needs) {
    tally(places, need.kecamatan, 'needs');
    tally(years, need.year, 'needs');
  }

  const fields = await fieldsOf(db, opd);
  const fieldOrder = new Map(fields.map((f, i) => [f.id, i]));
  const most = (a: Totals, b: Totals) => b.committed - a.committed;
  return {
    year,
    fields,
    ...total,
    byStatus,
    // Fields in the OPD's order (a field no longer on the list after them).
    byField: [...byField.entries()].sort(([a], [b]) => (fieldOrder.get(a) ?? 1e6) - (fieldOrder.get(b) ?? 1e6) || a.localeCompare(b)).map(([field, t]) => ({ field, ...t })),
    byKecamatan: [...byKecamatan.entries()].sort(([a], [b]) => a.localeCompare(b, 'id')).map(([kecamatan, t]) => ({ kecamatan, ...t })),
    byCompany: [...byCompany.values()].sort((a, b) => most(a.totals, b.totals) || a.company.name.localeCompare(b.company.name, 'id')).map(({ company, totals }) => ({ company, ...totals })),
    byYear: [...byYear.entries()].sort(([a], [b]) => b - a).map(([y, t]) => ({ year: y, ...t })),
    places: [...places.entries()].sort(([a], [b]) => a.localeCompare(b, 'id')).map(([kecamatan, n]) => ({ kecamatan, ...n })),
    years: [...years.entries()].sort(([a], [b]) => b - a).map(([y, n]) => ({ year: y, ...n })),
    overspent: overspent.sort((a, b) => b.overspentBy - a.overspentBy || a.id - b.id),
    unfunded: {
      count: needs.length,
      estimatedCost: needs.reduce((sum, n) => sum + (n.estimated_cost === null ? 0 : rupiahOf(n.estimated_cost)), 0),
      needs: needs.slice(0, SUMMARY_NEEDS).map((n) => ({
        id: n.id,
        title: n.title,
        field: n.field,
        kecamatan: n.kecamatan,
        desa: n.desa,
        year: n.year,
        status: n.status as 'submitted' | 'approved',
        estimatedCost: n.estimated_cost === null ? null : rupiahOf(n.estimated_cost),
        beneficiaries: n.beneficiaries,
      })),
    },
  };
}
