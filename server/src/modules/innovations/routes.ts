/**
 * One OPD One Innovation's routes, one per endpoint of `innovationStaffEndpoints`:
 * - public: the catalogue (search, filters, pages; verified innovations only), one innovation,
 *   the progress board, the scoring models, the CSV export (the XLSX and the evidence files are
 *   served by `media.ts`);
 * - staff of an OPD: its innovations with the contact person, register a draft, edit a draft or
 *   a returned one, upload and remove evidence, submit;
 * - the reviewer OPD (Bappeda, configurable): the queue, verify, return with comments;
 * - regency admins: the settings.
 * Who may call what is the endpoint's `access`; what access cannot say (the innovation is the
 * OPD's own; only the reviewer OPD reviews) the handlers check. Every staff write, and every
 * staff read of the contact person, lands in the audit log.
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES, innovationStaffEndpoints as endpoints } from '../../../../src/schemas/innovations-staff.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../db/audit.js';
import { emitEvent } from '../../jobs/contract.js';
import type { OpdRow } from '../../db/schema.js';
import { bodyBytes } from '../../http/body.js';
import { decodeKey, pageBy, pageDocs } from '../../http/cursor.js';
import type { AppEnv } from '../../http/env.js';
import { claimedInTransaction, replayHeaders } from '../../http/idempotency.js';
import { route } from '../../http/module.js';
import { publicBaseOf } from '../../http/origin.js';
import { ProblemError, validationProblem } from '../../http/problem.js';
import { EvidenceError, readEvidence } from '../../media/evidence.js';
import { toCsv } from '../../http/csv.js';
import { exportTable } from './export.js';
import { progressOf } from './progress.js';
import {
  allModels,
  checkDates,
  columnsOf,
  evidenceIndicators,
  evidenceOf,
  innovationById,
  innovationQueryBase,
  modelFor,
  newRowColumns,
  noInnovation,
  notEditable,
  settingsOf,
  staffViews,
  submitIssues,
  toInnovation,
  type InnovationRow,
  type ViewContext,
} from './registry.js';
import { searchCatalogue } from './search.js';
import { innovationsDb, type InnovationsDb } from './tables.js';

/** Default page size of the catalogue. */
export const DEFAULT_PAGE_SIZE = 20;

/** The base of the links an answer hands out (evidence files): `PUBLIC_URL`, else the address the request came to, behind `TRUST_PROXY` the forwarded one. */
const originOf = (c: Context<AppEnv>): string => publicBaseOf(c);

async function viewContext(db: InnovationsDb, c: Context<AppEnv>): Promise<ViewContext> {
  return { origin: originOf(c), models: await allModels(db) };
}

const byId = {
  docs: { id: { description: 'The innovation’s id, e.g. `12`.', schema: { type: 'integer' } } },
  notFound: (_: string, value: string) => `No innovation has the id "${value}": an innovation id is a whole number, like 12`,
};

const catalogue = route({
  endpoint: endpoints.list,
  summary: 'Search the innovation catalogue',
  description:
    'Verified innovations of every OPD, searched by words in the name, problem and solution (`q`: every word must match, as a whole word or the start of one — `pendidik` finds “pendidikan”, `baik` does not find “perbaikan” — or, from five letters, as a small typo of one; accents do not matter), filtered by OPD, type, stage, digital and year. Best match first when searched, newest first otherwise; `total` counts every match.',
  docs: { q: 'Words to search for (at most 200 characters; the first 8 words count).', ...pageDocs(DEFAULT_PAGE_SIZE) },
  async handler({ c, deps, query }) {
    const db = innovationsDb(deps.db);
    const { rows, nextCursor, total } = await searchCatalogue(
      db,
      { q: query.q, opd: query.opd, type: query.type, stage: query.stage, digital: query.digital === undefined ? undefined : query.digital === 'true', year: query.year, statuses: ['verified'] },
      { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor },
    );
    const [ctx, evidence] = await Promise.all([viewContext(db, c), evidenceOf(db, rows.map((r) => r.id))]);
    return { body: { data: rows.map((r) => toInnovation(r, evidence.get(r.id) ?? [], ctx)), nextCursor, total }, headers: { 'Cache-Control': 'no-store' } };
  },
});

