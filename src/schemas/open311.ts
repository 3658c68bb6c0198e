/**
 * Perjaka's citizen reports: the Open311 GeoReport v2 shapes (services, service definitions,
 * service requests, FixMyStreet-style service request updates, the `[{code, description}]`
 * errors) and our own public API around them (`roadReportPublicEndpoints`): file a report,
 * list and read reports, upload a photo. The staff's shapes — the inbox with the reporter's
 * contact, moderation, status, merge, updates, API keys — are in `open311-staff.ts`, so a
 * citizen's page carries none of them.
 *
 * Field names are Open311's (`service_request_id`, `requested_datetime`, `media_url`, …), so a
 * report reads the same in `/open311/v2/requests.json` and in `/api/v1/…/road-reports`; our
 * own API adds a few fields after the standard ones (`resolution`, `segment`, `duplicate_of`,
 * `moderation_notes`). Times carry the regency's offset (`2026-03-02T09:15:00+07:00`).
 *
 * A report's `status` (open, closed) is kept apart from its `resolution` (fixed, scheduled,
 * duplicate, not a regency road, …): a closed report is not a fixed road. The reporter's
 * name, e-mail, phone and device id are never part of a public shape.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage, MAX_PAGE_SIZE, timestamp } from './common.js';
import { endpoint } from './endpoint.js';
import { opdSlug } from './opds.js';

/** Where a report is: `open` (reported, being handled) or `closed` (handled; see its resolution). */
export const reportStatuses = ['open', 'closed'] as const;

/** A report's status, see {@link reportStatuses}. */
export type ReportStatus = (typeof reportStatuses)[number];

/**
 * How a report was resolved, apart from its status: `fixed` (repaired), `scheduled` (works
 * planned), `duplicate` (merged into another report), `not_regency_road` (a national,
 * provincial or village road: passed on), `not_found` (nothing found on inspection),
 * `no_action` (judged not to need works).
 */
export const reportResolutions = ['fixed', 'scheduled', 'duplicate', 'not_regency_road', 'not_found', 'no_action'] as const;

/** A resolution, see {@link reportResolutions}. */
export type ReportResolution = (typeof reportResolutions)[number];

/**
 * Who posts an update on a report: `camat`, `kepala_desa` (village head), `kontraktor`
 * (contractor), `pengawas` (inspector) or `petugas` (Dinas PUPR's own officer).
 */
export const stakeholderRoles = ['camat', 'kepala_desa', 'kontraktor', 'pengawas', 'petugas'] as const;

/** A stakeholder's role, see {@link stakeholderRoles}. */
export type StakeholderRole = (typeof stakeholderRoles)[number];

/** The datatypes of a service definition's attributes (GeoReport v2). */
export const attributeDatatypes = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;

/** The longest description of a report, as the spec says: 4,000 characters. */
export const REPORT_DESCRIPTION_MAX_LENGTH = 4000;

/** The largest photo accepted, in bytes: 5 MB. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** The photo types accepted, told by their content (magic bytes and header), never by name. */
export const photoMediaTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** A report is matched to the nearest segment within this many metres. */
export const SEGMENT_MATCH_METRES = 200;

/** A new report this close (metres) to an open one of the same service is offered as its duplicate. */
export const DUPLICATE_METRES = 50;

/** A service request id: digits, e.g. `1042`. */
export const serviceRequestId = z.string().check(z.regex(/^[1-9][0-9]{0,15}$/, 'A service request id is a number, like 1042'));

/** A service code: lowercase letters, digits and hyphens, e.g. `jalan-berlubang`. */
export const serviceCode = z.string('Choose a service').check(
  z.trim(),
  // An empty code is told once: "choose", not also "use a code like …".
  z.minLength(1, { error: 'Choose a service', abort: true }),
  z.maxLength(64, 'A service code has at most 64 characters'),
  z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use a service code from the service list, like jalan-berlubang'),
);

