/**
 * The compliance self-check: every service's standard in force against the checklist (data,
 * default the Ombudsman's components; a regency admin may change it), per OPD and regency-wide.
 * A component counts as present when the standard says something real for it: a list with an
 * item, a text, a number of staff above zero, a cost that says free or how much *and* names its
 * legal basis, opening hours or a note on them, the OPD's pledge.
 *
 * @module
 */
import type { ComplianceChecklist, ComplianceReport, ServiceComponent } from '../../../../src/schemas/services.js';
import { serviceComponentNames } from '../../../../src/schemas/services.js';
import type { VersionRow } from './standards.js';
import type { ServicesDb } from './tables.js';

/** The checklist kept (the migration adds the default). */
export async function checklistOf(db: ServicesDb): Promise<ComplianceChecklist> {
  const row = await db.selectFrom('service_checklists').selectAll().where('id', '=', 'regency').executeTakeFirstOrThrow();
  return {
    name: row.name,
    source: row.source,
    items: row.items.map((i) => ({ component: i.component as ServiceComponent, name: i.name || serviceComponentNames[i.component as ServiceComponent] })),
    updatedAt: row.updated_at ? new Date(row.updated_at).toISOString() : null,
  };
}

const text = (value: string | null) => value !== null && value.trim().length > 0;

/** Whether a version has `component`, the OPD's pledge given as `hasPledge`. */
export function hasComponent(row: VersionRow, component: ServiceComponent, hasPledge: boolean): boolean {
  switch (component) {
    case 'requirements':
      return row.requirements.length > 0;
    case 'procedure':
      return row.procedure.length > 0;
    case 'duration':
      return text(row.duration_text);
    case 'cost':
      return text(row.cost_basis) && (row.cost_free || row.cost_amount !== null || text(row.cost_note));
    case 'product':
      return text(row.product);
    case 'complaints':
      return row.complaints.length > 0;
    case 'legalBasis':
      return row.legal_basis.length > 0;
    case 'facilities':
      return text(row.facilities);
    case 'facilitiesDisability':
      return text(row.facilities_disability);
    case 'competence':
      return text(row.competence);
    case 'internalOversight':
      return text(row.internal_oversight);
    case 'staffCount':
      return row.staff_count !== null && row.staff_count > 0;
    case 'serviceGuarantee':
      return text(row.service_guarantee);
    case 'securityGuarantee':
      return text(row.security_guarantee);
    case 'performanceEvaluation':
      return text(row.performance_evaluation);
    case 'hours':
      return row.hours.length > 0 || text(row.hours_note);
    case 'location':
      return text(row.location_name);
    case 'pledge':
      return hasPledge;
  }
}

/** The report over `rows` (the standards in force) of `opds` (every OPD listed, with or without services). */
export function complianceOf(
  checklist: ComplianceChecklist,
  day: string,
  opds: ReadonlyArray<{ slug: string; name: string }>,
  rows: readonly VersionRow[],
  pledged: ReadonlySet<string>,
): ComplianceReport {
  const items = rows
    .map((row) => {
      const missing = checklist.items.map((i) => i.component).filter((c) => !hasComponent(row, c, pledged.has(row.opd_slug)));
      return { slug: row.slug, name: row.name, opd: row.opd_slug, complete: missing.length === 0, missing };
    })
    .sort((a, b) => Number(a.complete) - Number(b.complete) || a.opd.localeCompare(b.opd) || a.name.localeCompare(b.name, 'id'));
  const percent = (done: number, of: number) => (of === 0 ? 0 : Math.round((done / of) * 10000) / 100);
  const perOpd = opds.map((opd) => {
    const own = items.filter((i) => i.opd === opd.slug);
    const missing: Record<string, number> = {};
    for (const i of own) for (const c of i.missing) missing[c] = (missing[c] ?? 0) + 1;
    const complete = own.filter((i) => i.complete).length;
    return { slug: opd.slug, name: opd.name, services: own.length, complete, percent: percent(complete, own.length), missing };
  });
  const complete = items.filter((i) => i.complete).length;
  return { checklist, day, services: items.length, complete, percent: percent(complete, items.length), opds: perOpd, items };
}
