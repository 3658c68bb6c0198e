/**
 * Layanan's routes, one per endpoint of `serviceStaffEndpoints`:
 * - public: the directory across OPDs (search, filters, pages), an OPD's services, one service
 *   (the standard in force on today's date in the regency's time zone), the compliance
 *   self-check per OPD and regency-wide, the survey model, a survey response with a token,
 *   the satisfaction index;
 * - staff of an OPD: its standards with the version in force and the next, a new service, a new
 *   version (an edit is a version with its effective day), the history, survey tokens for the
 *   counter, the suggestions citizens wrote, the unit's pledge;
 * - regency admins: the compliance checklist.
 *
 * The compliance check is public, like the standards it reads: the Ombudsman publishes its
 * compliance results, and a unit's checklist says only which components a published standard
 * lacks, not what the internal ones say. Every staff write, and the read of suggestions (free
 * text a citizen may have put a name in), lands in the audit log.
 *
 * @module
 */
import { sql } from 'kysely';
import { serviceStaffEndpoints as endpoints } from '../../../../src/schemas/services-staff.js';
import type { ServiceStaff, ServiceVersionInfo } from '../../../../src/schemas/services-staff.js';
import type { FieldError, IndonesianTimeZone } from '../../../../src/schemas/index.js';
import type { ServiceComponent } from '../../../../src/schemas/services.js';
import { dayIn } from '../../calendar/working-days.js';
import { audit } from '../../db/audit.js';
import { emitEvent } from '../../jobs/contract.js';
import { toCsv } from '../../http/csv.js';
import type { OpdRow } from '../../db/schema.js';
import { pageDocs } from '../../http/cursor.js';
import { claimedInTransaction, replayHeaders } from '../../http/idempotency.js';
import { route } from '../../http/module.js';
import { ProblemError, validationProblem } from '../../http/problem.js';
import { checklistOf, complianceOf } from './compliance.js';
import { modelOn, satisfactionOf } from './satisfaction.js';
import { searchDirectory } from './search.js';
import { sippnExportOf, sippnTable, toSippn } from './sippn.js';
import { checkStandard, inForceVersions, pledgesOf, toService, toStandard, versionColumns, versionQuery, type VersionRow } from './standards.js';
import { checkScores, newToken, normalizeToken, spendToken, tokenHash } from './survey.js';
import { servicesDb, type ServicesDb } from './tables.js';

/** Default page size of the directory. */
export const DEFAULT_PAGE_SIZE = 20;

/** The module id OPDs switch on. */
export const LAYANAN = 'layanan';

/** The bucket public writes are counted in (shared with the other modules' public writes). */
const PUBLIC_WRITE_BUCKET = 'public-write';

const noStore = { 'Cache-Control': 'no-store' };

const serviceDocs = {
  docs: { service: { description: 'The service’s slug within the OPD, e.g. `akta-kelahiran`.', schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } } },
  notFound: (_: string, value: string) => `No service has the slug "${value}": a slug is lowercase letters, digits and hyphens, like akta-kelahiran`,
};

/** The slugs of the OPDs that run Layanan (and their names), by name. */
async function layananOpds(db: ServicesDb): Promise<Array<{ slug: string; name: string }>> {
  return db.selectFrom('opds').select(['slug', 'name']).where(sql<boolean>`modules @> ${JSON.stringify([LAYANAN])}::jsonb`).orderBy('name').execute();
}

/** Public views of version rows, each with its OPD's pledge. */
async function publicViews(db: ServicesDb, rows: readonly VersionRow[]) {
  const pledges = await pledgesOf(db, rows.map((r) => r.opd_slug));
  return rows.map((r) => toService(r, pledges.get(r.opd_slug) ?? null));
}

const yes = (value: 'true' | 'false' | undefined) => (value === undefined ? undefined : value === 'true');

