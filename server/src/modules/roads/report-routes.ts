/**
 * Perjaka's report routes in our own API, one per endpoint of `roadReportEndpoints`:
 * - public: the services with their attributes, file a report (idempotent, rate-limited), list
 *   and read reports and their updates, upload a photo (its bytes as the body, at most 5 MB);
 * - staff: the inbox with the reporters' contact (every read audited), status and resolution,
 *   moderation (hide the description, photo or address with a public reason), merging a
 *   duplicate, posting an update; OPD admins issue and revoke Open311 API keys.
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { sql, type Kysely } from 'kysely';
import { PHOTO_MAX_BYTES, type ReportResolution } from '../../../../src/schemas/open311.js';
import { roadReportEndpoints as endpoints, type ApiKeyRole, type Open311ApiKey } from '../../../../src/schemas/open311-staff.js';
import { audit } from '../../db/audit.js';
import { emitEvent } from '../../jobs/contract.js';
import type { Database, OpdRow } from '../../db/schema.js';
import { bodyBytes } from '../../http/body.js';
import { decodeKey, pageBy, pageDocs } from '../../http/cursor.js';
import type { AppEnv } from '../../http/env.js';
import { claimedInTransaction, type KeyClaim } from '../../http/idempotency.js';
import { route } from '../../http/module.js';
import { publicBaseOf } from '../../http/origin.js';
import { ProblemError, validationProblem } from '../../http/problem.js';
/** The rate-limit bucket every public write shares (SIAP's questions too). */
const PUBLIC_WRITE_BUCKET = 'public-write';
import { cleanPhoto, PhotoError } from './photos.js';
import {
  checkReport,
  findReport,
  findReports,
  insertReport,
  ownPhotoId,
  photoUrl,
  readFilters,
  reportContext,
  servicesOf,
  toReceipt,
  toReport,
  toReportService,
  toStaffReport,
  toUpdate,
  updatesOf,
  type ReportIssue,
} from './reports.js';
import { roadsDb, type ReportRow, type RoadsDb } from './tables.js';

/** Default page size of report lists. */
export const DEFAULT_REPORT_PAGE_SIZE = 50;

const NO_STORE = { 'Cache-Control': 'no-store' };

/** The 422 of a report's issues, naming each field. */
export function issuesProblem(issues: readonly ReportIssue[]): ProblemError {
  return validationProblem(issues.map((i) => ({ path: i.path, message: i.message, code: i.code === 'notFound' ? 'notAllowed' : i.code })));
}

const isReportCursor = (value: unknown): value is [string, string] =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && /^\d{1,16}$/.test(value[1]) && !Number.isNaN(Date.parse(value[0]));

const byId = {
  docs: { id: { description: 'The report’s `service_request_id`, e.g. `1042`.', schema: { type: 'string' } } },
  notFound: (_: string, value: string) => `No road report has the id "${value}": a report id is a number, like 1042`,
};

function noReport(id: string, opd: OpdRow): ProblemError {
  return new ProblemError('not-found', { detail: `${opd.name} has no road report ${id}` });
}

const originFor = publicBaseOf;

const services = route({
  endpoint: endpoints.services,
  summary: 'List report services',
  description: 'The services a damage report may be filed under (Open311 services), each with its attributes (the Open311 service definition) in their order.',
  async handler({ opd, deps }) {
    const rows = await servicesOf(roadsDb(deps.db), opd.slug);
    return { body: { data: rows.map(toReportService) }, headers: { 'Cache-Control': 'public, max-age=300' } };
  },
});

