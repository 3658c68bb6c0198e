/**
 * Citizens' damage reports, shared by our own API (`report-routes.ts`) and Open311
 * (`open311.ts`): checking a new report against its service (location, attributes, photo,
 * consent), matching it to the nearest segment within 200 m, finding open reports of the same
 * service within 50 m (possible duplicates), storing it, and the views — the Open311 request,
 * our public report (the same and a few fields more) and the staff's view with the contact.
 *
 * @module
 */
import {
  DUPLICATE_METRES,
  SEGMENT_MATCH_METRES,
  type Open311Attribute,
  type Open311Request,
  type Open311Service,
  type ReportResolution,
  type ReportStatus,
  type RoadReport,
  type RoadReportReceipt,
  type RoadReportService,
  type RoadReportUpdate,
  type StakeholderRole,
} from '../../../../src/schemas/open311.js';
import type { RoadReportStaff } from '../../../../src/schemas/open311-staff.js';
import { indonesianTimeZones, type IndonesianTimeZone } from '../../../../src/schemas/opds.js';
import type { RoadGeometry } from '../../../../src/schemas/roads.js';
import type { OpdRow } from '../../db/schema.js';
import { haversineMetres, INDONESIA_BOUNDS, type Bounds } from './geometry.js';
import { servicesOf } from './services.js';
import type { ReportRow, RoadsDb, ServiceRow, UpdateRow } from './tables.js';

/** Where photos are served: `/media/road-photos/{id}.{ext}` (a mount of its own, not under `/api`). */
export const PHOTO_PATH = '/media/road-photos';

const PHOTO_URL_PATTERN = /\/media\/road-photos\/([a-z0-9]{16,40})\.(jpg|png|webp)$/;

/** The id of one of our photos from its media URL (absolute or not), or undefined for any other address. */
export function photoIdOf(url: string): string | undefined {
  try {
    const path = new URL(url, 'http://x').pathname;
    return PHOTO_URL_PATTERN.exec(path)?.[1];
  } catch {
    return undefined;
  }
}

/** The id of the photo `mediaUrl` names when it was uploaded to `opd`, else null (another OPD's, or no photo of ours). */
export async function ownPhotoId(db: RoadsDb, opd: string, mediaUrl: string): Promise<string | null> {
  const id = photoIdOf(mediaUrl);
  if (!id) return null;
  const photo = await db.selectFrom('road_report_photos').select('id').where('id', '=', id).where('opd_slug', '=', opd).executeTakeFirst();
  return photo?.id ?? null;
}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** A photo's public address on the server at `origin`. */
export function photoUrl(origin: string, id: string, mediaType: string): string {
  return `${origin}${PHOTO_PATH}/${id}.${EXTENSIONS[mediaType] ?? 'jpg'}`;
}

/** A moment in W3C format with the regency's offset, as Open311 asks: `2025-03-05T10:00:00+07:00`. */
export function w3Time(at: Date | string, timeZone: IndonesianTimeZone): string {
  const date = at instanceof Date ? at : new Date(at);
  const offset = indonesianTimeZones[timeZone]?.utcOffsetMinutes ?? 420;
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}

/** One problem with a new report: the field (Open311's name) and what to do. */
export interface ReportIssue {
  path: string;
  message: string;
  /** `notFound`: an unknown service (Open311 answers 404 for it). */
  code: 'required' | 'invalid' | 'notAllowed' | 'notFound';
}

/** A new report as both APIs read it (Open311's names). */
export interface NewReport {
  service_code: string;
  description?: string | undefined;
  lat?: number | undefined;
  long?: number | undefined;
  address_string?: string | undefined;
  address_id?: string | undefined;
  media_url?: string | undefined;
  attribute?: Record<string, string | string[]> | undefined;
  email?: string | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
  phone?: string | undefined;
  device_id?: string | undefined;
  consent?: boolean | undefined;
}

export { servicesOf } from './services.js';

/** Open311's service entry. */
export function toService(row: ServiceRow): Open311Service {
  return {
    service_code: row.code,
    service_name: row.name,
    description: row.description,
    metadata: row.attributes.length > 0,
    type: 'realtime',
    keywords: row.keywords,
    group: row.group_name,
  };
}

/** A service with its attributes, for a report form. */
export function toReportService(row: ServiceRow): RoadReportService {
  return { ...toService(row), attributes: sortedAttributes(row) };
}

