/**
 * Perjaka's staff side of the citizen reports: a report as staff see it (with the reporter's
 * contact, the attributes, the moderation and the possible duplicates), the moderation, status,
 * merge and update bodies, the Open311 API keys, and every report endpoint of our own API
 * (`roadReportEndpoints`: the public ones of `open311.ts` and the staff's). Apart from
 * `open311.ts` so a citizen's page (the road map's report flow) carries none of these shapes.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage, timestamp } from './common.js';
import { endpoint } from './endpoint.js';
import {
  optionalText,
  possibleDuplicate,
  REPORT_DESCRIPTION_MAX_LENGTH,
  reportResolutions,
  reportStatuses,
  roadReport,
  roadReportPage,
  roadReportParams,
  roadReportPublicEndpoints,
  roadReportUpdate,
  serviceCode,
  serviceRequestId,
  stakeholderRoles,
} from './open311.js';
import { opdParams, opdSlug } from './opds.js';

/** What an Open311 API key is for: a third-party app filing reports, or a stakeholder posting updates. */
export const apiKeyRoles = ['app', ...stakeholderRoles] as const;

/** An API key's role, see {@link apiKeyRoles}. */
export type ApiKeyRole = (typeof apiKeyRoles)[number];

/** What staff see of a report's moderation: what is hidden, why (shown publicly), by whom and when. */
export const reportModeration = z.object({
  description_hidden: z.boolean(),
  photo_hidden: z.boolean(),
  address_hidden: z.boolean(),
  /** The reason shown publicly. */
  reason: z.nullable(z.string()),
  moderated_at: z.nullable(z.string()),
  moderated_by: z.nullable(z.string()),
  /** The description and address as the reporter sent them (staff only). */
  original_description: z.nullable(z.string()),
  original_address: z.nullable(z.string()),
});

/** A report as staff see it: the public view, the reporter's contact, the attributes, the moderation and the possible duplicates. */
export const roadReportStaff = z.extend(roadReport, {
  reporter: z.object({
    first_name: z.nullable(z.string()),
    last_name: z.nullable(z.string()),
    email: z.nullable(z.string()),
    phone: z.nullable(z.string()),
    device_id: z.nullable(z.string()),
  }),
  attributes: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  /** The API key's name when a third-party app filed it; null for our own widget. */
  source: z.nullable(z.string()),
  moderation: reportModeration,
  possible_duplicates: z.array(possibleDuplicate),
  /** The photo's address even when hidden from the public. */
  photo_url: z.nullable(z.string()),
});

/** A report as staff see it, see {@link roadReportStaff}. */
export type RoadReportStaff = z.infer<typeof roadReportStaff>;

/** A page of reports for staff, newest first. */
export const roadReportStaffList = listPage(roadReportStaff);

const reasonText = z.string('Give the reason, shown publicly').check(
  z.trim(),
  z.minLength(1, 'Give the reason, shown publicly'),
  z.maxLength(300, 'The reason must be 300 characters or fewer'),
);

/**
 * Staff hide part of a report before (or after) it is public: its description (or replace it
 * with an edited text), its photo or its address; the reason is shown publicly. The original
 * is kept for staff; hiding is a state, undone by sending `false`.
 */
export const reportModerationInput = z.object({
  hide_description: z.optional(z.boolean()),
  /** The description to show instead (e.g. with a name removed); the original is kept for staff. */
  description: optionalText(REPORT_DESCRIPTION_MAX_LENGTH, 'The description'),
  hide_photo: z.optional(z.boolean()),
  hide_address: z.optional(z.boolean()),
  reason: reasonText,
});

/** A moderation as sent, see {@link reportModerationInput}. */
export type ReportModerationInput = z.input<typeof reportModerationInput>;

/** Staff set a report's status and resolution (`closed` with `fixed`, `open` with `scheduled`, …) and the public note. */
export const reportStatusInput = z.object({
  status: z.optional(z.enum(reportStatuses, 'Use status open or closed')),
  resolution: z.optional(z.nullable(z.enum(reportResolutions, `Use one of: ${reportResolutions.join(', ')}`))),
  status_notes: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(1000, 'The note must be 1000 characters or fewer')))),
  /** When the work is expected to be done, with its offset. */
  expected_datetime: z.optional(z.nullable(timestamp)),
});

/** A status change as sent, see {@link reportStatusInput}. */
export type ReportStatusInput = z.input<typeof reportStatusInput>;

/** Staff merge a duplicate into the report it repeats: it is closed with resolution `duplicate`. */
export const reportMergeInput = z.object({ into: serviceRequestId });

/** An update as staff post it; `role` defaults to `petugas`, `author` to the OPD's name. */
export const reportUpdateInput = z.object({
  description: z.string('Write the update').check(
    z.trim(),
    z.minLength(1, 'Write the update'),
    z.maxLength(REPORT_DESCRIPTION_MAX_LENGTH, `The update must be ${REPORT_DESCRIPTION_MAX_LENGTH} characters or fewer`),
  ),
  status: z.optional(z.enum(reportStatuses, 'Use status open or closed')),
  resolution: z.optional(z.nullable(z.enum(reportResolutions, `Use one of: ${reportResolutions.join(', ')}`))),
  role: z.optional(z.enum(stakeholderRoles, `Use one of: ${stakeholderRoles.join(', ')}`)),
  author: optionalText(120, 'The author'),
  media_url: optionalText(500, 'The photo address'),
});

