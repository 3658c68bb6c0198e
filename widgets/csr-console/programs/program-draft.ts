/**
 * A programme as the SIP BENAR console's form holds it: every field the API takes, as the text
 * the controls show, with the conversions to and from the API's shapes (money read by
 * `parseRupiah`, so `1.250.000` is 1250000 and `1,5` is refused before anything is sent).
 *
 * @module
 */
import type { FieldError } from '../../../src/schemas/common.js';
import type { CsrProgramInput, CsrProgramPatch, CsrProgramStaff, CsrProposalStaff } from '../../../src/schemas/csr-staff.js';
import type { CsrProgramStatus } from '../../../src/schemas/csr.js';
import { parseRupiah, regroupRupiah } from '../shared/money.js';

/** A programme as typed (`''` for nothing). */
export interface ProgramDraft {
  title: string;
  companyId: string;
  field: string;
  kecamatan: string;
  desa: string;
  lon: string;
  lat: string;
  year: string;
  committed: string;
  beneficiaries: string;
  status: string;
  rpjmdPriority: string;
  sdg: string;
  description: string;
  doubleFundingReason: string;
  overBudgetReason: string;
}

/** The form's fields, in the error summary's order; each is the control's `id` and `name`. */
export const PROGRAM_FIELDS = [
  'title',
  'companyId',
  'field',
  'kecamatan',
  'desa',
  'lon',
  'lat',
  'year',
  'committed',
  'beneficiaries',
  'status',
  'rpjmdPriority',
  'sdg',
  'description',
  'doubleFundingReason',
  'overBudgetReason',
] as const satisfies readonly (keyof ProgramDraft)[];

/** A field of the programme form. */
export type ProgramField = (typeof PROGRAM_FIELDS)[number];

/** An empty form for `year` (the current year by default); status `proposed`, as the server defaults. */
export function emptyProgramDraft(year = new Date().getFullYear()): ProgramDraft {
  return { title: '', companyId: '', field: '', kecamatan: '', desa: '', lon: '', lat: '', year: String(year), committed: '', beneficiaries: '', status: 'proposed', rpjmdPriority: '', sdg: '', description: '', doubleFundingReason: '', overBudgetReason: '' };
}

/** A saved programme in the form. */
export function programDraftOf(program: CsrProgramStaff): ProgramDraft {
  const [lon, lat] = program.location.point ?? [];
  return {
    title: program.title,
    companyId: String(program.company.id),
    field: program.field,
    kecamatan: program.location.kecamatan,
    desa: program.location.desa,
    lon: lon === undefined ? '' : String(lon),
    lat: lat === undefined ? '' : String(lat),
    year: String(program.year),
    committed: regroupRupiah(String(program.committed)),
    beneficiaries: program.beneficiaries === null ? '' : String(program.beneficiaries),
    status: program.status,
    rpjmdPriority: program.rpjmdPriority ?? '',
    sdg: program.sdg === null ? '' : String(program.sdg),
    description: program.description ?? '',
    doubleFundingReason: '',
    overBudgetReason: '',
  };
}

/** A new programme's form filled from an approved proposal (its company, field, place, year, estimate). */
export function programDraftOfProposal(proposal: CsrProposalStaff): ProgramDraft {
  const [lon, lat] = proposal.location.point ?? [];
  return {
    ...emptyProgramDraft(proposal.year),
    title: proposal.title,
    companyId: proposal.decision?.company ? String(proposal.decision.company.id) : '',
    field: proposal.field,
    kecamatan: proposal.location.kecamatan,
    desa: proposal.location.desa,
    lon: lon === undefined ? '' : String(lon),
    lat: lat === undefined ? '' : String(lat),
    committed: proposal.estimatedCost === null ? '' : regroupRupiah(String(proposal.estimatedCost)),
    beneficiaries: proposal.beneficiaries === null ? '' : String(proposal.beneficiaries),
    status: 'approved',
    description: proposal.description ?? '',
  };
}

/** Whether two drafts say the same (the reasons aside). */
export function sameProgramDraft(a: ProgramDraft, b: ProgramDraft): boolean {
  return PROGRAM_FIELDS.every((field) => field === 'doubleFundingReason' || field === 'overBudgetReason' || a[field].trim() === b[field].trim());
}

/** A problem the form finds itself, before sending: the field and what is wrong (`format`, `empty`, `tooLarge`). */
export interface DraftProblem {
  field: ProgramField;
  code: string;
}

const whole = (text: string): number | null | 'bad' => {
  const trimmed = text.trim().replace(/[.\s]/g, '');
  if (trimmed === '') return null;
  return /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : 'bad';
};

const decimal = (text: string): number | null | 'bad' => {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^-?\d{1,3}(\.\d{1,8})?$/.test(trimmed) ? Number(trimmed) : 'bad';
};

/** The body of a new programme or an edit, or the fields the form refuses itself (money that is no whole rupiah, numbers that are none). */
export function programInputOf(draft: ProgramDraft): { input: CsrProgramInput & CsrProgramPatch; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const number = (field: ProgramField, read: (text: string) => number | null | 'bad'): number | null => {
    const value = read(draft[field]);
    if (value === 'bad') problems.push({ field, code: 'format' });
    return value === 'bad' ? null : value;
  };
  const committed = parseRupiah(draft.committed);
  if (!committed.ok && committed.reason !== 'empty') problems.push({ field: 'committed', code: committed.reason });
  const companyId = number('companyId', whole);
  const year = number('year', whole);
  const beneficiaries = number('beneficiaries', whole);
  const sdg = number('sdg', whole);
  const lon = number('lon', decimal);
  const lat = number('lat', decimal);
  if ((lon === null) !== (lat === null) && !problems.some((problem) => problem.field === 'lon' || problem.field === 'lat')) problems.push({ field: lon === null ? 'lon' : 'lat', code: 'pair' });
  const text = (field: ProgramField) => draft[field].trim();
  const optional = (field: ProgramField) => text(field) || undefined;
  const input: CsrProgramInput & CsrProgramPatch = {
    title: text('title'),
    // An empty amount goes as it is so the SDK's check names the field, like every other required field.
    committed: committed.ok ? committed.value : (undefined as unknown as number),
    description: text('description') || null,
    ...(companyId !== null ? { companyId } : {}),
    ...(optional('field') ? { field: text('field') } : {}),
    ...(optional('kecamatan') ? { kecamatan: text('kecamatan') } : {}),
    ...(optional('desa') ? { desa: text('desa') } : {}),
    point: lon !== null && lat !== null ? [lon, lat] : null,
    ...(year !== null ? { year } : {}),
    beneficiaries,
    ...(optional('status') ? { status: text('status') as CsrProgramStatus } : {}),
    rpjmdPriority: text('rpjmdPriority') || null,
    sdg,
    ...(optional('doubleFundingReason') ? { doubleFundingReason: text('doubleFundingReason') } : {}),
    ...(optional('overBudgetReason') ? { overBudgetReason: text('overBudgetReason') } : {}),
  };
  return { input, problems };
}

/** The form's field an API path names: `point.0` → `lon`, `point.1` and `point` → `lat`/`lon`; others as they are. */
export function programFieldOfPath(path: string): string {
  if (path === 'point' || path.startsWith('point.0')) return 'lon';
  if (path.startsWith('point.1')) return 'lat';
  return path.split('.')[0] ?? path;
}

/** `problems` with their paths as the form's fields. */
export function programProblems(problems: readonly FieldError[]): FieldError[] {
  return problems.map((problem) => ({ ...problem, path: programFieldOfPath(problem.path) }));
}
