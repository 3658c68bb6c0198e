/**
 * The registry's reads, views and writes: settings, scoring models, innovations as the public
 * and staff see them (the contact person only in the staff view), evidence gaps and estimates,
 * and the review flow's transitions (draft → submitted → verified, or returned with comments).
 *
 * @module
 */
import { sql } from 'kysely';
import type {
  EstimatedScore,
  Innovation,
  InnovationStage,
  InnovationType,
  ScoringModel,
} from '../../../../src/schemas/innovations.js';
import type { InnovationInput, InnovationPatch, InnovationSettings, InnovationStaff } from '../../../../src/schemas/innovations-staff.js';
import type { IndonesianTimeZone } from '../../../../src/schemas/opds.js';
import { dayIn } from '../../calendar/working-days.js';
import { ProblemError, validationProblem } from '../../http/problem.js';
import { EVIDENCE_EXTENSIONS, type EvidenceMediaType } from '../../media/evidence.js';
import type { InnovationsDb } from './tables.js';

/** The reviewer OPD when none is configured: Bappeda. */
export const DEFAULT_REVIEWER_OPD = 'bappeda';

/** The settings, or the defaults (Bappeda reviews, no deadline, this year in the regency's zone). */
export async function settingsOf(db: InnovationsDb, now: Date, timeZone: IndonesianTimeZone): Promise<InnovationSettings> {
  const row = await db
    .selectFrom('innovation_settings')
    .select(['reviewer_opd', sql<string | null>`to_char(deadline, 'YYYY-MM-DD')`.as('deadline'), 'year'])
    .where('id', '=', 'regency')
    .executeTakeFirst();
  if (row) return { reviewerOpd: row.reviewer_opd, deadline: row.deadline, year: row.year };
  return { reviewerOpd: DEFAULT_REVIEWER_OPD, deadline: null, year: Number(dayIn(now, timeZone).slice(0, 4)) };
}

/** Every model kept, newest first, with its indicators in their order. */
export async function allModels(db: InnovationsDb): Promise<ScoringModel[]> {
  const models = await db.selectFrom('innovation_models').selectAll().orderBy('year', 'desc').execute();
  const indicators = await db.selectFrom('innovation_indicators').selectAll().orderBy('year').orderBy('number').execute();
  return models.map((m) => ({
    year: m.year,
    name: m.name,
    source: m.source,
    governmentShare: Number(m.government_share),
    innovationShare: Number(m.innovation_share),
    categories: m.categories,
    note: m.note,
    indicators: indicators
      .filter((i) => i.year === m.year)
      .map((i) => ({ id: i.id, number: i.number, part: i.part, name: i.name, weight: Number(i.weight), evidence: i.evidence })),
  }));
}

/** The model an assessment year is scored with: its own, else the latest before it (named as such); null when none is older. */
export async function modelFor(db: InnovationsDb, year: number): Promise<ScoringModel | null> {
  return (await allModels(db)).find((m) => m.year <= year) ?? null;
}

/** The category of `value` in `model`. */
export function categoryOf(model: ScoringModel, value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const found = model.categories.find((c) => rounded >= c.min && (c.max === null || rounded <= c.max));
  return found?.name ?? model.categories.at(-1)?.name ?? '';
}

/** The indicators of the model each innovation attaches evidence for. */
export function evidenceIndicators(model: ScoringModel | null): ScoringModel['indicators'] {
  return model ? model.indicators.filter((i) => i.part === 'innovation' && i.evidence) : [];
}

/**
 * The estimate of one innovation's evidence-based part: the weights of the indicators it has
 * evidence for over the weights of all of them, as 0–100. An estimate only: Kemendagri grades
 * each piece of evidence; here evidence present counts in full.
 */
export function innovationEstimate(model: ScoringModel | null, indicatorsWithEvidence: ReadonlySet<string>): EstimatedScore | null {
  const indicators = evidenceIndicators(model);
  if (!model || indicators.length === 0) return null;
  const total = indicators.reduce((sum, i) => sum + i.weight, 0);
  const got = indicators.filter((i) => indicatorsWithEvidence.has(i.id)).reduce((sum, i) => sum + i.weight, 0);
  const value = Math.round((got / total) * 10000) / 100;
  return { value, category: categoryOf(model, value), model: model.name, year: model.year };
}

