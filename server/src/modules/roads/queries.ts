/**
 * Perjaka's reads and small writes. Segment numbers sort byte-wise (`collate "C"`), so the
 * order, and the cursors over it, are the same on PGlite and PostgreSQL whatever the
 * database's locale.
 *
 * @module
 */
import { sql } from 'kysely';
import type { RoadGeometry } from '../../../../src/schemas/roads.js';
import type { RoadsDb } from './tables.js';
import type { SegmentFacts, SummaryFacts, SurveyFacts, WorkFacts } from './views.js';

const SEGMENT_COLUMNS = ['id', 'number', 'name', 'kecamatan', 'length_m', 'surface', 'width_cm'] as const;
const SURVEY_COLUMNS = ['segment_id', 'year', 'length_m', 'baik_m', 'sedang_m', 'rusak_ringan_m', 'rusak_berat_m', 'note'] as const;

/** Which segments a list shows: those through `kecamatan`, those whose number, name or a kecamatan contains `q`. */
export interface SegmentFilters {
  kecamatan?: string | undefined;
  q?: string | undefined;
}

/** `text` as an `ilike` pattern matching it anywhere, its `%`, `_` and `\` taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** `query` narrowed to the segments `filters` asks for. */
function filtered<Q extends { where: (condition: ReturnType<typeof sql<boolean>>) => Q }>(query: Q, filters: SegmentFilters): Q {
  let narrowed = query;
  if (filters.kecamatan) narrowed = narrowed.where(sql<boolean>`kecamatan @> ${JSON.stringify([filters.kecamatan])}::jsonb`);
  if (filters.q) {
    const pattern = containing(filters.q);
    narrowed = narrowed.where(sql<boolean>`(number ilike ${pattern} or name ilike ${pattern} or kecamatan::text ilike ${pattern})`);
  }
  return narrowed;
}

/** Segments of `opd` in number order: a page after `after` (with one more, to tell whether another follows), or all. */
export async function segmentPage(
  db: RoadsDb,
  opd: string,
  options: SegmentFilters & { after?: string; limit?: number },
): Promise<SegmentFacts[]> {
  let query = filtered(db.selectFrom('road_segments').select(SEGMENT_COLUMNS).where('opd_slug', '=', opd), options);
  if (options.after !== undefined) query = query.where(sql<boolean>`number collate "C" > ${options.after}`);
  query = query.orderBy(sql`number collate "C"`);
  if (options.limit !== undefined) query = query.limit(options.limit + 1);
  return query.execute();
}

/** Every segment of `opd` with its geometry, in number order. */
export async function segmentsWithGeometry(db: RoadsDb, opd: string, filters: SegmentFilters = {}): Promise<Array<SegmentFacts & { geometry: RoadGeometry | null }>> {
  const query = filtered(db.selectFrom('road_segments').select([...SEGMENT_COLUMNS, 'geometry']).where('opd_slug', '=', opd), filters);
  return query.orderBy(sql`number collate "C"`).execute();
}