/** A service's attributes in their order. */
export function sortedAttributes(row: ServiceRow): Open311Attribute[] {
  // Rebuilt field by field in the spec's order: jsonb keeps an object's keys sorted its own way.
  return [...row.attributes]
    .sort((a, b) => a.order - b.order)
    .map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description,
      order: a.order,
      description: a.description,
      values: a.values.map((v) => ({ key: v.key, name: v.name })),
    }));
}

/** Checks a new report's attributes against its service's definition. */
function attributeIssues(service: ServiceRow, answers: Record<string, string | string[]>): ReportIssue[] {
  const issues: ReportIssue[] = [];
  const known = new Map(service.attributes.map((a) => [a.code, a]));
  for (const code of Object.keys(answers)) {
    if (!known.get(code)?.variable) issues.push({ path: `attribute[${code}]`, message: `The service ${service.code} has no attribute ${code}`, code: 'notAllowed' });
  }
  for (const attribute of service.attributes) {
    if (!attribute.variable) continue;
    const path = `attribute[${attribute.code}]`;
    const raw = answers[attribute.code];
    const values = raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) {
      if (attribute.required) issues.push({ path, message: `Answer: ${attribute.description}`, code: 'required' });
      continue;
    }
    const keys = attribute.values.map((v) => v.key);
    if (attribute.datatype === 'singlevaluelist' || attribute.datatype === 'multivaluelist') {
      if (attribute.datatype === 'singlevaluelist' && values.length > 1) issues.push({ path, message: 'Choose one value', code: 'invalid' });
      const wrong = values.filter((v) => !keys.includes(v));
      if (wrong.length > 0) issues.push({ path, message: `Use one of: ${keys.join(', ')}`, code: 'notAllowed' });
    } else if (values.length > 1) {
      issues.push({ path, message: 'Give one value', code: 'invalid' });
    } else if (attribute.datatype === 'number' && !Number.isFinite(Number(values[0]))) {
      issues.push({ path, message: 'Give a number', code: 'invalid' });
    } else if (attribute.datatype === 'datetime' && Number.isNaN(Date.parse(values[0]!))) {
      issues.push({ path, message: 'Give a date and time in ISO 8601, like 2025-03-05T10:00:00+07:00', code: 'invalid' });
    }
  }
  return issues;
}

/** What checking a new report found: its service, the photo it uses, and its normalized attributes. */
export interface CheckedReport {
  service: ServiceRow;
  photoId: string | null;
  attributes: Record<string, string | string[]>;
  point: readonly [number, number] | null;
}

/**
 * Checks a new report against `opd`'s services and photos: a known service; one location
 * (`lat` with `long` — an `address_string` may describe the point, as in the spec's example —
 * or an `address_string`, or an `address_id`); a point inside the regency's area; the service's
 * attributes; a `media_url` only of a photo uploaded to this OPD; and, when `requireConsent`,
 * consent with any contact given.
 */