const getOne = route({
  endpoint: endpoints.get,
  summary: 'Read one innovation',
  description: 'A verified innovation with its evidence files. A draft, submitted or returned one is not public (404).',
  ...byId,
  async handler({ c, deps, params }) {
    const db = innovationsDb(deps.db);
    const row = await innovationById(db, params.id);
    if (!row || row.status !== 'verified') throw new ProblemError('not-found', { detail: `No verified innovation has the id ${params.id}` });
    const [ctx, evidence] = await Promise.all([viewContext(db, c), evidenceOf(db, [row.id])]);
    return { body: toInnovation(row, evidence.get(row.id) ?? [], ctx), headers: { 'Cache-Control': 'no-store' } };
  },
});

const progress = route({
  endpoint: endpoints.progress,
  summary: 'Progress toward one innovation per OPD',
  description:
    'For an assessment year (default: the configured one): every OPD of the regency, those with at least one verified innovation, the percentage, the deadline and whole days left in the regency’s time zone (0 on the day, negative once passed), the OPDs still without one, verified innovations by form, stage and digital or not, OPDs with evidence gaps, and each OPD’s estimated score named with the year’s IID model (the latest model not after the year).',
  async handler({ deps, query, now }) {
    const db = innovationsDb(deps.db);
    const settings = await settingsOf(db, now, deps.settings.timeZone);
    const year = query.year ?? settings.year;
    const model = await modelFor(db, year);
    return { body: await progressOf(db, { year, deadline: year === settings.year ? settings.deadline : null, model, now, timeZone: deps.settings.timeZone }) };
  },
});

const model = route({
  endpoint: endpoints.model,
  summary: 'Read the IID scoring model of a year',
  description: 'The model an assessment year is scored with: its own, else the latest before it (its `year` says which).',
  docs: { year: { description: 'The assessment year, e.g. `2023`.', schema: { type: 'integer' } } },
  notFound: (_: string, value: string) => `No scoring model for the year "${value}": use a year such as 2023`,
  async handler({ deps, params }) {
    const found = await modelFor(innovationsDb(deps.db), params.year);
    if (!found) throw new ProblemError('not-found', { detail: `No scoring model is kept for ${params.year} or any year before it` });
    return { body: found, headers: { 'Cache-Control': 'public, max-age=300' } };
  },
});

const exportCsv = route({
  endpoint: endpoints.exportCsv,
  summary: 'Export the verified innovations as CSV',
  description:
    'The verified innovations of an assessment year (default: the configured one) for the Kemendagri submission, in the column order of the national portal’s innovation profile, then the OPD, budget source and one column per evidence indicator of the year’s model with the files’ addresses. UTF-8 with a BOM, CRLF, every field quoted; a cell starting with =, +, -, @, a tab or CR is written with a leading apostrophe (formula injection). No contact person. The same as XLSX at `/media/innovation-export/{year}.xlsx`.',
  async handler({ c, deps, query, now }) {
    const db = innovationsDb(deps.db);
    const settings = await settingsOf(db, now, deps.settings.timeZone);
    const year = query.year ?? settings.year;
    const table = await exportTable(db, year, await modelFor(db, year), originOf(c));
    return { body: toCsv(table), headers: { 'Content-Disposition': `attachment; filename="inovasi-daerah-${year}.csv"` } };
  },
});

/** The OPD's innovation `id` for a write, locked; 404 when it is another OPD's. */
async function ownInnovation(db: InnovationsDb, opd: OpdRow, id: number): Promise<InnovationRow> {
  const row = await innovationById(db, id, true);
  if (!row || row.opd_slug !== opd.slug) throw noInnovation(id, opd.name);
  return row;
}

/** Only a draft or a returned innovation is changed by its OPD. */
function checkEditable(row: InnovationRow): void {
  if (row.status !== 'draft' && row.status !== 'returned') throw notEditable(row);
}

async function staffOne(db: InnovationsDb, c: Context<AppEnv>, id: number) {
  const row = (await innovationById(db, id))!;
  return (await staffViews(db, [row], await viewContext(db, c)))[0]!;
}

const isStaffCursor = (value: unknown): value is [number] => Array.isArray(value) && value.length === 1 && Number.isSafeInteger(value[0]) && (value[0] as number) > 0;

