/**
 * Layanan's public shapes and endpoints (`serviceEndpoints`): every OPD's published service
 * standards in one directory across the regency (a digital *mall pelayanan publik*), searched
 * by Indonesian words and filtered; one service's standard in force; the compliance
 * self-check (which services lack which component, against a checklist kept as data); the
 * satisfaction survey (SKM, PermenPAN-RB 14/2017) a citizen fills with a one-use token from
 * the counter, and the satisfaction index (IKM) per service and OPD, per year and period.
 *
 * A standard's components are those of PermenPAN-RB 15/2014: six published to citizens
 * (requirements; system, mechanism and procedure; time to completion; cost with its legal
 * basis; the product; complaints, suggestions and feedback) — here — and eight kept by the
 * unit (legal basis; facilities, including for persons with disabilities; staff competence;
 * internal oversight; number of staff; service guarantee; security and safety guarantee;
 * staff performance evaluation) — in `services-staff.ts`, with the staff's endpoints.
 *
 * The module id OPDs switch on is `layanan`; its code says "service".
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage, MAX_PAGE_SIZE } from './common.js';
import { endpoint } from './endpoint.js';
import { OPD_SLUG_PATTERN, opdSlug } from './opds.js';

/** The directory's categories: licensing, civil registry, health, tax and levies, social, education, employment, other. */
export const serviceCategories = ['perizinan', 'kependudukan', 'kesehatan', 'pajak-retribusi', 'sosial', 'pendidikan', 'ketenagakerjaan', 'lainnya'] as const;

/** A category, see {@link serviceCategories}. */
export type ServiceCategory = (typeof serviceCategories)[number];

/** The Indonesian name of each category. */
export const serviceCategoryNames: Readonly<Record<ServiceCategory, string>> = {
  perizinan: 'Perizinan dan nonperizinan',
  kependudukan: 'Administrasi kependudukan',
  kesehatan: 'Kesehatan',
  'pajak-retribusi': 'Pajak dan retribusi daerah',
  sosial: 'Sosial',
  pendidikan: 'Pendidikan',
  ketenagakerjaan: 'Ketenagakerjaan',
  lainnya: 'Lainnya',
};

/**
 * The components a compliance checklist may ask for: the six PermenPAN-RB 15/2014 publishes
 * (`requirements` … `complaints`), the eight the unit keeps (`legalBasis` …
 * `performanceEvaluation`, with `facilitiesDisability` apart: the Ombudsman checks it on its
 * own), and what a unit shows beside its standard: opening hours, location, the service pledge.
 */
export const serviceComponents = [
  'requirements',
  'procedure',
  'duration',
  'cost',
  'product',
  'complaints',
  'legalBasis',
  'facilities',
  'facilitiesDisability',
  'competence',
  'internalOversight',
  'staffCount',
  'serviceGuarantee',
  'securityGuarantee',
  'performanceEvaluation',
  'hours',
  'location',
  'pledge',
] as const;

/** A component, see {@link serviceComponents}. */
export type ServiceComponent = (typeof serviceComponents)[number];

/** The Indonesian name of each component, as the regulation and the Ombudsman write them. */
export const serviceComponentNames: Readonly<Record<ServiceComponent, string>> = {
  requirements: 'Persyaratan',
  procedure: 'Sistem, mekanisme dan prosedur',
  duration: 'Jangka waktu penyelesaian',
  cost: 'Biaya/tarif',
  product: 'Produk pelayanan',
  complaints: 'Penanganan pengaduan, saran dan masukan',
  legalBasis: 'Dasar hukum',
  facilities: 'Sarana, prasarana dan/atau fasilitas',
  facilitiesDisability: 'Sarana bagi pengguna berkebutuhan khusus (disabilitas)',
  competence: 'Kompetensi pelaksana',
  internalOversight: 'Pengawasan internal',
  staffCount: 'Jumlah pelaksana',
  serviceGuarantee: 'Jaminan pelayanan',
  securityGuarantee: 'Jaminan keamanan dan keselamatan pelayanan',
  performanceEvaluation: 'Evaluasi kinerja pelaksana',
  hours: 'Waktu pelayanan',
  location: 'Lokasi pelayanan',
  pledge: 'Maklumat pelayanan',
};