const create = route({
  endpoint: endpoints.create,
  summary: 'File a damage report',
  description:
    'Files a citizen’s damage report (an Open311 service request, in its field names): exactly one location (`lat` with `long` — an `address_string` may describe the point — or `address_string`, or `address_id`), the service’s required attributes, and as `media_url` only a photo uploaded to this OPD. Contact is optional, needs `consent`, and is never public. The receipt names the segment matched within 200 m and the open reports of the same service within 50 m (possible duplicates). Honours `Idempotency-Key`; limited per client per minute.',
  returns: 'Filed.',
  rateLimit: PUBLIC_WRITE_BUCKET,
  async handler({ c, opd, body, now, deps, onceInStatement }) {
    const db = roadsDb(deps.db);
    const checked = await checkReport(db, opd, body, { requireConsent: true });
    if ('issues' in checked) throw issuesProblem(checked.issues);
    const origin = originFor(c);
    const result = await onceInStatement((base, claim) => fileReport(base, opd, body, checked.checked, now, claim, origin, deps.settings.timeZone, null));
    const headers: Record<string, string> = { Location: `/api/v1/opds/${opd.slug}/road-reports/${result.body.service_request_id}`, ...NO_STORE };
    if (result.replayed) headers['Idempotent-Replayed'] = 'true';
    else deps.log.info('road report filed', { opd: opd.slug, id: result.body.service_request_id });
    return { body: result.body, headers };
  },
});

/**
 * Stores a report and, with a key, claims it in the same transaction (the key and the report
 * commit together); `KEY_NOT_CLAIMED` when another request holds the key.
 */
export async function fileReport(
  base: Kysely<Database>,
  opd: OpdRow,
  body: Parameters<typeof insertReport>[2],
  checked: Parameters<typeof insertReport>[3],
  now: Date,
  claim: KeyClaim | undefined,
  origin: string,
  timeZone: Parameters<typeof reportContext>[3],
  apiKeyId: string | null,
) {
  return claimedInTransaction(roadsDb(base), claim, async (trx) => {
    const { row, duplicates } = await insertReport(trx, opd, body, checked, now, { apiKeyId, consent: body.consent === true });
    await emitEvent(trx, 'road-report.received', { opd: opd.slug, reportId: String(row.id), serviceCode: row.service_code, status: row.status, segmentId: row.segment_id }, now);
    const ctx = await reportContext(trx, opd, [row], timeZone, origin);
    return toReceipt(row, ctx, duplicates);
  });
}

const list = route({
  endpoint: endpoints.list,
  summary: 'List damage reports',
  description:
    'Reports newest first, in Open311’s field names and filters: `service_request_id` (comma-separated; overrides the rest), `service_code`, `status` (`open`, `closed`), `start_date`/`end_date` (W3C with offset, at most 90 days apart; the latest 90 days by default). No personal data.',
  docs: { ...pageDocs(DEFAULT_REPORT_PAGE_SIZE) },
  async handler({ c, opd, query, now, deps }) {
    const read = readFilters(query, now);
    if ('issue' in read) throw issuesProblem([read.issue]);
    const limit = query.limit ?? DEFAULT_REPORT_PAGE_SIZE;
    const key = query.cursor ? decodeKey(query.cursor, isReportCursor) : undefined;
    const db = roadsDb(deps.db);
    const rows = await findReports(db, opd.slug, read.filters, limit + 1, key ? { at: new Date(key[0]), id: key[1] } : undefined);
    const { page, nextCursor } = pageBy(rows, limit, (row) => [new Date(row.requested_at).toISOString(), String(row.id)]);
    const ctx = await reportContext(db, opd, page, deps.settings.timeZone, originFor(c));
    return { body: { data: page.map((row) => toReport(row, ctx)), nextCursor }, headers: NO_STORE };
  },
});

const get = route({
  endpoint: endpoints.get,
  summary: 'Read a damage report',
  description: 'One report: status, resolution, segment, the public note of a moderation. No personal data.',
  ...byId,
  async handler({ c, opd, params, deps }) {
    const db = roadsDb(deps.db);
    const row = await findReport(db, opd.slug, params.id);
    if (!row) throw noReport(params.id, opd);
    const ctx = await reportContext(db, opd, [row], deps.settings.timeZone, originFor(c));
    return { body: toReport(row, ctx), headers: NO_STORE };
  },
});

const updates = route({
  endpoint: endpoints.updates,
  summary: 'List a report’s updates',
  description: 'The updates posted on a report by stakeholders (camat, kepala desa, kontraktor, pengawas) and officers, oldest first, with their role.',
  ...byId,
  async handler({ c, opd, params, deps }) {
    const db = roadsDb(deps.db);
    const row = await findReport(db, opd.slug, params.id);
    if (!row) throw noReport(params.id, opd);
    const rows = await updatesOf(db, [String(row.id)]);
    const ctx = await reportContext(db, opd, [], deps.settings.timeZone, originFor(c), rows.map((u) => u.photo_id));
    return { body: { data: rows.map((u) => toUpdate(u, ctx)) }, headers: NO_STORE };
  },
});