/** One service of `services.json` (GeoReport v2 "GET Service List"). */
export const open311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  /** True: the service has attributes, read its definition. */
  metadata: z.boolean(),
  /** Always `realtime`: the id comes back at once. */
  type: z.enum(['realtime', 'batch', 'blackbox']),
  /** Comma-separated synonyms. */
  keywords: z.string(),
  group: z.string(),
});

/** A service, see {@link open311Service}. */
export type Open311Service = z.infer<typeof open311Service>;

/** One option of a list attribute. */
export const open311AttributeValue = z.object({ key: z.string(), name: z.string() });

/** One attribute of a service definition (GeoReport v2 "GET Service Definition"). */
export const open311Attribute = z.object({
  /** True: the citizen answers it; false: information only. */
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(attributeDatatypes),
  required: z.boolean(),
  datatype_description: z.nullable(z.string()),
  /** 1 is shown first. */
  order: z.number(),
  description: z.string(),
  values: z.array(open311AttributeValue),
});

/** An attribute, see {@link open311Attribute}. */
export type Open311Attribute = z.infer<typeof open311Attribute>;

/** A service definition: `services/{code}.json`. */
export const open311ServiceDefinition = z.object({ service_code: z.string(), attributes: z.array(open311Attribute) });

/** A service definition, see {@link open311ServiceDefinition}. */
export type Open311ServiceDefinition = z.infer<typeof open311ServiceDefinition>;

/** A service with its attributes in one: what a report form needs (`GET …/road-report-services`). */
export const roadReportService = z.extend(open311Service, { attributes: z.array(open311Attribute) });

/** A service with its attributes, see {@link roadReportService}. */
export type RoadReportService = z.infer<typeof roadReportService>;

/**
 * A service request exactly as GeoReport v2's "GET Service Request(s)" lists its fields, in
 * that order: what `/open311/v2/requests.json` answers for each request. `address_id` and
 * `zipcode` are null (we keep none); `lat`/`long` null for a report filed by address only.
 */
export const open311Request = z.object({
  service_request_id: z.string(),
  status: z.enum(reportStatuses),
  status_notes: z.nullable(z.string()),
  service_name: z.string(),
  service_code: z.string(),
  description: z.nullable(z.string()),
  agency_responsible: z.nullable(z.string()),
  service_notice: z.nullable(z.string()),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.nullable(z.string()),
  address: z.nullable(z.string()),
  address_id: z.nullable(z.string()),
  zipcode: z.nullable(z.string()),
  lat: z.nullable(z.number()),
  long: z.nullable(z.number()),
  media_url: z.nullable(z.string()),
});

/** A service request, see {@link open311Request}. */
export type Open311Request = z.infer<typeof open311Request>;

/** The segment a report was matched to: the nearest within {@link SEGMENT_MATCH_METRES}. */
export const reportSegment = z.object({
  /** Its number in the regent's decree. */
  number: z.string(),
  name: z.string(),
  /** From the report's point to the segment's line, in whole metres. */
  distance_m: z.number(),
});

/**
 * A report as our own API shows it to anyone: the Open311 request and, after it, the
 * resolution, the matched segment, the report it was merged into, and the public reason of a
 * moderation (`moderation_notes`, e.g. "Nama warga dihapus dari uraian"). No contact.
 */
export const roadReport = z.extend(open311Request, {
  resolution: z.nullable(z.enum(reportResolutions)),
  segment: z.nullable(reportSegment),
  duplicate_of: z.nullable(z.string()),
  moderation_notes: z.nullable(z.string()),
});

/** A report, see {@link roadReport}. */
export type RoadReport = z.infer<typeof roadReport>;

/** A page of reports, newest first. */
export const roadReportList = listPage(roadReport);

/** An open report near a new one, of the same service: offered as a possible duplicate. */
export const possibleDuplicate = z.object({ service_request_id: z.string(), distance_m: z.number() });

/**
 * What filing a report answers (201): Open311's POST answer (`service_request_id`,
 * `service_notice`, `account_id`) and ours after it: the status, the matched segment and the
 * open reports of the same service within {@link DUPLICATE_METRES} (nearest first), which the
 * form may show ("Sudah dilaporkan?"); staff merge them.
 */
