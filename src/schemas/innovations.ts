/**
 * One OPD One Innovation's public shapes and endpoints (`innovationEndpoints`): the regency's
 * catalogue of verified regional innovations (PP 38/2017: public service, governance or other;
 * digital or not; stage initiative → trial → applied), searched by words and filtered, the
 * progress toward "every OPD at least one verified innovation" with its deadline, the IID
 * scoring models (Kemendagri's regional innovation index) kept as data per assessment year,
 * and the export for the Kemendagri submission (CSV, XLSX).
 *
 * The staff side (drafts, the contact person, evidence uploads, the review flow) is in
 * `innovations-staff.ts`, so a citizen's page carries none of it.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage, MAX_PAGE_SIZE, timestamp } from './common.js';
import { endpoint } from './endpoint.js';
import { opdSlug } from './opds.js';

/** The forms of a regional innovation (PP 38/2017 art. 4): public service, regional governance, other. */
export const innovationTypes = ['pelayanan-publik', 'tata-kelola', 'lainnya'] as const;

/** A form of innovation, see {@link innovationTypes}. */
export type InnovationType = (typeof innovationTypes)[number];

/** The Indonesian name of each form, as the national portal writes them. */
export const innovationTypeNames: Readonly<Record<InnovationType, string>> = {
  'pelayanan-publik': 'Inovasi pelayanan publik',
  'tata-kelola': 'Inovasi tata kelola pemerintahan daerah',
  lainnya: 'Inovasi daerah bentuk lainnya',
};

/** The stages of an innovation, in order: initiative, trial, applied. */
export const innovationStages = ['inisiatif', 'uji-coba', 'penerapan'] as const;

/** A stage, see {@link innovationStages}. */
export type InnovationStage = (typeof innovationStages)[number];

/** The Indonesian name of each stage. */
export const innovationStageNames: Readonly<Record<InnovationStage, string>> = {
  inisiatif: 'Inisiatif',
  'uji-coba': 'Uji coba',
  penerapan: 'Penerapan',
};

/** Who started an innovation, as the IID proposal form asks (*inisiator*): the regional head, a member of the DPRD, an OPD, a civil servant (ASN) or the public. */
export const innovationInitiators = ['kepala-daerah', 'anggota-dprd', 'opd', 'asn', 'masyarakat'] as const;

/** An initiator, see {@link innovationInitiators}. */
export type InnovationInitiator = (typeof innovationInitiators)[number];

/** The Indonesian name of each initiator, as the export writes them. */
export const innovationInitiatorNames: Readonly<Record<InnovationInitiator, string>> = {
  'kepala-daerah': 'Kepala Daerah',
  'anggota-dprd': 'Anggota DPRD',
  opd: 'OPD',
  asn: 'ASN',
  masyarakat: 'Masyarakat',
};

/** Where an innovation is in the review flow: draft → submitted → verified by the reviewer (Bappeda), or returned with comments. */
export const innovationStatuses = ['draft', 'submitted', 'verified', 'returned'] as const;

/** A review status, see {@link innovationStatuses}. */
export type InnovationStatus = (typeof innovationStatuses)[number];

/** The largest innovation id (a PostgreSQL integer). */
const MAX_INNOVATION_ID = 2_147_483_647;

const innovationIdMessage = 'An innovation id is a whole number, e.g. 12';

/** An innovation id in a path: a whole number. */
export const innovationId = z.coerce
  .number(innovationIdMessage)
  .check(z.int(innovationIdMessage), z.minimum(1, innovationIdMessage), z.maximum(MAX_INNOVATION_ID, innovationIdMessage));

/** The `{id}` path of one innovation. */
export const innovationParams = z.object({ id: innovationId });

/** A day, `YYYY-MM-DD`. */
export const INNOVATION_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The days an innovation reached each stage (`YYYY-MM-DD`), null for a stage not reached. */
export const innovationStageDates = z.object({
  inisiatif: z.nullable(z.string()),
  'uji-coba': z.nullable(z.string()),
  penerapan: z.nullable(z.string()),
});

/** The stage dates, see {@link innovationStageDates}. */
export type InnovationStageDates = z.infer<typeof innovationStageDates>;

/** An evidence file as the public sees it: which indicator it supports, its title, type, size and address. */
export const innovationEvidenceFile = z.object({
  id: z.string(),
  /** The indicator of the year's scoring model it is evidence for, e.g. `regulasi`. */
  indicator: z.string(),
  title: z.string(),
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  bytes: z.number(),
  /** Where to download it. */
  url: z.string(),
  uploadedAt: timestamp,
});

/** An evidence file, see {@link innovationEvidenceFile}. */
export type InnovationEvidenceFile = z.infer<typeof innovationEvidenceFile>;

