/**
 * Service standards: the version in force on a day (the latest whose effective day is not
 * after it; on one day, the highest number), the public view (six published components, the
 * channels, hours, location, the unit's pledge, where to ask), the staff view (with the eight
 * internal components and the version's state), and the columns a new version is written with.
 *
 * @module
 */
import { sql } from 'kysely';
import type { Service, ServiceCategory, ServicePledge } from '../../../../src/schemas/services.js';
import type { ServiceStandard, ServiceStandardInput, ServiceVersionInfo } from '../../../../src/schemas/services-staff.js';
import { validationProblem } from '../../http/problem.js';
import type { FieldError } from '../../../../src/schemas/index.js';
import type { ServicesDb } from './tables.js';

/** A version row as read, with its service and OPD. */
export interface VersionRow {
  version_id: number;
  service_id: number;
  slug: string;
  opd_slug: string;
  opd_name: string;
  opd_modules: string[];
  is_demo: boolean;
  number: number;
  effective_on: string;
  name: string;
  category: string;
  summary: string | null;
  online: boolean;
  offline: boolean;
  online_url: string | null;
  requirements: string[];
  procedure: string[];
  duration_text: string;
  duration_days: number | null;
  cost_free: boolean;
  cost_amount: number | null;
  cost_note: string | null;
  cost_basis: string | null;
  product: string;
  complaints: string[];
  hours: Array<{ days: number[]; opens: string; closes: string }>;
  hours_note: string | null;
  location_name: string;
  location_address: string | null;
  legal_basis: string[];
  facilities: string | null;
  facilities_disability: string | null;
  competence: string | null;
  internal_oversight: string | null;
  staff_count: number | null;
  service_guarantee: string | null;
  security_guarantee: string | null;
  performance_evaluation: string | null;
  change_note: string | null;
  created_at: Date;
  created_by_name: string | null;
}

/** Versions with their service, OPD and author: the base of every read. */
export function versionQuery(db: ServicesDb) {
  return db
    .selectFrom('service_versions as v')
    .innerJoin('services as s', 's.id', 'v.service_id')
    .innerJoin('opds', 'opds.slug', 's.opd_slug')
    .leftJoin('staff_users as author', 'author.id', 'v.created_by')
    .select([
      'v.id as version_id',
      's.id as service_id',
      's.slug',
      's.opd_slug',
      'opds.name as opd_name',
      'opds.modules as opd_modules',
      's.is_demo',
      'v.number',
      sql<string>`to_char(v.effective_on, 'YYYY-MM-DD')`.as('effective_on'),
      'v.name',
      'v.category',
      'v.summary',
      'v.online',
      'v.offline',
      'v.online_url',
      'v.requirements',
      'v.procedure',
      'v.duration_text',
      'v.duration_days',
      'v.cost_free',
      'v.cost_amount',
      'v.cost_note',
      'v.cost_basis',
      'v.product',
      'v.complaints',
      'v.hours',
      'v.hours_note',
      'v.location_name',
      'v.location_address',
      'v.legal_basis',
      'v.facilities',
      'v.facilities_disability',
      'v.competence',
      'v.internal_oversight',
      'v.staff_count',
      'v.service_guarantee',
      'v.security_guarantee',
      'v.performance_evaluation',
      'v.change_note',
      'v.created_at',
      'author.name as created_by_name',
    ]);
}

/** Each service's version in force on `day`: the latest effective on or before it (on one day, the highest number). */
export function inForceVersions(db: ServicesDb, day: string) {
  return versionQuery(db).where('v.id', '=', (eb) =>
    eb
      .selectFrom('service_versions as w')
      .select('w.id')
      .whereRef('w.service_id', '=', 's.id')
      .where(sql<boolean>`w.effective_on <= ${day}::date`)
      .orderBy('w.effective_on', 'desc')
      .orderBy('w.number', 'desc')
      .limit(1),
  );
}

/** The pledges of the given OPDs, by slug. */
export async function pledgesOf(db: ServicesDb, opds: readonly string[]): Promise<Map<string, ServicePledge>> {
  const found = new Map<string, ServicePledge>();
  if (opds.length === 0) return found;
  const rows = await db
    .selectFrom('service_pledges')
    .select(['opd_slug', 'text', 'pledged_by', sql<string | null>`to_char(pledged_on, 'YYYY-MM-DD')`.as('pledged_on')])
    .where('opd_slug', 'in', [...new Set(opds)])
    .execute();
  for (const row of rows) found.set(row.opd_slug, { text: row.text, by: row.pledged_by, on: row.pledged_on });
  return found;
}

