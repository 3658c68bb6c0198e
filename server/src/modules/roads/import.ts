/**
 * Staff imports of segments and surveys from GeoJSON or CSV. Reading a file gives either the
 * records, checked, or every problem found, each with its place in the file — `rows.7.length_km`
 * (CSV: the spreadsheet row, the header being row 1, and the column as the file names it) or
 * `features.3.properties.length_km` / `features.3.geometry.coordinates.12` (GeoJSON: the
 * feature's index) — and a message naming the segment. A dry run stops there and says what
 * would change; an import applies every record in one transaction, or nothing.
 *
 * What a file may hold (column or property names; the Indonesian ones work too):
 * - segments: `number` (`nomor_ruas`), `name` (`nama_ruas`), `kecamatan` (several separated by
 *   `;`, or a JSON array in GeoJSON), `length_km` (`panjang_km`), `surface` (`permukaan`: aspal,
 *   beton, kerikil, tanah), `width_m` (`lebar_m`, optional), the geometry (the feature's; in CSV a
 *   `geometry` column holding GeoJSON, optional), and optionally one survey: `year` (`tahun`) with
 *   `baik_km`, `sedang_km`, `rusak_ringan_km`, `rusak_berat_km`;
 * - surveys: `number`, `year`, the four class columns and `note` (`catatan`, optional), for
 *   segments already in the network.
 *
 * Names are compared without case, spaces or hyphens, and camelCase reads as snake_case
 * (`lengthKm` is `length_km`), so the network's own GeoJSON imports back unchanged. The four
 * classes must sum to the segment's length, to the metre.
 *
 * @module
 */
import { sql, type Transaction } from 'kysely';
import type { FieldError } from '../../../../src/schemas/index.js';
import { readCsv, CsvError } from './csv.js';
import { INDONESIA_BOUNDS, readGeometry, type Bounds } from './geometry.js';
import { kmText, metresOfKmText, totalMetres, type ClassMetres } from './measure.js';
import {
  roadSurfaces,
  SEGMENT_NUMBER_PATTERN,
  YEAR_RANGE,
  type RoadGeometry,
  type RoadImportInput,
  type RoadImportReport,
  type RoadSurface,
} from '../../../../src/schemas/roads.js';
import type { RoadsDatabase, RoadsDb } from './tables.js';

/** The most problems one answer lists; the detail says how many there were. */
export const MAX_PROBLEMS = 1000;

/** The fields an import reads, each with the names a file may give it (normalized: lower case, `_` for spaces). */
const FIELDS = {
  number: ['number', 'nomor', 'nomor_ruas', 'no_ruas'],
  name: ['name', 'nama', 'nama_ruas'],
  kecamatan: ['kecamatan'],
  length_km: ['length_km', 'panjang_km'],
  surface: ['surface', 'permukaan', 'jenis_permukaan'],
  width_m: ['width_m', 'lebar_m'],
  geometry: ['geometry'],
  year: ['year', 'tahun', 'survey_year'],
  baik_km: ['baik_km'],
  sedang_km: ['sedang_km'],
  rusak_ringan_km: ['rusak_ringan_km'],
  rusak_berat_km: ['rusak_berat_km'],
  note: ['note', 'catatan', 'keterangan'],
} as const;

type Field = keyof typeof FIELDS;

const CLASS_FIELDS = ['baik_km', 'sedang_km', 'rusak_ringan_km', 'rusak_berat_km'] as const;
const SURVEY_FIELDS = ['year', ...CLASS_FIELDS] as const;
const REQUIRED: Record<RoadImportInput['kind'], readonly Field[]> = {
  segments: ['number', 'name', 'kecamatan', 'length_km', 'surface'],
  surveys: ['number', ...SURVEY_FIELDS],
};
const READ: Record<RoadImportInput['kind'], readonly Field[]> = {
  segments: ['number', 'name', 'kecamatan', 'length_km', 'surface', 'width_m', 'geometry', ...SURVEY_FIELDS, 'note'],
  surveys: ['number', ...SURVEY_FIELDS, 'note'],
};

