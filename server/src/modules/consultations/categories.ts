/**
 * An OPD's consultation categories as its admins edit them: `GET` and `PUT
 * /api/v1/opds/{opd}/consultation-categories`. The `PUT` takes the whole ordered list the form
 * offers. A category left out is deleted when no consultation uses it, and **retired** when
 * some do (rather than refused with a 409): an admin tidying the form should not first have to
 * find out which old questions used a category, and those questions keep its name in every
 * view. Listing a retired id again brings it back.
 *
 * @module
 */
import { sql } from 'kysely';
import {
  consultationEndpoints as endpoints,
  type ConsultationCategorySettings,
} from '../../../../src/schemas/index.js';
import { audit } from '../../db/audit.js';
import { route } from '../../http/module.js';
import { validationProblem } from '../../http/problem.js';
import { siapDb, type Db } from './tables.js';

/** One category to offer, checked. */
export interface CategoryInput {
  id: string;
  name: string;
  nameEn?: string | undefined;
}

/** What {@link setCategories} did, by category id (for the audit log). */
export interface CategoryChanges {
  added: string[];
  restored: string[];
  retired: string[];
  deleted: string[];
}

/** The OPD's categories with how many consultations use each: the offered ones in order, then the retired ones. */
export async function categorySettings(db: Db, opdSlug: string): Promise<ConsultationCategorySettings> {
  const rows = await db
    .selectFrom('consultation_categories as c')
    .select((eb) => [
      'c.id',
      'c.name',
      'c.name_en',
      'c.retired_at',
      eb
        .selectFrom('consultations as k')
        .select(sql<string | number>`count(*)`.as('n'))
        .whereRef('k.opd_slug', '=', 'c.opd_slug')
        .whereRef('k.category_id', '=', 'c.id')
        .as('consultations'),
    ])
    .where('c.opd_slug', '=', opdSlug)
    .orderBy('c.position')
    .orderBy('c.id')
    .execute();
  const view = (row: (typeof rows)[number]) => ({
    id: row.id,
    name: row.name,
    ...(row.name_en ? { nameEn: row.name_en } : {}),
    consultations: Number(row.consultations ?? 0),
  });
  return {
    categories: rows.filter((row) => row.retired_at === null).map(view),
    retired: rows.filter((row) => row.retired_at !== null).map(view),
  };
}

/**
 * Makes `list` the categories the form offers, in that order; see the module comment for
 * what happens to those left out. Run it in a transaction: it locks the OPD's row, so two
 * admins saving at once take turns.
 */
export async function setCategories(trx: Db, opdSlug: string, list: readonly CategoryInput[], now: Date): Promise<CategoryChanges> {
  const seen = new Map<string, number>();
  const twice = list.flatMap((category, index) => {
    const first = seen.get(category.id);
    seen.set(category.id, first ?? index);
    return first === undefined
      ? []
      : [{ path: `categories.${index}.id`, message: `Each category needs its own id: ${category.id} is already category ${first + 1}`, code: 'alreadyUsed' as const }];
  });
  if (twice.length > 0) throw validationProblem(twice);

  await trx.selectFrom('opds').select('slug').where('slug', '=', opdSlug).forUpdate().execute();
  const existing = await trx
    .selectFrom('consultation_categories')
    .select(['id', 'retired_at'])
    .where('opd_slug', '=', opdSlug)
    .execute();
  const used = new Set(
    (
      await trx
        .selectFrom('consultations')
        .select('category_id')
        .distinct()
        .where('opd_slug', '=', opdSlug)
        .execute()
    ).map((row) => row.category_id),
  );
  const before = new Map(existing.map((row) => [row.id, row]));
  const changes: CategoryChanges = { added: [], restored: [], retired: [], deleted: [] };

  for (const [index, category] of list.entries()) {
    const was = before.get(category.id);
    if (!was) changes.added.push(category.id);
    else if (was.retired_at !== null) changes.restored.push(category.id);
    const values = { name: category.name, name_en: category.nameEn || null, position: index + 1, retired_at: null };
    await trx
      .insertInto('consultation_categories')
      .values({ opd_slug: opdSlug, id: category.id, ...values })
      .onConflict((oc) => oc.columns(['opd_slug', 'id']).doUpdateSet(values))
      .execute();
  }
  for (const row of existing) {
    if (seen.has(row.id)) continue;
    if (used.has(row.id)) {
      if (row.retired_at !== null) continue;
      changes.retired.push(row.id);
      await trx
        .updateTable('consultation_categories')
        .set({ retired_at: now })
        .where('opd_slug', '=', opdSlug)
        .where('id', '=', row.id)
        .execute();
    } else {
      changes.deleted.push(row.id);
      await trx.deleteFrom('consultation_categories').where('opd_slug', '=', opdSlug).where('id', '=', row.id).execute();
    }
  }
  return changes;
}

const getCategories = route({
  endpoint: endpoints.getCategories,
  summary: 'Read the categories (staff)',
  description:
    'The categories the form offers, in order, and the retired ones (removed from the form while consultations use them), each with how many consultations use it.',
  returns: 'The categories.',
  async handler({ opd, deps }) {
    return { body: await categorySettings(siapDb(deps.db), opd.slug), headers: { 'Cache-Control': 'no-store' } };
  },
});

const putCategories = route({
  endpoint: endpoints.setCategories,
  summary: 'Set the categories (OPD admin)',
  description:
    'The whole ordered list of categories the form offers. A category left out is deleted when no consultation uses it; when some do, it is **retired**: the form no longer offers it, every view still names it, and listing its id again brings it back. Ids must be unique (422 naming `categories.N.id`). Recorded in the audit log.',
  returns: 'The categories as they are now.',
  async handler({ opd, body, deps, now, actor }) {
    const db = siapDb(deps.db);
    const settings = await db.transaction().execute(async (trx) => {
      const changes = await setCategories(trx, opd.slug, body.categories, now);
      await audit(
        trx,
        {
          actor,
          action: 'consultation-categories.set',
          subject: `opd:${opd.slug}`,
          opd: opd.slug,
          detail: { categories: body.categories.map((c) => c.id), ...changes },
        },
        now,
      );
      return categorySettings(trx, opd.slug);
    });
    return { body: settings, headers: { 'Cache-Control': 'no-store' } };
  },
});

/** The category routes. */
export const categoryRoutes = [getCategories, putCategories];