/** A service's slug within its OPD: like an OPD slug (`akta-kelahiran`); `compliance` is taken by the checklist. */
export const serviceSlug = z.string().check(
  z.minLength(2, 'A service slug has at least 2 characters'),
  z.maxLength(80, 'A service slug has at most 80 characters'),
  z.regex(OPD_SLUG_PATTERN, 'Use lowercase letters, digits and single hyphens, e.g. akta-kelahiran'),
  z.refine((value) => value !== 'compliance', '“compliance” is the checklist’s address: choose another slug'),
);

/** The `{opd}/{service}` path of one service. */
export const serviceParams = z.object({ opd: opdSlug, service: serviceSlug });

/** A time of day, `HH:MM` (24 hours). */
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A day, `YYYY-MM-DD`. */
export const SERVICE_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Opening hours on some days of the week: ISO weekdays (1 = Senin … 7 = Minggu) and the times, in the regency's time zone. */
export const openingHours = z.object({
  days: z.array(z.number()),
  opens: z.string(),
  closes: z.string(),
});

/** Opening hours, see {@link openingHours}. */
export type OpeningHours = z.infer<typeof openingHours>;

/**
 * What a service costs: free (`free: true`, `amount` null), a fixed amount in whole rupiah,
 * or a tariff the `note` explains (`amount` null: a levy by floor area). `legalBasis` names
 * the regulation that sets the cost — or that makes it free.
 */
export const serviceCost = z.object({
  free: z.boolean(),
  /** Whole rupiah; null when free or when the note gives the tariff. */
  amount: z.nullable(z.number()),
  note: z.nullable(z.string()),
  legalBasis: z.nullable(z.string()),
});

/** A cost, see {@link serviceCost}. */
export type ServiceCost = z.infer<typeof serviceCost>;

/** How long a service takes: as the unit writes it (`14 hari kerja`, `selesai di tempat`), and in working days when it says. */
export const serviceDuration = z.object({
  text: z.string(),
  workingDays: z.nullable(z.number()),
});

/** Where a service is given: the place (a counter of the mall pelayanan publik) and its address. */
export const serviceLocation = z.object({
  name: z.string(),
  address: z.nullable(z.string()),
});

/** The unit's service pledge (*maklumat pelayanan*): its text, who made it (the head's title and name) and when. */
export const servicePledge = z.object({
  text: z.string(),
  by: z.string(),
  /** `YYYY-MM-DD`. */
  on: z.nullable(z.string()),
});

/** The pledge, see {@link servicePledge}. */
export type ServicePledge = z.infer<typeof servicePledge>;

/** An OPD as a service names it. */
export const serviceOpd = z.object({ slug: opdSlug, name: z.string() });

/** Where a citizen asks the OPD a question about a service: its SIAP consultations, when the OPD runs SIAP. */
export const serviceConsultation = z.object({
  /** The OPD to give `<opd-consultation-form opd=…>`. */
  opd: opdSlug,
  /** The API path the form posts to. */
  path: z.string(),
});

/**
 * One service's standard as the public sees it: the version in force on today's date in the
 * regency's time zone, with the six published components, the channels, opening hours,
 * location, the unit's pledge and where to ask about it.
 */
