/**
 * Layanan's staff side: a service's standard as staff see it (with the eight components the
 * unit keeps, PermenPAN-RB 15/2014, and the version not yet in force), the body of a new
 * service and of a new version of its standard (an edit is always a new version with its
 * effective date: the public keeps seeing the version in force until that day), the history,
 * the unit's service pledge, the compliance checklist as a regency admin sets it, survey
 * tokens for the counter, and every endpoint of the module (`serviceStaffEndpoints`: the public
 * ones of `services.ts` and the staff's). Apart from `services.ts` so a citizen's page carries
 * none of these shapes.
 *
 * @module
 */
import * as z from 'zod/mini';
import { timestamp } from './common.js';
import { endpoint } from './endpoint.js';
import { opdSlug } from './opds.js';
import {
  complianceChecklist,
  service,
  serviceCategories,
  serviceComponents,
  serviceEndpoints,
  serviceParams,
  servicePledge,
  serviceSlug,
  SERVICE_DATE_PATTERN,
  TIME_OF_DAY_PATTERN,
} from './services.js';

/** The eight components the unit keeps (PermenPAN-RB 15/2014), null where the standard does not say yet. */
export const serviceInternal = z.object({
  /** Dasar hukum: the regulations, one each. */
  legalBasis: z.array(z.string()),
  /** Sarana, prasarana dan/atau fasilitas. */
  facilities: z.nullable(z.string()),
  /** The facilities for persons with disabilities (ramp, priority counter, sign-language help…). */
  facilitiesDisability: z.nullable(z.string()),
  /** Kompetensi pelaksana. */
  competence: z.nullable(z.string()),
  /** Pengawasan internal. */
  internalOversight: z.nullable(z.string()),
  /** Jumlah pelaksana. */
  staffCount: z.nullable(z.number()),
  /** Jaminan pelayanan. */
  serviceGuarantee: z.nullable(z.string()),
  /** Jaminan keamanan dan keselamatan pelayanan. */
  securityGuarantee: z.nullable(z.string()),
  /** Evaluasi kinerja pelaksana. */
  performanceEvaluation: z.nullable(z.string()),
});

/** The internal components, see {@link serviceInternal}. */
export type ServiceInternal = z.infer<typeof serviceInternal>;

/** One version of a standard in the history: its number, effective day, who made it and why. */
export const serviceVersionInfo = z.object({
  number: z.number(),
  effectiveOn: z.string(),
  createdAt: timestamp,
  /** The staff member's name. */
  createdBy: z.nullable(z.string()),
  changeNote: z.nullable(z.string()),
  /** `in-force` (the public sees it), `upcoming` (effective later) or `past`. */
  state: z.enum(['past', 'in-force', 'upcoming']),
});

/** A version's info, see {@link serviceVersionInfo}. */
export type ServiceVersionInfo = z.infer<typeof serviceVersionInfo>;

/** A standard as staff see it: the public view of one version, its eight internal components and the version's info. */
export const serviceStandard = z.extend(service, {
  internal: serviceInternal,
  versionInfo: serviceVersionInfo,
});

/** A standard as staff see it, see {@link serviceStandard}. */
export type ServiceStandard = z.infer<typeof serviceStandard>;

/** A service as staff see it: the version in force (null before the first takes effect), the next one if any, and the count of versions. */
export const serviceStaff = z.object({
  slug: serviceSlug,
  opd: opdSlug,
  inForce: z.nullable(serviceStandard),
  upcoming: z.nullable(serviceStandard),
  versions: z.number(),
});

/** A service as staff see it, see {@link serviceStaff}. */
export type ServiceStaff = z.infer<typeof serviceStaff>;

/** The OPD's services as staff see them. */
export const serviceStaffList = z.object({ data: z.array(serviceStaff) });

/** `GET …/services/{service}/versions`: every version, newest effective day first, each in full. */
export const serviceHistory = z.object({ slug: serviceSlug, versions: z.array(serviceStandard) });

/** The history, see {@link serviceHistory}. */
export type ServiceHistory = z.infer<typeof serviceHistory>;

const text = (min: number, max: number, what: string) =>
  z.string(`Enter ${what}`).check(
    z.trim(),
    z.minLength(min, min > 1 ? `Enter ${what}, at least ${min} characters` : `Enter ${what}`),
    z.maxLength(max, `${what[0]!.toUpperCase()}${what.slice(1)} has at most ${max.toLocaleString('en')} characters`),
  );

const optionalText = (max: number, what: string) => z.optional(z.nullable(text(1, max, what)));

const items = (what: string, min: number, max = 40) =>
  z.array(text(2, 500, what)).check(z.minLength(min, `List at least ${min} ${what}`), z.maxLength(max, `List at most ${max} ${what}`));