async function staffPage(db: InnovationsDb, c: Context<AppEnv>, options: { opd?: string; statuses?: readonly string[]; limit?: number | undefined; cursor?: string | undefined }) {
  const limit = options.limit ?? 50;
  let query = innovationQueryBase(db);
  if (options.opd) query = query.where('innovations.opd_slug', '=', options.opd);
  if (options.statuses) query = query.where('innovations.status', 'in', options.statuses as string[]);
  if (options.cursor) {
    const [after] = decodeKey(options.cursor, isStaffCursor);
    query = query.where('innovations.id', '<', after);
  }
  const rows = (await query.orderBy('innovations.id', 'desc').limit(limit + 1).execute()) as InnovationRow[];
  const { page, nextCursor } = pageBy(rows, limit, (r) => [r.id]);
  return { data: await staffViews(db, page, await viewContext(db, c)), nextCursor };
}

async function auditContactRead(db: InnovationsDb, actor: Actor, opd: string, ids: number[], now: Date): Promise<void> {
  if (ids.length > 0) await audit(db, { actor, action: 'innovation.view', subject: `innovations:${ids.join(',')}`, opd, detail: { count: ids.length } }, now);
}

const staffList = route({
  endpoint: endpoints.staffList,
  summary: 'List the OPD’s innovations (staff)',
  description: 'Every innovation of the OPD in any status, newest first, with the contact person, the review log, evidence gaps and the estimate. The read of contact persons is audited.',
  docs: { status: 'Only this status.', ...pageDocs(50) },
  async handler({ c, deps, opd, query, actor, now }) {
    const db = innovationsDb(deps.db);
    const page = await staffPage(db, c, { opd: opd.slug, statuses: query.status ? [query.status] : undefined, limit: query.limit, cursor: query.cursor });
    await auditContactRead(db, actor, opd.slug, page.data.filter((i) => i.contact).map((i) => i.id), now);
    return { body: page };
  },
});

const staffGet = route({
  endpoint: endpoints.staffGet,
  summary: 'Read one of the OPD’s innovations (staff)',
  description: 'Any status, with the contact person (the read is audited) and the review log.',
  ...byId,
  async handler({ c, deps, opd, params, actor, now }) {
    const db = innovationsDb(deps.db);
    const row = await innovationById(db, params.id);
    if (!row || row.opd_slug !== opd.slug) throw noInnovation(params.id, opd.name);
    const view = (await staffViews(db, [row], await viewContext(db, c)))[0]!;
    await auditContactRead(db, actor, opd.slug, view.contact ? [view.id] : [], now);
    return { body: view };
  },
});

const create = route({
  endpoint: endpoints.create,
  summary: 'Register an innovation as a draft (staff)',
  description: 'A new draft of the OPD: name, type, digital, stage and its dates, start date, problem, solution, benefits, results, budget source and the contact person (staff-only). The year defaults to the configured assessment year. Evidence is uploaded per indicator afterwards; the OPD submits when ready. Honours `Idempotency-Key` (the same key and body answer the first draft again, with `Idempotent-Replayed: true`; the key with another body is a 422).',
  returns: 'The draft, as staff see it.',
  async handler({ c, deps, opd, body, actor, now, onceInStatement }) {
    checkDates(body);
    // The key commits with the draft, or neither does: a form sending again after a lost answer registers it once.
    const result = await onceInStatement((base, claim) =>
      claimedInTransaction(innovationsDb(base), claim, async (trx) => {
        const settings = await settingsOf(trx, now, deps.settings.timeZone);
        const row = await trx
          .insertInto('innovations')
          .values({ ...newRowColumns(body, settings.year), opd_slug: opd.slug, status: 'draft', created_at: now, updated_at: now, created_by: actor.id, updated_by: actor.id } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit(trx, { actor, action: 'innovation.create', subject: `innovation:${row.id}`, opd: opd.slug, detail: { type: body.type, stage: body.stage } }, now);
        return staffOne(trx, c, row.id);
      }),
    );
    return { body: result.body, headers: replayHeaders(result) };
  },
});

const edit = route({
  endpoint: endpoints.edit,
  summary: 'Edit a draft or returned innovation (staff)',
  description: 'Changes any field of a draft or of one the reviewer returned (it stays returned until submitted again). A submitted or verified innovation is not edited (409).',
  returns: 'The innovation, as staff see it.',
  ...byId,
  async handler({ c, deps, opd, params, body, actor, now }) {
    checkDates(body);
    return innovationsDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const row = await ownInnovation(trx, opd, params.id);
        checkEditable(row);
        const columns = columnsOf(body);
        if (Object.keys(columns).length > 0) {
          await trx.updateTable('innovations').set({ ...columns, updated_at: now, updated_by: actor.id } as never).where('id', '=', row.id).execute();
          await audit(trx, { actor, action: 'innovation.edit', subject: `innovation:${row.id}`, opd: opd.slug, detail: { fields: Object.keys(body) } }, now);
        }
        return { body: await staffOne(trx, c, row.id) };
      });
  },
});