/** An OPD as an innovation names it. */
export const innovationOpd = z.object({ slug: opdSlug, name: z.string() });

/**
 * A verified innovation as the public sees it: what it is, whose, its form, digital or not,
 * its stage and dates, the problem, the novelty (solution), benefits, results, budget source
 * and its evidence. The contact person is staff-only.
 */
export const innovation = z.object({
  id: z.number(),
  opd: innovationOpd,
  name: z.string(),
  type: z.enum(innovationTypes),
  digital: z.boolean(),
  stage: z.enum(innovationStages),
  stageDates: innovationStageDates,
  /** When it started (`YYYY-MM-DD`). */
  startDate: z.nullable(z.string()),
  problem: z.string(),
  /** What is new: the solution and how it works. */
  solution: z.string(),
  benefits: z.nullable(z.string()),
  results: z.nullable(z.string()),
  /** E.g. `APBD`, `APBN`, `CSR`, `Tanpa anggaran`. */
  budgetSource: z.nullable(z.string()),
  /** The assessment year it is registered for. */
  year: z.number(),
  evidence: z.array(innovationEvidenceFile),
  verifiedAt: z.nullable(timestamp),
  /** True for made-up data (the demo). */
  synthetic: z.boolean(),
});

/** A verified innovation, see {@link innovation}. */
export type Innovation = z.infer<typeof innovation>;

/** A page of the catalogue, best match first when searched (newest first otherwise), with the count of all matches. */
export const innovationList = z.extend(listPage(innovation), {
  /** How many innovations match the search and filters (all pages). */
  total: z.number(),
});

/** A page of the catalogue, see {@link innovationList}. */
export type InnovationList = z.infer<typeof innovationList>;

const limitMessage = `Use a number from 1 to ${MAX_PAGE_SIZE}`;

/** The longest search text. */
export const MAX_SEARCH_LENGTH = 200;

/**
 * `GET /api/v1/innovations`: words to search for in the name, problem and solution (`q`:
 * Indonesian words, prefixes and small typos find their innovation; accents do not matter),
 * filters, and a page.
 */