/** A column or property name as the import compares it: `Panjang KM`, `panjang-km` and `lengthKm` become `panjang_km`, `length_km`. */
function normalizeName(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const FIELD_OF = new Map<string, Field>(
  (Object.entries(FIELDS) as Array<[Field, readonly string[]]>).flatMap(([field, names]) => names.map((name) => [name, field] as const)),
);

/** One record of the file: where it is, and its values by field with the name the file used. */
interface RawRecord {
  /** `rows.7` or `features.3`. */
  at: string;
  /** `Row 7` or `Feature 3`, for messages. */
  label: string;
  values: Map<Field, { value: unknown; path: string }>;
  /** Where a field the record leaves empty would be: `rows.7.nama_ruas` (the file's column) or `features.3.properties.name`. */
  pathOf: (field: Field) => string;
  /** GeoJSON: the feature's geometry and its path. */
  geometry?: { value: unknown; path: string };
}

/** A survey read from a record. */
export interface SurveyRecord {
  year: number;
  metres: ClassMetres;
  note: string | null;
}

/** A segment read from a record (segments imports). */
export interface SegmentRecord {
  at: string;
  number: string;
  name: string;
  kecamatan: string[];
  lengthM: number;
  surface: RoadSurface;
  /** Undefined: the file does not say (kept as it is). */
  widthCm: number | null | undefined;
  /** Undefined: the file does not say (kept as it is). */
  geometry: RoadGeometry | undefined;
  survey: SurveyRecord | undefined;
}

/** A survey read from a record (surveys imports), with its segment's number. */
export interface SurveyOnlyRecord extends SurveyRecord {
  at: string;
  number: string;
}

/** What the network already holds, as the import compares against it. */
export interface Existing {
  segments: Map<string, { id: number; name: string; kecamatan: string[]; length_m: number; surface: string; width_cm: number | null; geometry: RoadGeometry | null }>;
  /** By `segmentId:year`. */
  surveys: Map<string, { length_m: number; baik_m: number; sedang_m: number; rusak_ringan_m: number; rusak_berat_m: number; note: string | null }>;
  bounds: Bounds | null;
}

/** A file read: its records and what it holds, or its problems. */
export type ReadResult =
  | { kind: 'segments'; records: SegmentRecord[]; count: number; ignored: string[] }
  | { kind: 'surveys'; records: SurveyOnlyRecord[]; count: number; ignored: string[] };

/** The file's problems, each as a field error. */
export class ImportProblems extends Error {
  /** Every problem, in file order: its place (`rows.7.length_km`) and what to fix. */
  readonly problems: FieldError[];

  constructor(problems: FieldError[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the file`);
    this.name = 'ImportProblems';
    this.problems = problems;
  }
}

/** Splits the file into raw records; problems of the file as a whole go to `problems`. */
function rawRecords(input: RoadImportInput, problems: FieldError[], ignored: Set<string>): { records: RawRecord[]; decimalComma: boolean } {
  const wanted = new Set(READ[input.kind]);
  if (input.format === 'csv') {
    let table;
    try {
      table = readCsv(input.content);
    } catch (error) {
      if (error instanceof CsvError) {
        problems.push({ path: `rows.${error.row}`, message: error.message, code: 'format' });
        return { records: [], decimalComma: false };
      }
      throw error;
    }
    const columns: Array<{ field: Field | undefined; name: string }> = table.header.map((name) => {
      const field = FIELD_OF.get(normalizeName(name));
      if (!field || !wanted.has(field)) ignored.add(name);
      return { field: field && wanted.has(field) ? field : undefined, name };
    });
    const seen = new Map<Field, string>();
    for (const column of columns) {
      if (!column.field) continue;
      const before = seen.get(column.field);
      if (before !== undefined) problems.push({ path: `columns.${column.name}`, message: `Columns ${before} and ${column.name} both give ${column.field}: keep one`, code: 'invalid' });
      seen.set(column.field, column.name);
    }
    for (const field of REQUIRED[input.kind]) {
      if (!seen.has(field)) {
        const names = FIELDS[field];
        problems.push({
          path: `columns.${field}`,
          message: `The file has no ${field} column${names.length > 1 ? ` (or ${names.filter((n) => n !== field).join(', ')})` : ''}`,
          code: 'required',
        });
      }
    }
    if (table.records.length === 0) problems.push({ path: 'rows', message: 'The file has a header but no rows', code: 'required' });
    const records = table.records.map(({ row, fields }) => {
      const values = new Map<Field, { value: unknown; path: string }>();
      columns.forEach((column, index) => {
        const text = fields[index]?.trim() ?? '';
        if (column.field && text !== '') values.set(column.field, { value: text, path: `rows.${row}.${column.name}` });
      });
      if (fields.length > columns.length && fields.slice(columns.length).some((f) => f.trim() !== '')) {
        problems.push({ path: `rows.${row}`, message: `Row ${row} has ${fields.length} fields but the header names ${columns.length}`, code: 'invalid' });
      }
      return { at: `rows.${row}`, label: `Row ${row}`, values, pathOf: (field: Field) => `rows.${row}.${seen.get(field) ?? field}` };
    });
    return { records, decimalComma: table.separator === ';' };
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(input.content);
  } catch (error) {
    problems.push({ path: 'content', message: `The file is not valid JSON: ${(error as Error).message}`, code: 'format' });
    return { records: [], decimalComma: false };
  }
  const collection = parsed as { type?: unknown; features?: unknown };
  if (collection === null || typeof collection !== 'object' || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    problems.push({ path: 'content', message: 'Give a GeoJSON FeatureCollection: {"type": "FeatureCollection", "features": […]}', code: 'format' });
    return { records: [], decimalComma: false };
  }
  if (collection.features.length === 0) problems.push({ path: 'features', message: 'The collection has no features', code: 'required' });
  const records: RawRecord[] = [];
  collection.features.forEach((feature: unknown, index: number) => {
    const at = `features.${index}`;
    const f = feature as { type?: unknown; properties?: unknown; geometry?: unknown };
    if (f === null || typeof f !== 'object' || f.type !== 'Feature') {
      problems.push({ path: at, message: `Feature ${index} is not a GeoJSON Feature`, code: 'format' });
      return;
    }
    const properties = f.properties;
    if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
      problems.push({ path: `${at}.properties`, message: `Feature ${index} has no properties: it needs at least ${REQUIRED[input.kind].join(', ')}`, code: 'required' });
      return;
    }
    const values = new Map<Field, { value: unknown; path: string }>();
    for (const [name, value] of Object.entries(properties)) {
      const field = FIELD_OF.get(normalizeName(name));
      if (!field || field === 'geometry' || !wanted.has(field)) {
        ignored.add(name);
        continue;
      }
      if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
      values.set(field, { value, path: `${at}.properties.${name}` });
    }
    records.push({ at, label: `Feature ${index}`, values, pathOf: (field) => `${at}.properties.${field}`, geometry: { value: f.geometry, path: `${at}.geometry` } });
  });
  return { records, decimalComma: false };
}

/** Reads a file into checked records, or throws {@link ImportProblems} listing every problem. */
export function readImport(input: RoadImportInput, existing: Existing): ReadResult {
  const problems: FieldError[] = [];
  const ignored = new Set<string>();
  const { records: raw, decimalComma } = rawRecords(input, problems, ignored);
  const bounds = existing.bounds ?? INDONESIA_BOUNDS;
  const where = existing.bounds ? 'the regency' : 'Indonesia';
  // Kecamatan spelled as the network already spells them, whatever the case in the file.
  const spelling = new Map<string, string>();
  for (const segment of existing.segments.values()) for (const name of segment.kecamatan) spelling.set(name.toLowerCase(), name);

  const segments: SegmentRecord[] = [];
  const surveys: SurveyOnlyRecord[] = [];
  const numbers = new Map<string, string>();

  for (const record of raw) {
    const problem = (field: Field | 'record', message: string, code: FieldError['code'] = 'invalid') => {
      const path = field === 'record' ? record.at : (record.values.get(field)?.path ?? record.pathOf(field));
      problems.push({ path, message, code });
    };
    const before = problems.length;
    const text = (field: Field): string | undefined => {
      const value = record.values.get(field)?.value;
      if (value === undefined) return undefined;
      if (typeof value === 'string') return value.trim();
      if (typeof value === 'number') return String(value);
      return undefined;
    };
    // The segment's number first: every other message names it.
    const numberText = text('number');
    let number: string | undefined;
    if (numberText === undefined) problem('number', `${record.label} has no segment number (nomor ruas)`, 'required');
    else if (numberText.length > 32 || !SEGMENT_NUMBER_PATTERN.test(numberText)) {
      problem('number', `${record.label}: "${numberText.slice(0, 40)}" is not a segment number; write it as the decree does, e.g. 012 or 012.1`, 'format');
    } else number = numberText;
    const who = number ? `${record.label} (segment ${number})` : record.label;

    const metres = (field: Field, what: string, required: boolean): number | undefined => {
      const value = record.values.get(field)?.value;
      if (value === undefined) {
        if (required) problem(field, `${who} has no ${what}`, 'required');
        return undefined;
      }
      let m: number | null = null;
      if (typeof value === 'number') m = Number.isFinite(value) && value >= 0 && Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6 ? Math.round(value * 1000) : null;
      else if (typeof value === 'string') m = metresOfKmText(value, decimalComma);
      if (m === null) {
        problem(field, `${who}: ${what} "${String(value).slice(0, 20)}" is not a number of km with at most three decimals, like 5.25`, 'format');
        return undefined;
      }
      return m;
    };

    const readSurvey = (required: boolean): SurveyRecord | undefined => {
      const present = SURVEY_FIELDS.filter((field) => record.values.has(field));
      if (!required && present.length === 0) return undefined;
      if (!required && present.length < SURVEY_FIELDS.length) {
        for (const field of SURVEY_FIELDS.filter((f) => !record.values.has(f))) {
          problem(field, `${who} gives part of a survey: add ${field} too, or leave every survey column empty`, 'required');
        }
        return undefined;
      }
      const yearText = text('year');
      let year: number | undefined;
      if (yearText === undefined) problem('year', `${who} has no survey year`, 'required');
      else if (!/^\d{4}$/.test(yearText) || Number(yearText) < YEAR_RANGE.min || Number(yearText) > YEAR_RANGE.max) {
        problem('year', `${who}: "${yearText.slice(0, 20)}" is not a year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}`, 'format');
      } else year = Number(yearText);
      const baik = metres('baik_km', 'km in Baik', true);
      const sedang = metres('sedang_km', 'km in Sedang', true);
      const rusakRingan = metres('rusak_ringan_km', 'km in Rusak Ringan', true);
      const rusakBerat = metres('rusak_berat_km', 'km in Rusak Berat', true);
      if (year === undefined || baik === undefined || sedang === undefined || rusakRingan === undefined || rusakBerat === undefined) return undefined;
      const note = text('note');
      return { year, metres: { baik, sedang, rusakRingan, rusakBerat }, note: note ? note.slice(0, 500) : null };
    };

    if (number) {
      const key = input.kind === 'segments' ? number : `${number}:${text('year') ?? ''}`;
      const first = numbers.get(key);
      if (first) {
        problem('number', input.kind === 'segments' ? `${who} is in the file twice: also ${first}` : `${who}: the file gives its ${text('year')} survey twice: also ${first}`, 'alreadyUsed');
      } else numbers.set(key, record.label);
    }

    if (input.kind === 'surveys') {
      const survey = readSurvey(true);
      if (number && survey) {
        const segment = existing.segments.get(number);
        if (!segment) problem('number', `${who}: the network has no segment ${number}; import it as a segment first`, 'notAllowed');
        else if (totalMetres(survey.metres) !== segment.length_m) {
          problem('record', sumMessage(`Segment ${number} (${segment.name})`, segment.length_m, survey.metres, `its ${survey.year} survey in ${record.label.toLowerCase()}`), 'invalid');
        }
      }
      if (problems.length === before && number && survey) surveys.push({ at: record.at, number, ...survey });
      continue;
    }

    const name = text('name');
    if (name === undefined) problem('name', `${who} has no name`, 'required');
    else if (name.length > 200) problem('name', `${who}: a name has at most 200 characters`, 'tooLong');

    const kecamatanValue = record.values.get('kecamatan')?.value;
    let kecamatan: string[] = [];
    if (Array.isArray(kecamatanValue)) kecamatan = kecamatanValue.filter((v): v is string => typeof v === 'string');
    else if (typeof kecamatanValue === 'string') kecamatan = kecamatanValue.split(';');
    kecamatan = [...new Set(kecamatan.map((k) => k.trim()).filter(Boolean).map((k) => spelling.get(k.toLowerCase()) ?? k))];
    if (kecamatanValue === undefined || kecamatan.length === 0) problem('kecamatan', `${who} has no kecamatan (several: separate them with ;)`, 'required');
    else if (kecamatan.some((k) => k.length > 80)) problem('kecamatan', `${who}: a kecamatan name has at most 80 characters`, 'tooLong');

    const lengthM = metres('length_km', 'length_km', true);
    if (lengthM === 0) problem('length_km', `${who}: a segment is longer than 0 km`, 'tooSmall');

    const surfaceText = text('surface')?.toLowerCase();
    let surface: RoadSurface | undefined;
    if (surfaceText === undefined) problem('surface', `${who} has no surface`, 'required');
    else if (!(roadSurfaces as readonly string[]).includes(surfaceText)) {
      problem('surface', `${who}: surface "${surfaceText.slice(0, 20)}" is not one of ${roadSurfaces.join(', ')}`, 'notAllowed');
    } else surface = surfaceText as RoadSurface;

    let widthCm: number | null | undefined;
    const widthText = text('width_m');
    if (widthText !== undefined) {
      const m = /^\d{1,2}(?:[.,]\d{1,2})?$/.test(widthText) && (decimalComma || !widthText.includes(',')) ? Number(widthText.replace(',', '.')) : NaN;
      if (!(m > 0 && m <= 50)) problem('width_m', `${who}: width "${widthText.slice(0, 20)}" is not a width in metres from 0.01 to 50, like 4.5`, 'format');
      else widthCm = Math.round(m * 100);
    }

    let geometry: RoadGeometry | undefined;
    const geometryValue = record.geometry ?? record.values.get('geometry');
    if (geometryValue && geometryValue.value !== null && geometryValue.value !== undefined) {
      let value: unknown = geometryValue.value;
      if (typeof value === 'string') {
        try {
          value = JSON.parse(value);
        } catch {
          problems.push({ path: geometryValue.path, message: `${who}: the geometry is not GeoJSON (a LineString or MultiLineString as JSON)`, code: 'format' });
          value = undefined;
        }
      }
      if (value !== undefined) {
        const read = readGeometry(value, bounds, where);
        if ('problems' in read) {
          for (const p of read.problems) problems.push({ path: p.path ? `${geometryValue.path}.${p.path}` : geometryValue.path, message: `${who}: ${p.message}`, code: 'invalid' });
        } else geometry = read.geometry;
      }
    }

    const survey = readSurvey(false);
    if (survey && lengthM !== undefined && lengthM > 0 && totalMetres(survey.metres) !== lengthM) {
      problem('length_km', sumMessage(`Segment ${number ?? '?'}${name ? ` (${name})` : ''}`, lengthM, survey.metres, `its ${survey.year} survey in ${record.label.toLowerCase()}`), 'invalid');
    }

    if (problems.length === before && number && name && lengthM && surface) {
      segments.push({ at: record.at, number, name, kecamatan, lengthM, surface, widthCm, geometry, survey });
    }
  }

  if (problems.length > 0) throw new ImportProblems(problems);
  const ignoredNames = [...ignored].sort();
  return input.kind === 'segments'
    ? { kind: 'segments', records: segments, count: raw.length, ignored: ignoredNames }
    : { kind: 'surveys', records: surveys, count: raw.length, ignored: ignoredNames };
}

/** The message of a survey that does not cover its segment, naming the segment and both lengths: `what` is e.g. `its 2022 survey in row 7`. */
export function sumMessage(segment: string, lengthM: number, metres: ClassMetres, what = 'the survey'): string {
  const sum = totalMetres(metres);
  const gap = sum > lengthM ? `${kmText(sum - lengthM)} too much` : `${kmText(lengthM - sum)} missing`;
  return `${segment} is ${kmText(lengthM)} long, but ${what} sums to ${kmText(sum)} (Baik + Sedang + Rusak Ringan + Rusak Berat): the classes must cover the segment exactly, ${gap}`;
}

/** Reads what the network of `opd` holds now, for comparing and checking. */
export async function existingNetwork(db: RoadsDb, opd: string): Promise<Existing> {
  const segmentRows = await db
    .selectFrom('road_segments')
    .select(['id', 'number', 'name', 'kecamatan', 'length_m', 'surface', 'width_cm', 'geometry'])
    .where('opd_slug', '=', opd)
    .execute();
  const surveyRows = await db
    .selectFrom('road_surveys')
    .select(['segment_id', 'year', 'length_m', 'baik_m', 'sedang_m', 'rusak_ringan_m', 'rusak_berat_m', 'note'])
    .where('opd_slug', '=', opd)
    .execute();
  const network = await db.selectFrom('road_networks').select('bounds').where('opd_slug', '=', opd).executeTakeFirst();
  return {
    segments: new Map(segmentRows.map((row) => [row.number, row])),
    surveys: new Map(surveyRows.map((row) => [`${row.segment_id}:${row.year}`, row])),
    bounds: network?.bounds ?? null,
  };
}

type Counts = RoadImportReport['segments'];

function sameSurvey(a: Existing['surveys'] extends Map<string, infer V> ? V : never, b: SurveyRecord, lengthM: number): boolean {
  return (
    a.length_m === lengthM &&
    a.baik_m === b.metres.baik &&
    a.sedang_m === b.metres.sedang &&
    a.rusak_ringan_m === b.metres.rusakRingan &&
    a.rusak_berat_m === b.metres.rusakBerat &&
    (b.note === null || a.note === b.note)
  );
}

/** The rows an import writes and what it changes, from the records and what is there. */
export function planImport(read: ReadResult, existing: Existing) {
  const segmentCounts: Counts = { added: 0, changed: 0, unchanged: 0 };
  const surveyCounts: Counts = { added: 0, changed: 0, unchanged: 0 };
  const segmentRows: Array<{ number: string; name: string; kecamatan: string[]; length_m: number; surface: RoadSurface; width_cm: number | null; geometry: RoadGeometry | null }> = [];
  const surveyRows: Array<{ number: string; year: number; length_m: number; metres: ClassMetres; note: string | null }> = [];
  const countSurvey = (segmentId: number | undefined, survey: SurveyRecord, lengthM: number) => {
    const before = segmentId === undefined ? undefined : existing.surveys.get(`${segmentId}:${survey.year}`);
    if (!before) surveyCounts.added++;
    else if (sameSurvey(before, survey, lengthM)) surveyCounts.unchanged++;
    else surveyCounts.changed++;
    return before;
  };
  if (read.kind === 'segments') {
    for (const record of read.records) {
      const before = existing.segments.get(record.number);
      const row = {
        number: record.number,
        name: record.name,
        kecamatan: record.kecamatan,
        length_m: record.lengthM,
        surface: record.surface,
        width_cm: record.widthCm === undefined ? (before?.width_cm ?? null) : record.widthCm,
        geometry: record.geometry === undefined ? (before?.geometry ?? null) : record.geometry,
      };
      segmentRows.push(row);
      if (!before) segmentCounts.added++;
      else if (
        before.name === row.name &&
        JSON.stringify(before.kecamatan) === JSON.stringify(row.kecamatan) &&
        before.length_m === row.length_m &&
        before.surface === row.surface &&
        before.width_cm === row.width_cm &&
        JSON.stringify(before.geometry) === JSON.stringify(row.geometry)
      ) {
        segmentCounts.unchanged++;
      } else segmentCounts.changed++;
      if (record.survey) {
        const was = countSurvey(before?.id, record.survey, record.lengthM);
        surveyRows.push({ number: record.number, year: record.survey.year, length_m: record.lengthM, metres: record.survey.metres, note: record.survey.note ?? was?.note ?? null });
      }
    }
  } else {
    for (const record of read.records) {
      const segment = existing.segments.get(record.number)!;
      const was = countSurvey(segment.id, record, segment.length_m);
      surveyRows.push({ number: record.number, year: record.year, length_m: segment.length_m, metres: record.metres, note: record.note ?? was?.note ?? null });
    }
  }
  return { segmentRows, surveyRows, counts: { segments: segmentCounts, surveys: surveyCounts } };
}

/** How many rows one insert statement carries. */
const CHUNK = 500;

/** Any 32-bit number no other part takes: the advisory lock of one OPD's imports (with the OPD's hash). */
const IMPORT_LOCK = 730_216;

/**
 * Checks and applies an import in `trx` (the caller's one transaction): imports of one OPD
 * take turns, the file is read against what is there at that moment, and every row is
 * written or none (any problem throws {@link ImportProblems} before anything is written).
 */
export async function applyImport(
  trx: Transaction<RoadsDatabase>,
  opd: string,
  input: RoadImportInput,
  actorId: string | null,
  now: Date,
): Promise<RoadImportReport> {
  await sql`select pg_advisory_xact_lock(${IMPORT_LOCK}, hashtext(${opd}))`.execute(trx);
  const existing = await existingNetwork(trx, opd);
  const read = readImport(input, existing);
  const plan = planImport(read, existing);
  const ids = new Map<string, number>([...existing.segments].map(([number, row]) => [number, row.id]));
  for (let i = 0; i < plan.segmentRows.length; i += CHUNK) {
    const rows = plan.segmentRows.slice(i, i + CHUNK).map((row) => ({
      opd_slug: opd,
      number: row.number,
      name: row.name,
      kecamatan: JSON.stringify(row.kecamatan),
      length_m: row.length_m,
      surface: row.surface,
      width_cm: row.width_cm,
      geometry: row.geometry === null ? null : JSON.stringify(row.geometry),
      created_at: now,
      updated_at: now,
      updated_by: actorId,
    }));
    const written = await trx
      .insertInto('road_segments')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['opd_slug', 'number']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          kecamatan: eb.ref('excluded.kecamatan'),
          length_m: eb.ref('excluded.length_m'),
          surface: eb.ref('excluded.surface'),
          width_cm: eb.ref('excluded.width_cm'),
          geometry: eb.ref('excluded.geometry'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by: eb.ref('excluded.updated_by'),
        })),
      )
      .returning(['id', 'number'])
      .execute();
    for (const row of written) ids.set(row.number, row.id);
  }
  for (let i = 0; i < plan.surveyRows.length; i += CHUNK) {
    const rows = plan.surveyRows.slice(i, i + CHUNK).map((row) => ({
      segment_id: ids.get(row.number)!,
      opd_slug: opd,
      year: row.year,
      length_m: row.length_m,
      baik_m: row.metres.baik,
      sedang_m: row.metres.sedang,
      rusak_ringan_m: row.metres.rusakRingan,
      rusak_berat_m: row.metres.rusakBerat,
      note: row.note,
      updated_at: now,
      updated_by: actorId,
    }));
    await trx
      .insertInto('road_surveys')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['segment_id', 'year']).doUpdateSet((eb) => ({
          length_m: eb.ref('excluded.length_m'),
          baik_m: eb.ref('excluded.baik_m'),
          sedang_m: eb.ref('excluded.sedang_m'),
          rusak_ringan_m: eb.ref('excluded.rusak_ringan_m'),
          rusak_berat_m: eb.ref('excluded.rusak_berat_m'),
          note: eb.ref('excluded.note'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by: eb.ref('excluded.updated_by'),
        })),
      )
      .execute();
  }
  return { kind: input.kind, format: input.format, dryRun: false, records: read.count, ...plan.counts, ignored: read.ignored };
}

/** Checks an import without writing: what it would change, or throws {@link ImportProblems}. */
export async function dryRunImport(db: RoadsDb, opd: string, input: RoadImportInput): Promise<RoadImportReport> {
  const existing = await existingNetwork(db, opd);
  const read = readImport(input, existing);
  const plan = planImport(read, existing);
  return { kind: input.kind, format: input.format, dryRun: true, records: read.count, ...plan.counts, ignored: read.ignored };
}
