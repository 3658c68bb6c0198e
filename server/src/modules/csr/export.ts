/**
 * The staff's CSV exports of an OPD's CSR data, written by the shared writer
 * (`server/src/http/csv.ts`: every field quoted, a cell starting with `=`, `+`, `-`, `@`, a tab
 * or CR neutralised with a leading apostrophe, UTF-8 with a BOM, CRLF): the programmes (one
 * row each, with committed, spent, over-budget and the double-funding reason) and the spending
 * entries (one row each, with the reason it passed the commitment and the evidence addresses).
 * Company contact persons are not in either.
 *
 * @module
 */
import type { CsvTable } from '../../http/csv.js';
import { programQueryBase, programStaffViews, type ProgramRow } from './records.js';
import type { CsrDb } from './tables.js';

/** The programme export's columns. */
export const PROGRAM_COLUMNS = [
  'No',
  'ID Program',
  'Judul Program',
  'Perusahaan',
  'Sektor',
  'Bidang',
  'Kecamatan',
  'Desa',
  'Bujur',
  'Lintang',
  'Tahun',
  'Status',
  'Komitmen (Rp)',
  'Realisasi (Rp)',
  'Melebihi Komitmen (Rp)',
  'Penerima Manfaat',
  'Prioritas RPJMD',
  'Tujuan SDG',
  'ID Usulan Desa',
  'Alasan Bukan Pendanaan Ganda',
] as const;

/** The spending export's columns. */
export const SPENDING_COLUMNS = ['No', 'ID Realisasi', 'ID Program', 'Judul Program', 'Perusahaan', 'Tanggal', 'Jumlah (Rp)', 'Keterangan', 'Alasan Melebihi Komitmen', 'Dicatat Oleh', 'Bukti'] as const;

async function programsFor(db: CsrDb, opd: string, year: number | undefined): Promise<ProgramRow[]> {
  let query = programQueryBase(db, opd);
  if (year !== undefined) query = query.where('p.year', '=', year);
  return (await query.orderBy('p.year', 'desc').orderBy('p.id').execute()) as ProgramRow[];
}

/** The programmes of `opd` (of `year`, or all) as a table. */
export async function programTable(db: CsrDb, opd: string, year: number | undefined, origin: string): Promise<CsvTable> {
  const views = await programStaffViews(db, await programsFor(db, opd, year), origin);
  return {
    header: PROGRAM_COLUMNS,
    rows: views.map((p, i) => [
      i + 1,
      p.id,
      p.title,
      p.company.name,
      p.company.sector,
      p.field,
      p.location.kecamatan,
      p.location.desa,
      p.location.point?.[0] ?? null,
      p.location.point?.[1] ?? null,
      p.year,
      p.status,
      p.committed,
      p.spent,
      p.overspentBy,
      p.beneficiaries,
      p.rpjmdPriority,
      p.sdg,
      p.proposalId,
      p.doubleFunding?.reason ?? null,
    ]),
  };
}

/** The spending entries of `opd`'s programmes (of `year`, or all) as a table, by programme then date. */
export async function spendingTable(db: CsrDb, opd: string, year: number | undefined, origin: string): Promise<CsvTable> {
  const views = await programStaffViews(db, await programsFor(db, opd, year), origin);
  const rows: Array<Array<string | number | null>> = [];
  for (const p of views) {
    for (const s of p.spending) {
      rows.push([rows.length + 1, s.id, p.id, p.title, p.company.name, s.date, s.amount, s.description, s.overBudgetReason, s.recordedBy, s.evidence.map((e) => e.url).join('\n') || null]);
    }
  }
  return { header: SPENDING_COLUMNS, rows };
}