export const innovationQuery = z.object({
  q: z.optional(z.string().check(z.trim(), z.maxLength(MAX_SEARCH_LENGTH, `Search with at most ${MAX_SEARCH_LENGTH} characters`))),
  opd: z.optional(opdSlug),
  type: z.optional(z.enum(innovationTypes, `Use a type: ${innovationTypes.join(', ')}`)),
  stage: z.optional(z.enum(innovationStages, `Use a stage: ${innovationStages.join(', ')}`)),
  digital: z.optional(z.enum(['true', 'false'], 'Use digital=true or digital=false')),
  year: z.optional(z.coerce.number('Use a year, e.g. 2026').check(z.int('Use a year, e.g. 2026'), z.minimum(2017, 'Use a year from 2017'), z.maximum(2100, 'Use a year up to 2100'))),
  limit: z.optional(z.coerce.number(limitMessage).check(z.int(limitMessage), z.minimum(1, limitMessage), z.maximum(MAX_PAGE_SIZE, limitMessage))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

/** The catalogue's query, see {@link innovationQuery}. */
export type InnovationQuery = z.input<typeof innovationQuery>;

/** A category of an IID score: its name and range (`min` included; `max` included, null for no upper bound). */
export const scoringCategory = z.object({ name: z.string(), min: z.number(), max: z.nullable(z.number()) });

/** One indicator of a scoring model. */
export const scoringIndicator = z.object({
  /** Stable within the model, e.g. `regulasi`. */
  id: z.string(),
  /** Its number in the year's guide (1–36 in 2023). */
  number: z.number(),
  /** `government`: the regional government part (SPD); `innovation`: scored per innovation (SID). */
  part: z.enum(['government', 'innovation']),
  name: z.string(),
  /** Its weight in the model's points. */
  weight: z.number(),
  /** True when each innovation attaches evidence for it. */
  evidence: z.boolean(),
});

/** An indicator, see {@link scoringIndicator}. */
export type ScoringIndicator = z.infer<typeof scoringIndicator>;

/**
 * The IID scoring model of an assessment year, as data (the guidelines change from year to
 * year): its indicators and weights, the share of the government part and of the innovation
 * part, the categories with their thresholds, and where it comes from.
 */
export const scoringModel = z.object({
  year: z.number(),
  /** E.g. `Indeks Inovasi Daerah 2023`. */
  name: z.string(),
  /** The guide it follows. */
  source: z.string(),
  /** The government part's share, percent (25.2 in 2023). */
  governmentShare: z.number(),
  /** The innovation part's share, percent (74.8 in 2023). */
  innovationShare: z.number(),
  categories: z.array(scoringCategory),
  indicators: z.array(scoringIndicator),
  /** What of it is our reading rather than the guide's own figures. */
  note: z.nullable(z.string()),
});

/** A scoring model, see {@link scoringModel}. */
export type ScoringModel = z.infer<typeof scoringModel>;

/** An estimated score: the value (0–100), its category in the model, and the model it was computed with. */
export const estimatedScore = z.object({
  value: z.number(),
  category: z.string(),
  /** The model's name, e.g. `Indeks Inovasi Daerah 2023`: an estimate is always named with its model. */
  model: z.string(),
  year: z.number(),
});

/** An estimated score, see {@link estimatedScore}. */
export type EstimatedScore = z.infer<typeof estimatedScore>;

/** One OPD on the progress board. */
export const innovationProgressOpd = z.object({
  slug: opdSlug,
  name: z.string(),
  /** Its verified innovations for the year. */
  verified: z.number(),
  /** Submitted and waiting for the reviewer. */
  submitted: z.number(),
  /** Drafts and returned ones still with the OPD. */
  inProgress: z.number(),
  /** Innovation-part indicators of the model with no evidence file, over its verified and submitted innovations (ids). */
  evidenceGaps: z.array(z.string()),
  /** The estimate over its verified innovations; null when it has none. */
  estimatedScore: z.nullable(estimatedScore),
});

/** `GET /api/v1/innovations/progress`: toward "one OPD, one innovation" for an assessment year. */
export const innovationProgress = z.object({
  year: z.number(),
  /** Every OPD of the regency. */
  opds: z.number(),
  /** OPDs with at least one verified innovation. */
  opdsDone: z.number(),
  /** opdsDone / opds, percent with two decimals. */
  percent: z.number(),
  /** The deadline (`YYYY-MM-DD`, the last day included, in the regency's time zone). */
  deadline: z.nullable(z.string()),
  /** Whole days from today to the deadline in the regency's zone (0 on the day; negative once passed). */
  daysLeft: z.nullable(z.number()),
  /** Verified innovations by form and by stage. */
  byType: z.object({ 'pelayanan-publik': z.number(), 'tata-kelola': z.number(), lainnya: z.number() }),
  byStage: z.object({ inisiatif: z.number(), 'uji-coba': z.number(), penerapan: z.number() }),
  digital: z.number(),
  nonDigital: z.number(),
  /** Every OPD, those without a verified innovation first, then by name. */
  board: z.array(innovationProgressOpd),
  /** The slugs of the OPDs still without a verified innovation. */
  missing: z.array(opdSlug),
  /** The slugs of the OPDs with evidence gaps. */
  withEvidenceGaps: z.array(opdSlug),
  /** The model the estimates use, or null when the year has none. */
  model: z.nullable(z.object({ year: z.number(), name: z.string() })),
});

/** The progress board, see {@link innovationProgress}. */
export type InnovationProgress = z.infer<typeof innovationProgress>;

/** `?year=` of the progress board and the export (default: the configured assessment year). */
export const innovationYearQuery = z.object({
  year: z.optional(z.coerce.number('Use a year, e.g. 2026').check(z.int('Use a year, e.g. 2026'), z.minimum(2017, 'Use a year from 2017'), z.maximum(2100, 'Use a year up to 2100'))),
});

/** Every public endpoint of One OPD One Innovation. */
export const innovationEndpoints = {
  list: endpoint({
    id: 'listInnovations',
    method: 'GET',
    path: '/api/v1/innovations',
    query: innovationQuery,
    response: innovationList,
    access: 'public',
  }),
  get: endpoint({
    id: 'getInnovation',
    method: 'GET',
    path: '/api/v1/innovations/{id}',
    params: innovationParams,
    response: innovation,
    access: 'public',
  }),
  progress: endpoint({
    id: 'getInnovationProgress',
    method: 'GET',
    path: '/api/v1/innovations/progress',
    query: innovationYearQuery,
    response: innovationProgress,
    access: 'public',
  }),
  model: endpoint({
    id: 'getInnovationScoringModel',
    method: 'GET',
    path: '/api/v1/innovations/scoring-models/{year}',
    params: z.object({ year: z.coerce.number().check(z.int(), z.minimum(2017), z.maximum(2100)) }),
    response: scoringModel,
    access: 'public',
  }),
  exportCsv: endpoint({
    id: 'exportInnovationsCsv',
    method: 'GET',
    path: '/api/v1/innovations/export.csv',
    query: innovationYearQuery,
    response: z.string(),
    produces: 'text/csv; charset=utf-8',
    access: 'public',
  }),
} as const;
