/**
 * SIP BENAR (*Sistem Informasi Pembangunan Berbasis Dana CSR*, Bappeda) — public shapes and
 * endpoints (`csrEndpoints`): which companies fund which development programmes where, how
 * much each committed and how much was spent (integer rupiah, never floats), the spending
 * entries with their evidence, the summary by field, kecamatan, company and year with the
 * villages' needs not yet funded. Read by the SDK's `csr` namespace and `<opd-csr-board>`.
 *
 * The staff side (contact persons, the double-funding reasons, writes, the forum's decisions,
 * the CSV export) is in `csr-staff.ts`, so a citizen's page carries none of it.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage, MAX_PAGE_SIZE, timestamp } from './common.js';
import { endpoint } from './endpoint.js';
import { opdSlug } from './opds.js';

/**
 * The largest amount of rupiah one value may hold: 1 trillion (Rp 1.000.000.000.000). No
 * single CSR programme or payment comes near it, and sums of up to 9,000 such values stay
 * below `Number.MAX_SAFE_INTEGER`, so every figure of the API is an exact JSON number.
 */
export const MAX_RUPIAH = 1_000_000_000_000;

/** The fields (*bidang*) an OPD starts with; an OPD admin may configure its own list. */
export const defaultCsrFields = [
  { id: 'pendidikan', name: 'Pendidikan', nameEn: 'Education' },
  { id: 'kesehatan', name: 'Kesehatan', nameEn: 'Health' },
  { id: 'infrastruktur', name: 'Infrastruktur', nameEn: 'Infrastructure' },
  { id: 'ekonomi', name: 'Ekonomi', nameEn: 'Economy' },
  { id: 'lingkungan', name: 'Lingkungan', nameEn: 'Environment' },
  { id: 'sosial', name: 'Sosial', nameEn: 'Social' },
] as const;

/** What a field id looks like: lowercase letters and digits joined by hyphens, e.g. `air-bersih`. */
export const CSR_FIELD_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A field (*bidang*) of development an OPD funds through CSR: its id, Indonesian name and English name (when given). */
export const csrField = z.object({ id: z.string(), name: z.string(), nameEn: z.nullable(z.string()) });

/** A field, see {@link csrField}. */
export type CsrField = z.infer<typeof csrField>;

/** Where a programme is in its life: proposed, approved (by the CSR forum), running, done, postponed or cancelled. */
export const csrProgramStatuses = ['proposed', 'approved', 'running', 'done', 'postponed', 'cancelled'] as const;

/** A programme status, see {@link csrProgramStatuses}. */
export type CsrProgramStatus = (typeof csrProgramStatuses)[number];

/** The statuses whose programmes count in the summary's committed and spent figures (not proposed, not cancelled). */
export const csrCountedStatuses = ['approved', 'running', 'done', 'postponed'] as const satisfies readonly CsrProgramStatus[];

/** The sectors of the companies that fund programmes. */
export const csrSectors = ['pertambangan', 'perkebunan', 'energi', 'perbankan', 'telekomunikasi', 'manufaktur', 'perdagangan', 'lainnya'] as const;

/** A sector, see {@link csrSectors}. */
export type CsrSector = (typeof csrSectors)[number];

/** Where a village proposal (*usulan desa*) is: submitted, approved by the forum (matched to a company), rejected, or funded (a programme). */
export const csrProposalStatuses = ['submitted', 'approved', 'rejected', 'funded'] as const;

/** A proposal status, see {@link csrProposalStatuses}. */
export type CsrProposalStatus = (typeof csrProposalStatuses)[number];

/** The largest id of a programme, company, spending entry or proposal (a PostgreSQL integer). */
const MAX_ID = 2_147_483_647;

/** A record id in a path: a whole number. */
export const csrId = z.coerce.number('An id is a whole number, e.g. 12').check(z.int('An id is a whole number, e.g. 12'), z.minimum(1, 'An id is a whole number, e.g. 12'), z.maximum(MAX_ID, 'An id is a whole number, e.g. 12'));

/** A point `[longitude, latitude]` (WGS 84), as GeoJSON writes it. */
export const csrPoint = z.tuple([z.number(), z.number()]);

/** A programme's place: the kecamatan and desa, and a point when known. */
export const csrLocation = z.object({
  kecamatan: z.string(),
  desa: z.string(),
  /** `[longitude, latitude]`, or null when only the desa is known. */
  point: z.nullable(csrPoint),
});

/** A company as the public sees it: its name and sector (the contact person is staff-only). */
export const csrCompany = z.object({
  id: z.number(),
  name: z.string(),
  sector: z.enum(csrSectors),
  /** True for made-up demo data. */
  isDemo: z.boolean(),
});

