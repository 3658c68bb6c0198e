/**
 * An OPD's reusable answers (`/api/v1/opds/{opd}/answer-templates`): staff start an answer
 * from one and edit it before sending. Titles are unique within the OPD regardless of case;
 * an OPD keeps at most `ANSWER_TEMPLATES_MAX`. Every write is audited (without the text: a
 * template holds no personal data, but the log is about who changed what, not the content).
 *
 * @module
 */
import {
  ANSWER_TEMPLATES_MAX,
  consultationEndpoints as endpoints,
  type AnswerTemplate,
} from '../../../../src/schemas/index.js';
import { newId } from '../../auth/tokens.js';
import { audit } from '../../db/audit.js';
import { route } from '../../http/module.js';
import { ProblemError } from '../../http/problem.js';
import { staffNames } from './queries.js';
import { siapDb, type Db } from './tables.js';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** One template as stored. */
interface TemplateRow {
  id: string;
  title: string;
  text: string;
  updated_at: Date;
  updated_by: string | null;
}

const COLUMNS = ['id', 'title', 'text', 'updated_at', 'updated_by'] as const;

/** The OPD's templates, by title (ignoring case). */
export async function templatesOf(db: Db, opdSlug: string): Promise<AnswerTemplate[]> {
  const rows = await db
    .selectFrom('consultation_answer_templates')
    .select(COLUMNS)
    .where('opd_slug', '=', opdSlug)
    .orderBy((eb) => eb.fn('lower', ['title']))
    .orderBy('id')
    .execute();
  return views(db, rows);
}

async function views(db: Db, rows: readonly TemplateRow[]): Promise<AnswerTemplate[]> {
  const names = await staffNames(db, rows.flatMap((row) => (row.updated_by ? [row.updated_by] : [])));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    text: row.text,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by ? (names.get(row.updated_by) ?? row.updated_by) : null,
  }));
}

function findTemplate(db: Db, opdSlug: string, id: string, lock = false) {
  let query = db.selectFrom('consultation_answer_templates').select(COLUMNS).where('opd_slug', '=', opdSlug).where('id', '=', id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Throws a 409 naming `title` when another template of the OPD has it (ignoring case). */
async function checkTitleFree(db: Db, opdSlug: string, title: string, except?: string): Promise<void> {
  let query = db
    .selectFrom('consultation_answer_templates')
    .select('id')
    .where('opd_slug', '=', opdSlug)
    .where((eb) => eb(eb.fn('lower', ['title']), '=', title.toLowerCase()));
  if (except) query = query.where('id', '<>', except);
  if (await query.executeTakeFirst()) {
    throw new ProblemError('conflict', {
      detail: `A template titled “${title}” already exists; choose another title or change that template`,
      errors: [{ path: 'title', message: 'Another template has this title', code: 'alreadyUsed' }],
    });
  }
}

function templateNotFound(id: string): ProblemError {
  return new ProblemError('not-found', { detail: `No answer template ${id.slice(0, 64)} in this agency; it may have been deleted.` });
}

const templateDocs = { templateId: 'The template’s id, from the list.' };

const listTemplates = route({
  endpoint: endpoints.listTemplates,
  summary: 'List answer templates (staff)',
  description: `Every answer template of the agency (at most ${ANSWER_TEMPLATES_MAX}), by title; \`nextCursor\` is always null.`,
  returns: 'The templates.',
  async handler({ opd, deps }) {
    return { body: { data: await templatesOf(siapDb(deps.db), opd.slug), nextCursor: null }, headers: NO_STORE };
  },
});

const createTemplate = route({
  endpoint: endpoints.createTemplate,
  summary: 'Add an answer template (staff)',
  description: `Titles are unique within the agency, ignoring case (409 naming \`title\`); an agency keeps at most ${ANSWER_TEMPLATES_MAX} templates (409). Recorded in the audit log.`,
  returns: 'Stored.',
  async handler({ opd, body, deps, now, actor }) {
    const db = siapDb(deps.db);
    const row = await db.transaction().execute(async (trx) => {
      // One writer per OPD at a time, so the title check and the cap hold.
      await trx.selectFrom('opds').select('slug').where('slug', '=', opd.slug).forUpdate().execute();
      await checkTitleFree(trx, opd.slug, body.title);
      const { n } = await trx
        .selectFrom('consultation_answer_templates')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('opd_slug', '=', opd.slug)
        .executeTakeFirstOrThrow();
      if (Number(n) >= ANSWER_TEMPLATES_MAX) {
        throw new ProblemError('conflict', {
          detail: `An agency keeps at most ${ANSWER_TEMPLATES_MAX} answer templates; delete one it no longer uses first`,
        });
      }
      const id = newId('tpl');
      const stored = await trx
        .insertInto('consultation_answer_templates')
        .values({ id, opd_slug: opd.slug, title: body.title, text: body.text, created_at: now, created_by: actor.id, updated_at: now, updated_by: actor.id })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      await audit(trx, { actor, action: 'answer-template.create', subject: id, opd: opd.slug, detail: { title: body.title } }, now);
      return stored;
    });
    const [view] = await views(db, [row]);
    return { body: view as AnswerTemplate, headers: { Location: `/api/v1/opds/${opd.slug}/answer-templates/${row.id}`, ...NO_STORE } };
  },
});

const updateTemplate = route({
  endpoint: endpoints.updateTemplate,
  summary: 'Change an answer template (staff)',
  description: 'A new title, text or both. A title another template has answers 409 naming `title`. Recorded in the audit log.',
  returns: 'The template as it is now.',
  docs: templateDocs,
  async handler({ opd, params, body, deps, now, actor }) {
    const db = siapDb(deps.db);
    const row = await db.transaction().execute(async (trx) => {
      const current = await findTemplate(trx, opd.slug, params.templateId, true);
      if (!current) throw templateNotFound(params.templateId);
      if (body.title !== undefined) await checkTitleFree(trx, opd.slug, body.title, current.id);
      const stored = await trx
        .updateTable('consultation_answer_templates')
        .set({
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.text !== undefined ? { text: body.text } : {}),
          updated_at: now,
          updated_by: actor.id,
        })
        .where('id', '=', current.id)
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      await audit(
        trx,
        {
          actor,
          action: 'answer-template.update',
          subject: current.id,
          opd: opd.slug,
          detail: { title: stored.title, changed: Object.keys(body).filter((key) => body[key as keyof typeof body] !== undefined) },
        },
        now,
      );
      return stored;
    });
    const [view] = await views(db, [row]);
    return { body: view as AnswerTemplate, headers: NO_STORE };
  },
});

const deleteTemplate = route({
  endpoint: endpoints.deleteTemplate,
  summary: 'Delete an answer template (staff)',
  description: 'Answers already sent from it stay as they are. Recorded in the audit log.',
  returns: 'Deleted.',
  docs: templateDocs,
  async handler({ opd, params, deps, now, actor }) {
    await siapDb(deps.db).transaction().execute(async (trx) => {
      const current = await findTemplate(trx, opd.slug, params.templateId, true);
      if (!current) throw templateNotFound(params.templateId);
      await trx.deleteFrom('consultation_answer_templates').where('id', '=', current.id).execute();
      await audit(trx, { actor, action: 'answer-template.delete', subject: current.id, opd: opd.slug, detail: { title: current.title } }, now);
    });
    return { body: undefined };
  },
});

/** The answer-template routes. */
export const templateRoutes = [listTemplates, createTemplate, updateTemplate, deleteTemplate];