const submit = route({
  endpoint: endpoints.submit,
  summary: 'Submit an innovation for review (staff)',
  description: 'Sends a draft or a returned innovation to the reviewer (Bappeda). It needs the date of its stage and a contact person (422 naming each missing field). Evidence gaps do not stop it: the board lists them.',
  returns: 'The innovation, submitted.',
  ...byId,
  async handler({ c, deps, opd, params, actor, now }) {
    return innovationsDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const row = await ownInnovation(trx, opd, params.id);
        checkEditable(row);
        const issues = submitIssues(row);
        if (issues.length > 0) throw validationProblem(issues, 'Complete the innovation before submitting it');
        await trx.updateTable('innovations').set({ status: 'submitted', submitted_at: now, updated_at: now, updated_by: actor.id }).where('id', '=', row.id).execute();
        await trx.insertInto('innovation_reviews').values({ innovation_id: row.id, at: now, action: 'submitted', comment: null, actor_id: actor.id, actor_name: actor.name }).execute();
        await audit(trx, { actor, action: 'innovation.submit', subject: `innovation:${row.id}`, opd: opd.slug }, now);
        await emitEvent(trx, 'innovation.submitted', { opd: opd.slug, innovationId: row.id }, now);
        return { body: await staffOne(trx, c, row.id) };
      });
  },
});

const uploadEvidence = route({
  endpoint: endpoints.uploadEvidence,
  summary: 'Upload evidence for an indicator (staff)',
  description:
    'The body is the file’s bytes (any Content-Type: the content decides): a PDF (header and trailer checked; none with JavaScript or launch actions), a JPEG or a PNG, at most 2 MB (413 beyond; 415 for any other or a broken file, or an image over 16,384 pixels a side or 40 megapixels). An image’s EXIF (with GPS), XMP, IPTC, comments and text chunks are removed before it is stored. `{indicator}` is an evidence indicator of the innovation’s year’s model (422 otherwise); `?title=` names it (default: the indicator). Only on a draft or returned innovation; at most 60 files each.',
  returns: 'The innovation with the file.',
  bodyBytes: EVIDENCE_MAX_BYTES,
  docs: { indicator: { description: 'An evidence indicator id of the year’s model, e.g. `regulasi`.', schema: { type: 'string' } }, title: 'The file’s title.' },
  notFound: (param: string, value: string) => (param === 'indicator' ? `"${value}" is not an indicator id: use one such as regulasi` : `No innovation has the id "${value}"`),
  async handler({ c, deps, opd, params, query, actor, now }) {
    const upload = await bodyBytes(c, EVIDENCE_MAX_BYTES, `An evidence file may be at most 2 MB (${EVIDENCE_MAX_BYTES} bytes): scan at 150 dpi or compress the PDF`);
    let file;
    try {
      file = readEvidence(upload);
    } catch (error) {
      if (!(error instanceof EvidenceError)) throw error;
      throw new ProblemError('unsupported-media-type', { detail: error.message, errors: [{ path: 'file', message: error.message, code: 'invalid' }] });
    }
    const { mediaType, bytes } = file;
    return innovationsDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const row = await ownInnovation(trx, opd, params.id);
        checkEditable(row);
        const indicators = evidenceIndicators(await modelFor(trx, row.year));
        const indicator = indicators.find((i) => i.id === params.indicator);
        if (!indicator) {
          throw validationProblem([{ path: 'indicator', message: `The ${row.year} model has no evidence indicator "${params.indicator}"; use one of: ${indicators.map((i) => i.id).join(', ')}`, code: 'notAllowed' }]);
        }
        const held = await trx.selectFrom('innovation_evidence').select((eb) => eb.fn.countAll<string>().as('n')).where('innovation_id', '=', row.id).executeTakeFirstOrThrow();
        if (Number(held.n) >= EVIDENCE_MAX_FILES) throw new ProblemError('conflict', { detail: `Innovation ${row.id} already holds ${EVIDENCE_MAX_FILES} evidence files: remove one first` });
        const id = randomBytes(15).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 20);
        await trx
          .insertInto('innovation_evidence')
          .values({ id, innovation_id: row.id, indicator_id: indicator.id, title: query.title ?? indicator.name, media_type: mediaType, byte_size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), data: bytes, created_at: now, created_by: actor.id })
          .execute();
        await trx.updateTable('innovations').set({ updated_at: now, updated_by: actor.id }).where('id', '=', row.id).execute();
        await audit(trx, { actor, action: 'innovation.evidence.add', subject: `innovation:${row.id}`, opd: opd.slug, detail: { file: id, indicator: indicator.id, mediaType, bytes: bytes.length } }, now);
        return { body: await staffOne(trx, c, row.id) };
      });
  },
});