const directory = route({
  endpoint: endpoints.directory,
  summary: 'Search the service directory (mall pelayanan publik)',
  description:
    'The standards in force today (in the regency’s time zone) of every OPD running Layanan, searched by words in the name, requirements, product and summary (`q`: every word must match, as a whole word or the start of one — `akta` finds “akta kelahiran” — or, from five letters, as a small typo of one; accents do not matter), filtered by OPD, category, online and free. Best match first when searched, by OPD and name otherwise; `total` counts every match.',
  docs: { q: 'Words to search for (at most 200 characters; the first 8 words count).', ...pageDocs(DEFAULT_PAGE_SIZE) },
  async handler({ deps, query, now }) {
    const db = servicesDb(deps.db);
    const opds = (await layananOpds(db)).map((o) => o.slug);
    const { rows, nextCursor, total } = await searchDirectory(
      db,
      dayIn(now, deps.settings.timeZone),
      { q: query.q, opd: query.opd, category: query.category, online: yes(query.online), free: yes(query.free), opds },
      { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor },
    );
    return { body: { data: await publicViews(db, rows), nextCursor, total }, headers: noStore };
  },
});

const opdServices = route({
  endpoint: endpoints.list,
  summary: 'List an OPD’s services',
  description: 'The OPD’s standards in force today, searched and filtered like the directory.',
  docs: { q: 'Words to search for.', ...pageDocs(DEFAULT_PAGE_SIZE) },
  async handler({ deps, opd, query, now }) {
    const db = servicesDb(deps.db);
    const { rows, nextCursor, total } = await searchDirectory(
      db,
      dayIn(now, deps.settings.timeZone),
      { q: query.q, opd: opd.slug, category: query.category, online: yes(query.online), free: yes(query.free), opds: [opd.slug] },
      { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor },
    );
    return { body: { data: await publicViews(db, rows), nextCursor, total }, headers: noStore };
  },
});

const getOne = route({
  endpoint: endpoints.get,
  summary: 'Read one service’s standard',
  description:
    'The version in force today in the regency’s time zone: a version effective tomorrow is not shown until that day. The six published components of PermenPAN-RB 15/2014, the channels, opening hours, location, the OPD’s service pledge, and — when the OPD runs SIAP — where to ask about it. A service with no version in force yet is 404.',
  ...serviceDocs,
  async handler({ deps, opd, params, now }) {
    const db = servicesDb(deps.db);
    const row = (await inForceVersions(db, dayIn(now, deps.settings.timeZone)).where('s.opd_slug', '=', opd.slug).where('s.slug', '=', params.service).executeTakeFirst()) as VersionRow | undefined;
    if (!row) throw new ProblemError('not-found', { detail: `${opd.name} has no service “${params.service}” in force today` });
    return { body: (await publicViews(db, [row]))[0]!, headers: noStore };
  },
});

/** The compliance report of `opds` on today's date. */
async function complianceReport(db: ServicesDb, opds: Array<{ slug: string; name: string }>, day: string, missing: ServiceComponent | undefined) {
  const slugs = opds.map((o) => o.slug);
  const rows = slugs.length === 0 ? [] : ((await inForceVersions(db, day).where('s.opd_slug', 'in', slugs).execute()) as VersionRow[]);
  const pledged = new Set((await pledgesOf(db, slugs)).keys());
  const report = complianceOf(await checklistOf(db), day, opds, rows, pledged);
  return missing ? { ...report, items: report.items.filter((i) => i.missing.includes(missing)) } : report;
}

const complianceDescription =
  'Every standard in force today checked against the compliance checklist (data: by default the components the Ombudsman RI assesses; a regency admin may change it): which services lack which component, how many are complete, per OPD. Public, like the standards it reads: it says which components are missing, never what the internal ones say.';

const regencyCompliance = route({
  endpoint: endpoints.regencyCompliance,
  summary: 'Compliance self-check of every OPD',
  description: `${complianceDescription} Every OPD running Layanan is listed, one with no service too (0 %).`,
  docs: { missing: 'Only the services that lack this component, e.g. `pledge` (the counts stay over all services).' },
  async handler({ deps, query, now }) {
    const db = servicesDb(deps.db);
    return { body: await complianceReport(db, await layananOpds(db), dayIn(now, deps.settings.timeZone), query.missing), headers: noStore };
  },
});

const opdCompliance = route({
  endpoint: endpoints.compliance,
  summary: 'Compliance self-check of an OPD',
  description: complianceDescription,
  docs: { missing: 'Only the services that lack this component, e.g. `pledge` (the counts stay over all services).' },
  async handler({ deps, opd, query, now }) {
    const db = servicesDb(deps.db);
    return { body: await complianceReport(db, [{ slug: opd.slug, name: opd.name }], dayIn(now, deps.settings.timeZone), query.missing), headers: noStore };
  },
});