export const roadReportReceipt = z.object({
  service_request_id: z.string(),
  service_notice: z.nullable(z.string()),
  account_id: z.nullable(z.string()),
  status: z.enum(reportStatuses),
  requested_datetime: z.string(),
  segment: z.nullable(reportSegment),
  possible_duplicates: z.array(possibleDuplicate),
});

/** A report's receipt, see {@link roadReportReceipt}. */
export type RoadReportReceipt = z.infer<typeof roadReportReceipt>;

/**
 * An update on a report (FixMyStreet's `servicerequestupdates`): who posted it by role
 * (`camat`, `kepala_desa`, `kontraktor`, `pengawas`, `petugas`) and as which office
 * (`author`, e.g. "Camat Merapi Barat"), the status it left the report in, its text and photo.
 */
export const roadReportUpdate = z.object({
  update_id: z.string(),
  service_request_id: z.string(),
  status: z.enum(reportStatuses),
  resolution: z.nullable(z.enum(reportResolutions)),
  updated_datetime: z.string(),
  description: z.string(),
  media_url: z.nullable(z.string()),
  role: z.enum(stakeholderRoles),
  author: z.string(),
});

/** An update, see {@link roadReportUpdate}. */
export type RoadReportUpdate = z.infer<typeof roadReportUpdate>;

/** A report's updates, oldest first. */
export const roadReportUpdateList = z.object({ data: z.array(roadReportUpdate) });

/** An attribute's answer: one value, or several for a `multivaluelist`. */
const attributeAnswer = z.union([
  z.string().check(z.maxLength(500, 'An answer has at most 500 characters')),
  z.array(z.string().check(z.maxLength(500, 'An answer has at most 500 characters'))).check(z.maxLength(20)),
]);

/** @internal An optional text, trimmed, at most `max` characters; `what` names it in the message. */
export const optionalText = (max: number, what: string) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, `${what} must be ${max} characters or fewer`)));

const coordinate = (min: number, max: number, what: string) =>
  z.optional(z.number(`Enter the ${what} as a number`).check(z.minimum(min, `The ${what} must be from ${min} to ${max}`), z.maximum(max, `The ${what} must be from ${min} to ${max}`)));

/**
 * What a citizen sends to file a report (`POST /api/v1/opds/{opd}/road-reports`), in
 * Open311's names. Exactly one location: `lat` with `long`, or `address_string`, or
 * `address_id`. `media_url` may only be the `mediaUrl` of a photo uploaded to this OPD with
 * `photos.upload`. Contact is optional (an anonymous report is fine) and never public;
 * `consent` is required when any contact is given.
 */
export const roadReportInput = z.object({
  service_code: serviceCode,
  description: optionalText(REPORT_DESCRIPTION_MAX_LENGTH, 'The description'),
  lat: coordinate(-90, 90, 'latitude'),
  long: coordinate(-180, 180, 'longitude'),
  address_string: optionalText(500, 'The address'),
  address_id: optionalText(64, 'The address id'),
  media_url: optionalText(500, 'The photo address'),
  attribute: z.optional(z.record(z.string().check(z.maxLength(64)), attributeAnswer)),
  email: z.optional(
    z.string().check(
      z.trim(),
      z.toLowerCase(),
      z.maxLength(254, 'E-mail address must be 254 characters or fewer'),
      z.email('Enter an e-mail address in the correct format, like nama@contoh.id'),
    ),
  ),
  first_name: optionalText(120, 'The first name'),
  last_name: optionalText(120, 'The last name'),
  phone: optionalText(32, 'The phone number'),
  device_id: optionalText(128, 'The device id'),
  /** Agreement to the processing of the contact given (UU 27/2022); required with any contact. */
  consent: z.optional(z.boolean()),
});

/** A report as sent, see {@link roadReportInput}. */
export type RoadReportInput = z.input<typeof roadReportInput>;

