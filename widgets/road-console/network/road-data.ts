/**
 * `<opd-road-data>`: Perjaka's road data in the staff console — the OPD's segments and their
 * surveys, the kemantapan target per year, and imports of segments and surveys with a dry run.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../../../src/errors.js';
import { roads, type RoadsNamespace } from '../../../src/namespaces/roads.js';
import { toFieldErrors, type FieldError } from '../../../src/schemas/common.js';
import {
  conditionClasses,
  importFormats,
  importKinds,
  roadImportInput,
  roadSegmentPatch,
  roadSurfaces,
  roadSurveyInput,
  roadTargetInput,
  YEAR_RANGE,
  type ConditionClass,
  type RoadCondition,
  type RoadImportInput,
  type RoadImportReport,
  type RoadSegment,
  type RoadSegmentDetail,
  type RoadSurface,
  type RoadSurvey,
} from '../../../src/schemas/roads.js';
import { ck, failureMessage, fieldErrorsOf, renderOutsideConsole } from '../../console/kit/failure.js';
import { outcomeFieldError, renderFormOutcome, summaryErrors, type FormOutcome } from '../../console/kit/forms.js';
import { OpdNamespace } from '../../console/kit/opd-namespace.js';
import { consolePageStyles } from '../../console/kit/page-styles.js';
import { ConsolePageElement } from '../../console/page.js';
import { focusTemporarily, type SummaryError } from '../../shared/error-summary.js';
import { renderFieldError, selectField, textareaField, textField } from '../../shared/fields.js';
import { LocalizeController } from '../../shared/localize.js';
import { renderNotice } from '../../shared/notice.js';
import { controlStyles, themeStyles } from '../../shared/theme.js';
import { roadDataPage } from './console-page.js';
import { id, type RoadDataMessages } from './i18n/id.js';
import { formatKm, formatPercent, metresOf, readDecimal, searchable } from './numbers.js';
import { roadDataStyles } from './road-data.styles.js';

/** Segments per page of the list. */
export const SEGMENTS_PER_PAGE = 25;

/** The page's views, by the first part of its route. */
type View = 'segments' | 'segment' | 'targets' | 'imports';

/** Which form a message belongs to (each has its own error summary). */
type Form = 'survey' | 'target' | 'import' | 'edit';

/** The "Ubah data ruas" form's fields, in the order the summary lists them, by the API's field each one sends. */
const EDIT_FIELDS = { name: 'segName', kecamatan: 'segKecamatan', surface: 'segSurface', widthM: 'segWidth', lengthKm: 'segName' } as const;

/** What a staff member typed in the "Ubah data ruas" form of one segment. */
interface EditDraft {
  number: string;
  segName: string;
  /** Comma-separated, as typed. */
  segKecamatan: string;
  segSurface: string;
  segWidth: string;
}

/** The draft of the "Ubah data ruas" form that shows `segment` as it is. */
function editDraftOf(segment: RoadSegmentDetail, locale: string): EditDraft {
  return {
    number: segment.number,
    segName: segment.name,
    segKecamatan: segment.kecamatan.join(', '),
    segSurface: segment.surface,
    segWidth: segment.widthM === null ? '' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(segment.widthM),
  };
}

/** The survey form's fields, in the order the summary lists them. */
const SURVEY_FIELDS = ['year', ...conditionClasses, 'classes', 'note'] as const;

/** What a staff member typed in one segment's survey form; kept while they look at other segments. */
interface SurveyDraft {
  year: string;
  baik: string;
  sedang: string;
  rusakRingan: string;
  rusakBerat: string;
  note: string;
}

/** The import as chosen: what, in which format, and the text (from a file or pasted). */
interface ImportDraft {
  kind: RoadImportInput['kind'] | '';
  format: RoadImportInput['format'] | '';
  /** The text pasted. */
  pasted: string;
  /** The file picked, read as text; it is sent instead of {@link pasted} while it is there. */
  file: { name: string; size: number; text: string } | null;
}

/** One problem of a refused import, where it is in the file. */
interface ImportProblem {
  /** `row` (CSV, as a spreadsheet numbers it), `feature` (GeoJSON, from 0), `header` or `file`. */
  place: 'row' | 'feature' | 'header' | 'file';
  index: number | null;
  /** The column or property as the file names it (or a geometry path), `''` for the whole row. */
  field: string;
  message: string;
}

/** Where a problem path of the import points: `rows.5.permukaan`, `features.1.geometry.coordinates.0`, `columns.length_km`. */
export function importProblemOf(error: FieldError): ImportProblem {
  const parts = error.path.split('.');
  const [head, second] = parts;
  if (head === 'rows' && second !== undefined && /^\d+$/.test(second)) {
    return { place: 'row', index: Number(second), field: parts.slice(2).join('.'), message: error.message };
  }
  if (head === 'features' && second !== undefined && /^\d+$/.test(second)) {
    const rest = parts.slice(2);
    const field = rest[0] === 'properties' ? rest.slice(1).join('.') : rest.join('.');
    return { place: 'feature', index: Number(second), field, message: error.message };
  }
  if (head === 'columns') return { place: 'header', index: 1, field: parts.slice(1).join('.'), message: error.message };
  return { place: 'file', index: null, field: '', message: error.message };
}

/** The year it is now in `zone`. */
function currentYear(zone: string): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric' }).format(new Date()));
}

/** The field errors `schema` finds in `input`, as the SDK and the server would give them. */
function check(schema: { safeParse: (input: unknown, options?: { reportInput?: boolean }) => { success: boolean; error?: { issues: unknown[] } } }, input: unknown): FieldError[] {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success || !result.error ? [] : toFieldErrors(result.error.issues as Parameters<typeof toFieldErrors>[0]);
}

/** The draft of a survey the form starts from: `survey`'s values, or empty for `year`. */
function draftOf(year: number, survey: RoadSurvey | undefined, locale: string): SurveyDraft {
  const km = (value: number | undefined) => (survey && value !== undefined ? formatKm(metresOf(value), locale) : '');
  return {
    year: String(year),
    baik: km(survey?.km.baik),
    sedang: km(survey?.km.sedang),
    rusakRingan: km(survey?.km.rusakRingan),
    rusakBerat: km(survey?.km.rusakBerat),
    note: survey?.note ?? '',
  };
}

/** The key of what a dry run checked: an import may run only what was checked. */
function importKey(input: RoadImportInput): string {
  return `${input.kind}\n${input.format}\n${input.content}`;
}