const day = (what: string) => z.string(`Enter ${what}`).check(z.regex(SERVICE_DATE_PATTERN, `Write ${what} as YYYY-MM-DD, e.g. 2026-03-14`));

const time = (what: string) => z.string(`Enter ${what}`).check(z.regex(TIME_OF_DAY_PATTERN, `Write ${what} as HH:MM, e.g. 08:00`));

const wholeNumber = (what: string, max: number) =>
  z.number(`Give ${what} as a number`).check(z.int(`Give ${what} as a whole number`), z.minimum(0, `${what[0]!.toUpperCase()}${what.slice(1)} cannot be negative`), z.maximum(max, `${what[0]!.toUpperCase()}${what.slice(1)} is at most ${max.toLocaleString('en')}`));

/** Opening hours as staff give them. */
export const openingHoursInput = z.object({
  days: z
    .array(z.number('Give weekdays as numbers, 1 (Senin) to 7 (Minggu)').check(z.int('Give weekdays as numbers, 1 (Senin) to 7 (Minggu)'), z.minimum(1, 'Weekdays go from 1 (Senin) to 7 (Minggu)'), z.maximum(7, 'Weekdays go from 1 (Senin) to 7 (Minggu)')))
    .check(z.minLength(1, 'Give at least one weekday'), z.maxLength(7, 'A week has 7 days')),
  opens: time('the opening time'),
  closes: time('the closing time'),
});

/** The cost as staff give it: free, or a whole-rupiah amount and/or a note on the tariff, and the legal basis. */
export const serviceCostInput = z.object({
  free: z.boolean('Say whether the service is free: true or false'),
  amount: z.optional(z.nullable(wholeNumber('the cost in rupiah', 1_000_000_000))),
  note: optionalText(1000, 'the note on the tariff'),
  legalBasis: optionalText(500, 'the legal basis of the cost'),
});

/** The eight internal components as staff give them (any may be left out for now; the checklist shows what is missing). */
export const serviceInternalInput = z.object({
  legalBasis: z.optional(items('legal bases', 0)),
  facilities: optionalText(2000, 'the facilities'),
  facilitiesDisability: optionalText(2000, 'the facilities for persons with disabilities'),
  competence: optionalText(2000, 'the staff competence'),
  internalOversight: optionalText(2000, 'the internal oversight'),
  staffCount: z.optional(z.nullable(wholeNumber('the number of staff', 10_000))),
  serviceGuarantee: optionalText(2000, 'the service guarantee'),
  securityGuarantee: optionalText(2000, 'the security and safety guarantee'),
  performanceEvaluation: optionalText(2000, 'the performance evaluation'),
});

/**
 * A version of a standard: `POST …/services/{service}/versions` (and, with a slug, a new
 * service). `effectiveOn` is the day it takes effect in the regency's time zone (default:
 * today); until then the public sees the version before it.
 */
export const serviceStandardInput = z.object({
  name: text(3, 200, 'the service’s name'),
  category: z.enum(serviceCategories, `Choose a category: ${serviceCategories.join(', ')}`),
  summary: optionalText(1000, 'the summary'),
  online: z.boolean('Say whether it can be applied for on line: true or false'),
  offline: z.boolean('Say whether it is given at a counter: true or false'),
  onlineUrl: z.optional(z.nullable(z.string('Enter the address').check(z.trim(), z.maxLength(500, 'An address has at most 500 characters'), z.regex(/^https:\/\/[^\s]+$/, 'Write the address in full, starting with https://')))),
  requirements: items('requirements', 0),
  procedure: items('steps', 0),
  duration: z.object({ text: text(2, 200, 'how long it takes'), workingDays: z.optional(z.nullable(wholeNumber('the working days', 365))) }),
  cost: serviceCostInput,
  product: text(2, 500, 'what the citizen gets (the product)'),
  complaints: items('complaint channels', 0, 10),
  hours: z.array(openingHoursInput).check(z.maxLength(7, 'Give at most 7 sets of opening hours')),
  hoursNote: optionalText(500, 'the note on opening hours'),
  location: z.object({ name: text(2, 200, 'the place'), address: optionalText(500, 'the address') }),
  internal: z.optional(serviceInternalInput),
  effectiveOn: z.optional(day('the day it takes effect')),
  changeNote: optionalText(500, 'what changed'),
});

/** A version, see {@link serviceStandardInput}. */
export type ServiceStandardInput = z.input<typeof serviceStandardInput>;

/** A new service: its slug (`akta-kelahiran`, unique within the OPD) and its first standard. */
export const serviceCreateInput = z.extend(serviceStandardInput, { slug: serviceSlug });