const surveyModel = route({
  endpoint: endpoints.surveyModel,
  summary: 'Read the satisfaction survey (SKM) in force',
  description: 'The elements with their questions, answers and weights, the scale, the conversion to the index and the categories, as data: PermenPAN-RB 14/2017 (nine elements scored 1–4). The index is classified on its value rounded to two decimals.',
  async handler({ deps, now }) {
    const model = await modelOn(servicesDb(deps.db), dayIn(now, deps.settings.timeZone));
    if (!model) throw new ProblemError('not-found', { detail: 'No satisfaction survey model is in force' });
    return { body: model, headers: noStore };
  },
});

/** A service of the OPD (any version), or 404. */
async function serviceOf(db: ServicesDb, opd: OpdRow, slug: string, forUpdate = false): Promise<{ id: number; slug: string }> {
  let query = db.selectFrom('services').select(['id', 'slug']).where('opd_slug', '=', opd.slug).where('slug', '=', slug);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new ProblemError('not-found', { detail: `${opd.name} has no service “${slug}”` });
  return row;
}

const survey = route({
  endpoint: endpoints.survey,
  summary: 'Answer the satisfaction survey (SKM) for a service',
  description:
    'One response per token: the code on the slip the counter hands out (or sent with a SIAP answer), bound to this service. Every element of the survey in force scored on its scale (422 naming each missing or out of range), an optional suggestion. A code used once answers 409 `survey-token-used`; an expired one 410 `survey-token-expired`; another service’s, or one we do not know, 422 naming `token`. Honours `Idempotency-Key`: the same key and answers sent again (a retry after a lost answer) get the first receipt again with `Idempotent-Replayed: true` and count once, instead of a 409; the key with other answers is a 422 `idempotency-conflict`. Stored without the code, the time of day or the address: the service, the day, the scores (the key and the receipt are kept 7 days, apart from the response).',
  returns: 'Recorded; the period it counts in.',
  rateLimit: PUBLIC_WRITE_BUCKET,
  ...serviceDocs,
  async handler({ deps, opd, params, body, now, onceInStatement }) {
    const db = servicesDb(deps.db);
    const day = dayIn(now, deps.settings.timeZone);
    const inForce = await inForceVersions(db, day).where('s.opd_slug', '=', opd.slug).where('s.slug', '=', params.service).executeTakeFirst();
    if (!inForce) throw new ProblemError('not-found', { detail: `${opd.name} has no service “${params.service}” in force today` });
    const model = await modelOn(db, day);
    if (!model) throw new ProblemError('not-found', { detail: 'No satisfaction survey model is in force' });
    checkScores(model, body.scores);
    if (!normalizeToken(body.token)) {
      throw validationProblem([{ path: 'token', message: 'A survey code has 12 letters and digits, e.g. 7KQ2-M9XD-4TRA: type it as your slip shows it', code: 'format' }]);
    }
    const month = Number(day.slice(5, 7));
    const receipt = { service: params.service, year: Number(day.slice(0, 4)), semester: month <= 6 ? 1 : 2, quarter: Math.ceil(month / 3) };
    // The token, the response and the key commit together: sent again with its key after a lost answer, the first receipt comes back.
    const result = await onceInStatement((base, claim) =>
      claimedInTransaction(servicesDb(base), claim, async (trx) => {
        await spendToken(trx, body.token, inForce.service_id, now);
        const response = await trx
          .insertInto('survey_responses')
          .values({ service_id: inForce.service_id, model_id: model.id, answered_on: day, suggestion: body.suggestion || null })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('survey_scores')
          .values(model.elements.map((e) => ({ response_id: response.id, element_id: e.id, score: body.scores[e.id]! })))
          .execute();
        return receipt;
      }),
    );
    return { body: result.body, headers: replayHeaders(result) };
  },
});