export const service = z.object({
  slug: serviceSlug,
  opd: serviceOpd,
  name: z.string(),
  category: z.enum(serviceCategories),
  summary: z.nullable(z.string()),
  /** Applied for on line (`onlineUrl` says where, when it is another site such as OSS). */
  online: z.boolean(),
  /** Given at a counter. */
  offline: z.boolean(),
  onlineUrl: z.nullable(z.string()),
  /** Persyaratan: what to bring, one item each (a citizen ticks them off a printed list). */
  requirements: z.array(z.string()),
  /** Sistem, mekanisme dan prosedur: the steps, in order. */
  procedure: z.array(z.string()),
  duration: serviceDuration,
  cost: serviceCost,
  /** Produk pelayanan: what the citizen gets. */
  product: z.string(),
  /** Penanganan pengaduan, saran dan masukan: the channels, one each. */
  complaints: z.array(z.string()),
  hours: z.array(openingHours),
  hoursNote: z.nullable(z.string()),
  location: serviceLocation,
  pledge: z.nullable(servicePledge),
  /** The version in force: its number and the day it took effect. */
  version: z.object({ number: z.number(), effectiveOn: z.string() }),
  consultation: z.nullable(serviceConsultation),
  /** True for made-up data (the demo). */
  isDemo: z.boolean(),
});

/** A service, see {@link service}. */
export type Service = z.infer<typeof service>;

/** A page of the directory, best match first when searched, with the count of all matches. */
export const serviceList = z.extend(listPage(service), { total: z.number() });

/** A page of services, see {@link serviceList}. */
export type ServiceList = z.infer<typeof serviceList>;

/** The longest search text. */
export const MAX_SERVICE_SEARCH_LENGTH = 200;