export async function checkReport(
  db: RoadsDb,
  opd: OpdRow,
  input: NewReport,
  options: { requireConsent: boolean },
): Promise<{ issues: ReportIssue[] } | { checked: CheckedReport }> {
  const issues: ReportIssue[] = [];
  // Through servicesOf: an OPD filing its first report gets the default services first.
  const service = (await servicesOf(db, opd.slug)).find((s) => s.code === input.service_code);
  if (!service) issues.push({ path: 'service_code', message: `${opd.name} has no service ${input.service_code}: use a code from services.json`, code: 'notFound' });

  const hasLat = input.lat !== undefined;
  const hasLong = input.long !== undefined;
  const point = hasLat && hasLong;
  const address = Boolean(input.address_string);
  const addressId = Boolean(input.address_id);
  if (hasLat !== hasLong) {
    issues.push({ path: hasLat ? 'long' : 'lat', message: 'Send lat and long together', code: 'required' });
  } else if (!point && !address && !addressId) {
    issues.push({ path: 'lat', message: 'Give the location: lat and long, or address_string, or address_id', code: 'required' });
  } else if (addressId && (point || address)) {
    issues.push({ path: 'address_id', message: 'Give one location: lat and long, or address_string, or address_id, not several', code: 'notAllowed' });
  }
  if (point) {
    const network = await db.selectFrom('road_networks').select('bounds').where('opd_slug', '=', opd.slug).executeTakeFirst();
    const [west, south, east, north] = (network?.bounds ?? INDONESIA_BOUNDS) as Bounds;
    if (!(input.long! >= west && input.long! <= east && input.lat! >= south && input.lat! <= north)) {
      issues.push({ path: 'lat', message: `The point (lat ${input.lat}, long ${input.long}) is outside ${opd.name}'s area: check that lat and long are not swapped`, code: 'invalid' });
    }
  }

  const attributes = Object.fromEntries(
    Object.entries(input.attribute ?? {}).map(([code, value]) => [code, Array.isArray(value) ? value.map((v) => v.trim()) : value.trim()]),
  );
  if (service) issues.push(...attributeIssues(service, attributes));

  let photoId: string | null = null;
  if (input.media_url) {
    photoId = await ownPhotoId(db, opd.slug, input.media_url);
    if (!photoId) issues.push({ path: 'media_url', message: `Upload the photo to ${opd.name} first and send the media URL it answers`, code: 'notAllowed' });
  }

  const contact = Boolean(input.email || input.phone || input.first_name || input.last_name);
  if (options.requireConsent && contact && input.consent !== true) {
    issues.push({ path: 'consent', message: 'Agree to the processing of your contact details, or leave them out', code: 'required' });
  }
  if (issues.length > 0 || !service) return { issues };
  return { checked: { service, photoId, attributes, point: point ? [input.long!, input.lat!] : null } };
}

/** The nearest segment of `opd` within {@link SEGMENT_MATCH_METRES} of `point` (`[lon, lat]`), or null. */
export async function nearestSegment(db: RoadsDb, opd: string, point: readonly [number, number]): Promise<{ id: number; distance: number } | null> {
  const rows = await db.selectFrom('road_segments').select(['id', 'geometry']).where('opd_slug', '=', opd).where('geometry', 'is not', null).execute();
  const [lon0, lat0] = point;
  const mx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const my = 110_574;
  let best: { id: number; distance: number } | null = null;
  for (const row of rows) {
    const geometry = row.geometry as RoadGeometry;
    const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
    for (const line of lines) {
      for (let i = 0; i < line.length; i++) {
        const a = line[i]!;
        const b = line[i + 1] ?? a;
        // In metres on a plane around the point: good to well under a metre at 200 m.
        const ax = (a[0] - lon0) * mx;
        const ay = (a[1] - lat0) * my;
        const bx = (b[0] - lon0) * mx;
        const by = (b[1] - lat0) * my;
        const dx = bx - ax;
        const dy = by - ay;
        const len = dx * dx + dy * dy;
        const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
        const distance = Math.hypot(ax + t * dx, ay + t * dy);
        if (distance <= SEGMENT_MATCH_METRES && (!best || distance < best.distance)) best = { id: row.id, distance };
      }
    }
  }
  return best;
}

/** Open reports of `service` in `opd` within {@link DUPLICATE_METRES} of `point`, nearest first (`except` left out). */
export async function nearbyOpenReports(
  db: RoadsDb,
  opd: string,
  service: string,
  point: readonly [number, number],
  except?: string,
): Promise<Array<{ service_request_id: string; distance_m: number }>> {
  const [lon, lat] = point;
  const box = 0.001; // about 110 m: the 50 m circle fits inside
  let query = db
    .selectFrom('road_reports')
    .select(['id', 'lat', 'lon'])
    .where('opd_slug', '=', opd)
    .where('service_code', '=', service)
    .where('status', '=', 'open')
    .where('duplicate_of', 'is', null)
    .where('lat', '>=', lat - box)
    .where('lat', '<=', lat + box)
    .where('lon', '>=', lon - box)
    .where('lon', '<=', lon + box);
  if (except) query = query.where('id', '!=', except);
  const rows = await query.execute();
  return rows
    .map((row) => ({ service_request_id: String(row.id), distance_m: Math.round(haversineMetres([row.lon!, row.lat!], [lon, lat])) }))
    .filter((row) => row.distance_m <= DUPLICATE_METRES)
    .sort((a, b) => a.distance_m - b.distance_m);
}