const uploadPhoto = route({
  endpoint: endpoints.uploadPhoto,
  summary: 'Upload a report photo',
  description:
    'The body is the photo’s bytes (any Content-Type: the content decides): JPEG, PNG or WebP, at most 5 MB (413 beyond), at most 16,384 pixels a side and 40 megapixels (415 for a pixel flood or any other file). EXIF (with GPS), XMP, IPTC, comments and text chunks are removed before it is stored; the answer’s `mediaUrl` is what a report sends as `media_url`. Limited per client per minute.',
  returns: 'Stored.',
  rateLimit: PUBLIC_WRITE_BUCKET,
  async handler({ c, opd, now, deps }) {
    const bytes = await bodyBytes(c, PHOTO_MAX_BYTES, `A photo may be at most 5 MB (${PHOTO_MAX_BYTES} bytes)`, 'photo');
    let photo;
    try {
      photo = cleanPhoto(bytes);
    } catch (error) {
      if (!(error instanceof PhotoError)) throw error;
      throw new ProblemError('unsupported-media-type', {
        detail: error.message,
        errors: [{ path: 'photo', message: error.message, code: 'invalid' }],
      });
    }
    const id = randomBytes(15).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0');
    await roadsDb(deps.db)
      .insertInto('road_report_photos')
      .values({ id, opd_slug: opd.slug, media_type: photo.mediaType, data: photo.bytes, width: photo.width, height: photo.height, byte_size: photo.bytes.length, created_at: now })
      .execute();
    return {
      body: { id, mediaUrl: photoUrl(originFor(c), id, photo.mediaType), mediaType: photo.mediaType, width: photo.width, height: photo.height, bytes: photo.bytes.length },
      headers: NO_STORE,
    };
  },
});

/** Staff views of `rows` with their sources (API keys' names). */
async function staffViews(db: RoadsDb, c: Context<AppEnv>, opd: OpdRow, rows: ReportRow[], timeZone: Parameters<typeof reportContext>[3]) {
  const ctx = await reportContext(db, opd, rows, timeZone, originFor(c));
  const keyIds = [...new Set(rows.map((r) => r.api_key_id).filter((id): id is string => id !== null))];
  const keys = keyIds.length ? await db.selectFrom('open311_api_keys').select(['id', 'name']).where('id', 'in', keyIds).execute() : [];
  const names = new Map(keys.map((k) => [k.id, k.name]));
  return rows.map((row) => toStaffReport(row, ctx, row.api_key_id ? (names.get(row.api_key_id) ?? null) : null));
}

const staffList = route({
  endpoint: endpoints.staffList,
  summary: 'List damage reports with contact (staff)',
  description: 'Reports newest first with the reporter’s contact, the moderation state and possible duplicates. The read is recorded in the audit log.',
  docs: { ...pageDocs(DEFAULT_REPORT_PAGE_SIZE), duplicates: '`true`: only reports with a possible duplicate that are not merged yet.', resolution: 'Only reports with this resolution (`fixed`, `scheduled`, `duplicate`, `not_regency_road`, `not_found`, `no_action`), or `none`: those without one yet.' },
  async handler({ c, opd, query, now, deps, actor }) {
    const db = roadsDb(deps.db);
    const limit = query.limit ?? DEFAULT_REPORT_PAGE_SIZE;
    const key = query.cursor ? decodeKey(query.cursor, isReportCursor) : undefined;
    let q = db.selectFrom('road_reports').selectAll().where('opd_slug', '=', opd.slug);
    if (query.status) q = q.where('status', '=', query.status);
    if (query.service_code) q = q.where('service_code', '=', query.service_code);
    if (query.duplicates === 'true') q = q.where(sql<boolean>`jsonb_array_length(possible_duplicates) > 0`).where('duplicate_of', 'is', null);
    if (query.duplicates === 'false') q = q.where(sql<boolean>`jsonb_array_length(possible_duplicates) = 0`);
    if (query.resolution === 'none') q = q.where('resolution', 'is', null);
    else if (query.resolution) q = q.where('resolution', '=', query.resolution);
    if (key) {
      const at = new Date(key[0]);
      q = q.where((eb) => eb.or([eb('requested_at', '<', at), eb.and([eb('requested_at', '=', at), eb('id', '<', key[1])])]));
    }
    const rows = await q.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const { page, nextCursor } = pageBy(rows, limit, (row) => [new Date(row.requested_at).toISOString(), String(row.id)]);
    const data = await staffViews(db, c, opd, page, deps.settings.timeZone);
    await audit(db, { actor, action: 'road-report.list', subject: `opd:${opd.slug}`, opd: opd.slug, detail: { filters: { status: query.status, service_code: query.service_code, duplicates: query.duplicates, resolution: query.resolution, cursor: query.cursor }, reports: page.map((r) => String(r.id)) } }, now);
    return { body: { data, nextCursor }, headers: NO_STORE };
  },
});