/** The mean of estimates (an OPD's over its verified innovations), null for none. */
export function meanEstimate(model: ScoringModel | null, estimates: readonly EstimatedScore[]): EstimatedScore | null {
  if (!model || estimates.length === 0) return null;
  const value = Math.round((estimates.reduce((s, e) => s + e.value, 0) / estimates.length) * 100) / 100;
  return { value, category: categoryOf(model, value), model: model.name, year: model.year };
}

/** The columns an innovation is read with. */
export const innovationColumns = [
  'innovations.id',
  'innovations.opd_slug',
  'innovations.year',
  'innovations.name',
  'innovations.type',
  'innovations.digital',
  'innovations.stage',
  sql<string | null>`to_char(innovations.initiative_on, 'YYYY-MM-DD')`.as('initiative_on'),
  sql<string | null>`to_char(innovations.trial_on, 'YYYY-MM-DD')`.as('trial_on'),
  sql<string | null>`to_char(innovations.applied_on, 'YYYY-MM-DD')`.as('applied_on'),
  sql<string | null>`to_char(innovations.started_on, 'YYYY-MM-DD')`.as('started_on'),
  'innovations.problem',
  'innovations.solution',
  'innovations.benefits',
  'innovations.results',
  'innovations.budget_source',
  'innovations.initiator',
  'innovations.covid19',
  'innovations.goal',
  'innovations.contact_name',
  'innovations.contact_phone',
  'innovations.contact_email',
  'innovations.status',
  'innovations.review_comment',
  'innovations.submitted_at',
  'innovations.verified_at',
  'innovations.synthetic',
  'innovations.created_at',
  'innovations.updated_at',
  'opds.name as opd_name',
] as const;

/** An innovation row as read. */
export interface InnovationRow {
  id: number;
  opd_slug: string;
  year: number;
  name: string;
  type: string;
  digital: boolean;
  stage: string;
  initiative_on: string | null;
  trial_on: string | null;
  applied_on: string | null;
  started_on: string | null;
  problem: string;
  solution: string;
  benefits: string | null;
  results: string | null;
  budget_source: string | null;
  initiator: string | null;
  covid19: boolean | null;
  goal: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  status: string;
  review_comment: string | null;
  submitted_at: Date | null;
  verified_at: Date | null;
  synthetic: boolean;
  created_at: Date;
  updated_at: Date;
  opd_name: string;
}

/** The base query of innovations with their OPD's name. */
export function innovationQueryBase(db: InnovationsDb) {
  return db.selectFrom('innovations').innerJoin('opds', 'opds.slug', 'innovations.opd_slug').select(innovationColumns);
}

/** One innovation by id, optionally locked for the transaction. */
export async function innovationById(db: InnovationsDb, id: number, forUpdate = false): Promise<InnovationRow | undefined> {
  let query = innovationQueryBase(db).where('innovations.id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return (await query.executeTakeFirst()) as InnovationRow | undefined;
}

/** An evidence file's row without its bytes. */
export interface EvidenceRow {
  id: string;
  innovation_id: number;
  indicator_id: string;
  title: string;
  media_type: string;
  byte_size: number;
  created_at: Date;
}

/** The evidence files of the given innovations, by innovation id, oldest first. */
export async function evidenceOf(db: InnovationsDb, ids: readonly number[]): Promise<Map<number, EvidenceRow[]>> {
  const byInnovation = new Map<number, EvidenceRow[]>();
  if (ids.length === 0) return byInnovation;
  const rows = await db
    .selectFrom('innovation_evidence')
    .select(['id', 'innovation_id', 'indicator_id', 'title', 'media_type', 'byte_size', 'created_at'])
    .where('innovation_id', 'in', ids)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = byInnovation.get(row.innovation_id) ?? [];
    list.push(row);
    byInnovation.set(row.innovation_id, list);
  }
  return byInnovation;
}

/** Where an evidence file is served. */
export function evidenceUrl(origin: string, file: Pick<EvidenceRow, 'id' | 'media_type'>): string {
  return `${origin}/media/innovation-evidence/${file.id}.${EVIDENCE_EXTENSIONS[file.media_type as EvidenceMediaType]}`;
}