/** The OPD's services with the name of the version in force on `day` (or, before any is, none: they are not public). */
async function servicesInForce(db: ServicesDb, opd: string, day: string): Promise<Array<{ id: number; slug: string; name: string }>> {
  const rows = (await inForceVersions(db, day).where('s.opd_slug', '=', opd).execute()) as VersionRow[];
  return rows.map((r) => ({ id: r.service_id, slug: r.slug, name: r.name })).sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

const satisfaction = route({
  endpoint: endpoints.satisfaction,
  summary: 'Read the satisfaction index (IKM) of an OPD',
  description:
    'For a year (default: this year in the regency’s time zone), with the survey model in force at its end: the IKM of the OPD (over all its respondents) and of each service in force, each element’s mean, per semester and quarter, respondent counts. IKM = the weighted mean of the elements’ means × 25, rounded to two decimals; its category (A 88.31–100 sangat baik, B 76.61–88.30 baik, C 65.00–76.60 kurang baik, D 25.00–64.99 tidak baik) is that of the rounded value, so the ranges’ gaps (76.60 | 76.61) never leave an index without one. No suggestion text and nothing about a respondent.',
  async handler({ deps, opd, query, now }) {
    const db = servicesDb(deps.db);
    const today = dayIn(now, deps.settings.timeZone);
    const year = query.year ?? Number(today.slice(0, 4));
    const model = await modelOn(db, `${year}-12-31`);
    if (!model) throw new ProblemError('not-found', { detail: `No satisfaction survey model was in force in ${year}` });
    const services = await servicesInForce(db, opd.slug, today);
    return { body: await satisfactionOf(db, { slug: opd.slug, name: opd.name }, year, model, services), headers: noStore };
  },
});

/** The staff view of a service on `day`: its version in force, the next one, how many. */
async function staffView(db: ServicesDb, serviceId: number, day: string): Promise<ServiceStaff> {
  const rows = (await versionQuery(db).where('s.id', '=', serviceId).orderBy('v.effective_on', 'desc').orderBy('v.number', 'desc').execute()) as VersionRow[];
  const first = rows[0]!;
  const pledge = (await pledgesOf(db, [first.opd_slug])).get(first.opd_slug) ?? null;
  const inForce = rows.find((r) => r.effective_on <= day) ?? null;
  const upcoming = rows.filter((r) => r.effective_on > day).at(-1) ?? null;
  return {
    slug: first.slug,
    opd: first.opd_slug,
    inForce: inForce ? toStandard(inForce, pledge, 'in-force') : null,
    upcoming: upcoming ? toStandard(upcoming, pledge, 'upcoming') : null,
    versions: rows.length,
  };
}

const staffList = route({
  endpoint: endpoints.staffList,
  summary: 'List the OPD’s service standards (staff)',
  description: 'Every service of the OPD with the version in force today (null before the first takes effect), the next version if one is waiting for its day, and the count of versions; with the eight internal components.',
  async handler({ deps, opd, now }) {
    const db = servicesDb(deps.db);
    const day = dayIn(now, deps.settings.timeZone);
    const ids = await db.selectFrom('services').select('id').where('opd_slug', '=', opd.slug).orderBy('slug').execute();
    const data: ServiceStaff[] = [];
    for (const { id } of ids) data.push(await staffView(db, id, day));
    return { body: { data }, headers: noStore };
  },
});

const create = route({
  endpoint: endpoints.create,
  summary: 'Add a service with its first standard (staff)',
  description:
    'A new service of the OPD: its slug (unique within the OPD: 409 otherwise) and its standard — the six published components, the eight internal ones, channels, hours and location — effective from `effectiveOn` (default today; a service being written down after its decree may give an earlier day).',
  returns: 'The service, as staff see it.',
  async handler({ deps, opd, body, actor, now }) {
    checkStandard(body);
    const day = dayIn(now, deps.settings.timeZone);
    return servicesDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const taken = await trx.selectFrom('services').select('id').where('opd_slug', '=', opd.slug).where('slug', '=', body.slug).executeTakeFirst();
        if (taken) throw new ProblemError('conflict', { detail: `${opd.name} already has a service “${body.slug}”: add a version to it instead`, errors: [{ path: 'slug', message: 'This slug is taken in this OPD', code: 'alreadyUsed' }] });
        const service = await trx.insertInto('services').values({ opd_slug: opd.slug, slug: body.slug, created_at: now, created_by: actor.id }).returning('id').executeTakeFirstOrThrow();
        await trx
          .insertInto('service_versions')
          .values({ ...versionColumns(body), service_id: service.id, number: 1, effective_on: body.effectiveOn ?? day, created_at: now, created_by: actor.id })
          .execute();
        await audit(trx, { actor, action: 'service.create', subject: `service:${opd.slug}/${body.slug}`, opd: opd.slug, detail: { effectiveOn: body.effectiveOn ?? day } }, now);
        await emitEvent(trx, 'service-standard.versioned', { opd: opd.slug, service: body.slug, version: 1, effectiveOn: body.effectiveOn ?? day }, now);
        return { body: await staffView(trx, service.id, day) };
      });
  },
});