/** A new service, see {@link serviceCreateInput}. */
export type ServiceCreateInput = z.input<typeof serviceCreateInput>;

/** The unit's service pledge as staff set it. */
export const servicePledgeInput = z.object({
  text: text(20, 3000, 'the pledge'),
  by: text(3, 200, 'who made the pledge (title and name)'),
  on: z.optional(z.nullable(day('the day of the pledge'))),
});

/** The OPD's pledge answer. */
export const servicePledgeView = z.object({ opd: opdSlug, pledge: z.nullable(servicePledge) });

/** The checklist as a regency admin sets it: a name, its source and the components (no repeats). */
export const complianceChecklistInput = z.object({
  name: text(3, 200, 'the checklist’s name'),
  source: text(3, 500, 'where the checklist comes from'),
  items: z
    .array(z.object({ component: z.enum(serviceComponents, `Use a component: ${serviceComponents.join(', ')}`), name: optionalText(200, 'the item’s name') }))
    .check(z.minLength(1, 'List at least one component'), z.maxLength(serviceComponents.length, `There are ${serviceComponents.length} components`)),
});

/** The most tokens issued at once. */
export const MAX_TOKEN_BATCH = 200;

/** A batch of survey tokens for the counter: how many, valid for how many days (default 30). */
export const surveyTokenBatchInput = z.object({
  count: z.number('Give how many codes as a number').check(z.int('Give a whole number'), z.minimum(1, 'Issue at least 1 code'), z.maximum(MAX_TOKEN_BATCH, `Issue at most ${MAX_TOKEN_BATCH} codes at once`)),
  validDays: z.optional(z.number('Give the days as a number').check(z.int('Give a whole number of days'), z.minimum(1, 'A code is valid at least 1 day'), z.maximum(366, 'A code is valid at most 366 days'))),
});

/** The batch issued: the codes (shown once: only their hashes are kept) and when they expire. */
export const surveyTokenBatch = z.object({
  service: serviceSlug,
  tokens: z.array(z.string()),
  expiresAt: timestamp,
});

/** A batch, see {@link surveyTokenBatch}. */
export type SurveyTokenBatch = z.infer<typeof surveyTokenBatch>;

/** The suggestions citizens wrote with their scores, newest period first: the text only, with the service and the quarter. */
export const surveySuggestions = z.object({
  year: z.number(),
  data: z.array(z.object({ service: serviceSlug, quarter: z.number(), text: z.string() })),
});

/**
 * One service in force as SIPPN (the national public-service information system of KemenPAN-RB,
 * sippn.menpan.go.id; PermenPAN-RB 13/2017) takes a *jenis layanan*: its identity, the
 * fourteen components of PermenPAN-RB 15/2014 in the regulation's order — the six of service
 * delivery, then the eight of the unit's own management — and where and when it is given.
 * Keys are SIPPN's Indonesian labels written in camelCase; the export's `label` gives each
 * label as SIPPN writes it, in this order (the CSV's header).
 */
export const sippnService = z.object({
  unitPelayanan: z.string(),
  kodeUnit: opdSlug,
  namaLayanan: z.string(),
  kodeLayanan: serviceSlug,
  deskripsiLayanan: z.nullable(z.string()),
  kategoriLayanan: z.string(),
  berlakuSejak: z.string(),
  versiStandar: z.number(),
  persyaratan: z.array(z.string()),
  sistemMekanismeProsedur: z.array(z.string()),
  jangkaWaktuPenyelesaian: z.string(),
  jangkaWaktuHariKerja: z.nullable(z.number()),
  biayaTarif: z.string(),
  biayaRupiah: z.nullable(z.number()),
  dasarHukumBiaya: z.nullable(z.string()),
  produkPelayanan: z.string(),
  penangananPengaduanSaranMasukan: z.array(z.string()),
  dasarHukum: z.array(z.string()),
  saranaPrasaranaFasilitas: z.nullable(z.string()),
  kompetensiPelaksana: z.nullable(z.string()),
  pengawasanInternal: z.nullable(z.string()),
  jumlahPelaksana: z.nullable(z.number()),
  jaminanPelayanan: z.nullable(z.string()),
  jaminanKeamananKeselamatan: z.nullable(z.string()),
  evaluasiKinerjaPelaksana: z.nullable(z.string()),
  waktuPelayanan: z.string(),
  lokasiPelayanan: z.string(),
  alamatPelayanan: z.nullable(z.string()),
  caraPelayanan: z.string(),
  tautanLayananDaring: z.nullable(z.string()),
  maklumatPelayanan: z.nullable(z.string()),
});