/** What a stored report needs besides its row to be shown. */
export interface ReportContext {
  opd: OpdRow;
  /** Service names by code (retired services too). */
  services: ReadonlyMap<string, ServiceRow>;
  /** Segments by id: number and name. */
  segments: ReadonlyMap<number, { number: string; name: string }>;
  /** Photos' media types by id. */
  photos: ReadonlyMap<string, string>;
  timeZone: IndonesianTimeZone;
  /** The server's origin, for media URLs. */
  origin: string;
}

/** Loads what {@link toOpen311} and friends need for `rows`. */
export async function reportContext(db: RoadsDb, opd: OpdRow, rows: readonly Pick<ReportRow, 'segment_id' | 'photo_id'>[], timeZone: IndonesianTimeZone, origin: string, extraPhotos: readonly (string | null)[] = []): Promise<ReportContext> {
  const services = await db.selectFrom('road_report_services').selectAll().where('opd_slug', '=', opd.slug).execute();
  const segmentIds = [...new Set(rows.map((r) => r.segment_id).filter((id): id is number => id !== null))];
  const photoIds = [...new Set([...rows.map((r) => r.photo_id), ...extraPhotos].filter((id): id is string => id !== null))];
  const segments = segmentIds.length ? await db.selectFrom('road_segments').select(['id', 'number', 'name']).where('id', 'in', segmentIds).execute() : [];
  const photos = photoIds.length ? await db.selectFrom('road_report_photos').select(['id', 'media_type']).where('id', 'in', photoIds).execute() : [];
  return {
    opd,
    services: new Map(services.map((s) => [s.code, s])),
    segments: new Map(segments.map((s) => [s.id, { number: s.number, name: s.name }])),
    photos: new Map(photos.map((p) => [p.id, p.media_type])),
    timeZone,
    origin,
  };
}

function mediaUrlOf(ctx: ReportContext, photoId: string | null): string | null {
  if (!photoId) return null;
  const type = ctx.photos.get(photoId);
  return type ? photoUrl(ctx.origin, photoId, type) : null;
}

/** Whether moderation hides any part of the report from the public. */
const isModerated = (row: Pick<ReportRow, 'description_hidden' | 'photo_hidden' | 'address_hidden'>) => row.description_hidden || row.photo_hidden || row.address_hidden;

/**
 * The public reason of a moderation as Open311 carries it, in Indonesian, naming what was
 * hidden: `Dimoderasi (foto disembunyikan): Foto memperlihatkan wajah warga`; null when nothing is hidden.
 */
export function moderationNote(row: Pick<ReportRow, 'description_hidden' | 'public_description' | 'photo_hidden' | 'address_hidden' | 'moderation_reason'>): string | null {
  if (!isModerated(row) || !row.moderation_reason) return null;
  const parts = [
    row.description_hidden ? (row.public_description ? 'uraian disunting' : 'uraian disembunyikan') : null,
    row.photo_hidden ? 'foto disembunyikan' : null,
    row.address_hidden ? 'alamat disembunyikan' : null,
  ].filter((part) => part !== null);
  return `Dimoderasi (${parts.join(', ')}): ${row.moderation_reason}`;
}

/**
 * The report as GeoReport v2 lists it: nothing hidden by moderation, no contact. GeoReport v2
 * has no field for a moderation, so its public reason goes in `status_notes` (the spec's free
 * text about the request), after the officers' note on a line of its own: a client that shows
 * only the standard fields still tells the public why something is missing.
 */
export function toOpen311(row: ReportRow, ctx: ReportContext): Open311Request {
  const service = ctx.services.get(row.service_code);
  const moderation = moderationNote(row);
  return {
    service_request_id: String(row.id),
    status: row.status as ReportStatus,
    status_notes: moderation ? (row.status_notes ? `${row.status_notes}\n${moderation}` : moderation) : row.status_notes,
    service_name: service?.name ?? row.service_code,
    service_code: row.service_code,
    description: row.description_hidden ? row.public_description : row.description,
    agency_responsible: ctx.opd.name,
    service_notice: service?.notice ?? null,
    requested_datetime: w3Time(row.requested_at, ctx.timeZone),
    updated_datetime: w3Time(row.updated_at, ctx.timeZone),
    expected_datetime: row.expected_at ? w3Time(row.expected_at, ctx.timeZone) : null,
    address: row.address_hidden ? null : row.address,
    address_id: row.address_hidden ? null : row.address_id,
    zipcode: null,
    lat: row.lat,
    long: row.lon,
    media_url: row.photo_hidden ? null : mediaUrlOf(ctx, row.photo_id),
  };
}

