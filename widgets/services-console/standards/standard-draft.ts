/**
 * A service standard as the standards page's form holds it: every field of a version
 * (PermenPAN-RB 15/2014's six published components, the eight the unit keeps, channels, opening
 * hours, location, the effective day) as text the controls show, with the conversions to and
 * from the API's shapes. Lists (requirements, steps, complaint channels, legal bases) are one
 * item a line. Apart from the element so the form's rules read on one page.
 *
 * @module
 */
import type { FieldError } from '../../../src/schemas/common.js';
import type { ServiceCategory, ServiceComponent } from '../../../src/schemas/services.js';
import type { ServiceCreateInput, ServiceStandard, ServiceStandardInput } from '../../../src/schemas/services-staff.js';

/** How many sets of opening hours the form offers (e.g. Senin–Kamis and Jumat). */
export const HOURS_ROWS = 2;

/** The form's field ids, in the order the error summary lists them; each is its control's `id` and `name`. */
export const STANDARD_FIELDS = [
  'slug',
  'name',
  'category',
  'summary',
  'online',
  'offline',
  'onlineUrl',
  'requirements',
  'procedure',
  'durationText',
  'durationDays',
  'costFree',
  'costAmount',
  'costNote',
  'costBasis',
  'product',
  'complaints',
  'hours0Days',
  'hours0Opens',
  'hours0Closes',
  'hours1Days',
  'hours1Opens',
  'hours1Closes',
  'hoursNote',
  'locationName',
  'locationAddress',
  'legalBasis',
  'facilities',
  'facilitiesDisability',
  'competence',
  'internalOversight',
  'staffCount',
  'serviceGuarantee',
  'securityGuarantee',
  'performanceEvaluation',
  'effectiveOn',
  'changeNote',
] as const;

/** A field of the form, see {@link STANDARD_FIELDS}. */
export type StandardField = (typeof STANDARD_FIELDS)[number];

/** A standard as typed: every field as its control holds it (`'true'`/`''` for a checkbox; weekdays as `1,2,3`). */
export type StandardDraft = Record<StandardField, string>;

/** The form's field where a compliance gap in `component` is filled (the pledge has its own form: `pledgeText`). */
export function fieldOfComponent(component: ServiceComponent, draft?: StandardDraft): string {
  const fields: Record<ServiceComponent, string> = {
    requirements: 'requirements',
    procedure: 'procedure',
    duration: 'durationText',
    cost: draft && draft.costBasis.trim() !== '' ? 'costFree' : 'costBasis',
    product: 'product',
    complaints: 'complaints',
    legalBasis: 'legalBasis',
    facilities: 'facilities',
    facilitiesDisability: 'facilitiesDisability',
    competence: 'competence',
    internalOversight: 'internalOversight',
    staffCount: 'staffCount',
    serviceGuarantee: 'serviceGuarantee',
    securityGuarantee: 'securityGuarantee',
    performanceEvaluation: 'performanceEvaluation',
    hours: 'hours0Opens',
    location: 'locationName',
    pledge: 'pledgeText',
  };
  return fields[component];
}

/** An empty form: a counter service open Senin–Kamis 08:00–15:30 and Jumat 08:00–11:30, as most units are. */
export function emptyStandard(): StandardDraft {
  const draft = Object.fromEntries(STANDARD_FIELDS.map((field) => [field, ''])) as StandardDraft;
  return { ...draft, offline: 'true', costFree: 'true', hours0Days: '1,2,3,4', hours0Opens: '08:00', hours0Closes: '15:30', hours1Days: '5', hours1Opens: '08:00', hours1Closes: '11:30' };
}

const lines = (items: readonly string[]) => items.join('\n');
const flag = (value: boolean) => (value ? 'true' : '');

/** The form of a version as the server has it, for the next version (no effective day, no note: those are the new version's own). */
export function draftOfStandard(standard: ServiceStandard): StandardDraft {
  const hours = Object.fromEntries(
    Array.from({ length: HOURS_ROWS }, (_, i) => {
      const set = standard.hours[i];
      return [
        [`hours${i}Days`, set ? set.days.join(',') : ''],
        [`hours${i}Opens`, set?.opens ?? ''],
        [`hours${i}Closes`, set?.closes ?? ''],
      ];
    }).flat(),
  );
  const internal = standard.internal;
  return {
    ...emptyStandard(),
    ...hours,
    slug: standard.slug,
    name: standard.name,
    category: standard.category,
    summary: standard.summary ?? '',
    online: flag(standard.online),
    offline: flag(standard.offline),
    onlineUrl: standard.onlineUrl ?? '',
    requirements: lines(standard.requirements),
    procedure: lines(standard.procedure),
    durationText: standard.duration.text,
    durationDays: standard.duration.workingDays === null ? '' : String(standard.duration.workingDays),
    costFree: standard.cost.free ? 'true' : 'false',
    costAmount: standard.cost.amount === null ? '' : String(standard.cost.amount),
    costNote: standard.cost.note ?? '',
    costBasis: standard.cost.legalBasis ?? '',
    product: standard.product,
    complaints: lines(standard.complaints),
    hoursNote: standard.hoursNote ?? '',
    locationName: standard.location.name,
    locationAddress: standard.location.address ?? '',
    legalBasis: lines(internal.legalBasis),
    facilities: internal.facilities ?? '',
    facilitiesDisability: internal.facilitiesDisability ?? '',
    competence: internal.competence ?? '',
    internalOversight: internal.internalOversight ?? '',
    staffCount: internal.staffCount === null ? '' : String(internal.staffCount),
    serviceGuarantee: internal.serviceGuarantee ?? '',
    securityGuarantee: internal.securityGuarantee ?? '',
    performanceEvaluation: internal.performanceEvaluation ?? '',
    effectiveOn: '',
    changeNote: '',
  };
}

