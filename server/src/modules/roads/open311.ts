/**
 * Open311 GeoReport v2 at `/open311/v2`, as the spec says: `discovery`, `services`,
 * `services/{code}` (definitions with attributes), `requests` (GET with the spec's filters and
 * its default of the latest 90 days / at most 1,000 requests; POST form-encoded as the spec
 * says, or JSON), `requests/{id}`, and FixMyStreet's `servicerequestupdates` (GET, and POST
 * for stakeholders' keys). Each as `.xml` (the required format) and `.json`. `jurisdiction_id`
 * is the OPD's slug, which must have Perjaka on. Errors are the spec's `[{code, description}]`
 * (`<errors><error>…`) with the HTTP status it names: 404 for what does not exist, 403 for a
 * missing or wrong `api_key`, 400 for anything else, naming the parameter.
 *
 * Our own widget files reports without a key (rate-limited like every public write); a
 * third-party app sends the `api_key` an OPD admin issued it (kept only as SHA-256).
 *
 * @module
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod/mini';
import { reportStatuses, type Open311Request, type ReportResolution, roadReportInput } from '../../../../src/schemas/open311.js';
import type { OpdRow } from '../../db/schema.js';
import { bodyText } from '../../http/body.js';
import type { AppDeps, AppEnv } from '../../http/env.js';
import { publicBaseOf } from '../../http/origin.js';
import { ProblemError } from '../../http/problem.js';
import { rateLimit } from '../../http/rate-limit.js';
import { fileReport, keyHash, storeUpdate } from './report-routes.js';
import {
  checkReport,
  findReport,
  findReports,
  MAX_REQUESTS,
  ownPhotoId,
  readFilters,
  reportContext,
  servicesOf,
  sortedAttributes,
  toOpen311,
  toService,
  toUpdate,
  type NewReport,
} from './reports.js';
import { roadsDb, type RoadsDb } from './tables.js';
import { KEY_NOT_CLAIMED } from '../../http/idempotency.js';

/** The specification token of discovery. */
export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';

/** When this API's discovery document last changed. */
export const DISCOVERY_CHANGESET = '2025-03-01T00:00:00+07:00';

/** The largest Open311 POST body: a form of text fields. */
export const OPEN311_BODY_BYTES = 64 * 1024;

type Format = 'xml' | 'json';

/** An Open311 error: the HTTP status and the spec's `{code, description}`. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 413 | 415 | 429 | 500,
    description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
    this.name = 'Open311Error';
  }
}

// ---- XML --------------------------------------------------------------------------------

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!)
    // Control characters XML 1.0 cannot carry at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** An XML value as the spec writes it: text, an empty element for null, children for an object, repeated `item` elements for an array. */
type XmlValue = string | number | boolean | null | XmlValue[] | { [name: string]: XmlValue };

function xmlOf(name: string, value: XmlValue, item?: string, indent = ''): string {
  if (value === null || value === '') return `${indent}<${name}/>\n`;
  if (Array.isArray(value)) {
    const child = item ?? 'item';
    const inner = value.map((v) => xmlOf(child, v, undefined, `${indent}  `)).join('');
    return inner ? `${indent}<${name}>\n${inner}${indent}</${name}>\n` : `${indent}<${name}/>\n`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value).map(([k, v]) => xmlOf(k, v, ITEMS[k], `${indent}  `)).join('');
    return `${indent}<${name}>\n${inner}${indent}</${name}>\n`;
  }
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>\n`;
}

/** The element name of a list's items (the Spark convention's plural → singular). */
const ITEMS: Record<string, string> = { endpoints: 'endpoint', formats: 'format', attributes: 'attribute', values: 'value', services: 'service', service_requests: 'request', errors: 'error' };

function xmlDocument(root: string, value: XmlValue, item?: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${xmlOf(root, value, item)}`;
}