/** A photo as uploaded: its id, its public address (`media_url` of a report), type, size in pixels and bytes (metadata removed). */
export const roadReportPhoto = z.object({
  id: z.string(),
  mediaUrl: z.string(),
  mediaType: z.enum(photoMediaTypes),
  width: z.number(),
  height: z.number(),
  bytes: z.number(),
});

/** An uploaded photo, see {@link roadReportPhoto}. */
export type RoadReportPhoto = z.infer<typeof roadReportPhoto>;

const limitMessage = `Use a number from 1 to ${MAX_PAGE_SIZE}`;

/**
 * `?limit=&cursor=` of the report lists (the public one and the staff's inbox). Their own
 * rather than `page-query.ts`'s `pageQuery` (the same rules): the npm build puts that one in
 * the accounts chunk, which `opd-kit/roads` would then load for nothing.
 */
export const roadReportPage = z.object({
  limit: z.optional(z.coerce.number(limitMessage).check(z.int(limitMessage), z.minimum(1, limitMessage), z.maximum(MAX_PAGE_SIZE, limitMessage))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

const w3Date = z.optional(timestamp);

/** The filters of a report list, Open311's: comma-separated ids, codes and statuses, and a window of at most 90 days. */
export const roadReportQuery = z.extend(roadReportPage, {
  /** Comma-separated ids; overrides every other filter. */
  service_request_id: z.optional(z.string().check(z.maxLength(2000))),
  /** Comma-separated service codes. */
  service_code: z.optional(z.string().check(z.maxLength(500))),
  /** `open`, `closed` or both, comma-separated. */
  status: z.optional(z.string().check(z.maxLength(20))),
  start_date: w3Date,
  end_date: w3Date,
});

/** The filters of a report list, see {@link roadReportQuery}. */
export type RoadReportQuery = z.input<typeof roadReportQuery>;

/** The path of one report: its OPD and its `service_request_id`. */
export const roadReportParams = z.object({ opd: opdSlug, id: serviceRequestId });
const opdOnly = z.object({ opd: opdSlug });

/**
 * Perjaka's public report endpoints in our own API (Open311's own paths are served beside
 * them at `/open311/v2`); with the staff's in `roadReportEndpoints` (`open311-staff.ts`).
 */
export const roadReportPublicEndpoints = {
  services: endpoint({
    id: 'listRoadReportServices',
    method: 'GET',
    path: '/api/v1/opds/{opd}/road-report-services',
    params: opdOnly,
    response: z.object({ data: z.array(roadReportService) }),
    access: 'public',
  }),
  create: endpoint({
    id: 'createRoadReport',
    method: 'POST',
    path: '/api/v1/opds/{opd}/road-reports',
    params: opdOnly,
    body: roadReportInput,
    response: roadReportReceipt,
    status: 201,
    access: 'public',
    idempotent: true,
  }),
  list: endpoint({
    id: 'listRoadReports',
    method: 'GET',
    path: '/api/v1/opds/{opd}/road-reports',
    params: opdOnly,
    query: roadReportQuery,
    response: roadReportList,
    access: 'public',
  }),
  get: endpoint({
    id: 'getRoadReport',
    method: 'GET',
    path: '/api/v1/opds/{opd}/road-reports/{id}',
    params: roadReportParams,
    response: roadReport,
    access: 'public',
  }),
  updates: endpoint({
    id: 'listRoadReportUpdates',
    method: 'GET',
    path: '/api/v1/opds/{opd}/road-reports/{id}/updates',
    params: roadReportParams,
    response: roadReportUpdateList,
    access: 'public',
  }),
  /** The body is the photo's bytes as they are (any Content-Type: the content decides), at most 5 MB. */
  uploadPhoto: endpoint({
    id: 'uploadRoadReportPhoto',
    method: 'POST',
    path: '/api/v1/opds/{opd}/road-report-photos',
    params: opdOnly,
    response: roadReportPhoto,
    status: 201,
    access: 'public',
    errors: ['unsupported-media-type', 'payload-too-large'],
  }),
} as const;