/** True when the two forms say the same. */
export function sameStandard(a: StandardDraft, b: StandardDraft): boolean {
  return STANDARD_FIELDS.every((field) => (a[field] ?? '').trim() === (b[field] ?? '').trim());
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
const itemsOf = (value: string): string[] =>
  value
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-•*]|\d+[.)])\s*/, '').trim())
    .filter(Boolean);

/** A number as typed: a whole number, or left as the text (the API says what is wrong), or `null` when empty. */
function numberOf(value: string): number | null {
  const typed = value.replace(/[.\s]/g, '').trim();
  if (typed === '') return null;
  return /^-?\d+$/.test(typed) ? Number(typed) : (value as unknown as number);
}

/**
 * What the form sends, in the API's words: the whole standard (a version is always whole),
 * empty optional texts as `null`, lists a line an item, rupiah as typed with dots taken out
 * (`15.000` is 15000), opening hours only where weekdays are ticked.
 */
export function inputOfStandard(draft: StandardDraft): ServiceStandardInput {
  const hours = Array.from({ length: HOURS_ROWS }, (_, i) => ({ days: draft[`hours${i}Days` as StandardField], opens: draft[`hours${i}Opens` as StandardField], closes: draft[`hours${i}Closes` as StandardField] }))
    .filter((set) => set.days.trim() !== '')
    .map((set) => ({ days: set.days.split(',').map(Number), opens: set.opens, closes: set.closes }));
  const free = draft.costFree === 'true';
  return {
    name: draft.name,
    category: draft.category as ServiceCategory,
    summary: orNull(draft.summary),
    online: draft.online === 'true',
    offline: draft.offline === 'true',
    onlineUrl: orNull(draft.onlineUrl),
    requirements: itemsOf(draft.requirements),
    procedure: itemsOf(draft.procedure),
    duration: { text: draft.durationText, workingDays: numberOf(draft.durationDays) },
    cost: { free: draft.costFree === '' ? (undefined as unknown as boolean) : free, amount: free ? null : numberOf(draft.costAmount), note: orNull(draft.costNote), legalBasis: orNull(draft.costBasis) },
    product: draft.product,
    complaints: itemsOf(draft.complaints),
    hours,
    hoursNote: orNull(draft.hoursNote),
    location: { name: draft.locationName, address: orNull(draft.locationAddress) },
    internal: {
      legalBasis: itemsOf(draft.legalBasis),
      facilities: orNull(draft.facilities),
      facilitiesDisability: orNull(draft.facilitiesDisability),
      competence: orNull(draft.competence),
      internalOversight: orNull(draft.internalOversight),
      staffCount: numberOf(draft.staffCount),
      serviceGuarantee: orNull(draft.serviceGuarantee),
      securityGuarantee: orNull(draft.securityGuarantee),
      performanceEvaluation: orNull(draft.performanceEvaluation),
    },
    ...(draft.effectiveOn.trim() === '' ? {} : { effectiveOn: draft.effectiveOn.trim() }),
    changeNote: orNull(draft.changeNote),
  };
}

/** A new service: its slug and its first standard. */
export function createInputOf(draft: StandardDraft): ServiceCreateInput {
  return { ...inputOfStandard(draft), slug: draft.slug.trim() };
}

/**
 * The form's field an API path names: `duration.text` → `durationText`, `cost.amount` →
 * `costAmount`, `hours.1.closes` → `hours1Closes`, `internal.staffCount` → `staffCount`,
 * `location.name` → `locationName`, `requirements.3` → `requirements`; a path the form has no
 * field for stays as it is.
 */
export function fieldOfPath(path: string): string {
  const [head = '', second = '', third = ''] = path.split('.');
  const camel = (a: string, b: string) => `${a}${b.charAt(0).toUpperCase()}${b.slice(1)}`;
  let field = head;
  if (head === 'duration') field = second === 'workingDays' ? 'durationDays' : 'durationText';
  else if (head === 'cost') field = second === 'legalBasis' ? 'costBasis' : second ? camel('cost', second) : 'costFree';
  else if (head === 'location') field = second === 'address' ? 'locationAddress' : 'locationName';
  else if (head === 'internal') field = second || 'legalBasis';
  else if (head === 'hours') field = /^\d+$/.test(second) ? `hours${second}${third === 'opens' ? 'Opens' : third === 'closes' ? 'Closes' : 'Days'}` : 'hours0Days';
  return (STANDARD_FIELDS as readonly string[]).includes(field) ? field : path;
}

/** `problems` (the SDK's check or the server's 422) on the form's fields; a field left empty is said as "required" whatever the rule was. */
export function problemsOnStandard(problems: readonly FieldError[], draft: StandardDraft): FieldError[] {
  return problems.map((problem) => {
    const field = fieldOfPath(problem.path);
    const typed = (draft as Record<string, string | undefined>)[field];
    return { ...problem, path: field, code: typed !== undefined && typed.trim() === '' ? 'required' : (problem.code ?? 'invalid') };
  });
}