/**
 * Perjaka's road data for one OPD, as Dinas PUPR's staff keep it:
 *
 * - **Segments** (`#/perjaka/data`): the whole network by decree number, searched by number,
 *   name or kecamatan as one types, 25 a page; each opens its own view.
 * - **A segment** (`#/perjaka/data/ruas/<number>`): its facts, every survey by year, and the
 *   survey form: a year and the km in Baik, Sedang, Rusak Ringan and Rusak Berat, with their
 *   running sum and the difference from the segment's length shown before sending. A refused
 *   survey (here or by the server) lists its problems in an error summary that takes focus,
 *   and keeps what was typed; so does looking at another segment meanwhile. Under it the
 *   "Ubah data ruas" form changes the segment's name, kecamatan (comma-separated), surface
 *   and width (`segments.update`), with its own error summary; its length and geometry change
 *   by an import (the surveys sum to the length).
 * - **Targets** (`#/perjaka/data/target`): the kemantapan of each year against its target; OPD
 *   admins set a year's target, other staff are told who can.
 * - **Imports** (`#/perjaka/data/impor`): segments or surveys, GeoJSON or CSV, from a file or
 *   pasted; the dry run lists every problem by row or feature and column, or what importing
 *   would add, change and leave, and the columns it would not read; importing (all or nothing)
 *   only what was checked, after asking.
 *
 * Calls go through the SDK's `roads` namespace over the console's session. Shown by
 * `<opd-console>`; outside a console it says so.
 *
 * @summary Perjaka's road network data in the staff console.
 *
 * @attr lang - `id` (default) or `en`; the console sets it.
 * @attr heading-level - The level of the page's headings (the console sets it one below its page title).
 *
 * @csspart base - The wrapper of everything.
 * @csspart views - The links between segments, targets and imports.
 * @csspart segments - The table of segments.
 * @csspart sum - The running sum of the survey form and its difference from the segment's length.
 * @csspart report - The dry run's or the import's report.
 * @csspart field - Every field; `label`, `hint`, `error` and `input` its pieces.
 * @csspart button - Every button.
 * @csspart notice - Messages.
 * @csspart error-summary - The list of problems above a refused form.
 *
 * @cssproperty --opd-font-size - The base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-color-primary - Buttons, links, the view shown.
 * @cssproperty --opd-color-success - The sum when it matches the length.
 * @cssproperty --opd-color-error - The sum when it does not, and refused fields.
 * @cssproperty --opd-color-info-surface - The segment being edited, the sum's box.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdRoadData extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles, roadDataStyles];

  static override properties: PropertyDeclarations = {
    view: { state: true, attribute: false },
    segments: { state: true, attribute: false },
    segmentsComplete: { state: true, attribute: false },
    segmentsError: { state: true, attribute: false },
    query: { state: true, attribute: false },
    pageIndex: { state: true, attribute: false },
    detail: { state: true, attribute: false },
    detailError: { state: true, attribute: false },
    drafts: { state: true, attribute: false },
    condition: { state: true, attribute: false },
    conditionState: { state: true, attribute: false },
    conditionError: { state: true, attribute: false },
    targetYear: { state: true, attribute: false },
    targetPercent: { state: true, attribute: false },
    importDraft: { state: true, attribute: false },
    report: { state: true, attribute: false },
    problems: { state: true, attribute: false },
    confirming: { state: true, attribute: false },
    outcome: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  private view: View = 'segments';
  /** Every segment of the OPD, in decree-number order; `null` until the first page arrives. */
  private segments: RoadSegment[] | null = null;
  private segmentsComplete = false;
  private segmentsError = '';
  private query = '';
  private pageIndex = 0;
  /** The segment open in its view (`number` is in the route). */
  private detail: { number: string; segment: RoadSegmentDetail | null } | null = null;
  private detailError = '';
  /** What was typed in each segment's survey form, by segment number. */
  private drafts = new Map<string, SurveyDraft>();
  /** What was typed in the "Ubah data ruas" form (of the segment it names). */
  private editDraft: EditDraft | null = null;
  private condition: RoadCondition | null = null;
  private conditionState: 'idle' | 'loading' | 'ready' | 'none' | 'failed' = 'idle';
  private conditionError = '';
  private targetYear = '';
  private targetPercent = '';
  private importDraft: ImportDraft = { kind: '', format: '', pasted: '', file: null };
  /** The last dry run that passed (`key`: what it checked) or the import's result (`done`). */
  private report: { key: string; report: RoadImportReport; done: boolean } | null = null;
  /** The problems of the last dry run or import that was refused. */
  private problems: { key: string; problems: ImportProblem[]; dryRun: boolean } | null = null;
  /** Asking before importing. */
  private confirming = false;
  private outcome: FormOutcome<Form> = { errors: null, done: null };
  private busy: Form | 'dry-run' | '' = '';

  // English is fetched only for a page set to English: PUPR's staff work in Indonesian.
  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((module) => module.en) });
  /** The SDK's roads calls for the console's OPD: another OPD's data is forgotten, and the OPD's read again. */
  readonly #namespace = new OpdNamespace(roads, ({ opd, sameOpd }) => {
    if (!sameOpd) this.resetForOpd();
    if (opd) void this.loadSegments();
  });
  get #api(): RoadsNamespace | null {
    return this.#namespace.api;
  }
  /** Bumped for each load of the list, so a stale one stops. */
  #listRun = 0;
  /** Where focus goes once the route this page asked for is shown: the first of these selectors there is. */
  #focusAfterRoute: string[] | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context') || !this.context) return;
    this.#namespace.follow(this.context);
    this.followRoute(this.context.route);
  }

  /** Forgets what belongs to another OPD (a regency admin switched). */
  private resetForOpd(): void {
    this.segments = null;
    this.segmentsComplete = false;
    this.detail = null;
    this.drafts = new Map();
    this.editDraft = null;
    this.condition = null;
    this.conditionState = 'idle';
    this.report = null;
    this.problems = null;
    this.confirming = false;
    this.outcome = { errors: null, done: null };
    this.importDraft = { kind: '', format: '', pasted: '', file: null };
    this.query = '';
    this.pageIndex = 0;
  }

  /** Shows the view the route names: `[]`, `['ruas', number]`, `['target']`, `['impor']`. */
  private followRoute(route: readonly string[]): void {
    const [head, number] = route;
    if (head === 'ruas' && number) {
      this.view = 'segment';
      if (this.detail?.number !== number) {
        this.detail = { number, segment: null };
        this.detailError = '';
        if (['survey', 'edit'].includes(this.outcome.errors?.form ?? this.outcome.done?.form ?? '')) this.outcome = { errors: null, done: null };
        void this.loadDetail(number);
      }
    } else if (head === 'target') {
      this.view = 'targets';
      if (this.conditionState === 'idle') void this.loadCondition();
    } else if (head === 'impor') {
      this.view = 'imports';
    } else {
      this.view = 'segments';
    }
  }

  /** Reads every segment, page by page, showing each page as it arrives. */
  private async loadSegments(): Promise<void> {
    const api = this.#api;
    if (!api) return;
    const run = ++this.#listRun;
    this.segmentsError = '';
    this.segmentsComplete = false;
    const read: RoadSegment[] = [];
    try {
      let shown = 0;
      for await (const segment of api.segments.list()) {
        if (run !== this.#listRun) return;
        read.push(segment);
        // Each page shows as it arrives (the list pages by 50).
        if (read.length - shown >= 50) {
          this.segments = [...read];
          shown = read.length;
        }
      }
      if (run !== this.#listRun) return;
      this.segments = read;
      this.segmentsComplete = true;
    } catch (error) {
      if (run !== this.#listRun) return;
      if (read.length) this.segments = read;
      this.segmentsError = failureMessage(error, this.localize);
    }
  }

  private async loadDetail(number: string): Promise<void> {
    const api = this.#api;
    if (!api) return;
    try {
      const segment = await api.segments.get(number);
      if (this.detail?.number !== number) return;
      this.showDetail(segment);
    } catch (error) {
      if (this.detail?.number !== number) return;
      this.detailError = error instanceof ApiError && error.status === 404 && error.code !== 'module-disabled' ? this.localize.t('segment.notFound', number) : failureMessage(error, this.localize);
    }
  }

  /** Shows a segment read from the server, and puts its new condition in the list. */
  private showDetail(segment: RoadSegmentDetail): void {
    this.detail = { number: segment.number, segment };
    this.detailError = '';
    if (this.editDraft?.number !== segment.number) this.editDraft = editDraftOf(segment, this.localize.locale);
    if (!this.drafts.has(segment.number)) {
      const year = currentYear(this.localize.timeZone);
      this.setDraft(segment.number, draftOf(year, segment.surveys.find((survey) => survey.year === year), this.localize.locale));
    }
    if (this.segments) {
      const listed: RoadSegment = {
        number: segment.number,
        name: segment.name,
        kecamatan: segment.kecamatan,
        lengthKm: segment.lengthKm,
        surface: segment.surface,
        widthM: segment.widthM,
        condition: segment.condition,
      };
      this.segments = this.segments.map((item) => (item.number === segment.number ? listed : item));
    }
  }

  private setDraft(number: string, draft: SurveyDraft): void {
    const drafts = new Map(this.drafts);
    drafts.set(number, draft);
    this.drafts = drafts;
  }

  private async loadCondition(): Promise<void> {
    const api = this.#api;
    if (!api) return;
    this.conditionState = 'loading';
    try {
      this.condition = await api.condition();
      this.conditionState = 'ready';
    } catch (error) {
      // No survey at all yet: targets can still be set.
      if (error instanceof ApiError && error.status === 404 && error.code !== 'module-disabled') {
        this.condition = null;
        this.conditionState = 'none';
      } else {
        this.conditionState = 'failed';
        this.conditionError = failureMessage(error, this.localize);
      }
    }
  }

  /** OPD admins (their OPD) and regency admins set targets; the server says so too. */
  private get maySetTargets(): boolean {
    const role = this.context?.user.role;
    return role === 'regency_admin' || role === 'opd_admin';
  }

  private go(event: Event, route: string, keepFocus = false): void {
    event.preventDefault();
    if (keepFocus) this.#focusAfterRoute = ['#view-title'];
    this.context?.navigate(route ? `${roadDataPage.id}/${route}` : roadDataPage.id, { keepFocus });
  }

  // ——— segments ———

  /** The segments the search finds: the number from its start, else the name or a kecamatan containing every word. */
  private get found(): RoadSegment[] {
    const all = this.segments ?? [];
    const words = searchable(this.query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return all;
    return all.filter((segment) => {
      const haystack = searchable(`${segment.number} ${segment.name} ${segment.kecamatan.join(' ')}`);
      return words.every((word) => haystack.includes(word));
    });
  }

  private readonly onSearch = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.pageIndex = 0;
  };

  private readonly onSearchKey = (event: KeyboardEvent): void => {
    // Enter opens the segment when the search finds exactly one (or the number typed exactly).
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const found = this.found;
    const exact = found.find((segment) => segment.number.toLowerCase() === this.query.trim().toLowerCase());
    const only = exact ?? (found.length === 1 ? found[0] : undefined);
    if (only) this.context?.navigate(`${roadDataPage.id}/ruas/${only.number}`);
  };

  private turnPage(event: Event, step: number): void {
    event.preventDefault();
    this.pageIndex = Math.max(0, this.pageIndex + step);
    void this.updateComplete.then(() => focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#segments-caption')));
  }

  // ——— the survey form ———

  private readonly onSurveyInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
    const number = this.detail?.number;
    const draft = number ? this.drafts.get(number) : undefined;
    if (!number || !draft || !(target.name in draft)) return;
    this.setDraft(number, { ...draft, [target.name]: target.value });
  };

  /** The draft's four classes in metres, and which of them could not be read. */
  private classMetres(draft: SurveyDraft): { metres: Record<ConditionClass, number>; unread: FieldError[] } {
    const metres = { baik: 0, sedang: 0, rusakRingan: 0, rusakBerat: 0 };
    const unread: FieldError[] = [];
    for (const name of conditionClasses) {
      const read = readDecimal(draft[name], 3);
      if (read.ok) metres[name] = read.units;
      else unread.push({ path: name, message: '', code: read.problem });
    }
    return { metres, unread };
  }

  private startEditing(segment: RoadSegmentDetail, survey: RoadSurvey): void {
    this.setDraft(segment.number, draftOf(survey.year, survey, this.localize.locale));
    this.outcome = { errors: null, done: null };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#baik')?.focus());
  }

  private startNewYear(segment: RoadSegmentDetail): void {
    const latest = Math.max(currentYear(this.localize.timeZone), ...segment.surveys.map((survey) => survey.year + 1));
    this.setDraft(segment.number, draftOf(latest, undefined, this.localize.locale));
    this.outcome = { errors: null, done: null };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#year')?.focus());
  }

  private readonly onSaveSurvey = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const segment = this.detail?.segment;
    const api = this.#api;
    if (!segment || !api || this.busy) return;
    const t = this.localize;
    const draft = this.drafts.get(segment.number) ?? draftOf(currentYear(t.timeZone), undefined, t.locale);
    const problems: FieldError[] = [];
    const year = Number(draft.year.trim());
    if (!/^\d{4}$/.test(draft.year.trim()) || year < YEAR_RANGE.min || year > YEAR_RANGE.max) problems.push({ path: 'year', message: '', code: 'format' });
    const { metres, unread } = this.classMetres(draft);
    problems.push(...unread);
    const body = {
      baik: metres.baik / 1000,
      sedang: metres.sedang / 1000,
      rusakRingan: metres.rusakRingan / 1000,
      rusakBerat: metres.rusakBerat / 1000,
      note: draft.note.trim() || null,
    };
    if (unread.length === 0) problems.push(...check(roadSurveyInput, body).filter((problem) => problem.path === 'note'));
    let errors = this.surveySummary(problems);
    const sum = metres.baik + metres.sedang + metres.rusakRingan + metres.rusakBerat;
    const length = metresOf(segment.lengthKm);
    if (unread.length === 0 && sum !== length) errors = [...errors, { field: 'classes', message: this.sumMessage(sum, length) }];
    this.outcome = { errors: null, done: null };
    if (errors.length) {
      await this.showErrors('survey', errors);
      return;
    }
    this.busy = 'survey';
    try {
      await api.surveys.put(segment.number, year, body);
      const fresh = await api.segments.get(segment.number).catch(() => null);
      if (fresh) this.showDetail(fresh);
      const message = t.t('survey.saved', year, segment.number);
      this.setDraft(segment.number, draftOf(year, fresh?.surveys.find((survey) => survey.year === year), t.locale));
      this.outcome = { errors: null, done: { form: 'survey', message } };
      this.context?.announce(message);
      this.condition = null;
      this.conditionState = 'idle';
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (fields && fields.some((field) => (conditionClasses as readonly string[]).includes(field.path))) {
        // The server measures against the length it has: read it again, so the difference shown is the real one.
        const fresh = await api.segments.get(segment.number).catch(() => null);
        if (fresh && this.detail?.number === fresh.number) this.showDetail(fresh);
        const newLength = metresOf((fresh ?? segment).lengthKm);
        const others = fields.filter((field) => !(conditionClasses as readonly string[]).includes(field.path));
        await this.showErrors('survey', [...this.surveySummary(others), { field: 'classes', message: t.t('error.sum.server', formatKm(sum, t.locale), formatKm(newLength, t.locale)) }]);
      } else {
        await this.showErrors('survey', fields ? this.surveySummary(fields) : [{ field: '', message: failureMessage(error, t) }]);
      }
    } finally {
      this.busy = '';
    }
  };

  /** The difference of the classes' sum from the length, in words. */
  private sumMessage(sum: number, length: number): string {
    const t = this.localize;
    const gap = formatKm(Math.abs(length - sum), t.locale);
    return sum < length ? t.t('error.sum.short', formatKm(sum, t.locale), formatKm(length, t.locale), gap) : t.t('error.sum.over', formatKm(sum, t.locale), formatKm(length, t.locale), gap);
  }

  /** The summary's lines for the survey form's rejected fields. */
  private surveySummary(fields: readonly FieldError[]): SummaryError[] {
    const t = this.localize;
    const labels: Record<string, string> = { year: t.t('survey.year'), note: t.t('survey.note') };
    return summaryErrors(fields, SURVEY_FIELDS, (field, code) => {
      if ((conditionClasses as readonly string[]).includes(field)) return t.t('error.km', this.classLabel(field as ConditionClass), code);
      return t.lookup(`error.${field}.${code}`) ?? t.t('error.generic', labels[field] ?? field);
    });
  }

  private async showErrors(form: Form, errors: SummaryError[]): Promise<void> {
    this.outcome = { errors: { form, errors }, done: null };
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#${form}-summary .error-summary`));
  }

  // ——— the "Ubah data ruas" form ———

  private readonly onEditInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    const draft = this.editDraft;
    if (!draft || !(target.name in draft) || target.name === 'number') return;
    this.editDraft = { ...draft, [target.name]: target.value };
  };

  private readonly onSaveEdit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const segment = this.detail?.segment;
    const api = this.#api;
    const draft = this.editDraft;
    if (!segment || !api || !draft || draft.number !== segment.number || this.busy) return;
    const t = this.localize;
    const problems: FieldError[] = [];
    const kecamatan = draft.segKecamatan.split(/[,;]/).map((name) => name.trim()).filter(Boolean);
    let widthM: number | null = null;
    if (draft.segWidth.trim() !== '') {
      const read = readDecimal(draft.segWidth, 2);
      if (!read.ok) problems.push({ path: 'widthM', message: '', code: read.problem });
      else widthM = read.units / 100;
    }
    const patch = { name: draft.segName.trim(), kecamatan, surface: draft.segSurface as RoadSurface, widthM };
    problems.push(...check(roadSegmentPatch, patch).filter((problem) => !(problem.path === 'widthM' && problems.some((p) => p.path === 'widthM'))));
    this.outcome = { errors: null, done: null };
    if (problems.length) {
      await this.showErrors('edit', this.editSummary(problems));
      return;
    }
    this.busy = 'edit';
    try {
      const saved = await api.segments.update(segment.number, patch);
      this.showDetail(saved);
      this.editDraft = editDraftOf(saved, t.locale);
      const message = t.t('edit.saved', saved.number);
      this.outcome = { errors: null, done: { form: 'edit', message } };
      this.context?.announce(message);
      this.condition = null;
      this.conditionState = 'idle';
    } catch (error) {
      const fields = fieldErrorsOf(error);
      await this.showErrors('edit', fields ? this.editSummary(fields) : [{ field: '', message: failureMessage(error, t) }]);
    } finally {
      this.busy = '';
    }
  };

  /** The summary's lines for the "Ubah data ruas" form's rejected fields (API paths mapped to the form's fields). */
  private editSummary(fields: readonly FieldError[]): SummaryError[] {
    const t = this.localize;
    const labels: Record<string, string> = { segName: t.t('edit.name'), segKecamatan: t.t('edit.kecamatan'), segSurface: t.t('edit.surface'), segWidth: t.t('edit.width') };
    const mapped = fields.map((field) => {
      const head = field.path.split('.')[0] as keyof typeof EDIT_FIELDS;
      return { ...field, path: EDIT_FIELDS[head] ?? field.path };
    });
    return summaryErrors(mapped, ['segName', 'segKecamatan', 'segSurface', 'segWidth'], (field, code, message) =>
      t.lookup(`error.${field}.${code}`) ?? (labels[field] ? t.t('error.generic', labels[field]) : message),
    );
  }

  // ——— targets ———

  private readonly onSaveTarget = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const api = this.#api;
    if (!api || this.busy || !this.maySetTargets) return;
    const t = this.localize;
    const problems: FieldError[] = [];
    const yearText = this.targetYear.trim();
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < YEAR_RANGE.min || year > YEAR_RANGE.max) problems.push({ path: 'targetYear', message: '', code: 'format' });
    const read = this.targetPercent.trim() === '' ? ({ ok: false, problem: 'required' } as const) : readDecimal(this.targetPercent, 2);
    if (!read.ok) problems.push({ path: 'percent', message: '', code: read.problem });
    else problems.push(...check(roadTargetInput, { percent: read.units / 100 }));
    if (problems.length) {
      await this.showErrors('target', this.targetSummary(problems));
      return;
    }
    const percent = (read as { units: number }).units / 100;
    this.busy = 'target';
    this.outcome = { errors: null, done: null };
    try {
      const saved = await api.targets.put(year, percent);
      const message = t.t('targets.saved', saved.year, formatPercent(saved.percent, t.locale));
      this.outcome = { errors: null, done: { form: 'target', message } };
      this.context?.announce(message);
      this.targetPercent = '';
      void this.loadCondition();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      await this.showErrors('target', fields ? this.targetSummary(fields.map((field) => (field.path === 'year' ? { ...field, path: 'targetYear' } : field))) : [{ field: '', message: failureMessage(error, t) }]);
    } finally {
      this.busy = '';
    }
  };

  private targetSummary(fields: readonly FieldError[]): SummaryError[] {
    const t = this.localize;
    const labels: Record<string, string> = { targetYear: t.t('targets.year'), percent: t.t('targets.percent') };
    return summaryErrors(fields, ['targetYear', 'percent'], (field, code) => t.lookup(`error.${field}.${code}`) ?? t.t('error.generic', labels[field] ?? field));
  }

  // ——— imports ———

  /** The import as it would be sent now. */
  private get importInput(): { kind: string; format: string; content: string } {
    const draft = this.importDraft;
    return { kind: draft.kind, format: draft.format, content: draft.file ? draft.file.text : draft.pasted };
  }

  private readonly onImportChange = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
    if (target.name === 'kind') this.importDraft = { ...this.importDraft, kind: target.value as ImportDraft['kind'] };
    else if (target.name === 'format') this.importDraft = { ...this.importDraft, format: target.value as ImportDraft['format'] };
    else if (target.name === 'content') this.importDraft = { ...this.importDraft, pasted: target.value };
    this.confirming = false;
  };

  private readonly onFile = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    const guessed = /\.csv$/i.test(file.name) ? 'csv' : /\.(geo)?json$/i.test(file.name) ? 'geojson' : '';
    this.importDraft = { ...this.importDraft, file: { name: file.name, size: file.size, text }, format: this.importDraft.format || guessed };
    this.confirming = false;
    input.value = '';
  };

  private readonly onForgetFile = (): void => {
    this.importDraft = { ...this.importDraft, file: null };
    this.confirming = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#file')?.focus());
  };

  /** The import's input, checked here first; `null` when the summary shows why not. */
  private async checkedImport(): Promise<RoadImportInput | null> {
    const input = this.importInput;
    const problems = check(roadImportInput, input);
    if (problems.length === 0) return input as RoadImportInput;
    const t = this.localize;
    await this.showErrors(
      'import',
      summaryErrors(problems, ['kind', 'format', 'content'], (field, code) => t.lookup(`error.${field}.${code}`) ?? t.t('error.generic', field)).map((error) =>
        error.field === 'content' && this.importDraft.file ? { ...error, field: 'file' } : error.field === 'kind' || error.field === 'format' ? { ...error, field: `${error.field}-${field0(error.field)}` } : error,
      ),
    );
    return null;
  }

  private readonly onDryRun = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const api = this.#api;
    if (!api || this.busy) return;
    const input = await this.checkedImport();
    if (!input) return;
    this.busy = 'dry-run';
    this.outcome = { errors: null, done: null };
    this.confirming = false;
    try {
      const report = await api.imports.dryRun(input);
      this.report = { key: importKey(input), report, done: false };
      this.problems = null;
      this.context?.announce(this.localize.t('report.passed'));
    } catch (error) {
      this.refused(error, input, true);
    } finally {
      this.busy = '';
    }
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#report-title'));
  };

  /** Shows why an import (or its dry run) was refused: its problems in the file, or one sentence. */
  private refused(error: unknown, input: RoadImportInput, dryRun: boolean): void {
    const fields = fieldErrorsOf(error);
    this.report = null;
    if (fields) {
      const inForm = fields.filter((field) => field.path === 'kind' || field.path === 'format');
      if (inForm.length) {
        void this.showErrors('import', inForm.map((field) => ({ field: `${field.path}-${field0(field.path)}`, message: this.localize.lookup(`error.${field.path}.${field.code ?? 'invalid'}`) ?? field.message })));
        this.problems = null;
        return;
      }
      this.problems = { key: importKey(input), problems: fields.map(importProblemOf), dryRun };
      this.context?.announce(this.localize.t('report.problems', fields.length));
    } else {
      this.problems = null;
      this.outcome = { errors: { form: 'import', errors: [{ field: '', message: failureMessage(error, this.localize) }] }, done: null };
    }
  }

  private readonly onAskImport = (): void => {
    this.confirming = true;
    void this.updateComplete.then(() => focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#confirm-import')));
  };

  private readonly onCancelImport = (): void => {
    this.confirming = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#import-now')?.focus());
  };

  private readonly onImport = async (): Promise<void> => {
    const api = this.#api;
    const checked = this.report;
    if (!api || this.busy || !checked || checked.done) return;
    const input = this.importInput as RoadImportInput;
    if (importKey(input) !== checked.key) return;
    this.busy = 'import';
    try {
      const report = await api.imports.run(input);
      this.report = { key: checked.key, report, done: true };
      this.problems = null;
      this.confirming = false;
      const message = this.localize.t('report.imported', report.records);
      this.context?.announce(message);
      // The network changed: read it again, and what depends on it.
      this.detail = null;
      this.drafts = new Map();
      this.condition = null;
      this.conditionState = 'idle';
      void this.loadSegments();
    } catch (error) {
      this.confirming = false;
      this.refused(error, input, false);
    } finally {
      this.busy = '';
    }
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#report-title'));
  };

  private readonly onNewImport = (): void => {
    this.importDraft = { kind: this.importDraft.kind, format: this.importDraft.format, pasted: '', file: null };
    this.report = null;
    this.problems = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#file')?.focus());
  };

  // ——— rendering ———

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    if (!this.context.opd) return html`<div part="base" class="base" lang=${t.lang}>${renderNotice({ message: t.t('page.pickOpd') })}</div>`;
    let body: TemplateResult;
    switch (this.view) {
      case 'segment':
        body = this.renderSegment();
        break;
      case 'targets':
        body = this.renderTargets();
        break;
      case 'imports':
        body = this.renderImports();
        break;
      default:
        body = this.renderSegments();
    }
    return html`<div part="base" class="base" lang=${t.lang}>${this.renderViews()} ${body}</div>`;
  }

  private renderViews(): TemplateResult {
    const t = this.localize;
    const current = this.view === 'segment' ? 'segments' : this.view;
    const link = (view: View, route: string, label: string) =>
      html`<li><a class="view-link" href="#/${roadDataPage.id}${route ? `/${route}` : ''}" aria-current=${current === view ? 'page' : nothing} @click=${(event: Event) => this.go(event, route, true)}>${label}</a></li>`;
    return html`<nav part="views" class="views" aria-label=${t.t('views.label')}>
      <ul>
        ${link('segments', '', t.t('views.segments'))} ${link('targets', 'target', t.t('views.targets'))} ${link('imports', 'impor', t.t('views.imports'))}
      </ul>
    </nav>`;
  }

  private heading(text: string, idName = 'view-title', level = this.level): TemplateResult {
    return html`<div role="heading" aria-level=${level} class="heading" id=${idName}>${text}</div>`;
  }

  private classLabel(name: ConditionClass): string {
    return this.localize.t(`class.${name}`);
  }

  private renderSegments(): TemplateResult {
    const t = this.localize;
    const all = this.segments;
    const found = this.found;
    const pages = Math.max(1, Math.ceil(found.length / SEGMENTS_PER_PAGE));
    const pageIndex = Math.min(this.pageIndex, pages - 1);
    const shown = found.slice(pageIndex * SEGMENTS_PER_PAGE, (pageIndex + 1) * SEGMENTS_PER_PAGE);
    const km = (value: number) => formatKm(metresOf(value), t.locale);
    let list: TemplateResult;
    if (!all && this.segmentsError) {
      list = renderNotice({ message: this.segmentsError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadSegments(), look: 'secondary' } });
    } else if (!all) {
      list = html`<p class="muted">${t.t('segments.loading')}</p>`;
    } else if (found.length === 0) {
      list = html`<p class="muted empty">${all.length === 0 ? t.t('segments.none') : t.t('segments.noMatch', this.query.trim())}</p>`;
    } else {
      list = html`<div part="segments" class="table-box" tabindex="0" role="region" aria-labelledby="segments-caption">
          <table>
            <caption id="segments-caption" tabindex="-1">${t.t('segments.caption', pageIndex * SEGMENTS_PER_PAGE + 1, pageIndex * SEGMENTS_PER_PAGE + shown.length, found.length)}</caption>
            <thead>
              <tr>
                <th scope="col">${t.t('segments.number')}</th>
                <th scope="col" class="name">${t.t('segments.name')}</th>
                <th scope="col">${t.t('segments.kecamatan')}</th>
                <th scope="col" class="number">${t.t('segments.length')}</th>
                <th scope="col">${t.t('segments.condition')}</th>
              </tr>
            </thead>
            <tbody>
              ${repeat(
                shown,
                (segment) => segment.number,
                (segment) => html`<tr>
                  <td class="code">${segment.number}</td>
                  <th scope="row" class="name">
                    <a href="#/${roadDataPage.id}/ruas/${segment.number}" id="open-${segment.number}" @click=${(event: Event) => this.go(event, `ruas/${segment.number}`)}>${segment.name}</a>
                  </th>
                  <td>${segment.kecamatan.join(', ')}</td>
                  <td class="number">${km(segment.lengthKm)}</td>
                  <td>
                    ${segment.condition
                      ? html`<span class="condition condition--${segment.condition.dominant}">${this.classLabel(segment.condition.dominant)}</span>
                          <span class="muted small">${t.t('segments.conditionOf', segment.condition.year, formatPercent(segment.condition.kemantapan, t.locale))}</span>`
                      : html`<span class="muted">${t.t('segments.noSurvey')}</span>`}
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        ${pages > 1
          ? html`<nav class="pager" aria-label=${t.t('segments.pages')}>
              <button part="button" type="button" class="button button--secondary button--small" ?disabled=${pageIndex === 0} @click=${(event: Event) => this.turnPage(event, -1)}>${ck(t.lang)['ck.previous']}</button>
              <span class="pager-text">${t.t('segments.pageOf', pageIndex + 1, pages)}</span>
              <button part="button" type="button" class="button button--secondary button--small" ?disabled=${pageIndex >= pages - 1} @click=${(event: Event) => this.turnPage(event, 1)}>${ck(t.lang)['ck.next']}</button>
            </nav>`
          : nothing}`;
    }
    return html`<section class="section" aria-labelledby="view-title">
      ${this.heading(t.t('segments.title'))}
      <p class="intro">${t.t('segments.intro')}</p>
      <div class="search" role="search">
        ${textField({
          name: 'search',
          label: t.t('segments.search'),
          hint: t.t('segments.searchHint'),
          type: 'search',
          value: this.query,
          autocomplete: 'off',
          spellcheck: false,
          errorPrefix: t.t('error.prefix'),
        })}
      </div>
      <p class="muted status" role="status">${all ? (this.segmentsComplete ? t.t('segments.count', found.length, all.length) : t.t('segments.counting', all.length)) : ''}</p>
      ${all && this.segmentsError ? renderNotice({ message: this.segmentsError, tone: 'warning', action: { label: t.t('retry'), onClick: () => void this.loadSegments(), look: 'secondary' } }) : nothing}
      ${list}
    </section>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusAfterRoute && ((changed as Map<PropertyKey, unknown>).has('view') || changed.has('context'))) {
      const target = this.#focusAfterRoute.map((selector) => this.renderRoot.querySelector<HTMLElement>(selector)).find(Boolean);
      this.#focusAfterRoute = null;
      if (target?.id === 'view-title') focusTemporarily(target);
      else target?.focus();
    }
    // The search field's events: bound here since textField() takes no listeners.
    const search = this.renderRoot.querySelector<HTMLInputElement>('#search');
    if (search && !search.dataset.bound) {
      search.dataset.bound = '1';
      search.addEventListener('input', this.onSearch);
      search.addEventListener('keydown', this.onSearchKey);
    }
  }

  private renderSegment(): TemplateResult {
    const t = this.localize;
    const detail = this.detail;
    const back = html`<p class="back"><a href="#/${roadDataPage.id}" id="back" @click=${(event: Event) => this.backToList(event)}>${t.t('segment.back')}</a></p>`;
    if (!detail?.segment) {
      return html`<section class="section" aria-labelledby="view-title">
        ${back} ${this.heading(t.t('segment.title', detail?.number ?? ''))}
        ${this.detailError
          ? renderNotice({ message: this.detailError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => detail && void this.loadDetail(detail.number), look: 'secondary' } })
          : html`<p class="muted">${ck(t.lang)['ck.loading']}</p>`}
      </section>`;
    }
    const segment = detail.segment;
    const km = (value: number) => formatKm(metresOf(value), t.locale);
    return html`<section class="section" aria-labelledby="view-title">
        ${back} ${this.heading(t.t('segment.title', segment.number, segment.name))}
        <dl class="facts">
          <div><dt>${t.t('segments.number')}</dt><dd>${segment.number}</dd></div>
          <div><dt>${t.t('segments.kecamatan')}</dt><dd>${segment.kecamatan.join(', ') || '—'}</dd></div>
          <div><dt>${t.t('segment.length')}</dt><dd>${t.t('unit.km', km(segment.lengthKm))}</dd></div>
          <div><dt>${t.t('segment.surface')}</dt><dd>${t.t(`surface.${segment.surface}`)}</dd></div>
          <div><dt>${t.t('segment.width')}</dt><dd>${segment.widthM === null ? '—' : t.t('unit.m', t.number(segment.widthM))}</dd></div>
        </dl>
      </section>
      <section class="section" aria-labelledby="surveys-title">
        ${this.heading(t.t('surveys.title'), 'surveys-title')}
        ${segment.surveys.length === 0
          ? html`<p class="muted empty">${t.t('surveys.none')}</p>`
          : html`<div class="table-box" tabindex="0" role="region" aria-labelledby="surveys-caption">
              <table>
                <caption id="surveys-caption">${t.t('surveys.caption', segment.number)}</caption>
                <thead>
                  <tr>
                    <th scope="col">${t.t('surveys.year')}</th>
                    ${conditionClasses.map((name) => html`<th scope="col" class="number">${this.classLabel(name)}</th>`)}
                    <th scope="col" class="number">${t.t('surveys.kemantapan')}</th>
                    <th scope="col">${t.t('surveys.note')}</th>
                    <th scope="col">${t.t('surveys.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${[...segment.surveys]
                    .sort((a, b) => b.year - a.year)
                    .map(
                      (survey) => html`<tr class=${this.drafts.get(segment.number)?.year === String(survey.year) ? 'editing' : ''}>
                        <th scope="row">${survey.year}</th>
                        ${conditionClasses.map((name) => html`<td class="number">${km(survey.km[name])}</td>`)}
                        <td class="number">${formatPercent(survey.kemantapan, t.locale)} %</td>
                        <td class="note-cell">${survey.note ?? '—'}</td>
                        <td>
                          <button part="button" type="button" class="button button--secondary button--small" id="edit-${survey.year}" @click=${() => this.startEditing(segment, survey)}>
                            ${t.t('surveys.edit')}<span class="visually-hidden"> ${t.t('surveys.editWhich', survey.year)}</span>
                          </button>
                        </td>
                      </tr>`,
                    )}
                </tbody>
              </table>
            </div>`}
      </section>
      ${this.renderSurveyForm(segment)} ${this.renderEditForm(segment)}`;
  }

  private renderEditForm(segment: RoadSegmentDetail): TemplateResult {
    const t = this.localize;
    const draft = this.editDraft?.number === segment.number ? this.editDraft : editDraftOf(segment, t.locale);
    const prefix = t.t('error.prefix');
    const error = (field: string) => outcomeFieldError(this.outcome, 'edit', field);
    return html`<section class="section" aria-labelledby="edit-title">
      ${this.heading(t.t('edit.title', segment.number), 'edit-title')}
      <p class="intro" id="edit-intro">${t.t('edit.intro')}</p>
      ${renderFormOutcome(this.outcome, 'edit', { title: t.t('summary.title'), headingLevel: this.level + 1, root: () => this.shadowRoot })}
      <form class="form-grid" novalidate @submit=${this.onSaveEdit} @input=${this.onEditInput} @change=${this.onEditInput} aria-labelledby="edit-title" aria-describedby="edit-intro">
        ${textField({ name: 'segName', label: t.t('edit.name'), value: draft.segName, autocomplete: 'off', error: error('segName'), errorPrefix: prefix })}
        ${textField({ name: 'segKecamatan', label: t.t('edit.kecamatan'), hint: t.t('edit.kecamatanHint'), value: draft.segKecamatan, autocomplete: 'off', error: error('segKecamatan'), errorPrefix: prefix })}
        ${selectField({
          name: 'segSurface',
          label: t.t('edit.surface'),
          value: draft.segSurface,
          placeholder: t.t('edit.surfacePick'),
          options: roadSurfaces.map((surface) => ({ value: surface, label: t.t(`surface.${surface}`) })),
          error: error('segSurface'),
          errorPrefix: prefix,
        })}
        ${textField({ name: 'segWidth', label: t.t('edit.width'), hint: t.t('edit.widthHint'), value: draft.segWidth, inputmode: 'decimal', autocomplete: 'off', short: true, error: error('segWidth'), errorPrefix: prefix })}
        <div class="actions">
          <button part="button" class="button" type="submit" id="edit-save" ?disabled=${this.busy === 'edit'}>${this.busy === 'edit' ? ck(t.lang)['ck.saving'] : t.t('edit.save')}</button>
        </div>
      </form>
    </section>`;
  }

  private backToList(event: Event): void {
    event.preventDefault();
    const number = this.detail?.number;
    this.#focusAfterRoute = [...(number ? [`#open-${CSS.escape(number)}`] : []), '#view-title'];
    this.context?.navigate(roadDataPage.id, { keepFocus: true });
  }

  private renderSurveyForm(segment: RoadSegmentDetail): TemplateResult {
    const t = this.localize;
    const draft = this.drafts.get(segment.number) ?? draftOf(currentYear(t.timeZone), undefined, t.locale);
    const prefix = t.t('error.prefix');
    const error = (field: string) => outcomeFieldError(this.outcome, 'survey', field);
    const { metres, unread } = this.classMetres(draft);
    const sum = metres.baik + metres.sedang + metres.rusakRingan + metres.rusakBerat;
    const length = metresOf(segment.lengthKm);
    const year = Number(draft.year);
    const replaces = segment.surveys.some((survey) => survey.year === year);
    let status: TemplateResult;
    if (unread.length) status = html`<span class="sum-state">${t.t('sum.unread')}</span>`;
    else if (sum === length) status = html`<span class="sum-state sum-state--ok">${t.t('sum.matches')}</span>`;
    else status = html`<span class="sum-state sum-state--off">${sum < length ? t.t('sum.short', formatKm(length - sum, t.locale)) : t.t('sum.over', formatKm(sum - length, t.locale))}</span>`;
    const classesError = error('classes');
    return html`<section class="section" aria-labelledby="survey-title">
      ${this.heading(t.t('survey.title', segment.number), 'survey-title')}
      <p class="intro">${t.t('survey.intro', formatKm(length, t.locale))}</p>
      ${renderFormOutcome(this.outcome, 'survey', { title: t.t('summary.title'), headingLevel: this.level + 1, root: () => this.shadowRoot })}
      <form class="form-grid" novalidate @submit=${this.onSaveSurvey} @input=${this.onSurveyInput} aria-labelledby="survey-title">
        ${textField({
          name: 'year',
          label: t.t('survey.year'),
          hint: replaces ? t.t('survey.yearReplaces', year) : t.t('survey.yearHint'),
          value: draft.year,
          inputmode: 'numeric',
          autocomplete: 'off',
          short: true,
          error: error('year'),
          errorPrefix: prefix,
        })}
        <fieldset part="field" class=${classesError ? 'field group field--error' : 'field group'} id="classes" tabindex="-1" aria-describedby=${classesError ? 'classes-hint classes-error sum' : 'classes-hint sum'}>
          <legend part="label" class="legend">${t.t('survey.classes')}</legend>
          <div part="hint" class="hint" id="classes-hint">${t.t('survey.classesHint')}</div>
          ${renderFieldError({ name: 'classes', error: classesError, errorPrefix: prefix })}
          <div class="km-grid">
            ${conditionClasses.map((name) =>
              textField({
                name,
                label: t.t('survey.classKm', this.classLabel(name)),
                value: draft[name],
                inputmode: 'decimal',
                autocomplete: 'off',
                spellcheck: false,
                error: error(name),
                errorPrefix: prefix,
              }),
            )}
          </div>
          <output part="sum" class=${`sum${unread.length ? '' : sum === length ? ' sum--ok' : ' sum--off'}`} id="sum" aria-live="polite">
            <span class="sum-line">${t.t('sum.total', unread.length ? '—' : formatKm(sum, t.locale), formatKm(length, t.locale))}</span>
            ${status}
          </output>
        </fieldset>
        ${textareaField({ name: 'note', label: t.t('survey.note'), hint: t.t('survey.noteHint'), value: draft.note, rows: 3, error: error('note'), errorPrefix: prefix })}
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.busy === 'survey'}>${this.busy === 'survey' ? ck(t.lang)['ck.saving'] : t.t('survey.save', Number.isFinite(year) ? year : 0)}</button>
          <button part="button" class="button button--secondary" type="button" @click=${() => this.startNewYear(segment)}>${t.t('survey.newYear')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderTargets(): TemplateResult {
    const t = this.localize;
    const condition = this.condition;
    let table: TemplateResult;
    if (this.conditionState === 'loading' || this.conditionState === 'idle') table = html`<p class="muted">${ck(t.lang)['ck.loading']}</p>`;
    else if (this.conditionState === 'failed') table = renderNotice({ message: this.conditionError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadCondition(), look: 'secondary' } });
    else if (!condition || condition.trend.length === 0) table = html`<p class="muted empty">${t.t('targets.none')}</p>`;
    else {
      table = html`<div class="table-box" tabindex="0" role="region" aria-labelledby="targets-caption">
        <table>
          <caption id="targets-caption">${t.t('targets.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">${t.t('surveys.year')}</th>
              <th scope="col" class="number">${t.t('targets.surveyed')}</th>
              <th scope="col" class="number">${t.t('surveys.kemantapan')}</th>
              <th scope="col" class="number">${t.t('targets.target')}</th>
            </tr>
          </thead>
          <tbody>
            ${[...condition.trend].reverse().map(
              (point) => html`<tr>
                <th scope="row">${point.year}</th>
                <td class="number">${point.surveyedKm === null ? '—' : formatKm(metresOf(point.surveyedKm), t.locale)}</td>
                <td class="number">${point.kemantapan === null ? '—' : `${formatPercent(point.kemantapan, t.locale)} %`}</td>
                <td class="number">${point.targetPercent === null ? '—' : `${formatPercent(point.targetPercent, t.locale)} %`}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
    }
    return html`<section class="section" aria-labelledby="view-title">
        ${this.heading(t.t('targets.title'))}
        <p class="intro">${t.t('targets.intro')}</p>
        ${table}
      </section>
      <section class="section" aria-labelledby="target-form-title">
        ${this.heading(t.t('targets.formTitle'), 'target-form-title')}
        ${this.maySetTargets ? this.renderTargetForm() : renderNotice({ message: t.t('targets.adminsOnly'), id: 'targets-admins-only' })}
      </section>`;
  }

  private renderTargetForm(): TemplateResult {
    const t = this.localize;
    const prefix = t.t('error.prefix');
    const error = (field: string) => outcomeFieldError(this.outcome, 'target', field);
    const onInput = (event: Event) => {
      const target = event.composedPath()[0] as HTMLInputElement;
      if (target.name === 'targetYear') this.targetYear = target.value;
      if (target.name === 'percent') this.targetPercent = target.value;
    };
    return html`${renderFormOutcome(this.outcome, 'target', { title: t.t('summary.title'), headingLevel: this.level + 1, root: () => this.shadowRoot })}
      <form class="inline-form" novalidate @submit=${this.onSaveTarget} @input=${onInput} aria-labelledby="target-form-title">
        ${textField({ name: 'targetYear', label: t.t('targets.year'), value: this.targetYear || String(currentYear(t.timeZone)), inputmode: 'numeric', autocomplete: 'off', error: error('targetYear'), errorPrefix: prefix })}
        ${textField({ name: 'percent', label: t.t('targets.percent'), hint: t.t('targets.percentHint'), value: this.targetPercent, inputmode: 'decimal', autocomplete: 'off', error: error('percent'), errorPrefix: prefix })}
        <button part="button" class="button" type="submit" ?disabled=${this.busy === 'target'}>${this.busy === 'target' ? ck(t.lang)['ck.saving'] : t.t('targets.save')}</button>
      </form>`;
  }

  private renderImports(): TemplateResult {
    const t = this.localize;
    const draft = this.importDraft;
    const prefix = t.t('error.prefix');
    const error = (field: string) => outcomeFieldError(this.outcome, 'import', field);
    const choice = (name: 'kind' | 'format', values: readonly string[]) => {
      const fieldError = error(`${name}-${values[0]}`);
      return html`<fieldset part="field" class=${fieldError ? 'field group field--error' : 'field group'} aria-describedby=${fieldError ? `${name}-${values[0]}-error` : nothing}>
        <legend part="label" class="legend">${t.t(`import.${name}`)}</legend>
        ${renderFieldError({ name: `${name}-${values[0]}`, error: fieldError, errorPrefix: prefix })}
        <div class="choices">
          ${values.map(
            (value) => html`<div class="choice">
              <input part="input" class="checkbox" type="radio" id="${name}-${value}" name=${name} value=${value} .checked=${draft[name] === value} aria-describedby="${name}-${value}-hint" />
              <label part="label" class="label" for="${name}-${value}">${t.lookup(`import.${name}.${value}`) ?? value}<span class="hint choice-hint-inline" id="${name}-${value}-hint">${t.lookup(`import.${name}.${value}Hint`) ?? ''}</span></label>
            </div>`,
          )}
        </div>
      </fieldset>`;
    };
    const fileError = error('file');
    return html`<section class="section" aria-labelledby="view-title">
        ${this.heading(t.t('import.title'))}
        <p class="intro">${t.t('import.intro')}</p>
        ${renderFormOutcome(this.outcome, 'import', { title: t.t('summary.title'), headingLevel: this.level + 1, root: () => this.shadowRoot })}
        <form class="form-grid" novalidate @submit=${this.onDryRun} @change=${this.onImportChange} @input=${this.onImportChange} aria-labelledby="view-title">
          ${choice('kind', importKinds)} ${choice('format', importFormats)}
          <div part="field" class=${fileError ? 'field field--error' : 'field'}>
            <label part="label" class="label" for="file">${t.t('import.file')}</label>
            <div part="hint" class="hint" id="file-hint">${t.t('import.fileHint')}</div>
            ${renderFieldError({ name: 'file', error: fileError, errorPrefix: prefix })}
            <input part="input" class="file-input" type="file" id="file" name="file" accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json" aria-describedby=${fileError ? 'file-hint file-error' : 'file-hint'} @change=${this.onFile} />
            ${draft.file
              ? html`<p class="chosen" id="file-chosen">
                  ${t.t('import.fileChosen', draft.file.name, t.number(Math.max(1, Math.round(draft.file.size / 1024))))}
                  <button part="button" type="button" class="link-button" @click=${this.onForgetFile}>${t.t('import.fileForget')}</button>
                </p>`
              : nothing}
          </div>
          ${draft.file
            ? nothing
            : textareaField({ name: 'content', label: t.t('import.paste'), hint: t.t('import.pasteHint'), value: draft.pasted, rows: 8, error: error('content'), errorPrefix: prefix })}
          <div class="actions">
            <button part="button" class="button" type="submit" id="dry-run" ?disabled=${this.busy === 'dry-run'}>${this.busy === 'dry-run' ? t.t('import.checking') : t.t('import.dryRun')}</button>
          </div>
        </form>
      </section>
      ${this.renderReport()}`;
  }

  private renderReport(): TemplateResult | typeof nothing {
    const t = this.localize;
    const current = importKey(this.importInput as RoadImportInput);
    if (this.problems) {
      const { problems, dryRun } = this.problems;
      const place = (problem: ImportProblem) =>
        problem.place === 'row' ? t.t('problem.row', problem.index ?? 0) : problem.place === 'feature' ? t.t('problem.feature', problem.index ?? 0) : problem.place === 'header' ? t.t('problem.header') : t.t('problem.file');
      return html`<section part="report" class="section report report--problems" aria-labelledby="report-title">
        ${this.heading(dryRun ? t.t('report.problemsTitle', problems.length) : t.t('report.refusedTitle', problems.length), 'report-title')}
        <p class="intro">${t.t('report.nothingStored')}</p>
        ${this.problems.key !== current ? html`<p class="notice">${t.t('report.changed')}</p>` : nothing}
        <div class="table-box" tabindex="0" role="region" aria-labelledby="problems-caption">
          <table class="problems">
            <caption id="problems-caption">${t.t('report.problemsCaption', problems.length)}</caption>
            <thead>
              <tr>
                <th scope="col">${t.t('problem.where')}</th>
                <th scope="col">${t.t('problem.field')}</th>
                <th scope="col">${t.t('problem.message')}</th>
              </tr>
            </thead>
            <tbody>
              ${problems.map(
                (problem) => html`<tr>
                  <th scope="row">${place(problem)}</th>
                  <td>${problem.field ? html`<code>${problem.field}</code>` : '—'}</td>
                  <td class="message">${problem.message}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <p class="muted">${t.t('report.fixAndRetry')}</p>
      </section>`;
    }
    const checked = this.report;
    if (!checked) return nothing;
    const { report, done } = checked;
    const stale = !done && checked.key !== current;
    const row = (label: string, counts: RoadImportReport['segments']) => html`<tr>
      <th scope="row">${label}</th>
      <td class="number">${t.number(counts.added)}</td>
      <td class="number">${t.number(counts.changed)}</td>
      <td class="number">${t.number(counts.unchanged)}</td>
    </tr>`;
    return html`<section part="report" class="section report" aria-labelledby="report-title">
      ${this.heading(done ? t.t('report.doneTitle') : t.t('report.passedTitle'), 'report-title')}
      <p class=${done ? 'done' : 'intro'}>${done ? t.t('report.doneText', report.records) : t.t('report.passedText', report.records)}</p>
      <div class="table-box" tabindex="0" role="region" aria-labelledby="counts-caption">
        <table>
          <caption id="counts-caption">${done ? t.t('report.countsDone') : t.t('report.countsDry')}</caption>
          <thead>
            <tr>
              <th scope="col"><span class="visually-hidden">${t.t('report.what')}</span></th>
              <th scope="col" class="number">${t.t('report.added')}</th>
              <th scope="col" class="number">${t.t('report.changedCount')}</th>
              <th scope="col" class="number">${t.t('report.unchanged')}</th>
            </tr>
          </thead>
          <tbody>
            ${row(t.t('report.segments'), report.segments)} ${row(t.t('report.surveys'), report.surveys)}
          </tbody>
        </table>
      </div>
      <p class="ignored">
        <strong>${t.t('report.ignored')}</strong>
        ${report.ignored.length ? report.ignored.map((name, index) => html`${index ? ', ' : ''}<code>${name}</code>`) : t.t('report.ignoredNone')}
      </p>
      ${done
        ? html`<div class="actions"><button part="button" type="button" class="button button--secondary" @click=${this.onNewImport}>${t.t('report.another')}</button></div>`
        : stale
          ? html`<p class="notice">${t.t('report.changed')}</p>`
          : this.confirming
            ? html`<div class="confirm" id="confirm-import" role="group" aria-labelledby="confirm-import-text">
                <p id="confirm-import-text">${t.t('report.confirm', report.records)}</p>
                <div class="row-actions">
                  <button part="button" type="button" class="button" id="import-yes" ?disabled=${this.busy === 'import'} @click=${this.onImport}>${this.busy === 'import' ? t.t('report.importing') : t.t('report.confirmYes')}</button>
                  <button part="button" type="button" class="button button--secondary" @click=${this.onCancelImport}>${ck(t.lang)['ck.cancel']}</button>
                </div>
              </div>`
            : html`<div class="actions"><button part="button" type="button" class="button" id="import-now" @click=${this.onAskImport}>${t.t('report.importNow')}</button></div>`}
    </section>`;
  }
}

/** The id of the first choice of a radio group (`kind` → `segments`), which the summary links to. */
function field0(name: string): string {
  return name === 'kind' ? importKinds[0] : importFormats[0];
}

/** The messages of this page, for tests and other languages. */
export type { RoadDataMessages };