const addVersion = route({
  endpoint: endpoints.addVersion,
  summary: 'Edit a standard: add a version (staff)',
  description:
    'An edit is a new version with the whole standard, effective from `effectiveOn` (default today; not before today: what the public saw stays as it was). Until that day the public keeps seeing the version before it; the history keeps every version.',
  returns: 'The service, as staff see it.',
  ...serviceDocs,
  async handler({ deps, opd, params, body, actor, now }) {
    checkStandard(body);
    const day = dayIn(now, deps.settings.timeZone);
    const effectiveOn = body.effectiveOn ?? day;
    if (effectiveOn < day) throw validationProblem([{ path: 'effectiveOn', message: `A new version takes effect today (${day}) or later: what the public saw before stays as it was`, code: 'tooSmall' }]);
    return servicesDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const service = await serviceOf(trx, opd, params.service, true);
        const last = await trx.selectFrom('service_versions').select((eb) => eb.fn.max('number').as('n')).where('service_id', '=', service.id).executeTakeFirstOrThrow();
        const number = Number(last.n ?? 0) + 1;
        await trx.insertInto('service_versions').values({ ...versionColumns(body), service_id: service.id, number, effective_on: effectiveOn, created_at: now, created_by: actor.id }).execute();
        await audit(trx, { actor, action: 'service.version', subject: `service:${opd.slug}/${service.slug}`, opd: opd.slug, detail: { number, effectiveOn } }, now);
        await emitEvent(trx, 'service-standard.versioned', { opd: opd.slug, service: service.slug, version: number, effectiveOn }, now);
        return { body: await staffView(trx, service.id, day) };
      });
  },
});

const history = route({
  endpoint: endpoints.history,
  summary: 'Read a standard’s history (staff)',
  description: 'Every version, the latest effective day first, each in full with its state today (past, in force, upcoming), who made it and why.',
  ...serviceDocs,
  async handler({ deps, opd, params, now }) {
    const db = servicesDb(deps.db);
    const day = dayIn(now, deps.settings.timeZone);
    const service = await serviceOf(db, opd, params.service);
    const rows = (await versionQuery(db).where('s.id', '=', service.id).orderBy('v.effective_on', 'desc').orderBy('v.number', 'desc').execute()) as VersionRow[];
    const pledge = (await pledgesOf(db, [opd.slug])).get(opd.slug) ?? null;
    const inForce = rows.find((r) => r.effective_on <= day);
    const stateOf = (r: VersionRow): ServiceVersionInfo['state'] => (r === inForce ? 'in-force' : r.effective_on > day ? 'upcoming' : 'past');
    return { body: { slug: service.slug, versions: rows.map((r) => toStandard(r, pledge, stateOf(r))) }, headers: noStore };
  },
});

const issueTokens = route({
  endpoint: endpoints.issueTokens,
  summary: 'Issue survey codes for the counter (staff)',
  description:
    'A batch of one-use codes for this service (at most 200), valid for `validDays` (default 30). The codes are in this answer only: the server keeps their SHA-256 hashes. Print each on a slip, or send it with a SIAP answer.',
  returns: 'The codes and their expiry.',
  ...serviceDocs,
  async handler({ deps, opd, params, body, actor, now }) {
    const db = servicesDb(deps.db);
    const service = await serviceOf(db, opd, params.service);
    const validDays = body.validDays ?? 30;
    const expiresAt = new Date(now.getTime() + validDays * 86_400_000);
    const tokens = Array.from({ length: body.count }, () => newToken());
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('survey_tokens')
        .values(tokens.map((t) => ({ hash: tokenHash(normalizeToken(t)!), service_id: service.id, expires_at: expiresAt, created_at: now })))
        .execute();
      await audit(trx, { actor, action: 'service.survey-tokens', subject: `service:${opd.slug}/${service.slug}`, opd: opd.slug, detail: { count: body.count, validDays } }, now);
    });
    return { body: { service: service.slug, tokens, expiresAt: expiresAt.toISOString() } };
  },
});

