/**
 * The satisfaction index (IKM) of PermenPAN-RB 14/2017, with the model as data: each
 * element's mean over the responses, their weighted mean (Σ weight × mean / Σ weight — the
 * regulation's equal weights 1/9 are weights of 1 each here, so nine weights of 0.11 do not
 * lose the 1 % that 0.11 × 9 = 0.99 would), times the conversion (25) for the index on 25–100,
 * rounded to two decimals, then classified by the model's categories. The regulation's
 * ranges leave gaps (76.60 | 76.61): the rounded index always falls in one.
 *
 * @module
 */
import { sql } from 'kysely';
import type { ElementFigure, IkmFigure, SatisfactionReport, SurveyModel } from '../../../../src/schemas/services.js';
import type { ServicesDb } from './tables.js';

/** An element's sum of scores and how many scores. */
export interface ScoreSum {
  sum: number;
  count: number;
}

/** `value` rounded half up to `places` decimals (a hair of tolerance for binary fractions: 76.605 → 76.61). */
export function roundTo(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor + 1e-9) / factor;
}

/** The category of an index as rounded to two decimals; null outside every range. */
export function categoryOf(model: Pick<SurveyModel, 'categories'>, ikm: number): SurveyModel['categories'][number] | null {
  const rounded = roundTo(ikm, 2);
  return model.categories.find((c) => rounded >= c.min && rounded <= c.max) ?? null;
}

/** The index of responses whose scores sum to `sums` per element id, with `respondents` responses. */
export function ikmOf(model: Pick<SurveyModel, 'elements' | 'conversion' | 'categories'>, sums: ReadonlyMap<string, ScoreSum>, respondents: number): IkmFigure {
  let weighted = 0;
  let weights = 0;
  for (const element of model.elements) {
    const s = sums.get(element.id);
    if (!s || s.count === 0) continue; // an element nobody scored does not count (the regulation: "unsur yang terisi")
    weighted += element.weight * (s.sum / s.count);
    weights += element.weight;
  }
  if (respondents === 0 || weights === 0) return { respondents, mean: null, ikm: null, grade: null, category: null };
  const mean = weighted / weights;
  const ikm = roundTo(mean * model.conversion, 2);
  const category = categoryOf(model, ikm);
  return { respondents, mean: roundTo(mean, 4), ikm, grade: category?.grade ?? null, category: category?.name ?? null };
}

/** Each element's mean (four decimals) and that × the conversion (two decimals). */
export function elementsOf(model: Pick<SurveyModel, 'elements' | 'conversion'>, sums: ReadonlyMap<string, ScoreSum>): ElementFigure[] {
  return model.elements.map((e) => {
    const s = sums.get(e.id);
    if (!s || s.count === 0) return { id: e.id, name: e.name, mean: null, ikm: null };
    const mean = s.sum / s.count;
    return { id: e.id, name: e.name, mean: roundTo(mean, 4), ikm: roundTo(mean * model.conversion, 2) };
  });
}

/** The model in force on `day` (the latest effective on or before it), with its elements in order; null when none. */
export async function modelOn(db: ServicesDb, day: string): Promise<SurveyModel | null> {
  const model = await db
    .selectFrom('survey_models')
    .selectAll()
    .where(sql<boolean>`effective_on <= ${day}::date`)
    .orderBy('effective_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!model) return null;
  const elements = await db.selectFrom('survey_elements').selectAll().where('model_id', '=', model.id).orderBy('number').execute();
  return {
    id: model.id,
    name: model.name,
    source: model.source,
    scale: model.scale,
    conversion: Number(model.conversion),
    categories: model.categories,
    elements: elements.map((e) => ({ id: e.id, number: e.number, name: e.name, question: e.question, answers: e.answers, weight: Number(e.weight) })),
  };
}

/** Sums per key: adds one group's element sums into `into`. */
function addSums(into: Map<string, ScoreSum>, element: string, sum: number, count: number): void {
  const s = into.get(element) ?? { sum: 0, count: 0 };
  s.sum += sum;
  s.count += count;
  into.set(element, s);
}

/** The OPD's satisfaction report for `year` with `model`: overall, per element, per semester and quarter, and per service. */
export async function satisfactionOf(
  db: ServicesDb,
  opd: { slug: string; name: string },
  year: number,
  model: SurveyModel,
  services: ReadonlyArray<{ id: number; slug: string; name: string }>,
): Promise<SatisfactionReport> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const ids = services.map((s) => s.id);
  const scoreRows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('survey_scores as sc')
          .innerJoin('survey_responses as r', 'r.id', 'sc.response_id')
          .select([
            'r.service_id',
            sql<number>`extract(quarter from r.answered_on)::int`.as('quarter'),
            'sc.element_id',
            sql<string>`sum(sc.score)`.as('sum'),
            sql<string>`count(*)`.as('count'),
          ])
          .where('r.service_id', 'in', ids)
          .where('r.model_id', '=', model.id)
          .where(sql<boolean>`r.answered_on between ${from}::date and ${to}::date`)
          .groupBy(['r.service_id', sql`extract(quarter from r.answered_on)`, 'sc.element_id'])
          .execute();
  const respondentRows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('survey_responses as r')
          .select(['r.service_id', sql<number>`extract(quarter from r.answered_on)::int`.as('quarter'), sql<string>`count(*)`.as('n')])
          .where('r.service_id', 'in', ids)
          .where('r.model_id', '=', model.id)
          .where(sql<boolean>`r.answered_on between ${from}::date and ${to}::date`)
          .groupBy(['r.service_id', sql`extract(quarter from r.answered_on)`])
          .execute();

  /** Sums and respondents of the responses that pass `keep(service, quarter)`. */
  const pick = (keep: (service: number, quarter: number) => boolean) => {
    const sums = new Map<string, ScoreSum>();
    for (const row of scoreRows) if (keep(row.service_id, Number(row.quarter))) addSums(sums, row.element_id, Number(row.sum), Number(row.count));
    const respondents = respondentRows.filter((r) => keep(r.service_id, Number(r.quarter))).reduce((n, r) => n + Number(r.n), 0);
    return { sums, respondents };
  };
  const figure = (keep: (service: number, quarter: number) => boolean) => {
    const { sums, respondents } = pick(keep);
    return ikmOf(model, sums, respondents);
  };
  const semesterOf = (quarter: number) => (quarter <= 2 ? 1 : 2);
  const all = pick(() => true);

  return {
    opd,
    year,
    model: { id: model.id, name: model.name },
    categories: model.categories,
    overall: ikmOf(model, all.sums, all.respondents),
    elements: elementsOf(model, all.sums),
    semesters: [1, 2].map((period) => ({ period, ...figure((_, q) => semesterOf(q) === period) })),
    quarters: [1, 2, 3, 4].map((period) => ({ period, ...figure((_, q) => q === period) })),
    services: services.map((s) => {
      const own = pick((service) => service === s.id);
      return {
        slug: s.slug,
        name: s.name,
        ...ikmOf(model, own.sums, own.respondents),
        elements: elementsOf(model, own.sums),
        semesters: [1, 2].map((period) => ({ period, ...figure((service, q) => service === s.id && semesterOf(q) === period) })),
      };
    }),
  };
}