/** The answer of a staff route about one report: its staff view, not to be cached. */
async function staffAnswer(db: RoadsDb, c: Context<AppEnv>, opd: OpdRow, row: ReportRow) {
  const [view] = await staffViews(db, c, opd, [row], c.get('deps').settings.timeZone);
  return { body: view!, headers: NO_STORE };
}

/** A report of the route's OPD, or its 404. */
async function reportOf(db: RoadsDb, opd: OpdRow, id: string): Promise<ReportRow> {
  const row = await findReport(db, opd.slug, id);
  if (!row) throw noReport(id, opd);
  return row;
}

const staffGet = route({
  endpoint: endpoints.staffGet,
  summary: 'Read a damage report with contact (staff)',
  description: 'One report with the reporter’s contact, the original text and the moderation. The read is recorded in the audit log.',
  ...byId,
  async handler({ c, opd, params, now, deps, actor }) {
    const db = roadsDb(deps.db);
    const row = await reportOf(db, opd, params.id);
    await audit(db, { actor, action: 'road-report.view', subject: `road-report:${params.id}`, opd: opd.slug }, now);
    return staffAnswer(db, c, opd, row);
  },
});

const setStatus = route({
  endpoint: endpoints.setStatus,
  summary: 'Set a report’s status and resolution (staff)',
  description: 'Sets `status` (open, closed), `resolution` (fixed, scheduled, duplicate, not_regency_road, not_found, no_action), the public `status_notes` and `expected_datetime`. Closed is not fixed: a closed report says its resolution. A change of status or resolution is also an update in the public timeline (role `petugas`, the OPD as author, e.g. “Laporan ditutup — sudah diperbaiki.”). Audited.',
  ...byId,
  async handler({ c, opd, params, body, now, deps, actor }) {
    const db = roadsDb(deps.db);
    const row = await reportOf(db, opd, params.id);
    const status = body.status ?? row.status;
    const resolution = body.resolution === undefined ? row.resolution : body.resolution;
    if (status === 'closed' && !resolution) {
      throw validationProblem([{ path: 'resolution', message: 'Say how the report was resolved when closing it: closed is not fixed', code: 'required' }]);
    }
    const updated = await db.transaction().execute(async (trx) => {
      const next = await trx
        .updateTable('road_reports')
        .set({
          status,
          resolution,
          ...(body.status_notes === undefined ? {} : { status_notes: body.status_notes }),
          ...(body.expected_datetime === undefined ? {} : { expected_at: body.expected_datetime }),
          updated_at: now,
        })
        .where('id', '=', params.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (status !== row.status || resolution !== row.resolution) {
        await recordStatusChange(trx, opd, row, { status, resolution, note: body.status_notes ?? null, staffId: actor.id }, now);
      }
      await audit(trx, { actor, action: 'road-report.status', subject: `road-report:${params.id}`, opd: opd.slug, detail: { from: { status: row.status, resolution: row.resolution }, to: { status, resolution } } }, now);
      return next;
    });
    return staffAnswer(db, c, opd, updated);
  },
});

const moderate = route({
  endpoint: endpoints.moderate,
  summary: 'Moderate a report (staff)',
  description:
    'Hides the description (or shows an edited text instead), the photo or the address from the public, with a reason shown publicly as `moderation_notes`. The original stays for staff; sending `false` shows a part again. Audited with the reason.',
  ...byId,
  async handler({ c, opd, params, body, now, deps, actor }) {
    const db = roadsDb(deps.db);
    const row = await reportOf(db, opd, params.id);
    const updated = await db.transaction().execute(async (trx) => {
      const next = await trx
        .updateTable('road_reports')
        .set({
          description_hidden: body.hide_description ?? (body.description !== undefined ? true : row.description_hidden),
          public_description: body.description !== undefined ? body.description || null : body.hide_description === false ? null : row.public_description,
          photo_hidden: body.hide_photo ?? row.photo_hidden,
          address_hidden: body.hide_address ?? row.address_hidden,
          moderation_reason: body.reason,
          moderated_at: now,
          moderated_by: actor.name,
          updated_at: now,
        })
        .where('id', '=', params.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, { actor, action: 'road-report.moderate', subject: `road-report:${params.id}`, opd: opd.slug, detail: { hide_description: body.hide_description, edited: body.description !== undefined, hide_photo: body.hide_photo, hide_address: body.hide_address, reason: body.reason } }, now);
      return next;
    });
    return staffAnswer(db, c, opd, updated);
  },
});

const merge = route({
  endpoint: endpoints.merge,
  summary: 'Merge a duplicate report (staff)',
  description: 'Closes the report with resolution `duplicate`, pointing to the report it repeats (`duplicate_of`), and says so in its public timeline. Audited.',
  ...byId,
  async handler({ c, opd, params, body, now, deps, actor }) {
    const db = roadsDb(deps.db);
    const row = await reportOf(db, opd, params.id);
    if (body.into === params.id) throw validationProblem([{ path: 'into', message: 'A report cannot be merged into itself', code: 'invalid' }]);
    const target = await findReport(db, opd.slug, body.into);
    if (!target) throw validationProblem([{ path: 'into', message: `${opd.name} has no report ${body.into}`, code: 'notAllowed' }]);
    if (target.duplicate_of !== null) throw new ProblemError('conflict', { detail: `Report ${body.into} is itself merged into ${target.duplicate_of}: merge into that one` });
    const updated = await db.transaction().execute(async (trx) => {
      const next = await trx
        .updateTable('road_reports')
        .set({ status: 'closed', resolution: 'duplicate', duplicate_of: Number(body.into), status_notes: `Sama dengan laporan ${body.into}`, updated_at: now })
        .where('id', '=', params.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      // Reports merged into this one follow it.
      await trx.updateTable('road_reports').set({ duplicate_of: Number(body.into), updated_at: now }).where('duplicate_of', '=', params.id).execute();
      await recordStatusChange(trx, opd, row, { status: 'closed', resolution: 'duplicate', note: `Sama dengan laporan ${body.into}.`, staffId: actor.id }, now);
      await audit(trx, { actor, action: 'road-report.merge', subject: `road-report:${params.id}`, opd: opd.slug, detail: { into: body.into, was: { status: row.status, resolution: row.resolution } } }, now);
      return next;
    });
    return staffAnswer(db, c, opd, updated);
  },
});

/** How the public timeline says a resolution, in Indonesian. */
const RESOLUTION_WORDS: Readonly<Record<ReportResolution, string>> = {
  fixed: 'sudah diperbaiki',
  scheduled: 'perbaikan dijadwalkan',
  duplicate: 'sama dengan laporan lain',
  not_regency_road: 'bukan jalan kabupaten, diteruskan ke pihak yang berwenang',
  not_found: 'kerusakan tidak ditemukan saat diperiksa',
  no_action: 'tidak memerlukan perbaikan',
};

/**
 * The public sentence of a status change: `Laporan ditutup — sudah diperbaiki.`, `Laporan masih
 * terbuka — perbaikan dijadwalkan.`, `Laporan dibuka kembali.`, then the officers' note if any.
 */
export function statusChangeText(from: string, status: string, resolution: string | null, note: string | null): string {
  const state = status === 'closed' ? 'Laporan ditutup' : from === 'closed' ? 'Laporan dibuka kembali' : 'Laporan masih terbuka';
  const how = resolution ? RESOLUTION_WORDS[resolution as ReportResolution] : undefined;
  const sentence = how ? `${state} — ${how}.` : `${state}.`;
  return note?.trim() ? `${sentence} ${note.trim()}` : sentence;
}

/**
 * Records a status or resolution change by staff as an update in the public timeline (as
 * FixMyStreet's updates carry the state they left a report in): role `petugas`, the OPD's name
 * as author, the new status and resolution and {@link statusChangeText}. In the caller's transaction.
 */
async function recordStatusChange(
  trx: RoadsDb,
  opd: OpdRow,
  row: ReportRow,
  change: { status: string; resolution: string | null; note: string | null; staffId: string },
  now: Date,
): Promise<void> {
  await emitStatusChange(trx, opd, row, change.status, change.resolution, now);
  await trx
    .insertInto('road_report_updates')
    .values({
      report_id: Number(row.id),
      opd_slug: opd.slug,
      status: change.status,
      resolution: change.resolution,
      description: statusChangeText(row.status, change.status, change.resolution, change.note),
      photo_id: null,
      role: 'petugas',
      author: opd.name,
      api_key_id: null,
      staff_id: change.staffId,
      created_at: now,
    })
    .execute();
}

/** Tells the outbox (webhooks) that a report's status or resolution moved, when it did. */
async function emitStatusChange(trx: RoadsDb, opd: OpdRow, row: ReportRow, status: string, resolution: string | null, now: Date): Promise<void> {
  if (status === row.status && resolution === row.resolution) return;
  await emitEvent(trx, 'road-report.status-changed', { opd: opd.slug, reportId: String(row.id), status, resolution, previousStatus: row.status, previousResolution: row.resolution }, now);
}

/** Stores an update and moves the report's status and resolution with it. */
export async function storeUpdate(
  db: RoadsDb,
  opd: OpdRow,
  row: ReportRow,
  input: { description: string; status?: string | undefined; resolution?: string | null | undefined; role: string; author: string; photoId: string | null; apiKeyId: string | null; staffId: string | null },
  now: Date,
) {
  const status = input.status ?? row.status;
  const resolution = input.resolution === undefined ? row.resolution : input.resolution;
  return db.transaction().execute(async (trx) => {
    const update = await trx
      .insertInto('road_report_updates')
      .values({ report_id: Number(row.id), opd_slug: opd.slug, status, resolution, description: input.description, photo_id: input.photoId, role: input.role, author: input.author, api_key_id: input.apiKeyId, staff_id: input.staffId, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.updateTable('road_reports').set({ status, resolution, updated_at: now }).where('id', '=', String(row.id)).execute();
    await emitStatusChange(trx, opd, row, status, resolution, now);
    return update;
  });
}

const postUpdate = route({
  endpoint: endpoints.postUpdate,
  summary: 'Post an update on a report (staff)',
  description: 'An update shown publicly with its role (`petugas` by default) and author (the OPD’s name by default); it may change the status and resolution (closing needs a resolution). Audited.',
  returns: 'Posted.',
  ...byId,
  async handler({ c, opd, params, body, now, deps, actor }) {
    const db = roadsDb(deps.db);
    const row = await reportOf(db, opd, params.id);
    const status = body.status ?? row.status;
    const resolution = body.resolution === undefined ? row.resolution : body.resolution;
    if (status === 'closed' && !resolution) throw validationProblem([{ path: 'resolution', message: 'Say how the report was resolved when closing it: closed is not fixed', code: 'required' }]);
    let photoId: string | null = null;
    if (body.media_url) {
      photoId = await ownPhotoId(db, opd.slug, body.media_url);
      if (!photoId) throw validationProblem([{ path: 'media_url', message: `Upload the photo to ${opd.name} first and send the media URL it answers`, code: 'notAllowed' }]);
    }
    const update = await storeUpdate(db, opd, row, { description: body.description, status: body.status, resolution: body.resolution, role: body.role ?? 'petugas', author: body.author || opd.name, photoId, apiKeyId: null, staffId: actor.id }, now);
    await audit(db, { actor, action: 'road-report.update', subject: `road-report:${params.id}`, opd: opd.slug, detail: { update: String(update.id), status, resolution } }, now);
    const ctx = await reportContext(db, opd, [], deps.settings.timeZone, originFor(c), [photoId]);
    return { body: toUpdate(update, ctx), headers: NO_STORE };
  },
});

/** SHA-256 of an API key, as stored. */
export function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Issues an Open311 API key for `opd` (the admin CLI and the staff route share it): the key is answered once and kept as its hash. */
export async function issueApiKey(db: RoadsDb, opd: string, input: { name: string; role: ApiKeyRole }, now: Date, by: string | null) {
  const id = randomBytes(8).toString('hex');
  const key = `o311_${randomBytes(24).toString('base64url')}`;
  const row = await db
    .insertInto('open311_api_keys')
    .values({ id, opd_slug: opd, name: input.name, role: input.role, key_hash: keyHash(key), created_at: now, created_by: by })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, key };
}

function toKey(row: { id: string; name: string; role: string; created_at: Date; revoked_at: Date | null; last_used_at: Date | null }, timeZone: Parameters<typeof reportContext>[3]): Open311ApiKey {
  const w3 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  void timeZone;
  return { id: row.id, name: row.name, role: row.role as ApiKeyRole, created_at: w3(row.created_at), revoked_at: row.revoked_at ? w3(row.revoked_at) : null, last_used_at: row.last_used_at ? w3(row.last_used_at) : null };
}

const listKeys = route({
  endpoint: endpoints.listKeys,
  summary: 'List Open311 API keys (OPD admin)',
  description: 'The keys issued to third-party apps and stakeholders (never the keys, which are kept only as SHA-256).',
  async handler({ opd, deps }) {
    const rows = await roadsDb(deps.db).selectFrom('open311_api_keys').selectAll().where('opd_slug', '=', opd.slug).orderBy('created_at').execute();
    return { body: { data: rows.map((r) => toKey(r, deps.settings.timeZone)) }, headers: NO_STORE };
  },
});

const issueKey = route({
  endpoint: endpoints.issueKey,
  summary: 'Issue an Open311 API key (OPD admin)',
  description: 'Issues a key for a third-party app (`app`: files requests) or a stakeholder (`camat`, `kepala_desa`, `kontraktor`, `pengawas`, `petugas`: also posts updates). The key is in this answer only. Audited.',
  returns: 'Issued.',
  async handler({ opd, body, now, deps, actor }) {
    const db = roadsDb(deps.db);
    const { row, key } = await issueApiKey(db, opd.slug, body, now, actor.id);
    await audit(db, { actor, action: 'open311-key.issue', subject: `open311-key:${row.id}`, opd: opd.slug, detail: { name: body.name, role: body.role } }, now);
    return { body: { ...toKey(row, deps.settings.timeZone), key }, headers: NO_STORE };
  },
});

const revokeKey = route({
  endpoint: endpoints.revokeKey,
  summary: 'Revoke an Open311 API key (OPD admin)',
  description: 'Open311 calls with the key answer 403 from then on. Audited.',
  async handler({ opd, params, now, deps, actor }) {
    const db = roadsDb(deps.db);
    const row = await db.updateTable('open311_api_keys').set({ revoked_at: now }).where('id', '=', params.id).where('opd_slug', '=', opd.slug).returningAll().executeTakeFirst();
    if (!row) throw new ProblemError('not-found', { detail: `${opd.name} has no Open311 key ${params.id}` });
    await audit(db, { actor, action: 'open311-key.revoke', subject: `open311-key:${row.id}`, opd: opd.slug }, now);
    return { body: toKey(row, deps.settings.timeZone), headers: NO_STORE };
  },
});

/** Every report route. */
export const reportRoutes = [services, create, list, get, updates, uploadPhoto, staffList, staffGet, setStatus, moderate, merge, postUpdate, listKeys, issueKey, revokeKey];