/**
 * The public report of our own API: Open311's and resolution, segment, merge and moderation
 * note. Here the two notes stay apart: `status_notes` is the officers' note alone and
 * `moderation_notes` the moderation's reason.
 */
export function toReport(row: ReportRow, ctx: ReportContext): RoadReport {
  const segment = row.segment_id === null ? undefined : ctx.segments.get(row.segment_id);
  return {
    ...toOpen311(row, ctx),
    status_notes: row.status_notes,
    resolution: row.resolution as ReportResolution | null,
    segment: segment ? { number: segment.number, name: segment.name, distance_m: row.segment_distance_m ?? 0 } : null,
    duplicate_of: row.duplicate_of === null ? null : String(row.duplicate_of),
    moderation_notes: isModerated(row) ? row.moderation_reason : null,
  };
}

/** The staff's view: the public one and the contact, attributes, source, moderation and possible duplicates. */
export function toStaffReport(row: ReportRow, ctx: ReportContext, source: string | null): RoadReportStaff {
  return {
    ...toReport(row, ctx),
    reporter: {
      first_name: row.reporter_first_name,
      last_name: row.reporter_last_name,
      email: row.reporter_email,
      phone: row.reporter_phone,
      device_id: row.reporter_device_id,
    },
    attributes: row.attributes,
    source,
    moderation: {
      description_hidden: row.description_hidden,
      photo_hidden: row.photo_hidden,
      address_hidden: row.address_hidden,
      reason: row.moderation_reason,
      moderated_at: row.moderated_at ? w3Time(row.moderated_at, ctx.timeZone) : null,
      moderated_by: row.moderated_by,
      original_description: row.description,
      original_address: row.address,
    },
    possible_duplicates: row.possible_duplicates,
    photo_url: mediaUrlOf(ctx, row.photo_id),
  };
}

/** An update as anyone sees it. */
export function toUpdate(row: UpdateRow, ctx: ReportContext): RoadReportUpdate {
  return {
    update_id: String(row.id),
    service_request_id: String(row.report_id),
    status: row.status as ReportStatus,
    resolution: row.resolution as ReportResolution | null,
    updated_datetime: w3Time(row.created_at, ctx.timeZone),
    description: row.description,
    media_url: mediaUrlOf(ctx, row.photo_id),
    role: row.role as StakeholderRole,
    author: row.author,
  };
}

/** The filters of a report list (both APIs). */
export interface ReportFilters {
  ids?: string[];
  services?: string[];
  statuses?: string[];
  from: Date;
  to: Date;
}

/** The window of 90 days Open311 allows, and its default: the latest 90 days. */
export const WINDOW_DAYS = 90;

/** The most requests one Open311 list answers. */
export const MAX_REQUESTS = 1000;

/**
 * Reads Open311's filters (comma lists, `start_date`/`end_date` at most 90 days apart, the
 * latest 90 days by default); a problem names the parameter.
 */
export function readFilters(
  query: { service_request_id?: string | undefined; service_code?: string | undefined; status?: string | undefined; start_date?: string | undefined; end_date?: string | undefined },
  now: Date,
): { filters: ReportFilters } | { issue: ReportIssue } {
  const list = (value: string | undefined) => (value ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
  const ids = list(query.service_request_id);
  if (ids.some((id) => !/^[1-9][0-9]{0,15}$/.test(id))) return { issue: { path: 'service_request_id', message: 'Give service request ids as numbers, comma-separated', code: 'invalid' } };
  const statuses = list(query.status);
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) return { issue: { path: 'status', message: 'Use status open, closed or open,closed', code: 'invalid' } };
  const date = (name: 'start_date' | 'end_date'): Date | undefined | ReportIssue => {
    const value = query[name];
    if (!value) return undefined;
    const parsed = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? new Date(value) : new Date(NaN);
    return Number.isNaN(parsed.getTime()) ? { path: name, message: `Give ${name} in W3C format with its offset, like 2025-03-01T00:00:00+07:00`, code: 'invalid' } : parsed;
  };
  const start = date('start_date');
  const end = date('end_date');
  if (start && !(start instanceof Date)) return { issue: start };
  if (end && !(end instanceof Date)) return { issue: end };
  const span = WINDOW_DAYS * 86_400_000;
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  const from = start ?? new Date(to.getTime() - span);
  if (to < from) return { issue: { path: 'end_date', message: 'end_date must not be before start_date', code: 'invalid' } };
  if (to.getTime() - from.getTime() > span) return { issue: { path: 'end_date', message: `start_date and end_date may be at most ${WINDOW_DAYS} days apart`, code: 'invalid' } };
  const filters: ReportFilters = { from, to };
  if (ids.length) filters.ids = ids;
  const services = list(query.service_code);
  if (services.length) filters.services = services;
  if (statuses.length) filters.statuses = statuses;
  return { filters };
}