/** A company, see {@link csrCompany}. */
export type CsrCompany = z.infer<typeof csrCompany>;

/** The companies of an OPD's programmes, by name. */
export const csrCompanyList = z.object({ data: z.array(csrCompany) });

/**
 * A programme as the public sees it: what, who funds it, which field, where, which year, its
 * status, the committed budget and what was spent (rupiah), how many benefit, and the plan it
 * serves. `overspent` is true when spending passed the commitment (`overspentBy` rupiah):
 * never silent.
 */
export const csrProgram = z.object({
  id: z.number(),
  title: z.string(),
  description: z.nullable(z.string()),
  company: csrCompany,
  /** A field id of the OPD's list (`fields` of the summary names them). */
  field: z.string(),
  location: csrLocation,
  /** The budget year. */
  year: z.number(),
  status: z.enum(csrProgramStatuses),
  /** The committed budget, whole rupiah. */
  committed: z.number(),
  /** The sum of its spending entries, whole rupiah. */
  spent: z.number(),
  /** True when `spent` is more than `committed`. */
  overspent: z.boolean(),
  /** `spent - committed` when over, else 0. */
  overspentBy: z.number(),
  /** How many people benefit, when counted. */
  beneficiaries: z.nullable(z.number()),
  /** The regional plan's (RPJMD) priority it serves, as the plan names it. */
  rpjmdPriority: z.nullable(z.string()),
  /** The Sustainable Development Goal it serves, 1–17. */
  sdg: z.nullable(z.number()),
  /** The village proposal it answers, if any. */
  proposalId: z.nullable(z.number()),
  isDemo: z.boolean(),
  updatedAt: timestamp,
});

/** A programme, see {@link csrProgram}. */
export type CsrProgram = z.infer<typeof csrProgram>;

/** An evidence file of a spending entry: its type, size and address. */
export const csrEvidenceFile = z.object({
  id: z.string(),
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  bytes: z.number(),
  /** Where to download it. */
  url: z.string(),
  uploadedAt: timestamp,
});

/** An evidence file, see {@link csrEvidenceFile}. */
export type CsrEvidenceFile = z.infer<typeof csrEvidenceFile>;

/** A spending entry (*realisasi*): the day, the amount in whole rupiah, what for, and its evidence. */
export const csrSpending = z.object({
  id: z.number(),
  /** `YYYY-MM-DD`. */
  date: z.string(),
  amount: z.number(),
  description: z.string(),
  evidence: z.array(csrEvidenceFile),
});

/** A spending entry, see {@link csrSpending}. */
export type CsrSpending = z.infer<typeof csrSpending>;

/** One programme with its spending entries, oldest first. */
export const csrProgramDetail = z.extend(csrProgram, { spending: z.array(csrSpending) });

/** One programme, see {@link csrProgramDetail}. */
export type CsrProgramDetail = z.infer<typeof csrProgramDetail>;

/** A page of programmes, newest year first, with the count of all matches. */
export const csrProgramList = z.extend(listPage(csrProgram), { total: z.number() });

/** A page of programmes, see {@link csrProgramList}. */
export type CsrProgramList = z.infer<typeof csrProgramList>;

const limitMessage = `Use a number from 1 to ${MAX_PAGE_SIZE}`;
const yearMessage = 'Use a year, e.g. 2025';

/** A `?year=`: 2000–2100. */
export const csrYear = z.coerce.number(yearMessage).check(z.int(yearMessage), z.minimum(2000, 'Use a year from 2000'), z.maximum(2100, 'Use a year up to 2100'));

/** `?field=`: a field id. */
const fieldFilter = z.string().check(z.regex(CSR_FIELD_ID_PATTERN, 'Use a field id, e.g. pendidikan'), z.maxLength(40));