const limitMessage = `Use a number from 1 to ${MAX_PAGE_SIZE}`;
const pageQuery = {
  limit: z.optional(z.coerce.number(limitMessage).check(z.int(limitMessage), z.minimum(1, limitMessage), z.maximum(MAX_PAGE_SIZE, limitMessage))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
};

const serviceFilters = {
  q: z.optional(z.string().check(z.trim(), z.maxLength(MAX_SERVICE_SEARCH_LENGTH, `Search with at most ${MAX_SERVICE_SEARCH_LENGTH} characters`))),
  category: z.optional(z.enum(serviceCategories, `Use a category: ${serviceCategories.join(', ')}`)),
  online: z.optional(z.enum(['true', 'false'], 'Use online=true or online=false')),
  free: z.optional(z.enum(['true', 'false'], 'Use free=true or free=false')),
  ...pageQuery,
};

/** `GET /api/v1/services`: words (name, requirements, product; prefixes and small typos find their service), filters, a page. */
export const serviceQuery = z.object({ ...serviceFilters, opd: z.optional(opdSlug) });

/** The directory's query, see {@link serviceQuery}. */
export type ServiceQuery = z.input<typeof serviceQuery>;

/** `GET /api/v1/opds/{opd}/services`: the same, within one OPD. */
export const opdServiceQuery = z.object(serviceFilters);

/** One item of a compliance checklist: a component and what the checklist calls it. */
export const checklistItem = z.object({ component: z.enum(serviceComponents), name: z.string() });

/** A compliance checklist: the components every service's standard must have, as data (default: the Ombudsman's published list). */
export const complianceChecklist = z.object({
  name: z.string(),
  source: z.string(),
  items: z.array(checklistItem),
  updatedAt: z.nullable(z.string()),
});

/** A checklist, see {@link complianceChecklist}. */
export type ComplianceChecklist = z.infer<typeof complianceChecklist>;

/** One service on the checklist: the components it lacks (empty: complete). */
export const serviceCompliance = z.object({
  slug: serviceSlug,
  name: z.string(),
  opd: opdSlug,
  complete: z.boolean(),
  missing: z.array(z.enum(serviceComponents)),
});

/** One OPD on the checklist. */
export const opdCompliance = z.object({
  slug: opdSlug,
  name: z.string(),
  /** Its services with a standard in force. */
  services: z.number(),
  /** Those with every component of the checklist. */
  complete: z.number(),
  /** complete / services, percent with two decimals (0 with no service). */
  percent: z.number(),
  /** How many of its services lack each component (only components some lack). */
  missing: z.record(z.string(), z.number()),
});

/** `GET …/services/compliance`: the checklist, per OPD, and every service with what it lacks. */
export const complianceReport = z.object({
  checklist: complianceChecklist,
  /** The day the standards in force were read for, `YYYY-MM-DD` in the regency's time zone. */
  day: z.string(),
  services: z.number(),
  complete: z.number(),
  percent: z.number(),
  opds: z.array(opdCompliance),
  items: z.array(serviceCompliance),
});

/** A compliance report, see {@link complianceReport}. */
export type ComplianceReport = z.infer<typeof complianceReport>;

/** An IKM category: its grade, name and range on the 25–100 scale (both ends included, two decimals). */
export const ikmCategory = z.object({ grade: z.string(), name: z.string(), min: z.number(), max: z.number() });

/** One element (*unsur*) of the survey. */
export const surveyElement = z.object({
  id: z.string(),
  number: z.number(),
  name: z.string(),
  /** The question a citizen answers. */
  question: z.string(),
  /** The answers to pick from, one per scale value, lowest first (`Tidak sesuai` … `Sangat sesuai`). */
  answers: z.array(z.string()),
  /** Its weight; the index divides by the sum of weights (equal weights: the regulation's 1/9 each). */
  weight: z.number(),
});

/** The SKM model in force: elements, weights, scale and categories, as data (`GET /api/v1/services/survey-model`). */
export const surveyModel = z.object({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  /** The scale's values, lowest first, with the words a citizen picks from. */
  scale: z.array(z.object({ value: z.number(), label: z.string() })),
  /** The factor from the weighted mean to the index (25: 1–4 becomes 25–100). */
  conversion: z.number(),
  categories: z.array(ikmCategory),
  elements: z.array(surveyElement),
});

/** The survey model, see {@link surveyModel}. */
export type SurveyModel = z.infer<typeof surveyModel>;

/** One use of a token the counter hands out: the same letters and digits a slip shows, hyphens and case as the citizen types them. */
export const surveyToken = z.string('Enter the survey code from your slip').check(
  z.trim(),
  z.minLength(1, 'Enter the survey code from your slip'),
  z.maxLength(40, 'A survey code has 12 letters and digits, e.g. 7KQ2-M9XD-4TRA'),
);

/**
 * `POST /api/v1/opds/{opd}/services/{service}/survey`: a citizen's answers — the token from the
 * counter, a score on the model's scale for every element (by element id), and an optional
 * suggestion. Nothing else: no name, no contact; the server keeps neither the address nor
 * which token it was.
 */
export const surveyInput = z.object({
  token: surveyToken,
  scores: z.record(z.string(), z.number('Give a score from 1 to 4')),
  suggestion: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(1000, 'A suggestion has at most 1,000 characters')))),
});

/** The survey answers, see {@link surveyInput}. */
export type SurveyInput = z.input<typeof surveyInput>;

/** What a recorded response says back: thanks, and the period it counts in. */
export const surveyReceipt = z.object({
  service: serviceSlug,
  year: z.number(),
  semester: z.number(),
  quarter: z.number(),
});

/** The index of a set of responses: how many, the weighted mean (1–4), the index (25–100, two decimals) and its category; null without responses. */
export const ikmFigure = z.object({
  respondents: z.number(),
  /** The weighted mean of the elements' means, on the model's scale, four decimals. */
  mean: z.nullable(z.number()),
  /** mean × 25, two decimals: the IKM. */
  ikm: z.nullable(z.number()),
  /** The grade (A–D) of the IKM as rounded. */
  grade: z.nullable(z.string()),
  /** The grade's name (*sangat baik*, *baik*, *kurang baik*, *tidak baik*). */
  category: z.nullable(z.string()),
});

/** An index figure, see {@link ikmFigure}. */
export type IkmFigure = z.infer<typeof ikmFigure>;

