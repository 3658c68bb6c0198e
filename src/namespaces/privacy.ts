/**
 * `client.privacy`: personal data under UU 27/2022, every call for the regency admin (anyone
 * else is refused with an `ApiError` of status 403, `code` `forbidden`): the audit log as a list
 * and as CSV, the retention period of citizens' contact data, and one citizen's data exported
 * or erased on request.
 *
 * ```ts
 * for await (const entry of client.privacy.audit({ action: 'personal-data.' })) console.log(entry.at, entry.actor.name);
 * await client.privacy.settings.set({ contactRetentionDays: 365 });
 * const { records } = await client.privacy.exportPersonalData({ email: 'warga@example.com' });
 * ```
 *
 * @module
 */
import { paginate, type Paginated } from '../pagination.js';
import type { CallOptions } from '../request.js';
import {
  privacyEndpoints as endpoints,
  type AuditEntryView,
  type AuditQuery,
  type DataSubject,
  type PersonalDataErasure,
  type PersonalDataExport,
  type PrivacySettings,
} from '../schemas/privacy.js';
import type { NamespaceFactory } from './shared.js';

/** The regency's privacy settings, `client.privacy.settings` (regency admin). */
export interface PrivacySettingsNamespace {
  /** Regency admin: the retention period of citizens' contact data (null: kept until erased on request). */
  get(options?: CallOptions): Promise<PrivacySettings>;
  /**
   * Regency admin: sets the retention period (30 to 3650 days, or null). The server erases the
   * name and contact of cases closed longer ago within the hour, and every hour after.
   */
  set(settings: PrivacySettings, options?: CallOptions): Promise<PrivacySettings>;
}

/** Personal-data calls, all for the regency admin. */
export interface PrivacyNamespace {
  /**
   * Regency admin: the audit log, newest first, filtered (filters combine): `actor` (a user id,
   * an e-mail address or `retention`), `action` (a prefix, e.g. `consultation.`), `subject`
   * (exactly, e.g. a tracking code), `opd`, `from` (inclusive) and `to` (exclusive).
   */
  audit(query?: AuditQuery, options?: CallOptions): Paginated<AuditEntryView>;
  /** Regency admin: every audit-log entry matching the filters as CSV text (the export is audited). */
  auditCsv(query?: Omit<AuditQuery, 'limit' | 'cursor'>, options?: CallOptions): Promise<string>;
  /** Regency admin: the retention period. */
  readonly settings: PrivacySettingsNamespace;
  /** Regency admin: everything stored about the citizen who gave this e-mail address or mobile number (audited). */
  exportPersonalData(subject: DataSubject, options?: CallOptions): Promise<PersonalDataExport>;
  /**
   * Regency admin: erases that citizen's name and contact everywhere (their cases stay,
   * anonymous); answers how many cases each module erased (audited).
   */
  erasePersonalData(subject: DataSubject, options?: CallOptions): Promise<PersonalDataErasure>;
}

/** Builds `client.privacy`; pass it to {@link buildClient} to include it in a client. */
export const privacy: NamespaceFactory<PrivacyNamespace> = (sender) => ({
  audit(query = {}, options) {
    // Checked on the first page fetch, so a bad filter rejects like any other call.
    return paginate((cursor) =>
      sender.call(endpoints.audit, {
        query: { ...query, cursor: cursor ?? query.cursor },
        what: 'the audit log',
        signal: options?.signal,
      }),
    );
  },
  async auditCsv(query = {}, options) {
    return sender.call(endpoints.auditCsv, { query, what: 'the audit log export', signal: options?.signal });
  },
  settings: {
    async get(options) {
      return sender.call(endpoints.getSettings, { what: 'the privacy settings', signal: options?.signal });
    },
    async set(settings, options) {
      return sender.call(endpoints.setSettings, { body: settings, what: 'the privacy settings', signal: options?.signal });
    },
  },
  async exportPersonalData(subject, options) {
    return sender.call(endpoints.exportPersonalData, { body: subject, what: 'the personal-data export', signal: options?.signal });
  },
  async erasePersonalData(subject, options) {
    return sender.call(endpoints.erasePersonalData, { body: subject, what: 'the personal-data erasure', signal: options?.signal });
  },
});
