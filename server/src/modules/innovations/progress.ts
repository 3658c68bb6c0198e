/**
 * Progress toward "one OPD, one innovation": the OPDs with at least one verified innovation
 * of the assessment year out of every OPD of the regency, the deadline and the whole days left
 * in the regency's time zone, the OPDs still without one, verified innovations by form, stage
 * and digital or not, the OPDs with evidence gaps (an evidence indicator of the year's model
 * with no file, over their verified and submitted innovations), and each OPD's estimate named
 * with its model.
 *
 * @module
 */
import { innovationStages, innovationTypes, type InnovationProgress, type InnovationStage, type InnovationType, type ScoringModel } from '../../../../src/schemas/innovations.js';
import { dayIn } from '../../calendar/working-days.js';
import type { IndonesianTimeZone } from '../../../../src/schemas/index.js';
import { evidenceOf, gapsOf, innovationEstimate, meanEstimate } from './registry.js';
import type { InnovationsDb } from './tables.js';

/** Whole days from `today` to `deadline` (both `YYYY-MM-DD`): 0 on the day, negative once passed. */
export function daysBetween(today: string, deadline: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The board of `year`. */
export async function progressOf(
  db: InnovationsDb,
  options: { year: number; deadline: string | null; model: ScoringModel | null; now: Date; timeZone: IndonesianTimeZone },
): Promise<InnovationProgress> {
  const { year, model } = options;
  const opds = await db.selectFrom('opds').select(['slug', 'name']).orderBy('name').execute();
  const rows = await db
    .selectFrom('innovations')
    .select(['id', 'opd_slug', 'status', 'type', 'stage', 'digital'])
    .where('year', '=', year)
    .execute();
  const counted = rows.filter((r) => r.status === 'verified' || r.status === 'submitted');
  const evidence = await evidenceOf(db, counted.map((r) => r.id));

  const byType = Object.fromEntries(innovationTypes.map((t) => [t, 0])) as Record<InnovationType, number>;
  const byStage = Object.fromEntries(innovationStages.map((s) => [s, 0])) as Record<InnovationStage, number>;
  let digital = 0;
  let nonDigital = 0;
  for (const r of rows) {
    if (r.status !== 'verified') continue;
    byType[r.type as InnovationType] += 1;
    byStage[r.stage as InnovationStage] += 1;
    if (r.digital) digital += 1;
    else nonDigital += 1;
  }

  const board = opds.map((opd) => {
    const own = rows.filter((r) => r.opd_slug === opd.slug);
    const verified = own.filter((r) => r.status === 'verified');
    const gaps = new Set<string>();
    for (const r of own) if (r.status === 'verified' || r.status === 'submitted') for (const gap of gapsOf(model, evidence.get(r.id) ?? [])) gaps.add(gap);
    const estimates = verified.map((r) => innovationEstimate(model, new Set((evidence.get(r.id) ?? []).map((e) => e.indicator_id)))).filter((e) => e !== null);
    const order = model ? new Map(model.indicators.map((i) => [i.id, i.number])) : new Map<string, number>();
    return {
      slug: opd.slug,
      name: opd.name,
      verified: verified.length,
      submitted: own.filter((r) => r.status === 'submitted').length,
      inProgress: own.filter((r) => r.status === 'draft' || r.status === 'returned').length,
      evidenceGaps: [...gaps].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
      estimatedScore: meanEstimate(model, estimates),
    };
  });
  board.sort((a, b) => Number(a.verified > 0) - Number(b.verified > 0) || a.name.localeCompare(b.name, 'id'));
  const done = board.filter((o) => o.verified > 0).length;
  const today = dayIn(options.now, options.timeZone);
  return {
    year,
    opds: opds.length,
    opdsDone: done,
    percent: opds.length === 0 ? 0 : Math.round((done / opds.length) * 10000) / 100,
    deadline: options.deadline,
    daysLeft: options.deadline ? daysBetween(today, options.deadline) : null,
    byType,
    byStage,
    digital,
    nonDigital,
    board,
    missing: board.filter((o) => o.verified === 0).map((o) => o.slug),
    withEvidenceGaps: board.filter((o) => o.evidenceGaps.length > 0).map((o) => o.slug),
    model: model ? { year: model.year, name: model.name } : null,
  };
}