/** What views need beyond the rows: the origin of links, the models by year. */
export interface ViewContext {
  origin: string;
  models: ScoringModel[];
}

/** The model of a year out of the context's. */
export function contextModel(ctx: ViewContext, year: number): ScoringModel | null {
  return ctx.models.find((m) => m.year <= year) ?? null;
}

/** The public view of an innovation (no contact person, no review details). */
export function toInnovation(row: InnovationRow, evidence: readonly EvidenceRow[], ctx: ViewContext): Innovation {
  return {
    id: row.id,
    opd: { slug: row.opd_slug, name: row.opd_name },
    name: row.name,
    type: row.type as InnovationType,
    digital: row.digital,
    stage: row.stage as InnovationStage,
    stageDates: { inisiatif: row.initiative_on, 'uji-coba': row.trial_on, penerapan: row.applied_on },
    startDate: row.started_on,
    problem: row.problem,
    solution: row.solution,
    benefits: row.benefits,
    results: row.results,
    budgetSource: row.budget_source,
    year: row.year,
    evidence: evidence.map((e) => ({
      id: e.id,
      indicator: e.indicator_id,
      title: e.title,
      mediaType: e.media_type as EvidenceMediaType,
      bytes: e.byte_size,
      url: evidenceUrl(ctx.origin, e),
      uploadedAt: e.created_at.toISOString(),
    })),
    verifiedAt: row.verified_at ? row.verified_at.toISOString() : null,
    synthetic: row.synthetic,
  };
}

/** The evidence-gap indicator ids of an innovation: the model's evidence indicators it has no file for. */
export function gapsOf(model: ScoringModel | null, evidence: readonly EvidenceRow[]): string[] {
  const have = new Set(evidence.map((e) => e.indicator_id));
  return evidenceIndicators(model).filter((i) => !have.has(i.id)).map((i) => i.id);
}

/** A review log step as read. */
export interface ReviewRow {
  innovation_id: number;
  at: Date;
  action: 'submitted' | 'verified' | 'returned';
  comment: string | null;
  actor_name: string;
}

/** The staff view: the public one with status, contact person, review log, gaps and estimate. */
export function toStaffInnovation(row: InnovationRow, evidence: readonly EvidenceRow[], reviews: readonly ReviewRow[], ctx: ViewContext): InnovationStaff {
  const model = contextModel(ctx, row.year);
  return {
    ...toInnovation(row, evidence, ctx),
    initiator: row.initiator as InnovationStaff['initiator'],
    covid19: row.covid19,
    goal: row.goal,
    status: row.status as InnovationStaff['status'],
    contact: row.contact_name ? { name: row.contact_name, phone: row.contact_phone, email: row.contact_email } : null,
    reviewComment: row.review_comment,
    submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
    reviews: reviews.map((r) => ({ at: r.at.toISOString(), action: r.action, comment: r.comment, by: r.actor_name })),
    evidenceGaps: gapsOf(model, evidence),
    estimatedScore: innovationEstimate(model, new Set(evidence.map((e) => e.indicator_id))),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The review logs of the given innovations, oldest first. */
export async function reviewsOf(db: InnovationsDb, ids: readonly number[]): Promise<Map<number, ReviewRow[]>> {
  const byInnovation = new Map<number, ReviewRow[]>();
  if (ids.length === 0) return byInnovation;
  const rows = await db
    .selectFrom('innovation_reviews')
    .select(['innovation_id', 'at', 'action', 'comment', 'actor_name'])
    .where('innovation_id', 'in', ids)
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = byInnovation.get(row.innovation_id) ?? [];
    list.push(row);
    byInnovation.set(row.innovation_id, list);
  }
  return byInnovation;
}

/** Staff views of rows, with their evidence and review logs. */
export async function staffViews(db: InnovationsDb, rows: readonly InnovationRow[], ctx: ViewContext): Promise<InnovationStaff[]> {
  const ids = rows.map((r) => r.id);
  const [evidence, reviews] = await Promise.all([evidenceOf(db, ids), reviewsOf(db, ids)]);
  return rows.map((r) => toStaffInnovation(r, evidence.get(r.id) ?? [], reviews.get(r.id) ?? [], ctx));
}

/** The columns a registration or edit writes, from the input (only the fields it has). */
export function columnsOf(input: InnovationPatch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.type !== undefined) out.type = input.type;
  if (input.digital !== undefined) out.digital = input.digital;
  if (input.stage !== undefined) out.stage = input.stage;
  if (input.stageDates !== undefined) {
    if (input.stageDates.inisiatif !== undefined) out.initiative_on = input.stageDates.inisiatif;
    if (input.stageDates['uji-coba'] !== undefined) out.trial_on = input.stageDates['uji-coba'];
    if (input.stageDates.penerapan !== undefined) out.applied_on = input.stageDates.penerapan;
  }
  if (input.startDate !== undefined) out.started_on = input.startDate;
  if (input.problem !== undefined) out.problem = input.problem;
  if (input.solution !== undefined) out.solution = input.solution;
  if (input.benefits !== undefined) out.benefits = input.benefits;
  if (input.results !== undefined) out.results = input.results;
  if (input.budgetSource !== undefined) out.budget_source = input.budgetSource;
  if (input.initiator !== undefined) out.initiator = input.initiator;
  if (input.covid19 !== undefined) out.covid19 = input.covid19;
  if (input.goal !== undefined) out.goal = input.goal;
  if (input.contact !== undefined) {
    out.contact_name = input.contact?.name ?? null;
    out.contact_phone = input.contact?.phone ?? null;
    out.contact_email = input.contact?.email ?? null;
  }
  if (input.year !== undefined) out.year = input.year;
  return out;
}