function send(c: Context<AppEnv>, format: Format, json: unknown, xml: string, status = 200, headers: Record<string, string> = {}): Response {
  const type = format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8';
  return c.body(format === 'json' ? JSON.stringify(json) : xml, status as 200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
}

function sendList(c: Context<AppEnv>, format: Format, root: string, item: string, list: XmlValue[], status = 200): Response {
  return send(c, format, list, xmlDocument(root, list, item), status);
}

function sendError(c: Context<AppEnv>, format: Format, error: Open311Error): Response {
  const list = [{ code: error.status, description: error.message }];
  return send(c, format, list, xmlDocument('errors', list, 'error'), error.status, error.headers);
}

/** `requests.xml` → `['requests', 'xml']`; undefined for another extension. */
function splitFormat(file: string): [string, Format] | undefined {
  const match = /^(.+)\.(xml|json)$/.exec(file);
  return match ? [match[1]!, match[2] as Format] : undefined;
}

// ---- inputs -----------------------------------------------------------------------------

/** The parameters of a request: the query and, for a POST, the form or JSON body (Open311's names). */
type Params = Map<string, string | string[]>;

async function readParams(c: Context<AppEnv>): Promise<Params> {
  const params: Params = new Map();
  const add = (key: string, value: string) => {
    const list = key.endsWith('[]');
    const name = list ? key.slice(0, -2) : key;
    const existing = params.get(name);
    if (list || existing !== undefined) params.set(name, [...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]), value]);
    else params.set(name, value);
  };
  for (const [key, value] of new URL(c.req.url).searchParams) add(key, value);
  if (c.req.method !== 'POST') return params;
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  const text = await bodyText(c, OPEN311_BODY_BYTES);
  if (type === 'application/json') {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Open311Error(400, 'The body is not valid JSON');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Open311Error(400, 'Send the request as one JSON object');
    for (const [key, value] of Object.entries(body)) {
      if (key === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [code, v] of Object.entries(value)) {
          if (Array.isArray(v)) for (const one of v) add(`attribute[${code}][]`, String(one));
          else add(`attribute[${code}]`, String(v));
        }
      } else if (Array.isArray(value)) {
        for (const one of value) add(`${key}[]`, String(one));
      } else if (value !== null && value !== undefined) {
        add(key, String(value));
      }
    }
  } else if (type === 'application/x-www-form-urlencoded' || type === '') {
    for (const [key, value] of new URLSearchParams(text)) add(key, value);
  } else {
    throw new Open311Error(400, `Send the request as application/x-www-form-urlencoded (or application/json), not ${type}`);
  }
  return params;
}

/** One text parameter; a list sent for it is a 400 naming it. An empty value counts as not sent (the spec's optional arguments). */
function one(params: Params, name: string): string | undefined {
  const value = params.get(name);
  if (Array.isArray(value)) throw new Open311Error(400, `${name}: send one value`);
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** The OPD of `jurisdiction_id` (with Perjaka on), or the only such OPD when none is given. */
async function jurisdiction(c: Context<AppEnv>, params: Params): Promise<OpdRow> {
  const deps = c.get('deps');
  const slug = one(params, 'jurisdiction_id');
  const snapshot = await deps.directory.current();
  if (!slug) {
    const withPerjaka = [...snapshot.opds.values()].filter((o) => (o.modules as string[]).includes('perjaka'));
    if (withPerjaka.length === 1) return withPerjaka[0]!;
    throw new Open311Error(400, `jurisdiction_id was not provided: use the slug of the agency, ${withPerjaka.map((o) => o.slug).join(' or ') || 'none has road reports yet'}`);
  }
  const opd = snapshot.opds.get(slug.trim());
  if (!opd || !(opd.modules as string[]).includes('perjaka')) throw new Open311Error(404, `jurisdiction_id ${slug} was not found: no agency with road reports has that slug`);
  return opd;
}

/** The API key's row when `api_key` is sent (403 for an unknown or revoked one), or null without one. */
async function apiKeyOf(db: RoadsDb, opd: OpdRow, params: Params, now: Date) {
  const key = one(params, 'api_key');
  if (key === undefined) return null;
  const row = await db.selectFrom('open311_api_keys').selectAll().where('key_hash', '=', keyHash(key)).executeTakeFirst();
  if (!row || row.revoked_at !== null || row.opd_slug !== opd.slug) throw new Open311Error(403, 'Invalid api_key received: ask the agency for a key, or send none from its own website');
  await db.updateTable('open311_api_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
  return row;
}

/** Open311's POST parameters as our report input, checked by the shared schema; a problem is a 400 naming the parameter. */
function readNewReport(params: Params): NewReport {
  const number = (name: string) => {
    const value = one(params, name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n)) throw new Open311Error(400, `${name}: give a number in decimal degrees (WGS84), like ${name === 'lat' ? '-3.79' : '103.53'}`);
    return n;
  };
  const attribute: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const match = /^attribute\[([^\]]+)\]$/.exec(key);
    if (match) attribute[match[1]!] = value;
  }
  const consent = one(params, 'consent');
  const candidate = {
    service_code: one(params, 'service_code') ?? '',
    description: one(params, 'description'),
    lat: number('lat'),
    long: number('long'),
    address_string: one(params, 'address_string'),
    address_id: one(params, 'address_id'),
    media_url: one(params, 'media_url'),
    attribute,
    email: one(params, 'email'),
    first_name: one(params, 'first_name'),
    last_name: one(params, 'last_name'),
    phone: one(params, 'phone'),
    device_id: one(params, 'device_id'),
    consent: consent === undefined ? undefined : consent === 'true' || consent === '1',
  };
  if (!candidate.service_code) throw new Open311Error(400, 'service_code was not provided: use a code from services.xml');
  const result = z.safeParse(roadReportInput, candidate);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Open311Error(400, `${issue.path.map(String).join('.') || 'request'}: ${issue.message}`);
  }
  return result.data;
}

