/**
 * The export for the Kemendagri submission: one row per verified innovation of an assessment
 * year, columns in the order of the national portal's innovation profile (the *Form Isian
 * Proposal Inovasi Daerah*: name, stage, initiator, digital or not, form, COVID-19 or not, trial
 * and application dates, design and changes, goal, then problem, benefits and results), then
 * the OPD, the budget source and one column per evidence indicator of the year's model with
 * the files' addresses — as CSV (RFC 4180) and as XLSX (`write-excel-file`).
 *
 * Spreadsheet formula injection: the CSV is written by the shared writer (`server/src/http/csv.ts`,
 * which neutralises a cell starting with `=`, `+`, `-`, `@`, a tab or CR with a leading
 * apostrophe); the XLSX neutralises its text cells the same way.
 *
 * @module
 */
import writeExcelFile from 'write-excel-file/node';
import type { SheetData } from 'write-excel-file/node';
import {
  innovationInitiatorNames,
  innovationStageNames,
  innovationTypeNames,
  type InnovationInitiator,
  type InnovationStage,
  type InnovationType,
  type ScoringModel,
} from '../../../../src/schemas/innovations.js';
import { neutralise } from '../../http/csv.js';
import { evidenceIndicators, evidenceOf, evidenceUrl, innovationQueryBase, type InnovationRow } from './registry.js';
import type { InnovationsDb } from './tables.js';

/** The fixed columns, in the portal's order (the evidence columns follow, one per indicator). */
export const EXPORT_COLUMNS = [
  'No',
  'Nama Inovasi Daerah',
  'Tahapan Inovasi',
  'Inisiator Inovasi Daerah',
  'Jenis Inovasi',
  'Bentuk Inovasi Daerah',
  'Covid-19',
  'Waktu Uji Coba Inovasi Daerah',
  'Waktu Penerapan Inovasi Daerah',
  'Rancang Bangun dan Pokok Perubahan',
  'Tujuan Inovasi Daerah',
  'Permasalahan',
  'Manfaat yang Diperoleh',
  'Hasil Inovasi',
  'Perangkat Daerah',
  'Sumber Anggaran',
  'Tanggal Mulai',
  'Tahun Penilaian',
] as const;

/** The export's header and rows as text cells (numbers as numbers). */
export async function exportTable(db: InnovationsDb, year: number, model: ScoringModel | null, origin: string): Promise<{ header: string[]; rows: Array<Array<string | number | null>> }> {
  const rows = (await innovationQueryBase(db)
    .where('innovations.status', '=', 'verified')
    .where('innovations.year', '=', year)
    .orderBy('opds.name')
    .orderBy('innovations.name')
    .orderBy('innovations.id')
    .execute()) as InnovationRow[];
  const indicators = evidenceIndicators(model);
  const evidence = await evidenceOf(db, rows.map((r) => r.id));
  const header = [...EXPORT_COLUMNS, ...indicators.map((i) => `Bukti Dukung ${i.number}. ${i.name}`)];
  const body = rows.map((r, index) => {
    const files = evidence.get(r.id) ?? [];
    return [
      index + 1,
      r.name,
      innovationStageNames[r.stage as InnovationStage],
      r.initiator === null ? null : innovationInitiatorNames[r.initiator as InnovationInitiator],
      r.digital ? 'Digital' : 'Non Digital',
      innovationTypeNames[r.type as InnovationType],
      r.covid19 === null ? null : r.covid19 ? 'Covid-19' : 'Non Covid-19',
      r.trial_on,
      r.applied_on,
      r.solution,
      r.goal,
      r.problem,
      r.benefits,
      r.results,
      r.opd_name,
      r.budget_source,
      r.started_on,
      r.year,
      ...indicators.map((i) =>
        files
          .filter((f) => f.indicator_id === i.id)
          .map((f) => `${f.title}: ${evidenceUrl(origin, f)}`)
          .join('\n') || null,
      ),
    ];
  });
  return { header, rows: body };
}

/** The table as an XLSX workbook (one sheet, `Inovasi <year>`), every text cell neutralised. */
export async function toXlsx(table: { header: string[]; rows: Array<Array<string | number | null>> }, year: number): Promise<Buffer> {
  const cell = (value: string | number | null, bold = false) =>
    value === null ? null : typeof value === 'number' ? { value, type: Number } : { value: neutralise(value), type: String, ...(bold ? { fontWeight: 'bold' as const } : {}), wrap: true };
  const data = [table.header.map((h) => cell(h, true)), ...table.rows.map((row) => row.map((v) => cell(v)))];
  return (await writeExcelFile(data as unknown as SheetData, { sheet: `Inovasi ${year}`, columns: table.header.map((_, i) => ({ width: i === 0 ? 5 : 28 })) }).toBuffer()) as Buffer;
}

// The shared CSV writer's parts, named here too (the export's tests and older imports read them from this module).
export { csvField, neutralise, toCsv } from '../../http/csv.js';
