/**
 * SIAP's figures on the regency's rollout board (`GET /api/v1/overview`), per OPD that has SIAP
 * on, in one grouped query:
 * - `received`: questions asked in the month;
 * - `withinServiceLevel`: of the questions due in the month whose outcome is known (answered
 *   or past due), the share whose first response came by the due time (null when none was due);
 * - `overdueNow`: questions past due without a first response, now (the inbox's overdue queue).
 *
 * @module
 */
import { sql } from 'kysely';
import type { OverviewWindow } from '../../http/module.js';
import { queueRules } from './queries.js';
import type { Db } from './tables.js';

/** SIAP's part of the rollout board, by OPD slug. */
export async function overviewOf(db: Db, window: OverviewWindow): Promise<Map<string, Record<string, unknown>>> {
  const slugs = window.opds.map((opd) => opd.slug);
  const figures = new Map<string, Record<string, unknown>>();
  if (slugs.length === 0) return figures;
  const { from, to, now } = window;
  const overdue = queueRules(now, window.timeZone).overdue;
  // Due in the month, with an outcome: a first response already given, or the due time passed.
  const judged = sql<boolean>`(due_at >= ${from} and due_at < ${to} and (first_response_at is not null or due_at < ${now}))`;
  const rows = await db
    .selectFrom('consultations')
    .select([
      'opd_slug',
      sql<string>`count(*) filter (where submitted_at >= ${from} and submitted_at < ${to})`.as('received'),
      sql<string>`count(*) filter (where ${judged})`.as('judged'),
      sql<string>`count(*) filter (where ${judged} and first_response_at <= due_at)`.as('on_time'),
      sql<string>`count(*) filter (where ${overdue})`.as('overdue_now'),
    ])
    .where('opd_slug', 'in', slugs)
    .groupBy('opd_slug')
    .execute();
  const bySlug = new Map(rows.map((row) => [row.opd_slug, row]));
  for (const slug of slugs) {
    const row = bySlug.get(slug);
    const judgedCount = Number(row?.judged ?? 0);
    figures.set(slug, {
      consultations: {
        received: Number(row?.received ?? 0),
        withinServiceLevel: judgedCount === 0 ? null : Number(row?.on_time ?? 0) / judgedCount,
        overdueNow: Number(row?.overdue_now ?? 0),
      },
    });
  }
  return figures;
}