/** Reports of `opd` matching `filters`, newest first; ids override every other filter (as the spec says). */
export async function findReports(db: RoadsDb, opd: string, filters: ReportFilters, limit: number, after?: { at: Date; id: string }): Promise<ReportRow[]> {
  let query = db.selectFrom('road_reports').selectAll().where('opd_slug', '=', opd);
  if (filters.ids) {
    query = query.where('id', 'in', filters.ids);
  } else {
    query = query.where('requested_at', '>=', filters.from).where('requested_at', '<=', filters.to);
    if (filters.services) query = query.where('service_code', 'in', filters.services);
    if (filters.statuses) query = query.where('status', 'in', filters.statuses);
  }
  if (after) query = query.where((eb) => eb.or([eb('requested_at', '<', after.at), eb.and([eb('requested_at', '=', after.at), eb('id', '<', after.id)])]));
  return query.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** One report of `opd`, or undefined. */
export async function findReport(db: RoadsDb, opd: string, id: string): Promise<ReportRow | undefined> {
  return db.selectFrom('road_reports').selectAll().where('opd_slug', '=', opd).where('id', '=', id).executeTakeFirst();
}

/** A report's updates, oldest first. */
export async function updatesOf(db: RoadsDb, reportIds: readonly string[]): Promise<UpdateRow[]> {
  if (reportIds.length === 0) return [];
  return db.selectFrom('road_report_updates').selectAll().where('report_id', 'in', reportIds).orderBy('id').execute();
}

/** Stores a checked report with its segment and possible duplicates; returns its row. */
export async function insertReport(
  db: RoadsDb,
  opd: OpdRow,
  input: NewReport,
  checked: CheckedReport,
  now: Date,
  source: { apiKeyId: string | null; consent: boolean },
): Promise<{ row: ReportRow; segment: { id: number; distance: number } | null; duplicates: Array<{ service_request_id: string; distance_m: number }> }> {
  const segment = checked.point ? await nearestSegment(db, opd.slug, checked.point) : null;
  const duplicates = checked.point ? await nearbyOpenReports(db, opd.slug, checked.service.code, checked.point) : [];
  const row = await db
    .insertInto('road_reports')
    .values({
      opd_slug: opd.slug,
      service_code: checked.service.code,
      status: 'open',
      resolution: null,
      status_notes: null,
      description: input.description || null,
      address: input.address_string || null,
      address_id: input.address_id || null,
      lat: checked.point ? checked.point[1] : null,
      lon: checked.point ? checked.point[0] : null,
      photo_id: checked.photoId,
      attributes: JSON.stringify(checked.attributes),
      segment_id: segment?.id ?? null,
      segment_distance_m: segment ? Math.round(segment.distance) : null,
      duplicate_of: null,
      possible_duplicates: JSON.stringify(duplicates),
      reporter_first_name: input.first_name || null,
      reporter_last_name: input.last_name || null,
      reporter_email: input.email || null,
      reporter_phone: input.phone || null,
      reporter_device_id: input.device_id || null,
      consent_at: source.consent ? now : null,
      api_key_id: source.apiKeyId,
      public_description: null,
      moderation_reason: null,
      moderated_at: null,
      moderated_by: null,
      expected_at: null,
      requested_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, segment, duplicates };
}

/** The receipt of a stored report. */
export function toReceipt(row: ReportRow, ctx: ReportContext, duplicates: RoadReportReceipt['possible_duplicates']): RoadReportReceipt {
  const view = toReport(row, ctx);
  return {
    service_request_id: view.service_request_id,
    service_notice: view.service_notice,
    account_id: null,
    status: view.status,
    requested_datetime: view.requested_datetime,
    segment: view.segment,
    possible_duplicates: duplicates,
  };
}