/** The public view of a version. */
export function toService(row: VersionRow, pledge: ServicePledge | null): Service {
  return {
    slug: row.slug,
    opd: { slug: row.opd_slug, name: row.opd_name },
    name: row.name,
    category: row.category as ServiceCategory,
    summary: row.summary,
    online: row.online,
    offline: row.offline,
    onlineUrl: row.online_url,
    requirements: row.requirements,
    procedure: row.procedure,
    duration: { text: row.duration_text, workingDays: row.duration_days },
    cost: { free: row.cost_free, amount: row.cost_amount, note: row.cost_note, legalBasis: row.cost_basis },
    product: row.product,
    complaints: row.complaints,
    hours: row.hours,
    hoursNote: row.hours_note,
    location: { name: row.location_name, address: row.location_address },
    pledge,
    version: { number: row.number, effectiveOn: row.effective_on },
    consultation: row.opd_modules.includes('siap') ? { opd: row.opd_slug, path: `/api/v1/opds/${row.opd_slug}/consultations` } : null,
    isDemo: row.is_demo,
  };
}

/** The staff view of a version: the public view, the eight internal components and its state on `day`. */
export function toStandard(row: VersionRow, pledge: ServicePledge | null, state: ServiceVersionInfo['state']): ServiceStandard {
  return {
    ...toService(row, pledge),
    internal: {
      legalBasis: row.legal_basis,
      facilities: row.facilities,
      facilitiesDisability: row.facilities_disability,
      competence: row.competence,
      internalOversight: row.internal_oversight,
      staffCount: row.staff_count,
      serviceGuarantee: row.service_guarantee,
      securityGuarantee: row.security_guarantee,
      performanceEvaluation: row.performance_evaluation,
    },
    versionInfo: { number: row.number, effectiveOn: row.effective_on, createdAt: row.created_at.toISOString(), createdBy: row.created_by_name, changeNote: row.change_note, state },
  };
}

/** The checks a version's body needs beyond its shape (422 naming each field): a real day, a cost that says what it is, hours that close after they open. */
export function checkStandard(body: ServiceStandardInput, path = ''): void {
  const errors: FieldError[] = [];
  if (body.effectiveOn !== undefined) {
    const parsed = new Date(`${body.effectiveOn}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== body.effectiveOn) {
      errors.push({ path: `${path}effectiveOn`, message: `${body.effectiveOn} is not a day of the calendar`, code: 'format' });
    }
  }
  const cost = body.cost;
  if (cost.free && cost.amount !== undefined && cost.amount !== null && cost.amount !== 0) {
    errors.push({ path: `${path}cost.amount`, message: 'A free service has no amount: leave it empty, or say it is not free', code: 'invalid' });
  }
  if (!cost.free && (cost.amount === undefined || cost.amount === null) && !cost.note) {
    errors.push({ path: `${path}cost.amount`, message: 'Give the cost in whole rupiah, or explain the tariff in the note', code: 'required' });
  }
  body.hours.forEach((h, i) => {
    if (h.closes <= h.opens) errors.push({ path: `${path}hours.${i}.closes`, message: `Closing time ${h.closes} is not after opening time ${h.opens}`, code: 'invalid' });
  });
  if (!body.online && !body.offline) errors.push({ path: `${path}online`, message: 'A service is given on line, at a counter, or both', code: 'invalid' });
  if (errors.length > 0) throw validationProblem(errors);
}

/** The columns of a new version. */
export function versionColumns(body: ServiceStandardInput) {
  const internal = body.internal ?? {};
  return {
    name: body.name,
    category: body.category,
    summary: body.summary ?? null,
    online: body.online,
    offline: body.offline,
    online_url: body.onlineUrl ?? null,
    requirements: JSON.stringify(body.requirements),
    procedure: JSON.stringify(body.procedure),
    duration_text: body.duration.text,
    duration_days: body.duration.workingDays ?? null,
    cost_free: body.cost.free,
    cost_amount: body.cost.free ? null : (body.cost.amount ?? null),
    cost_note: body.cost.note ?? null,
    cost_basis: body.cost.legalBasis ?? null,
    product: body.product,
    complaints: JSON.stringify(body.complaints),
    hours: JSON.stringify(body.hours),
    hours_note: body.hoursNote ?? null,
    location_name: body.location.name,
    location_address: body.location.address ?? null,
    legal_basis: JSON.stringify(internal.legalBasis ?? []),
    facilities: internal.facilities ?? null,
    facilities_disability: internal.facilitiesDisability ?? null,
    competence: internal.competence ?? null,
    internal_oversight: internal.internalOversight ?? null,
    staff_count: internal.staffCount ?? null,
    service_guarantee: internal.serviceGuarantee ?? null,
    security_guarantee: internal.securityGuarantee ?? null,
    performance_evaluation: internal.performanceEvaluation ?? null,
    change_note: body.changeNote ?? null,
  };
}