const deleteEvidence = route({
  endpoint: endpoints.deleteEvidence,
  summary: 'Remove an evidence file (staff)',
  description: 'Removes a file from a draft or returned innovation.',
  returns: 'The innovation without the file.',
  ...byId,
  async handler({ c, deps, opd, params, actor, now }) {
    return innovationsDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const row = await ownInnovation(trx, opd, params.id);
        checkEditable(row);
        const removed = await trx.deleteFrom('innovation_evidence').where('id', '=', params.file).where('innovation_id', '=', row.id).returning('indicator_id').executeTakeFirst();
        if (!removed) throw new ProblemError('not-found', { detail: `Innovation ${row.id} has no evidence file ${params.file}` });
        await audit(trx, { actor, action: 'innovation.evidence.remove', subject: `innovation:${row.id}`, opd: opd.slug, detail: { file: params.file, indicator: removed.indicator_id } }, now);
        return { body: await staffOne(trx, c, row.id) };
      });
  },
});

/** The reviewer's checks: the path's OPD is the configured reviewer, and the caller one of its staff. */
async function asReviewer(db: InnovationsDb, opd: OpdRow, actor: Actor, now: Date, timeZone: Parameters<typeof settingsOf>[2], write: boolean): Promise<void> {
  const settings = await settingsOf(db, now, timeZone);
  if (opd.slug !== settings.reviewerOpd) throw new ProblemError('not-found', { detail: `${opd.name} does not review innovations: the reviewer is ${settings.reviewerOpd}` });
  if (write && actor.opd !== settings.reviewerOpd) {
    throw new ProblemError('forbidden', { detail: `Only the reviewer OPD’s own staff (${settings.reviewerOpd}) verify or return innovations; a regency admin sets who reviews` });
  }
}

const reviewQueue = route({
  endpoint: endpoints.reviewQueue,
  summary: 'The review queue (reviewer OPD)',
  description: 'For the reviewer OPD (Bappeda) only — another OPD has no queue (404): innovations of every OPD, submitted ones unless `status` says otherwise, newest first, with contact persons (the read is audited).',
  docs: { status: 'Only this status (default: submitted).', ...pageDocs(50) },
  async handler({ c, deps, opd, query, actor, now }) {
    const db = innovationsDb(deps.db);
    await asReviewer(db, opd, actor, now, deps.settings.timeZone, false);
    const page = await staffPage(db, c, { statuses: [query.status ?? 'submitted'], limit: query.limit, cursor: query.cursor });
    await auditContactRead(db, actor, opd.slug, page.data.filter((i) => i.contact).map((i) => i.id), now);
    return { body: page };
  },
});