/** One element's result: the mean of its scores (four decimals) and that × 25 (two decimals). */
export const elementFigure = z.object({ id: z.string(), name: z.string(), mean: z.nullable(z.number()), ikm: z.nullable(z.number()) });

/** An element's result, see {@link elementFigure}. */
export type ElementFigure = z.infer<typeof elementFigure>;

/** A period's index: `semester` 1–2 or `quarter` 1–4 of the year. */
export const periodFigure = z.extend(ikmFigure, { period: z.number() });

/** `GET /api/v1/opds/{opd}/satisfaction?year=`: the IKM of the OPD and of each of its services, per element and per period. */
export const satisfactionReport = z.object({
  opd: serviceOpd,
  year: z.number(),
  model: z.object({ id: z.string(), name: z.string() }),
  categories: z.array(ikmCategory),
  overall: ikmFigure,
  elements: z.array(elementFigure),
  semesters: z.array(periodFigure),
  quarters: z.array(periodFigure),
  services: z.array(z.extend(ikmFigure, { slug: serviceSlug, name: z.string(), elements: z.array(elementFigure), semesters: z.array(periodFigure) })),
});

/** The satisfaction report, see {@link satisfactionReport}. */
export type SatisfactionReport = z.infer<typeof satisfactionReport>;

/** `?year=` of the satisfaction report (default: this year in the regency's time zone). */
export const satisfactionQuery = z.object({
  year: z.optional(z.coerce.number('Use a year, e.g. 2026').check(z.int('Use a year, e.g. 2026'), z.minimum(2017, 'Use a year from 2017'), z.maximum(2100, 'Use a year up to 2100'))),
});

/** `?missing=` of a compliance report: list only the services that lack this component (the counts stay over all). */
export const complianceQuery = z.object({
  missing: z.optional(z.enum(serviceComponents, `Use a component: ${serviceComponents.join(', ')}`)),
});

/** Every public endpoint of Layanan. */
export const serviceEndpoints = {
  directory: endpoint({
    id: 'listServices',
    method: 'GET',
    path: '/api/v1/services',
    query: serviceQuery,
    response: serviceList,
    access: 'public',
  }),
  regencyCompliance: endpoint({
    id: 'getServiceComplianceRegency',
    method: 'GET',
    path: '/api/v1/services/compliance',
    query: complianceQuery,
    response: complianceReport,
    access: 'public',
  }),
  surveyModel: endpoint({
    id: 'getSurveyModel',
    method: 'GET',
    path: '/api/v1/services/survey-model',
    response: surveyModel,
    access: 'public',
    errors: ['not-found'],
  }),
  list: endpoint({
    id: 'listOpdServices',
    method: 'GET',
    path: '/api/v1/opds/{opd}/services',
    params: z.object({ opd: opdSlug }),
    query: opdServiceQuery,
    response: serviceList,
    access: 'public',
  }),
  compliance: endpoint({
    id: 'getServiceCompliance',
    method: 'GET',
    path: '/api/v1/opds/{opd}/services/compliance',
    params: z.object({ opd: opdSlug }),
    query: complianceQuery,
    response: complianceReport,
    access: 'public',
  }),
  get: endpoint({
    id: 'getService',
    method: 'GET',
    path: '/api/v1/opds/{opd}/services/{service}',
    params: serviceParams,
    response: service,
    access: 'public',
  }),
  survey: endpoint({
    id: 'answerServiceSurvey',
    method: 'POST',
    path: '/api/v1/opds/{opd}/services/{service}/survey',
    params: serviceParams,
    body: surveyInput,
    response: surveyReceipt,
    status: 201,
    access: 'public',
    idempotent: true,
    errors: ['survey-token-used', 'survey-token-expired'],
  }),
  satisfaction: endpoint({
    id: 'getSatisfaction',
    method: 'GET',
    path: '/api/v1/opds/{opd}/satisfaction',
    params: z.object({ opd: opdSlug }),
    query: satisfactionQuery,
    response: satisfactionReport,
    access: 'public',
  }),
} as const;
