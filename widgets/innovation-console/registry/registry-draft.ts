/**
 * An innovation as the registry's form holds it: every field the API takes, as text the
 * controls show, with the conversions to and from the API's shapes. Apart from the element so
 * the form's rules read on one page.
 *
 * @module
 */
import type { FieldError } from '../../../src/schemas/common.js';
import type { InnovationInitiator, InnovationStage, InnovationType } from '../../../src/schemas/innovations.js';
import type { InnovationInput, InnovationStaff } from '../../../src/schemas/innovations-staff.js';

/** An innovation as typed: text as the controls hold it (`''` for nothing chosen). */
export interface InnovationDraft {
  name: string;
  type: string;
  /** `'true'`, `'false'` or `''`. */
  digital: string;
  stage: string;
  /** `YYYY-MM-DD` of each stage reached, `''` for none. */
  dateInisiatif: string;
  dateUjiCoba: string;
  datePenerapan: string;
  startDate: string;
  problem: string;
  solution: string;
  benefits: string;
  results: string;
  goal: string;
  budgetSource: string;
  initiator: string;
  /** `'true'`, `'false'` or `''` (not said). */
  covid19: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  /** The assessment year, as typed. */
  year: string;
}

/**
 * The form's field ids, in the order the error summary lists them. Each is also the control's
 * `id` and `name`; {@link fieldOfPath} maps an API path (`stageDates.uji-coba`) to one.
 */
export const INNOVATION_FIELDS = [
  'name',
  'type',
  'digital',
  'stage',
  'dateInisiatif',
  'dateUjiCoba',
  'datePenerapan',
  'startDate',
  'problem',
  'solution',
  'benefits',
  'results',
  'goal',
  'budgetSource',
  'initiator',
  'covid19',
  'contactName',
  'contactPhone',
  'contactEmail',
  'year',
] as const;

/** A field of the form, see {@link INNOVATION_FIELDS}. */
export type InnovationField = (typeof INNOVATION_FIELDS)[number];

const STAGE_FIELDS: Readonly<Record<InnovationStage, InnovationField>> = { inisiatif: 'dateInisiatif', 'uji-coba': 'dateUjiCoba', penerapan: 'datePenerapan' };

/** The form's field for the date of `stage`. */
export function stageDateField(stage: InnovationStage): InnovationField {
  return STAGE_FIELDS[stage];
}

/**
 * The form's field an API path names: `stageDates.uji-coba` → `dateUjiCoba`, `contact.name`
 * and the submission's bare `contact` → `contactName`; a path the form has no field for stays as it is.
 */
export function fieldOfPath(path: string): string {
  const [head = '', rest] = path.split('.');
  if (head === 'stageDates' && rest && rest in STAGE_FIELDS) return STAGE_FIELDS[rest as InnovationStage];
  if (head === 'contact') return rest === 'phone' ? 'contactPhone' : rest === 'email' ? 'contactEmail' : 'contactName';
  return (INNOVATION_FIELDS as readonly string[]).includes(head) ? head : path;
}

/** An empty form for a new innovation of the assessment `year`. */
export function emptyDraft(year: number | null): InnovationDraft {
  return {
    name: '',
    type: '',
    digital: '',
    stage: '',
    dateInisiatif: '',
    dateUjiCoba: '',
    datePenerapan: '',
    startDate: '',
    problem: '',
    solution: '',
    benefits: '',
    results: '',
    goal: '',
    budgetSource: '',
    initiator: '',
    covid19: '',
    contactName: '',
    contactPhone: '',
    contactEmail: '',
    year: year === null ? '' : String(year),
  };
}

const yesNo = (value: boolean | null): string => (value === null ? '' : String(value));

/** The form of an innovation as the server has it. */
export function draftOf(innovation: InnovationStaff): InnovationDraft {
  return {
    name: innovation.name,
    type: innovation.type,
    digital: yesNo(innovation.digital),
    stage: innovation.stage,
    dateInisiatif: innovation.stageDates.inisiatif ?? '',
    dateUjiCoba: innovation.stageDates['uji-coba'] ?? '',
    datePenerapan: innovation.stageDates.penerapan ?? '',
    startDate: innovation.startDate ?? '',
    problem: innovation.problem,
    solution: innovation.solution,
    benefits: innovation.benefits ?? '',
    results: innovation.results ?? '',
    goal: innovation.goal ?? '',
    budgetSource: innovation.budgetSource ?? '',
    initiator: innovation.initiator ?? '',
    covid19: yesNo(innovation.covid19),
    contactName: innovation.contact?.name ?? '',
    contactPhone: innovation.contact?.phone ?? '',
    contactEmail: innovation.contact?.email ?? '',
    year: String(innovation.year),
  };
}

/** True when the two forms say the same. */
export function sameDraft(a: InnovationDraft, b: InnovationDraft): boolean {
  return INNOVATION_FIELDS.every((field) => a[field].trim() === b[field].trim());
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
const booleanOf = (value: string): boolean | undefined => (value === 'true' ? true : value === 'false' ? false : undefined);

/**
 * What the form sends, in the API's words: every field (an edit sends them all, so a field
 * emptied is cleared), empty optional texts as `null`, no contact person when none is typed.
 * Left as typed where the API must judge (`type: ''` is "choose a type").
 */
export function inputOf(draft: InnovationDraft): InnovationInput {
  const contact = [draft.contactName, draft.contactPhone, draft.contactEmail].some((value) => value.trim() !== '')
    ? { name: draft.contactName, phone: orNull(draft.contactPhone), email: orNull(draft.contactEmail) }
    : null;
  const year = draft.year.trim() === '' ? undefined : Number(draft.year);
  return {
    name: draft.name,
    type: draft.type as InnovationType,
    digital: booleanOf(draft.digital) as boolean,
    stage: draft.stage as InnovationStage,
    stageDates: { inisiatif: orNull(draft.dateInisiatif), 'uji-coba': orNull(draft.dateUjiCoba), penerapan: orNull(draft.datePenerapan) },
    startDate: orNull(draft.startDate),
    problem: draft.problem,
    solution: draft.solution,
    benefits: orNull(draft.benefits),
    results: orNull(draft.results),
    goal: orNull(draft.goal),
    budgetSource: orNull(draft.budgetSource),
    initiator: (orNull(draft.initiator) as InnovationInitiator | null),
    covid19: booleanOf(draft.covid19) ?? null,
    contact,
    ...(year === undefined ? {} : { year }),
  };
}

/**
 * `problems` (the SDK's check or the server's 422) on the form's fields: each path as its field,
 * and a field left empty said as "required" whatever the schema's rule was (an empty name is
 * "enter the name", not "at least 3 characters").
 */
export function problemsOnFields(problems: readonly FieldError[], draft: InnovationDraft): FieldError[] {
  return problems.map((problem) => {
    const field = fieldOfPath(problem.path);
    const typed = (draft as unknown as Record<string, string | undefined>)[field];
    return { ...problem, path: field, code: typed !== undefined && typed.trim() === '' ? 'required' : (problem.code ?? 'invalid') };
  });
}