function reviewRoute(kind: 'verify' | 'return') {
  const endpoint = kind === 'verify' ? endpoints.verify : endpoints.return;
  return route({
    endpoint,
    summary: kind === 'verify' ? 'Verify a submitted innovation (reviewer OPD)' : 'Return a submitted innovation with comments (reviewer OPD)',
    description:
      kind === 'verify'
        ? 'Only the reviewer OPD’s staff (403 for anyone else, regency admins included): a submitted innovation becomes verified — public, counted on the board and exported — with an optional note. 409 unless submitted.'
        : 'Only the reviewer OPD’s staff: a submitted innovation goes back to its OPD with the comments it is to act on; the OPD edits it and submits again. 409 unless submitted.',
    returns: 'The innovation, as staff see it.',
    ...byId,
    async handler({ c, deps, opd, params, body, actor, now }) {
      return innovationsDb(deps.db)
        .transaction()
        .execute(async (trx) => {
          await asReviewer(trx, opd, actor, now, deps.settings.timeZone, true);
          const row = await innovationById(trx, params.id, true);
          if (!row) throw new ProblemError('not-found', { detail: `No innovation has the id ${params.id}` });
          if (row.status !== 'submitted') throw new ProblemError('conflict', { detail: `Innovation ${row.id} is ${row.status}: only a submitted innovation is reviewed` });
          const comment = body.comment ?? null;
          await trx
            .updateTable('innovations')
            .set({ status: kind === 'verify' ? 'verified' : 'returned', review_comment: comment, verified_at: kind === 'verify' ? now : null, updated_at: now, updated_by: actor.id })
            .where('id', '=', row.id)
            .execute();
          await trx.insertInto('innovation_reviews').values({ innovation_id: row.id, at: now, action: kind === 'verify' ? 'verified' : 'returned', comment, actor_id: actor.id, actor_name: actor.name }).execute();
          await audit(trx, { actor, action: `innovation.${kind}`, subject: `innovation:${row.id}`, opd: row.opd_slug, detail: { reviewer: opd.slug } }, now);
          await emitEvent(trx, kind === 'verify' ? 'innovation.verified' : 'innovation.returned', { opd: row.opd_slug, innovationId: row.id, reviewer: opd.slug }, now);
          return { body: await staffOne(trx, c, row.id) };
        });
    },
  });
}

const settings = route({
  endpoint: endpoints.settings,
  summary: 'Read the innovation settings (staff)',
  description: 'The reviewer OPD, the deadline and the assessment year.',
  async handler({ deps, now }) {
    return { body: await settingsOf(innovationsDb(deps.db), now, deps.settings.timeZone) };
  },
});

const putSettings = route({
  endpoint: endpoints.putSettings,
  summary: 'Set the innovation settings (regency admin)',
  description: 'Which OPD reviews (an existing OPD: 422 otherwise), the deadline (`null`: none) and the assessment year.',
  async handler({ deps, body, actor, now }) {
    return innovationsDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const reviewer = await trx.selectFrom('opds').select('slug').where('slug', '=', body.reviewerOpd).executeTakeFirst();
        if (!reviewer) throw validationProblem([{ path: 'reviewerOpd', message: `No OPD has the slug "${body.reviewerOpd}"`, code: 'notAllowed' }]);
        if (body.deadline && Number.isNaN(Date.parse(`${body.deadline}T00:00:00Z`))) throw validationProblem([{ path: 'deadline', message: `${body.deadline} is not a day of the calendar`, code: 'format' }]);
        await trx
          .insertInto('innovation_settings')
          .values({ id: 'regency', reviewer_opd: body.reviewerOpd, deadline: body.deadline, year: body.year, updated_at: now })
          .onConflict((oc) => oc.column('id').doUpdateSet({ reviewer_opd: body.reviewerOpd, deadline: body.deadline, year: body.year, updated_at: now }))
          .execute();
        await audit(trx, { actor, action: 'innovation.settings', subject: 'innovation-settings', detail: { reviewerOpd: body.reviewerOpd, deadline: body.deadline, year: body.year } }, now);
        return { body: await settingsOf(trx, now, deps.settings.timeZone) };
      });
  },
});

/** Every route, static paths before `{id}` so `progress` is not read as an id. */
export const innovationRoutes = [
  progress,
  model,
  exportCsv,
  catalogue,
  getOne,
  staffList,
  create,
  staffGet,
  edit,
  submit,
  uploadEvidence,
  deleteEvidence,
  reviewQueue,
  reviewRoute('verify'),
  reviewRoute('return'),
  settings,
  putSettings,
];