const suggestions = route({
  endpoint: endpoints.suggestions,
  summary: 'Read the survey suggestions (staff)',
  description: 'The suggestions citizens wrote with their scores in a year (default this year), with the service and the quarter only: newest quarter first. The read is audited (free text may name someone).',
  async handler({ deps, opd, query, actor, now }) {
    const db = servicesDb(deps.db);
    const year = query.year ?? Number(dayIn(now, deps.settings.timeZone).slice(0, 4));
    const rows = await db
      .selectFrom('survey_responses as r')
      .innerJoin('services as s', 's.id', 'r.service_id')
      .select(['s.slug', sql<number>`extract(quarter from r.answered_on)::int`.as('quarter'), 'r.suggestion'])
      .where('s.opd_slug', '=', opd.slug)
      .where('r.suggestion', 'is not', null)
      .where(sql<boolean>`r.answered_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`)
      .orderBy('quarter', 'desc')
      .orderBy('s.slug')
      .orderBy('r.id')
      .execute();
    await audit(db, { actor, action: 'service.suggestions.view', subject: `service-suggestions:${opd.slug}:${year}`, opd: opd.slug, detail: { count: rows.length } }, now);
    return { body: { year, data: rows.map((r) => ({ service: r.slug, quarter: Number(r.quarter), text: r.suggestion! })) }, headers: noStore };
  },
});

const putPledge = route({
  endpoint: endpoints.putPledge,
  summary: 'Set the OPD’s service pledge (staff)',
  description: 'The unit’s *maklumat pelayanan*: its text, who made it (the head’s title and name) and the day. Shown with every service of the OPD.',
  async handler({ deps, opd, body, actor, now }) {
    if (body.on && Number.isNaN(Date.parse(`${body.on}T00:00:00Z`))) throw validationProblem([{ path: 'on', message: `${body.on} is not a day of the calendar`, code: 'format' }]);
    return servicesDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const values = { text: body.text, pledged_by: body.by, pledged_on: body.on ?? null, is_demo: false, updated_at: now };
        await trx
          .insertInto('service_pledges')
          .values({ opd_slug: opd.slug, ...values })
          .onConflict((oc) => oc.column('opd_slug').doUpdateSet(values))
          .execute();
        await audit(trx, { actor, action: 'service.pledge', subject: `service-pledge:${opd.slug}`, opd: opd.slug }, now);
        return { body: { opd: opd.slug, pledge: (await pledgesOf(trx, [opd.slug])).get(opd.slug) ?? null } };
      });
  },
});

const putChecklist = route({
  endpoint: endpoints.putChecklist,
  summary: 'Set the compliance checklist (regency admin)',
  description: 'The components every standard is checked for, with a name and where the list comes from. Each component once (422 naming a repeat).',
  async handler({ deps, body, actor, now }) {
    const seen = new Set<string>();
    const errors: FieldError[] = [];
    body.items.forEach((item, i) => {
      if (seen.has(item.component)) errors.push({ path: `items.${i}.component`, message: `${item.component} is already on the list`, code: 'alreadyUsed' });
      seen.add(item.component);
    });
    if (errors.length > 0) throw validationProblem(errors);
    return servicesDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const items = JSON.stringify(body.items.map((i) => ({ component: i.component, name: i.name ?? '' })));
        await trx
          .insertInto('service_checklists')
          .values({ id: 'regency', name: body.name, source: body.source, items, updated_at: now })
          .onConflict((oc) => oc.column('id').doUpdateSet({ name: body.name, source: body.source, items, updated_at: now }))
          .execute();
        await audit(trx, { actor, action: 'service.checklist', subject: 'service-checklist', detail: { components: body.items.map((i) => i.component) } }, now);
        return { body: await checklistOf(trx) };
      });
  },
});

/** The records of the standards in force on `day` of `opds`, by OPD name then service name. */
async function sippnRecords(db: ServicesDb, opds: Array<{ slug: string; name: string }>, day: string, timeZone: IndonesianTimeZone) {
  const slugs = opds.map((o) => o.slug);
  if (slugs.length === 0) return [];
  const rows = (await inForceVersions(db, day).where('s.opd_slug', 'in', slugs).execute()) as VersionRow[];
  const pledges = await pledgesOf(db, slugs);
  const order = new Map(opds.map((o, i) => [o.slug, i]));
  rows.sort((a, b) => order.get(a.opd_slug)! - order.get(b.opd_slug)! || a.name.localeCompare(b.name, 'id'));
  return rows.map((r) => toSippn(r, pledges.get(r.opd_slug) ?? null, timeZone));
}