/** `GET /api/v1/opds/{opd}/csr/programs`: filters (all optional) and a page. */
export const csrProgramQuery = z.object({
  field: z.optional(fieldFilter),
  /** The kecamatan's name, any case. */
  kecamatan: z.optional(z.string().check(z.trim(), z.maxLength(80, 'A kecamatan name has at most 80 characters'))),
  /** A company id. */
  company: z.optional(csrId),
  year: z.optional(csrYear),
  status: z.optional(z.enum(csrProgramStatuses, `Use a status: ${csrProgramStatuses.join(', ')}`)),
  limit: z.optional(z.coerce.number(limitMessage).check(z.int(limitMessage), z.minimum(1, limitMessage), z.maximum(MAX_PAGE_SIZE, limitMessage))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

/** The programme list's query, see {@link csrProgramQuery}. */
export type CsrProgramQuery = z.input<typeof csrProgramQuery>;

/** Committed and spent rupiah, programmes and beneficiaries of one group of the summary. */
const csrTotals = {
  /** Counted programmes (approved, running, done, postponed). */
  programs: z.number(),
  committed: z.number(),
  spent: z.number(),
  /** The sum of the counted programmes' beneficiaries (those that counted them). */
  beneficiaries: z.number(),
};

/** A village need not yet funded (submitted, or approved but not yet a programme): no contact person. */
export const csrNeed = z.object({
  id: z.number(),
  title: z.string(),
  field: z.string(),
  kecamatan: z.string(),
  desa: z.string(),
  year: z.number(),
  status: z.enum(['submitted', 'approved']),
  /** The cost the village estimated, whole rupiah, when given. */
  estimatedCost: z.nullable(z.number()),
  beneficiaries: z.nullable(z.number()),
});

/** A need, see {@link csrNeed}. */
export type CsrNeed = z.infer<typeof csrNeed>;

/**
 * `GET /api/v1/opds/{opd}/csr/summary?year=`: committed against spent (whole rupiah) over the
 * counted programmes (approved, running, done, postponed) by field, kecamatan, company and
 * year, the beneficiaries, the programmes over budget, and the villages' needs not yet funded.
 * Every group's figures add up to the totals.
 */
export const csrSummary = z.object({
  /** The year asked for, or null for every year. */
  year: z.nullable(z.number()),
  /** The OPD's fields, in its order (every one, with or without programmes). */
  fields: z.array(csrField),
  ...csrTotals,
  /** Programmes in each status (all of them, proposed and cancelled included). */
  byStatus: z.object({ proposed: z.number(), approved: z.number(), running: z.number(), done: z.number(), postponed: z.number(), cancelled: z.number() }),
  byField: z.array(z.object({ field: z.string(), ...csrTotals })),
  byKecamatan: z.array(z.object({ kecamatan: z.string(), ...csrTotals })),
  byCompany: z.array(z.object({ company: csrCompany, ...csrTotals })),
  byYear: z.array(z.object({ year: z.number(), ...csrTotals })),
  /** Every kecamatan with a programme (of any status) or a need not yet funded, by name: how many of each (what a filter by kecamatan offers). */
  places: z.array(z.object({ kecamatan: z.string(), programs: z.number(), needs: z.number() })),
  /** Every year with a programme (of any status) or a need not yet funded, newest first: how many of each. */
  years: z.array(z.object({ year: z.number(), programs: z.number(), needs: z.number() })),
  /** Counted programmes whose spending passed the commitment, most over first. */
  overspent: z.array(z.object({ id: z.number(), title: z.string(), committed: z.number(), spent: z.number(), overspentBy: z.number() })),
  /** The villages' needs not yet funded: how many, their estimated cost, and the newest 50. */
  unfunded: z.object({ count: z.number(), estimatedCost: z.number(), needs: z.array(csrNeed) }),
});

/** The summary, see {@link csrSummary}. */
export type CsrSummary = z.infer<typeof csrSummary>;

/** `?year=` of the summary (default: every year). */
export const csrYearQuery = z.object({ year: z.optional(csrYear) });

const opdCsrParams = z.object({ opd: opdSlug });

/** Every public endpoint of SIP BENAR. */
export const csrEndpoints = {
  listPrograms: endpoint({
    id: 'listCsrPrograms',
    method: 'GET',
    path: '/api/v1/opds/{opd}/csr/programs',
    params: opdCsrParams,
    query: csrProgramQuery,
    response: csrProgramList,
    access: 'public',
  }),
  getProgram: endpoint({
    id: 'getCsrProgram',
    method: 'GET',
    path: '/api/v1/opds/{opd}/csr/programs/{id}',
    params: z.object({ opd: opdSlug, id: csrId }),
    response: csrProgramDetail,
    access: 'public',
  }),
  summary: endpoint({
    id: 'getCsrSummary',
    method: 'GET',
    path: '/api/v1/opds/{opd}/csr/summary',
    params: opdCsrParams,
    query: csrYearQuery,
    response: csrSummary,
    access: 'public',
  }),
  listCompanies: endpoint({
    id: 'listCsrCompanies',
    method: 'GET',
    path: '/api/v1/opds/{opd}/csr/companies',
    params: opdCsrParams,
    response: csrCompanyList,
    access: 'public',
  }),
} as const;