// ---- the app ----------------------------------------------------------------------------

/** Builds the Open311 sub-app. */
export function open311App(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limit = rateLimit('public-write');

  const formatOf = (c: Context<AppEnv>): Format => (/\.json$/.test(c.req.path) ? 'json' : 'xml');

  app.onError((error, c) => {
    const format = formatOf(c);
    if (error instanceof Open311Error) return sendError(c, format, error);
    if (error instanceof ProblemError) {
      const status = deps.problems.get(error.code)?.status ?? 400;
      const mapped = status === 404 ? 404 : status === 403 ? 403 : status === 413 ? 413 : status === 429 ? 429 : 400;
      return sendError(c, format, new Open311Error(mapped, error.message, error.options.headers));
    }
    deps.log.error('open311 failed', { error: error instanceof Error ? error.message : String(error), requestId: c.get('requestId') });
    return sendError(c, format, new Open311Error(500, 'Something went wrong on our side; try again later'));
  });

  const origin = publicBaseOf;
  const timeZone = deps.settings.timeZone;

  app.get('/:file', async (c) => {
    const split = splitFormat(c.req.param('file'));
    if (!split) throw new Open311Error(404, `Nothing at ${c.req.path}: add .xml or .json`);
    const [name, format] = split;
    const params = await readParams(c);
    const db = roadsDb(deps.db);
    if (name === 'discovery') {
      const body = {
        changeset: DISCOVERY_CHANGESET,
        contact: 'Laporan kerusakan jalan kabupaten ditangani Dinas PUPR; hubungi dinas melalui situs web resminya.',
        key_service: 'Kunci API (api_key) untuk aplikasi pihak ketiga dan pemangku kepentingan diterbitkan oleh admin Dinas PUPR di konsol staf.',
        endpoints: [{ specification: GEOREPORT_V2, url: `${origin(c)}/open311/v2`, changeset: DISCOVERY_CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
      };
      return send(c, format, body, xmlDocument('discovery', body));
    }
    if (name === 'services') {
      const opd = await jurisdiction(c, params);
      const list = (await servicesOf(db, opd.slug)).map(toService);
      return sendList(c, format, 'services', 'service', list);
    }
    if (name === 'requests') {
      const opd = await jurisdiction(c, params);
      const read = readFilters(
        { service_request_id: one(params, 'service_request_id'), service_code: one(params, 'service_code'), status: one(params, 'status'), start_date: one(params, 'start_date'), end_date: one(params, 'end_date') },
        deps.now(),
      );
      if ('issue' in read) throw new Open311Error(400, `${read.issue.path}: ${read.issue.message}`);
      const rows = await findReports(db, opd.slug, read.filters, MAX_REQUESTS);
      const ctx = await reportContext(db, opd, rows, timeZone, origin(c));
      return sendList(c, format, 'service_requests', 'request', rows.map((row) => toOpen311(row, ctx)) as unknown as XmlValue[]);
    }
    if (name === 'servicerequestupdates') {
      const opd = await jurisdiction(c, params);
      const read = readFilters({ start_date: one(params, 'start_date'), end_date: one(params, 'end_date') }, deps.now());
      if ('issue' in read) throw new Open311Error(400, `${read.issue.path}: ${read.issue.message}`);
      const rows = await db
        .selectFrom('road_report_updates')
        .selectAll()
        .where('opd_slug', '=', opd.slug)
        .where('created_at', '>=', read.filters.from)
        .where('created_at', '<=', read.filters.to)
        .orderBy('id')
        .limit(MAX_REQUESTS)
        .execute();
      const ctx = await reportContext(db, opd, [], timeZone, origin(c), rows.map((r) => r.photo_id));
      const list = rows.map((row) => {
        const u = toUpdate(row, ctx);
        return { update_id: u.update_id, service_request_id: u.service_request_id, status: u.status, resolution: u.resolution, updated_datetime: u.updated_datetime, description: u.description, media_url: u.media_url, role: u.role, author: u.author };
      });
      return send(c, format, list, xmlDocument('service_requests_updates', list, 'request_update'));
    }
    throw new Open311Error(404, `Nothing at ${c.req.path}`);
  });

  app.get('/services/:file', async (c) => {
    const split = splitFormat(c.req.param('file'));
    if (!split) throw new Open311Error(404, `Nothing at ${c.req.path}: add .xml or .json`);
    const [code, format] = split;
    const opd = await jurisdiction(c, await readParams(c));
    const service = (await servicesOf(roadsDb(deps.db), opd.slug)).find((s) => s.code === code);
    if (!service) throw new Open311Error(404, `service_code ${code} was not found: use a code from services.${format}`);
    const body = { service_code: service.code, attributes: sortedAttributes(service) };
    return send(c, format, body, xmlDocument('service_definition', body as unknown as XmlValue));
  });

  app.get('/requests/:file', async (c) => {
    const split = splitFormat(c.req.param('file'));
    if (!split) throw new Open311Error(404, `Nothing at ${c.req.path}: add .xml or .json`);
    const [id, format] = split;
    const opd = await jurisdiction(c, await readParams(c));
    const db = roadsDb(deps.db);
    const row = /^[1-9][0-9]{0,15}$/.test(id) ? await findReport(db, opd.slug, id) : undefined;
    if (!row) throw new Open311Error(404, `service_request_id ${id} was not found`);
    const ctx = await reportContext(db, opd, [row], timeZone, origin(c));
    const list: Open311Request[] = [toOpen311(row, ctx)];
    return sendList(c, format, 'service_requests', 'request', list as unknown as XmlValue[]);
  });

  app.post('/:file', async (c) => {
    const split = splitFormat(c.req.param('file'));
    if (!split || (split[0] !== 'requests' && split[0] !== 'servicerequestupdates')) throw new Open311Error(404, `Nothing to POST at ${c.req.path}`);
    const [name, format] = split;
    const params = await readParams(c);
    const opd = await jurisdiction(c, params);
    await limit(c, async () => {});
    const db = roadsDb(deps.db);
    const now = deps.now();
    const key = await apiKeyOf(db, opd, params, now);
    if (name === 'requests') {
      const input = readNewReport(params);
      const checked = await checkReport(db, opd, input, { requireConsent: false });
      if ('issues' in checked) {
        const issue = checked.issues[0]!;
        throw new Open311Error(issue.code === 'notFound' ? 404 : 400, `${issue.path}: ${issue.message}`);
      }
      const receipt = await fileReport(deps.db, opd, input, checked.checked, now, undefined, origin(c), timeZone, key?.id ?? null);
      if (receipt === KEY_NOT_CLAIMED) throw new Error('a report without a key claimed none');
      const list = [{ service_request_id: receipt.service_request_id, service_notice: receipt.service_notice, account_id: null }];
      return sendList(c, format, 'service_requests', 'request', list, 201);
    }
    // servicerequestupdates: a stakeholder's key only.
    if (!key || key.role === 'app') throw new Open311Error(403, 'api_key: posting updates needs a stakeholder’s key (camat, kepala desa, kontraktor, pengawas or petugas)');
    const id = one(params, 'service_request_id');
    if (!id) throw new Open311Error(400, 'service_request_id was not provided');
    const row = /^[1-9][0-9]{0,15}$/.test(id) ? await findReport(db, opd.slug, id) : undefined;
    if (!row) throw new Open311Error(404, `service_request_id ${id} was not found`);
    const description = one(params, 'description');
    if (!description) throw new Open311Error(400, 'description was not provided: write what was done or found');
    if (description.length > 4000) throw new Open311Error(400, 'description: at most 4,000 characters');
    const { status, resolution } = updateStatus(one(params, 'status'), one(params, 'resolution'), row.status);
    let photoId: string | null = null;
    const mediaUrl = one(params, 'media_url');
    if (mediaUrl) {
      photoId = await ownPhotoId(db, opd.slug, mediaUrl);
      if (!photoId) throw new Open311Error(400, 'media_url: upload the photo to the agency first and send the media URL it answers');
    }
    const update = await storeUpdate(db, opd, row, { description, status, resolution, role: key.role, author: key.name, photoId, apiKeyId: key.id, staffId: null }, now);
    const list = [{ update_id: String(update.id) }];
    return send(c, format, list, xmlDocument('service_request_updates', list, 'request_update'), 201);
  });

  return app;
}

/**
 * The status and resolution an update leaves: `open`/`closed` as the spec has them, or
 * FixMyStreet's values (`FIXED`, `DUPLICATE`, `NOT_COUNCILS_RESPONSIBILITY`, `IN_PROGRESS`, …);
 * `resolution` may be sent too. Closing needs a resolution: closed is not fixed.
 */
function updateStatus(rawStatus: string | undefined, rawResolution: string | undefined, current: string): { status: string | undefined; resolution: ReportResolution | null | undefined } {
  const resolutions: Record<string, ReportResolution> = { fixed: 'fixed', duplicate: 'duplicate', not_councils_responsibility: 'not_regency_road', not_regency_road: 'not_regency_road', no_further_action: 'no_action', no_action: 'no_action', not_found: 'not_found', action_scheduled: 'scheduled', scheduled: 'scheduled' };
  let resolution: ReportResolution | undefined;
  if (rawResolution !== undefined) {
    resolution = resolutions[rawResolution.toLowerCase()];
    if (!resolution) throw new Open311Error(400, `resolution: use one of fixed, scheduled, duplicate, not_regency_road, not_found, no_action`);
  }
  if (rawStatus === undefined) return { status: undefined, resolution };
  const value = rawStatus.toLowerCase();
  if ((reportStatuses as readonly string[]).includes(value)) {
    if (value === 'closed' && !resolution && current !== 'closed') throw new Open311Error(400, 'resolution: say how the report was resolved when closing it (fixed, duplicate, not_regency_road, …): closed is not fixed');
    return { status: value, resolution };
  }
  if (value === 'in_progress' || value === 'investigating' || value === 'action_scheduled') return { status: 'open', resolution: resolution ?? (value === 'action_scheduled' ? 'scheduled' : undefined) };
  const closing = resolutions[value];
  if (closing && closing !== 'scheduled') return { status: 'closed', resolution: resolution ?? closing };
  throw new Open311Error(400, `status: use open or closed (or FIXED, DUPLICATE, NOT_COUNCILS_RESPONSIBILITY, IN_PROGRESS, ACTION_SCHEDULED)`);
}
