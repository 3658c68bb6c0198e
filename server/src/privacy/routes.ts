/**
 * Personal data under UU 27/2022, the spine's part for the regency admin: the audit log (who
 * saw or changed which citizen's data, when; as pages and as CSV), the privacy settings (the
 * retention period of contact data, applied by `./retention.ts`), and one citizen's data
 * exported or erased on request through every module's `privacy` hooks (`./personal-data.ts`).
 *
 * @module
 */
import {
  auditLogPage,
  dataSubject,
  personalDataErasure,
  personalDataExport,
  privacyEndpoints as endpoints,
  privacySettings,
} from '../../../src/schemas/index.js';
import { dayIn } from '../calendar/working-days.js';
import { audit } from '../db/audit.js';
import { decodeCursor, pageOf } from '../http/cursor.js';
import { defineModule, route } from '../http/module.js';
import { auditCsv, auditPage, cursorOf, toAuditEntry, type AuditFilters } from './audit-log.js';
import { erasePersonalData, exportPersonalData, PERSONAL_DATA_SUBJECT } from './personal-data.js';
import { readPrivacySettings, writePrivacySettings } from './settings.js';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** Entries per page unless `limit` says otherwise. */
export const AUDIT_PAGE_SIZE = 50;

const auditDocs = {
  actor: 'Who: a staff user’s id (`usr_…`), their e-mail address, or a system actor’s name (`retention`).',
  action: 'What: the start of the action, e.g. `consultation.` (every SIAP entry) or `personal-data.erase`.',
  subject: 'About what, exactly: a tracking code, `opd:<slug>`, `user:<id>`, `personal-data`.',
  opd: 'The agency (OPD) slug the entries are about.',
  from: 'From this moment on (inclusive), ISO 8601 with offset.',
  to: 'Before this moment (exclusive), ISO 8601 with offset.',
  limit: `Entries per page (default ${AUDIT_PAGE_SIZE}, at most 100).`,
  cursor: 'The `nextCursor` of the previous page.',
};

/** The checked query's filters. */
function filtersOf(query: { actor?: string; action?: string; subject?: string; opd?: string; from?: string; to?: string }): AuditFilters {
  return {
    actor: query.actor,
    action: query.action,
    subject: query.subject,
    opd: query.opd,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  };
}

/** The filters as the audit entry of an export records them (the ones given). */
function givenFilters(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([key, value]) => value !== undefined && key !== 'limit' && key !== 'cursor'));
}

const listAudit = route({
  endpoint: endpoints.audit,
  summary: 'Read the audit log',
  description:
    'Who saw or changed what, newest first: each entry names the person (id, e-mail and name at the time) or the system actor (`retention`), the action, its subject, the agency and details (ids, filters, counts; never the personal data itself). Filters combine. For a regency admin.',
  returns: 'A page of entries.',
  docs: auditDocs,
  async handler({ query, deps }) {
    const limit = query.limit ?? AUDIT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await auditPage(deps.db, filtersOf(query), limit, after);
    const { page, nextCursor } = pageOf(rows, limit, cursorOf);
    return { body: { data: page.map(toAuditEntry), nextCursor }, headers: NO_STORE };
  },
});

const exportAudit = route({
  endpoint: endpoints.auditCsv,
  summary: 'Export the audit log as CSV',
  description:
    'Every entry matching the filters (as `GET /api/v1/audit`; `limit` and `cursor` are ignored), newest first, as CSV (RFC 4180, UTF-8, a header row: id, at, actor_id, actor_email, actor_name, action, subject, opd, detail as JSON). A cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-` or `@`) starts with `\'`. The export itself is in the audit log. For a regency admin.',
  returns: 'The CSV file.',
  docs: { ...auditDocs, limit: 'Ignored: the export has every matching entry.', cursor: 'Ignored.' },
  async handler({ query, deps, now, actor }) {
    const { text, rows } = await auditCsv(deps.db, filtersOf(query));
    await audit(deps.db, { actor, action: 'audit.export', subject: 'audit-log', detail: { filters: givenFilters(query), rows } }, now);
    return {
      body: text,
      headers: { ...NO_STORE, 'Content-Disposition': `attachment; filename="audit-log-${dayIn(now, deps.settings.timeZone)}.csv"` },
    };
  },
});

