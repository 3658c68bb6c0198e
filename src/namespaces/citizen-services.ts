/**
 * `citizenServices`: Layanan's public calls alone, for a page that only shows the directory, a
 * service's card, the satisfaction survey or the index (the `<opd-service-directory>`,
 * `<opd-service-standard>`, `<opd-satisfaction-survey>` and `<opd-satisfaction-index>`
 * widgets): search the directory across OPDs (`list`, `search`), an OPD's services
 * (`listForOpd`), one service (`get`), the compliance self-check (`compliance`,
 * `regencyCompliance`), the survey model (`surveyModel`), a citizen's answers
 * (`answerSurvey`) and the index (`satisfaction`). It imports only the public schemas
 * (`schemas/services.ts`), none of the staff's; `services.ts` re-exports it.
 *
 * @module
 */
import type * as z from 'zod/mini';
import { ValidationError } from '../errors.js';
import { paginate, type Paginated } from '../pagination.js';
import type { CallOptions } from '../request.js';
import type { FieldError } from '../schemas/common.js';
import {
  serviceEndpoints as endpoints,
  type ComplianceReport,
  type SatisfactionReport,
  type Service,
  type ServiceComponent,
  type ServiceList,
  type ServiceQuery,
  type SurveyInput,
  type SurveyModel,
  type surveyReceipt,
} from '../schemas/services.js';
import type { NamespaceFactory } from './shared.js';

/** The directory's words and filters (see `serviceQuery`), without the page: the list pages itself. */
export type ServiceSearch = Omit<ServiceQuery, 'cursor'>;

/** The same within one OPD (no `opd` filter: the OPD is the call's). */
export type OpdServiceSearch = Omit<ServiceSearch, 'opd'>;

/** What recorded answers say back: the service and the period (year, semester, quarter) they count in. */
export type SurveyReceipt = z.infer<typeof surveyReceipt>;

/** Options of the satisfaction report: the year (default: this year in the regency's time zone). */
export interface SatisfactionOptions extends CallOptions {
  year?: number;
}

/** Options of {@link CitizenServicesNamespace.answerSurvey}. */
export interface SurveyAnswerOptions extends CallOptions {
  /**
   * Reuse a key to make a retry of the same answers safe (the citizen presses "Kirim" again
   * after a lost answer): the server answers the first receipt again instead of a 409
   * `survey-token-used`. Default: a new key per call, reused across this call's own retries.
   */
  idempotencyKey?: string;
}

/** Layanan's public calls. */
export interface CitizenServicesNamespace {
  /** The directory across every OPD running Layanan: words (best match first) and filters; pages itself. */
  list(search?: ServiceSearch, options?: CallOptions): Paginated<Service>;
  /** The first page of a directory search with the count of every match (for "12 layanan ditemukan"). */
  search(search?: ServiceSearch & { cursor?: string }, options?: CallOptions): Promise<ServiceList>;
  /** One OPD's services with a standard in force (by name without words); pages itself. */
  listForOpd(opd: string, search?: OpdServiceSearch, options?: CallOptions): Paginated<Service>;
  /** One service's standard in force, by its OPD and slug (`get('disdukcapil', 'ktp-el')`). */
  get(opd: string, service: string, options?: CallOptions): Promise<Service>;
  /** An OPD's compliance self-check: the checklist and which of its services lack which component (`missing`: only those lacking it). */
  compliance(opd: string, query?: { missing?: ServiceComponent }, options?: CallOptions): Promise<ComplianceReport>;
  /** The same across every OPD running Layanan, per OPD. */
  regencyCompliance(query?: { missing?: ServiceComponent }, options?: CallOptions): Promise<ComplianceReport>;
  /** The satisfaction survey in force (PermenPAN-RB 14/2017): elements with their questions and answers, scale, weights, categories. */
  surveyModel(options?: CallOptions): Promise<SurveyModel>;
  /**
   * Records a citizen's answers with the code from the counter's slip: a score on the model's
   * scale for every element (by element id) and an optional suggestion. The scores are checked
   * against the survey model first (read once per client, or taken from an earlier
   * {@link surveyModel}): a missing, unknown or off-scale score is a `ValidationError` naming
   * `scores.<element>`, and nothing is sent, so the code stays unused. A code used before is an
   * `ApiError` 409 `survey-token-used`; an expired one 410 `survey-token-expired`. Sent with
   * an `Idempotency-Key` (`options.idempotencyKey`, else a new one), so it is retried after a
   * network failure and counts once.
   */
  answerSurvey(opd: string, service: string, answers: SurveyInput, options?: SurveyAnswerOptions): Promise<SurveyReceipt>;
  /** The OPD's satisfaction index (IKM) of a year: overall, per element, semester, quarter and service, with respondent counts. */
  satisfaction(opd: string, options?: SatisfactionOptions): Promise<SatisfactionReport>;
}