/** A SIPPN record, see {@link sippnService}. */
export type SippnService = z.infer<typeof sippnService>;

/** `GET …/services/export/sippn.json`: one record per service in force today, with the labels, the day and what the shape follows. */
export const sippnExport = z.object({
  /** `sippn-jenis-layanan`, version 1 of this shape. */
  format: z.literal('sippn-jenis-layanan/1'),
  /** What the shape follows, and what is our assumption. */
  sumber: z.string(),
  /** The day the standards in force were read for, `YYYY-MM-DD` in the regency's time zone. */
  tanggal: z.string(),
  dibuatPada: timestamp,
  /** Each key's label as SIPPN writes it, in SIPPN's order. */
  label: z.record(z.string(), z.string()),
  layanan: z.array(sippnService),
});

/** The SIPPN export, see {@link sippnExport}. */
export type SippnExport = z.infer<typeof sippnExport>;

const opdOnly = z.object({ opd: opdSlug });

/** Every endpoint of Layanan: the public ones and the staff's. */
export const serviceStaffEndpoints = {
  ...serviceEndpoints,
  staffList: endpoint({
    id: 'listOpdServiceStandards',
    method: 'GET',
    path: '/api/v1/opds/{opd}/service-standards',
    params: opdOnly,
    response: serviceStaffList,
    access: 'staff',
  }),
  create: endpoint({
    id: 'createService',
    method: 'POST',
    path: '/api/v1/opds/{opd}/services',
    params: opdOnly,
    body: serviceCreateInput,
    response: serviceStaff,
    status: 201,
    access: 'staff',
    errors: ['conflict'],
  }),
  history: endpoint({
    id: 'listServiceVersions',
    method: 'GET',
    path: '/api/v1/opds/{opd}/services/{service}/versions',
    params: serviceParams,
    response: serviceHistory,
    access: 'staff',
  }),
  addVersion: endpoint({
    id: 'addServiceVersion',
    method: 'POST',
    path: '/api/v1/opds/{opd}/services/{service}/versions',
    params: serviceParams,
    body: serviceStandardInput,
    response: serviceStaff,
    status: 201,
    access: 'staff',
  }),
  issueTokens: endpoint({
    id: 'issueSurveyTokens',
    method: 'POST',
    path: '/api/v1/opds/{opd}/services/{service}/survey-tokens',
    params: serviceParams,
    body: surveyTokenBatchInput,
    response: surveyTokenBatch,
    status: 201,
    access: 'staff',
  }),
  suggestions: endpoint({
    id: 'listSurveySuggestions',
    method: 'GET',
    path: '/api/v1/opds/{opd}/satisfaction/suggestions',
    params: opdOnly,
    query: z.object({ year: z.optional(z.coerce.number('Use a year, e.g. 2026').check(z.int('Use a year, e.g. 2026'), z.minimum(2017, 'Use a year from 2017'), z.maximum(2100, 'Use a year up to 2100'))) }),
    response: surveySuggestions,
    access: 'staff',
  }),
  putPledge: endpoint({
    id: 'putServicePledge',
    method: 'PUT',
    path: '/api/v1/opds/{opd}/service-pledge',
    params: opdOnly,
    body: servicePledgeInput,
    response: servicePledgeView,
    access: 'staff',
  }),
  exportSippn: endpoint({
    id: 'exportServicesSippn',
    method: 'GET',
    path: '/api/v1/opds/{opd}/services/export/sippn.json',
    params: opdOnly,
    response: sippnExport,
    access: 'staff',
  }),
  exportSippnCsv: endpoint({
    id: 'exportServicesSippnCsv',
    method: 'GET',
    path: '/api/v1/opds/{opd}/services/export/sippn.csv',
    params: opdOnly,
    response: z.string(),
    produces: 'text/csv; charset=utf-8',
    access: 'staff',
  }),
  regencyExportSippn: endpoint({
    id: 'exportRegencyServicesSippn',
    method: 'GET',
    path: '/api/v1/services/export/sippn.json',
    response: sippnExport,
    access: 'regency-admin',
  }),
  regencyExportSippnCsv: endpoint({
    id: 'exportRegencyServicesSippnCsv',
    method: 'GET',
    path: '/api/v1/services/export/sippn.csv',
    response: z.string(),
    produces: 'text/csv; charset=utf-8',
    access: 'regency-admin',
  }),
  putChecklist: endpoint({
    id: 'putComplianceChecklist',
    method: 'PUT',
    path: '/api/v1/service-compliance-checklist',
    body: complianceChecklistInput,
    response: complianceChecklist,
    access: 'regency-admin',
  }),
} as const;