/** Checks dates are real days and in stage order; a 422 naming the field otherwise. */
export function checkDates(input: InnovationPatch): void {
  const days: Array<[string, string | null | undefined]> = [
    ['stageDates.inisiatif', input.stageDates?.inisiatif],
    ['stageDates.uji-coba', input.stageDates?.['uji-coba']],
    ['stageDates.penerapan', input.stageDates?.penerapan],
    ['startDate', input.startDate],
  ];
  const errors = [];
  for (const [path, value] of days) {
    if (!value) continue;
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) errors.push({ path, message: `${value} is not a day of the calendar`, code: 'format' as const });
  }
  const order = days.slice(0, 3).filter(([, v]) => v);
  for (let i = 1; i < order.length; i++) {
    if ((order[i]![1] as string) < (order[i - 1]![1] as string)) {
      errors.push({ path: order[i]![0], message: `A later stage cannot begin before an earlier one (${order[i - 1]![0]} is ${order[i - 1]![1]})`, code: 'invalid' as const });
    }
  }
  if (errors.length > 0) throw validationProblem(errors);
}

/** What submitting needs beyond the registration's own checks: the stage's date, and a contact person. */
export function submitIssues(row: InnovationRow): Array<{ path: string; message: string; code: 'required' }> {
  const issues: Array<{ path: string; message: string; code: 'required' }> = [];
  const stageDate = { inisiatif: row.initiative_on, 'uji-coba': row.trial_on, penerapan: row.applied_on }[row.stage as InnovationStage];
  if (!stageDate) issues.push({ path: `stageDates.${row.stage}`, message: `Enter the day it reached the stage ${row.stage} before submitting`, code: 'required' });
  if (!row.contact_name) issues.push({ path: 'contact', message: 'Name a contact person before submitting (staff-only)', code: 'required' });
  return issues;
}

/** A 409: an innovation that is not the OPD's to change in its status. */
export function notEditable(row: InnovationRow): ProblemError {
  return new ProblemError('conflict', {
    detail: `Innovation ${row.id} is ${row.status}: only a draft or a returned innovation is edited (a submitted one waits for the reviewer; a verified one is final)`,
  });
}

/** The 404 of an innovation that is not in this OPD (or does not exist). */
export function noInnovation(id: number, opdName: string): ProblemError {
  return new ProblemError('not-found', { detail: `${opdName} has no innovation ${id}` });
}

/** The input of a registration, with its year, as columns of a new row. */
export function newRowColumns(input: InnovationInput, year: number): Record<string, unknown> {
  return { ...columnsOf(input), year: input.year ?? year };
}