/** What is wrong with `scores` for `model`, as the server would say it: one whole score on the scale per element, no other keys. */
function scoreErrors(model: SurveyModel, scores: Record<string, unknown>): FieldError[] {
  const values = model.scale.map((s) => s.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const errors: FieldError[] = [];
  for (const element of model.elements) {
    const score = scores[element.id];
    if (score === undefined) errors.push({ path: `scores.${element.id}`, message: `Score “${element.name}” from ${min} to ${max}`, code: 'required' });
    else if (typeof score !== 'number' || !Number.isInteger(score) || score < min || score > max) {
      const code = typeof score !== 'number' ? 'invalid' : score < min ? 'tooSmall' : score > max ? 'tooLarge' : 'invalid';
      errors.push({ path: `scores.${element.id}`, message: `Score “${element.name}” with a whole number from ${min} to ${max}`, code });
    }
  }
  const ids = new Set(model.elements.map((e) => e.id));
  for (const key of Object.keys(scores)) {
    if (!ids.has(key)) errors.push({ path: `scores.${key}`, message: `“${key}” is not an element of the survey: use ${[...ids].join(', ')}`, code: 'notAllowed' });
  }
  return errors;
}

/** Builds the public calls; `buildClient(options, { services: citizenServices })`. */
export const citizenServices: NamespaceFactory<CitizenServicesNamespace> = (sender) => {
  // The survey model once read: the answers are checked against it before they are sent.
  let model: SurveyModel | undefined;
  const surveyModel = async (options?: CallOptions) => {
    model = await sender.call(endpoints.surveyModel, { what: 'the satisfaction survey model', signal: options?.signal });
    return model;
  };
  return {
    list(search, options) {
      return paginate((cursor) => sender.call(endpoints.directory, { query: { ...search, ...(cursor ? { cursor } : {}) }, what: 'the service directory', signal: options?.signal }));
    },
    async search(search, options) {
      return sender.call(endpoints.directory, { query: search ?? {}, what: 'the service directory', signal: options?.signal });
    },
    listForOpd(opd, search, options) {
      return paginate((cursor) => sender.call(endpoints.list, { params: { opd }, query: { ...search, ...(cursor ? { cursor } : {}) }, what: `the services of ${opd}`, signal: options?.signal }));
    },
    async get(opd, service, options) {
      return sender.call(endpoints.get, { params: { opd, service }, what: `service ${service} of ${opd}`, signal: options?.signal });
    },
    async compliance(opd, query, options) {
      return sender.call(endpoints.compliance, { params: { opd }, query: query ?? {}, what: `the compliance check of ${opd}`, signal: options?.signal });
    },
    async regencyCompliance(query, options) {
      return sender.call(endpoints.regencyCompliance, { query: query ?? {}, what: 'the regency’s compliance check', signal: options?.signal });
    },
    surveyModel,
    async answerSurvey(opd, service, answers, options) {
      const scores = (answers as { scores?: unknown } | undefined)?.scores;
      if (scores !== null && typeof scores === 'object') {
        const errors = scoreErrors(model ?? (await surveyModel(options)), scores as Record<string, unknown>);
        if (errors.length > 0) throw new ValidationError(errors);
      }
      // Anything else wrong (no scores, no code) the schema names as the sender checks the body.
      return sender.call(endpoints.survey, { params: { opd, service }, body: answers, what: `the survey of ${service}`, signal: options?.signal, idempotencyKey: options?.idempotencyKey });
    },
    async satisfaction(opd, options) {
      const year = options?.year;
      return sender.call(endpoints.satisfaction, { params: { opd }, query: year === undefined ? {} : { year }, what: `the satisfaction index of ${opd}`, signal: options?.signal });
    },
  };
};