const sippnDescription = (scope: string, csv: boolean) =>
  `${scope} standards in force today (in the regency’s time zone) in the shape SIPPN — KemenPAN-RB’s Sistem Informasi Pelayanan Publik Nasional, sippn.menpan.go.id (PermenPAN-RB 13/2017) — takes a *jenis layanan*, so a unit need not type them twice: one record per service with its identity, the fourteen components of PermenPAN-RB 15/2014 in the order of its Lampiran (six of service delivery: persyaratan; sistem, mekanisme, dan prosedur; jangka waktu penyelesaian; biaya/tarif with its legal basis; produk pelayanan; penanganan pengaduan, saran, dan masukan — then eight of the unit’s management: dasar hukum; sarana dan prasarana, dan/atau fasilitas, those for persons with disabilities included; kompetensi pelaksana; pengawasan internal; jumlah pelaksana; jaminan pelayanan; jaminan keamanan dan keselamatan pelayanan; evaluasi kinerja pelaksana), then the hours, place, channels and the unit’s pledge. Sources: SIPPN’s admin form (description, requirements, procedure, provider and location) and its Excel import of many services at once (KemenPAN-RB’s SIPP guide “Panduan Import Jenis Layanan”), SIPPN’s public service pages (requirements, procedure, time, cost, product, complaints, in that order) and PermenPAN-RB 15/2014. Our assumption: the import template’s exact column names were not available, so each field is named as the regulation and SIPPN’s pages name the component (the export’s \`label\` lists them in order); the standard’s decree number (SIPPN’s “No. SK”) is not kept here and is filled in SIPPN. ${
    csv
      ? 'CSV: one row per service, the labels as the header, lists as numbered lines in one cell; UTF-8 with a BOM, CRLF, every field quoted, a cell starting with =, +, -, @, a tab or CR written with a leading apostrophe.'
      : 'JSON: lists as arrays, amounts in whole rupiah (0 when free), days `YYYY-MM-DD`.'
  } The export is audited.`;

function sippnRoute(endpoint: typeof endpoints.exportSippn | typeof endpoints.exportSippnCsv | typeof endpoints.regencyExportSippn | typeof endpoints.regencyExportSippnCsv) {
  const csv = endpoint.produces !== undefined;
  const regency = !endpoint.path.includes('{opd}');
  return route({
    endpoint,
    summary: `Export ${regency ? 'every OPD’s' : 'the OPD’s'} standards for SIPPN as ${csv ? 'CSV' : 'JSON'} (${regency ? 'regency admin' : 'staff'})`,
    description: sippnDescription(regency ? 'Every OPD’s (running Layanan)' : 'The OPD’s', csv),
    async handler(ctx) {
      const { deps, actor, now } = ctx;
      const db = servicesDb(deps.db);
      const day = dayIn(now, deps.settings.timeZone);
      // `ctx.opd` only on the OPD's path (it is loaded and checked to run Layanan there).
      const opd = regency ? undefined : ctx.opd;
      const opds = opd ? [{ slug: opd.slug, name: opd.name }] : await layananOpds(db);
      const records = await sippnRecords(db, opds, day, deps.settings.timeZone);
      await audit(db, { actor, action: `service.export.sippn${csv ? '.csv' : ''}`, subject: `service-export:${opd?.slug ?? 'regency'}`, ...(opd ? { opd: opd.slug } : {}), detail: { services: records.length, day } }, now);
      const name = `sippn-jenis-layanan-${opd?.slug ?? 'kabupaten'}-${day}.${csv ? 'csv' : 'json'}`;
      const headers = { 'Content-Disposition': `attachment; filename="${name}"`, ...noStore };
      return csv ? { body: toCsv(sippnTable(records)), headers } : { body: sippnExportOf(records, day, now), headers };
    },
  });
}

/** Every route, static paths before `{service}` so `compliance` is not read as a slug. */
export const serviceRoutes = [
  regencyCompliance,
  sippnRoute(endpoints.regencyExportSippn),
  sippnRoute(endpoints.regencyExportSippnCsv),
  sippnRoute(endpoints.exportSippn),
  sippnRoute(endpoints.exportSippnCsv),
  surveyModel,
  directory,
  opdCompliance,
  opdServices,
  staffList,
  create,
  history,
  addVersion,
  issueTokens,
  survey,
  getOne,
  satisfaction,
  suggestions,
  putPledge,
  putChecklist,
];

