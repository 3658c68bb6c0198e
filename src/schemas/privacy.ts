/**
 * Personal data under UU 27/2022: the audit log (who saw or changed which citizen's data,
 * when), the regency's retention period for citizens' contact data, and the export and
 * erasure of one citizen's data on request. All for the regency admin.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage, timestamp } from './common.js';
import { pageQuery } from './page-query.js';
import { endpoint } from './endpoint.js';
import { opdSlug } from './opds.js';

/**
 * One audit-log entry: when, who (`actor`: the user's id, e-mail and name at the time, or a
 * system actor such as `retention`), what (`action`, e.g. `consultation.view`), about what
 * (`subject`, e.g. a tracking code), in which OPD, and details (never the personal data itself).
 */
export const auditEntry = z.object({
  id: z.string(),
  at: timestamp,
  actor: z.object({ id: z.nullable(z.string()), email: z.nullable(z.string()), name: z.string() }),
  action: z.string(),
  subject: z.string(),
  opd: z.nullable(opdSlug),
  detail: z.record(z.string(), z.unknown()),
});

/** An audit-log entry, see {@link auditEntry}. */
export type AuditEntryView = z.infer<typeof auditEntry>;

/** A page of the audit log, `GET /api/v1/audit`. */
export const auditLogPage = listPage(auditEntry);

/** A time to filter the audit log by: an ISO 8601 timestamp from 1970 to 9999. */
const auditTime = timestamp.check(
  z.refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= 1970 && year <= 9999;
  }, 'Use a time between 1970 and 9999, like 2025-03-01T00:00:00+07:00'),
);

/**
 * Filters of the audit log, combined: who (`actor`: a user id, an e-mail address, or a system
 * actor's name such as `retention`), what (`action`: a prefix, e.g. `consultation.`), about what
 * (`subject`, exactly, e.g. a tracking code), which OPD, and when (`from` inclusive, `to` exclusive).
 */
export const auditQuery = z.object({
  ...pageQuery.shape,
  actor: z.optional(z.string().check(z.maxLength(254))),
  action: z.optional(z.string().check(z.maxLength(100))),
  subject: z.optional(z.string().check(z.maxLength(100))),
  opd: z.optional(opdSlug),
  from: z.optional(auditTime),
  to: z.optional(auditTime),
});

/** Filters of the audit log, see {@link auditQuery}. */
export type AuditQuery = z.input<typeof auditQuery>;

/** The regency's privacy settings. */
export const privacySettings = z.object({
  /**
   * Days after a consultation (or any module's case) is finished — closed, or answered with
   * nothing since — before the citizen's name and contact are erased, with every mention of
   * them in the case's text; null keeps them until erased on request.
   */
  contactRetentionDays: z.nullable(z.number().check(z.int(), z.minimum(30, 'Keep contact data at least 30 days'), z.maximum(3650))),
});

/** The privacy settings, see {@link privacySettings}. */
export type PrivacySettings = z.infer<typeof privacySettings>;

/** Whose data: a citizen found by the e-mail address or mobile number they gave. */
export const dataSubject = z
  .object({
    email: z.optional(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254))),
    phone: z.optional(z.string().check(z.trim(), z.maxLength(32))),
  })
  .check(
    z.refine((v) => Boolean(v?.email) || Boolean(v?.phone), {
      path: ['email'],
      message: 'Enter the e-mail address or the mobile number the citizen gave',
      params: { code: 'required' },
    }),
  );

/** Whose data, see {@link dataSubject}. */
export type DataSubject = z.input<typeof dataSubject>;

/** One record holding a citizen's data, as a module finds it: which module, which case, and everything stored about them. */
export const personalDataRecord = z.object({
  module: z.string(),
  opd: opdSlug,
  subject: z.string(),
  at: timestamp,
  data: z.record(z.string(), z.unknown()),
});

/** One record of a citizen's data, see {@link personalDataRecord}. */
export type PersonalDataRecord = z.infer<typeof personalDataRecord>;

/** `POST /api/v1/personal-data/export`: everything stored about the citizen, every module's. */
export const personalDataExport = z.object({
  exportedAt: timestamp,
  records: z.array(personalDataRecord),
});

/** `POST /api/v1/personal-data/erase`: how many records each module erased. */
export const personalDataErasure = z.object({
  erasedAt: timestamp,
  erased: z.record(z.string(), z.number()),
});

/** A personal-data export, see {@link personalDataExport}. */
export type PersonalDataExport = z.infer<typeof personalDataExport>;

/** What an erasure did, see {@link personalDataErasure}. */
export type PersonalDataErasure = z.infer<typeof personalDataErasure>;

/** The privacy endpoints (regency admin). */
export const privacyEndpoints = {
  /** Reads the audit log, newest first. */
  audit: endpoint({
    id: 'listAuditLog',
    method: 'GET',
    path: '/api/v1/audit',
    query: auditQuery,
    response: auditLogPage,
    access: 'regency-admin',
  }),
  /** The audit log as CSV (the same filters, every matching entry). */
  auditCsv: endpoint({
    id: 'exportAuditLog',
    method: 'GET',
    path: '/api/v1/audit.csv',
    query: auditQuery,
    response: z.string(),
    produces: 'text/csv; charset=utf-8',
    access: 'regency-admin',
  }),
  /** The privacy settings. */
  getSettings: endpoint({
    id: 'getPrivacySettings',
    method: 'GET',
    path: '/api/v1/privacy',
    response: privacySettings,
    access: 'regency-admin',
  }),
  /** Changes the privacy settings. */
  setSettings: endpoint({
    id: 'setPrivacySettings',
    method: 'PUT',
    path: '/api/v1/privacy',
    body: privacySettings,
    response: privacySettings,
    access: 'regency-admin',
  }),
  /** Everything stored about one citizen (a request under UU 27/2022), audited. */
  exportPersonalData: endpoint({
    id: 'exportPersonalData',
    method: 'POST',
    path: '/api/v1/personal-data/export',
    body: dataSubject,
    response: personalDataExport,
    access: 'regency-admin',
  }),
  /** Erases one citizen's name and contact everywhere (their questions stay, anonymous), audited. */
  erasePersonalData: endpoint({
    id: 'erasePersonalData',
    method: 'POST',
    path: '/api/v1/personal-data/erase',
    body: dataSubject,
    response: personalDataErasure,
    access: 'regency-admin',
  }),
};
