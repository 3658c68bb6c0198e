/**
 * One citizen's data on request (UU 27/2022): everything every module holds about them, and
 * its erasure, through each module's `privacy` hooks. The spine runs the hooks and writes the
 * audit log with the person who asked: one entry per case touched (its subject and OPD, so a
 * case's history shows it) and one for the request, naming how the citizen was found and how
 * many records each module had, never the e-mail address, the number or the data.
 *
 * @module
 */
import type { Transaction } from 'kysely';
import type { PersonalDataErasure, PersonalDataExport, PersonalDataRecord } from '../../../src/schemas/index.js';
import type { AuditActor } from '../auth/actor.js';
import { audit } from '../db/audit.js';
import type { Database } from '../db/schema.js';
import type { AppDeps } from '../http/env.js';
import type { PersonalDataSubject, PrivacyHooks, ServerModule } from '../http/module.js';

/** The audit subject of a request about one citizen (their contact is never written). */
export const PERSONAL_DATA_SUBJECT = 'personal-data';

/** The modules that hold personal data, with their hooks. */
function holders(modules: readonly ServerModule[]): Array<{ id: string; privacy: PrivacyHooks }> {
  return modules.flatMap((module) => (module.privacy ? [{ id: module.id, privacy: module.privacy }] : []));
}

/** How the citizen was found, for the audit log: which of e-mail and phone were given (not their values). */
function foundBy(subject: PersonalDataSubject): string[] {
  return [...(subject.email ? ['email'] : []), ...(subject.phone ? ['phone'] : [])];
}

/** One entry per case touched, then the request's. */
async function auditRequest(
  trx: Transaction<Database>,
  action: 'personal-data.export' | 'personal-data.erase',
  actor: AuditActor,
  subject: PersonalDataSubject,
  records: readonly PersonalDataRecord[],
  counts: Record<string, number>,
  now: Date,
): Promise<void> {
  const by = foundBy(subject);
  for (const record of records) {
    await audit(trx, { actor, action, subject: record.subject, opd: record.opd, detail: { module: record.module, by } }, now);
  }
  await audit(trx, { actor, action, subject: PERSONAL_DATA_SUBJECT, detail: { by, records: counts } }, now);
}

/** Everything every module holds about the citizen, oldest first; audited. */
export async function exportPersonalData(deps: AppDeps, actor: AuditActor, subject: PersonalDataSubject, now: Date): Promise<PersonalDataExport> {
  return deps.db.transaction().execute(async (trx) => {
    const records: PersonalDataRecord[] = [];
    const counts: Record<string, number> = {};
    for (const { id, privacy } of holders(deps.modules)) {
      const found = await privacy.find(trx, subject);
      counts[id] = found.length;
      records.push(...found);
    }
    records.sort((a, b) => a.at.localeCompare(b.at));
    await auditRequest(trx, 'personal-data.export', actor, subject, records, counts, now);
    return { exportedAt: now.toISOString(), records };
  });
}

/** Erases the citizen's name and contact in every module (their cases stay, anonymous); audited. */
export async function erasePersonalData(deps: AppDeps, actor: AuditActor, subject: PersonalDataSubject, now: Date): Promise<PersonalDataErasure> {
  return deps.db.transaction().execute(async (trx) => {
    const touched: PersonalDataRecord[] = [];
    const erased: Record<string, number> = {};
    for (const { id, privacy } of holders(deps.modules)) {
      // Found first, in the same transaction, so the audit log names each case erased.
      touched.push(...(await privacy.find(trx, subject)));
      erased[id] = await privacy.erase(trx, subject, now);
    }
    await auditRequest(trx, 'personal-data.erase', actor, subject, touched, erased, now);
    return { erasedAt: now.toISOString(), erased };
  });
}