const getSettings = route({
  endpoint: endpoints.getSettings,
  summary: 'Get the privacy settings',
  description:
    'The regency’s retention period: days after a case (a consultation, …) is closed before the citizen’s name and contact are erased (`contactRetentionDays`; null keeps them until erased on request). For a regency admin.',
  returns: 'The settings.',
  async handler({ deps }) {
    return { body: await readPrivacySettings(deps.db), headers: NO_STORE };
  },
});

const setSettings = route({
  endpoint: endpoints.setSettings,
  summary: 'Change the privacy settings',
  description:
    'Sets the retention period of citizens’ contact data (30 to 3650 days, or null for none). The server applies it at start and every hour: names and contacts of cases closed longer ago are erased (the cases stay), recorded in the audit log as `retention`. For a regency admin.',
  returns: 'The new settings.',
  async handler({ body, deps, now, actor }) {
    await deps.db.transaction().execute(async (trx) => {
      const before = await writePrivacySettings(trx, body, actor.id, now);
      await audit(
        trx,
        { actor, action: 'privacy.settings', subject: 'regency-settings', detail: { contactRetentionDays: { from: before.contactRetentionDays, to: body.contactRetentionDays } } },
        now,
      );
    });
    return { body, headers: NO_STORE };
  },
});

const exportData = route({
  endpoint: endpoints.exportPersonalData,
  summary: 'Export one citizen’s data',
  description:
    'Everything every module stores about the citizen who gave this e-mail address or mobile number (either or both), one record per case, oldest first: for a request under UU 27/2022. In the audit log with who asked: one entry per case found and one for the request (how the citizen was found and how many records; never the contact or the data). For a regency admin.',
  returns: 'The records.',
  async handler({ body, deps, now, actor }) {
    return { body: await exportPersonalData(deps, actor, body, now), headers: NO_STORE };
  },
});

const eraseData = route({
  endpoint: endpoints.erasePersonalData,
  summary: 'Erase one citizen’s data',
  description:
    'Erases the name and contact of the citizen who gave this e-mail address or mobile number from every case in every module; the cases themselves (a question, its answer) stay, no longer tied to a person. Answers how many cases each module erased. In the audit log with who asked, as for an export. For a regency admin.',
  returns: 'What was erased.',
  async handler({ body, deps, now, actor }) {
    const erased = await erasePersonalData(deps, actor, body, now);
    deps.log.info('personal data erased on request', { cases: Object.values(erased.erased).reduce((a, b) => a + b, 0), user: actor.id });
    return { body: erased, headers: NO_STORE };
  },
});

/** Privacy: the audit log, the retention period, a citizen's data on request. Not switched per OPD. */
export const privacyModule = defineModule({
  id: 'privacy',
  perOpd: false,
  routes: [listAudit, exportAudit, getSettings, setSettings, exportData, eraseData],
  openapi: {
    tag: {
      name: 'Privacy',
      description: `Personal data under UU 27/2022, for the regency admin: the audit log, the retention period of contact data, and one citizen’s data exported or erased on request (audit subject \`${PERSONAL_DATA_SUBJECT}\`).`,
    },
    schemas: {
      AuditLogPage: { schema: auditLogPage, io: 'output', description: 'A page of the audit log, newest first: who saw or changed what, when.' },
      PrivacySettings: { schema: privacySettings, io: 'output', description: 'The retention period of citizens’ contact data.' },
      DataSubject: { schema: dataSubject, io: 'input', description: 'The citizen: the e-mail address or mobile number they gave (either or both).' },
      PersonalDataExport: { schema: personalDataExport, io: 'output', description: 'Everything stored about the citizen, one record per case.' },
      PersonalDataErasure: { schema: personalDataErasure, io: 'output', description: 'How many cases each module erased.' },
    },
  },
});