/** An update as sent, see {@link reportUpdateInput}. */
export type ReportUpdateInput = z.input<typeof reportUpdateInput>;

/** An Open311 API key as listed (never the key itself, which is kept only as its hash). */
export const open311ApiKey = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(apiKeyRoles),
  created_at: z.string(),
  revoked_at: z.nullable(z.string()),
  last_used_at: z.nullable(z.string()),
});

/** An API key as listed, see {@link open311ApiKey}. */
export type Open311ApiKey = z.infer<typeof open311ApiKey>;

/** A key just issued: `key` is shown this once. */
export const open311ApiKeyIssued = z.extend(open311ApiKey, { key: z.string() });

/** A key just issued, see {@link open311ApiKeyIssued}. */
export type Open311ApiKeyIssued = z.infer<typeof open311ApiKeyIssued>;

/** What an OPD admin sends to issue a key: who holds it (`name`, e.g. "Camat Merapi Barat") and its role. */
export const open311ApiKeyInput = z.object({
  name: z.string('Name who holds the key').check(z.trim(), z.minLength(1, 'Name who holds the key'), z.maxLength(120, 'The name must be 120 characters or fewer')),
  role: z.enum(apiKeyRoles, `Use one of: ${apiKeyRoles.join(', ')}`),
});

/** A key request, see {@link open311ApiKeyInput}. */
export type Open311ApiKeyInput = z.input<typeof open311ApiKeyInput>;

/** The inbox's resolution filter: a resolution, or `none` for reports without one yet. */
export const inboxResolutions = [...reportResolutions, 'none'] as const;

/** A value of the inbox's resolution filter, see {@link inboxResolutions}. */
export type InboxResolution = (typeof inboxResolutions)[number];

/**
 * Every Perjaka report endpoint of our own API: the public ones ({@link roadReportPublicEndpoints})
 * and the staff's inbox, status, moderation, merge and updates, and the OPD admins' API keys.
 */
export const roadReportEndpoints = {
  ...roadReportPublicEndpoints,
  staffList: endpoint({
    id: 'listRoadReportsStaff',
    method: 'GET',
    path: '/api/v1/opds/{opd}/road-report-inbox',
    params: opdParams,
    query: z.extend(roadReportPage, {
      status: z.optional(z.enum(reportStatuses, 'Use status open or closed')),
      service_code: z.optional(serviceCode),
      /** `true`: only reports with a possible duplicate not merged yet. */
      duplicates: z.optional(z.enum(['true', 'false'], 'Use duplicates=true or false')),
      /** Only reports with this resolution, or `none`: those without one yet. */
      resolution: z.optional(z.enum(inboxResolutions, `Use one of: ${inboxResolutions.join(', ')}`)),
    }),
    response: roadReportStaffList,
    access: 'staff',
  }),
  staffGet: endpoint({
    id: 'getRoadReportStaff',
    method: 'GET',
    path: '/api/v1/opds/{opd}/road-report-inbox/{id}',
    params: roadReportParams,
    response: roadReportStaff,
    access: 'staff',
  }),
  setStatus: endpoint({
    id: 'setRoadReportStatus',
    method: 'PATCH',
    path: '/api/v1/opds/{opd}/road-reports/{id}',
    params: roadReportParams,
    body: reportStatusInput,
    response: roadReportStaff,
    access: 'staff',
  }),
  moderate: endpoint({
    id: 'moderateRoadReport',
    method: 'POST',
    path: '/api/v1/opds/{opd}/road-reports/{id}/moderation',
    params: roadReportParams,
    body: reportModerationInput,
    response: roadReportStaff,
    access: 'staff',
  }),
  merge: endpoint({
    id: 'mergeRoadReport',
    method: 'POST',
    path: '/api/v1/opds/{opd}/road-reports/{id}/merge',
    params: roadReportParams,
    body: reportMergeInput,
    response: roadReportStaff,
    access: 'staff',
    errors: ['conflict'],
  }),
  postUpdate: endpoint({
    id: 'postRoadReportUpdate',
    method: 'POST',
    path: '/api/v1/opds/{opd}/road-reports/{id}/updates',
    params: roadReportParams,
    body: reportUpdateInput,
    response: roadReportUpdate,
    status: 201,
    access: 'staff',
  }),
  listKeys: endpoint({
    id: 'listOpen311Keys',
    method: 'GET',
    path: '/api/v1/opds/{opd}/open311-keys',
    params: opdParams,
    response: z.object({ data: z.array(open311ApiKey) }),
    access: 'opd-admin',
  }),
  issueKey: endpoint({
    id: 'issueOpen311Key',
    method: 'POST',
    path: '/api/v1/opds/{opd}/open311-keys',
    params: opdParams,
    body: open311ApiKeyInput,
    response: open311ApiKeyIssued,
    status: 201,
    access: 'opd-admin',
  }),
  revokeKey: endpoint({
    id: 'revokeOpen311Key',
    method: 'DELETE',
    path: '/api/v1/opds/{opd}/open311-keys/{id}',
    params: z.object({ opd: opdSlug, id: z.string().check(z.regex(/^[a-z0-9]{8,32}$/)) }),
    response: open311ApiKey,
    access: 'opd-admin',
  }),
} as const;