/** One segment by its number, with its geometry. */
export async function segmentByNumber(db: RoadsDb, opd: string, number: string): Promise<(SegmentFacts & { geometry: RoadGeometry | null }) | undefined> {
  return db
    .selectFrom('road_segments')
    .select([...SEGMENT_COLUMNS, 'geometry'])
    .where('opd_slug', '=', opd)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** The surveys of the given segments (every year, oldest first), by segment id. */
export async function surveysOf(db: RoadsDb, segmentIds: readonly number[]): Promise<Map<number, SurveyFacts[]>> {
  const bySegment = new Map<number, SurveyFacts[]>();
  if (segmentIds.length === 0) return bySegment;
  const rows = await db.selectFrom('road_surveys').select(SURVEY_COLUMNS).where('segment_id', 'in', segmentIds).orderBy('year').execute();
  for (const row of rows) {
    const list = bySegment.get(row.segment_id) ?? [];
    list.push(row);
    bySegment.set(row.segment_id, list);
  }
  return bySegment;
}

/** Every survey of `opd`. */
export async function surveysOfOpd(db: RoadsDb, opd: string): Promise<SurveyFacts[]> {
  return db.selectFrom('road_surveys').select(SURVEY_COLUMNS).where('opd_slug', '=', opd).execute();
}

/** Everything the condition summary is made of. */
export async function summaryFacts(db: RoadsDb, opd: string): Promise<SummaryFacts> {
  const [segments, surveys, targets, network] = await Promise.all([
    db.selectFrom('road_segments').select(SEGMENT_COLUMNS).where('opd_slug', '=', opd).execute(),
    surveysOfOpd(db, opd),
    db.selectFrom('road_targets').select(['year', 'percent_hundredths']).where('opd_slug', '=', opd).execute(),
    db.selectFrom('road_networks').select(['decree', 'note', 'synthetic']).where('opd_slug', '=', opd).executeTakeFirst(),
  ]);
  return { opd, segments, surveys, targets: new Map(targets.map((t) => [t.year, t.percent_hundredths])), network };
}

/** Works of `opd`, newest year first, with filters; `after` is the last row's (year, id). */
export async function worksPage(
  db: RoadsDb,
  opd: string,
  options: { year?: number; status?: string; segment?: string; after?: { year: number; id: number }; limit?: number; segmentId?: number },
): Promise<WorkFacts[]> {
  let query = db
    .selectFrom('road_works as w')
    .innerJoin('road_segments as s', 's.id', 'w.segment_id')
    .select([
      'w.id',
      's.number',
      'w.year',
      'w.kind',
      'w.status',
      'w.description',
      'w.budget_rupiah',
      'w.contractor',
      sql<string | null>`to_char(w.start_on, 'YYYY-MM-DD')`.as('start_on'),
      sql<string | null>`to_char(w.end_on, 'YYYY-MM-DD')`.as('end_on'),
      'w.length_m',
    ])
    .where('w.opd_slug', '=', opd);
  if (options.year !== undefined) query = query.where('w.year', '=', options.year);
  if (options.status) query = query.where('w.status', '=', options.status);
  if (options.segment) query = query.where('s.number', '=', options.segment);
  if (options.segmentId !== undefined) query = query.where('w.segment_id', '=', options.segmentId);
  if (options.after) {
    const { year, id } = options.after;
    query = query.where((eb) => eb.or([eb('w.year', '<', year), eb.and([eb('w.year', '=', year), eb('w.id', '<', id)])]));
  }
  query = query.orderBy('w.year', 'desc').orderBy('w.id', 'desc');
  if (options.limit !== undefined) query = query.limit(options.limit + 1);
  return query.execute();
}

/** A segment's own facts to change (see `roadSegmentPatch`); what is left out stays as it is. */
export interface SegmentChanges {
  name?: string;
  kecamatan?: string[];
  surface?: string;
  widthCm?: number | null;
  geometry?: RoadGeometry;
}

/** Changes one segment's own facts (never its length: its surveys sum to it); answers whether it was there. */
export async function updateSegment(db: RoadsDb, opd: string, number: string, changes: SegmentChanges, actorId: string | null, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('road_segments')
    .set({
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.kecamatan === undefined ? {} : { kecamatan: JSON.stringify(changes.kecamatan) }),
      ...(changes.surface === undefined ? {} : { surface: changes.surface }),
      ...(changes.widthCm === undefined ? {} : { width_cm: changes.widthCm }),
      ...(changes.geometry === undefined ? {} : { geometry: JSON.stringify(changes.geometry) }),
      updated_at: now,
      updated_by: actorId,
    })
    .where('opd_slug', '=', opd)
    .where('number', '=', number)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every kecamatan name the network of `opd` uses, as it spells them. */
export async function kecamatanOf(db: RoadsDb, opd: string): Promise<string[]> {
  const rows = await db.selectFrom('road_segments').select('kecamatan').where('opd_slug', '=', opd).execute();
  return [...new Set(rows.flatMap((row) => row.kecamatan))];
}
