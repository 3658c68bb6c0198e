/**
 * SIP BENAR's staff side: companies with their contact person, programmes as staff see them
 * (the double-funding flag with its written reason, the reasons for spending over the
 * commitment), the bodies of every write, the village proposals with the CSR forum's decisions,
 * the OPD's fields, the CSV export, and every endpoint of the module (`csrStaffEndpoints`: the
 * public ones of `csr.ts` and the staff's). Apart from `csr.ts` so a citizen's page carries
 * none of these shapes.
 *
 * Money is whole rupiah as a JSON number: `1.5`, `-1`, `"100"` or anything over
 * {@link MAX_RUPIAH} is a 422 naming the field.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage, MAX_PAGE_SIZE, timestamp } from './common.js';
import {
  CSR_FIELD_ID_PATTERN,
  csrCompany,
  csrEndpoints,
  csrField,
  csrId,
  csrLocation,
  csrProgram,
  csrProgramStatuses,
  csrProposalStatuses,
  csrSectors,
  csrSpending,
  csrYear,
  MAX_RUPIAH,
} from './csr.js';
import { endpoint } from './endpoint.js';
import { opdSlug } from './opds.js';

/** The largest evidence file of a spending entry, in bytes: 2 MB, as an innovation's. */
export const CSR_EVIDENCE_MAX_BYTES = 2 * 1024 * 1024;

/** The most evidence files one spending entry may hold. */
export const CSR_EVIDENCE_MAX_FILES = 10;

const text = (min: number, max: number, what: string) =>
  z.string(`Enter ${what}`).check(
    z.trim(),
    z.minLength(min, min > 1 ? `Enter ${what}, at least ${min} characters` : `Enter ${what}`),
    z.maxLength(max, `${what[0]!.toUpperCase()}${what.slice(1)} has at most ${max.toLocaleString('en')} characters`),
  );

/** Whole rupiah from `min` up to {@link MAX_RUPIAH}: no fraction, no sign, no text. */
export const rupiah = (what: string, min = 0) =>
  z.number(`Give ${what} as a whole number of rupiah, e.g. 250000000 (a number, not text)`).check(
    z.int(`Give ${what} in whole rupiah, without decimals`),
    z.minimum(min, min > 0 ? `Give ${what} of at least Rp ${min}` : `${what[0]!.toUpperCase()}${what.slice(1)} cannot be negative`),
    z.maximum(MAX_RUPIAH, `${what[0]!.toUpperCase()}${what.slice(1)} may be at most Rp 1.000.000.000.000 (one trillion)`),
  );

const count = (what: string) =>
  z.number(`Give ${what} as a whole number`).check(z.int(`Give ${what} as a whole number`), z.minimum(0, `${what[0]!.toUpperCase()}${what.slice(1)} cannot be negative`), z.maximum(100_000_000, `${what[0]!.toUpperCase()}${what.slice(1)} is at most 100,000,000`));

const day = (what: string) => z.string(`Enter ${what}`).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, `Write ${what} as YYYY-MM-DD, e.g. 2025-03-14`));

const yearInput = z.number('Give the year as a number, e.g. 2025').check(z.int('Give the year as a whole number'), z.minimum(2000, 'Use a year from 2000'), z.maximum(2100, 'Use a year up to 2100'));

const idInput = (what: string) => z.number(`Give ${what} as a number`).check(z.int(`Give ${what} as a whole number`), z.minimum(1, `Give ${what}`), z.maximum(2_147_483_647, `Give ${what}`));

/** A point inside Indonesia, `[longitude, latitude]`. */
export const csrPointInput = z.tuple([
  z.number('Give the longitude as a number').check(z.minimum(94, 'The longitude is outside Indonesia (94–142)'), z.maximum(142, 'The longitude is outside Indonesia (94–142)')),
  z.number('Give the latitude as a number').check(z.minimum(-11.5, 'The latitude is outside Indonesia (−11.5–6.5)'), z.maximum(6.5, 'The latitude is outside Indonesia (−11.5–6.5)')),
], 'Give the point as [longitude, latitude], e.g. [103.53, -3.79]');

const fieldId = z.string('Choose a field').check(z.regex(CSR_FIELD_ID_PATTERN, 'Use a field id, e.g. pendidikan'), z.maxLength(40, 'A field id has at most 40 characters'));

/** A company's contact person (staff-only): a name and a phone number or e-mail address. */
export const csrContact = z.object({ name: z.string(), phone: z.nullable(z.string()), email: z.nullable(z.string()) });

/** A contact person, see {@link csrContact}. */
export type CsrContact = z.infer<typeof csrContact>;

const phone = z.optional(z.nullable(z.string('Enter the phone number').check(z.trim(), z.regex(/^\+?[0-9][0-9 -]{6,18}$/, 'Write the phone number as digits, e.g. 0812 3456 7890'))));
const email = z.optional(z.nullable(z.string('Enter the e-mail address').check(z.trim(), z.maxLength(200, 'An e-mail address has at most 200 characters'), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an e-mail address in the correct format, like name@example.com'))));

/** A contact person as staff give it. */
export const csrContactInput = z.object({ name: text(2, 100, 'the contact person’s name'), phone, email });

/** A company as staff see it: with the contact person and how many programmes it funds. */
export const csrCompanyStaff = z.extend(csrCompany, {
  contact: z.nullable(csrContact),
  programs: z.number(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** A company as staff see it, see {@link csrCompanyStaff}. */
export type CsrCompanyStaff = z.infer<typeof csrCompanyStaff>;

/** A new company: `POST /api/v1/opds/{opd}/csr/companies`. */
export const csrCompanyInput = z.object({
  name: text(2, 200, 'the company’s name'),
  sector: z.enum(csrSectors, `Choose a sector: ${csrSectors.join(', ')}`),
  contact: z.optional(z.nullable(csrContactInput)),
});

/** A new company, see {@link csrCompanyInput}. */
export type CsrCompanyInput = z.input<typeof csrCompanyInput>;

/** An edit of a company: any field of {@link csrCompanyInput}. */
export const csrCompanyPatch = z.partial(csrCompanyInput);

/** A spending entry as staff see it: with the reason it was accepted beyond the commitment, and who recorded it. */
export const csrSpendingStaff = z.extend(csrSpending, {
  /** Why this entry was accepted although it took spending past the commitment; null when it did not. */
  overBudgetReason: z.nullable(z.string()),
  recordedBy: z.nullable(z.string()),
  recordedAt: timestamp,
});

/** A spending entry as staff see it, see {@link csrSpendingStaff}. */
export type CsrSpendingStaff = z.infer<typeof csrSpendingStaff>;

/** The double-funding flag: the other programmes in the same desa, field and year, and the written reason it went ahead. */
export const csrDoubleFunding = z.object({
  with: z.array(z.object({ id: z.number(), title: z.string(), company: z.string() })),
  reason: z.string(),
  by: z.string(),
  at: timestamp,
});

/** A programme as staff see it: the public view with the double-funding flag and reason, and the spending entries with their reasons. */
export const csrProgramStaff = z.extend(csrProgram, {
  /** Null unless it was flagged as possible double funding when saved. */
  doubleFunding: z.nullable(csrDoubleFunding),
  /** Why the commitment was set below what was already spent (an edit with `overBudgetReason`); each entry that passed it has its own. */
  overBudgetReason: z.nullable(z.string()),
  spending: z.array(csrSpendingStaff),
  createdAt: timestamp,
});

/** A programme as staff see it, see {@link csrProgramStaff}. */
export type CsrProgramStaff = z.infer<typeof csrProgramStaff>;

/**
 * A new programme: `POST /api/v1/opds/{opd}/csr/programs`. One in the same desa, field and
 * year as another non-cancelled programme of the OPD is refused (409 `csr-double-funding`,
 * naming the other) unless `doubleFundingReason` says why it goes ahead; the reason is kept
 * and shown to staff. With `proposalId` (an approved proposal) the field, place, year and
 * company default to the proposal's and the proposal becomes funded.
 */
export const csrProgramInput = z.object({
  title: text(3, 200, 'the programme’s title'),
  description: z.optional(z.nullable(text(1, 5000, 'the description'))),
  /** The company that funds it (of this OPD's list). */
  companyId: z.optional(idInput('the company')),
  field: z.optional(fieldId),
  kecamatan: z.optional(text(2, 80, 'the kecamatan')),
  desa: z.optional(text(2, 80, 'the desa')),
  point: z.optional(z.nullable(csrPointInput)),
  year: z.optional(yearInput),
  committed: rupiah('the committed budget'),
  beneficiaries: z.optional(z.nullable(count('the number of beneficiaries'))),
  status: z.optional(z.enum(csrProgramStatuses, `Choose a status: ${csrProgramStatuses.join(', ')}`)),
  rpjmdPriority: z.optional(z.nullable(text(2, 300, 'the RPJMD priority'))),
  sdg: z.optional(z.nullable(z.number('Give the SDG as a number from 1 to 17').check(z.int('Give the SDG as a number from 1 to 17'), z.minimum(1, 'Give the SDG as a number from 1 to 17'), z.maximum(17, 'Give the SDG as a number from 1 to 17')))),
  /** An approved village proposal this programme answers. */
  proposalId: z.optional(idInput('the proposal')),
  /** Why it goes ahead although another programme funds the same desa, field and year. */
  doubleFundingReason: z.optional(text(10, 2000, 'why it is not double funding')),
});

/** A new programme, see {@link csrProgramInput}. */
export type CsrProgramInput = z.input<typeof csrProgramInput>;

/**
 * An edit of a programme. Moving it to a desa, field or year another programme funds (or out
 * of `cancelled` into one) needs `doubleFundingReason`; lowering `committed` below what was
 * spent needs `overBudgetReason` (422 naming it).
 */
export const csrProgramPatch = z.extend(z.partial(z.omit(csrProgramInput, { proposalId: true })), {
  overBudgetReason: z.optional(text(10, 2000, 'why spending may pass the commitment')),
});

/** An edit of a programme, see {@link csrProgramPatch}. */
export type CsrProgramPatch = z.input<typeof csrProgramPatch>;

/**
 * A spending entry: `POST /api/v1/opds/{opd}/csr/programs/{id}/spending`. One that takes the
 * programme's spending past its commitment is refused (422 naming `overBudgetReason`, with the
 * amount over) unless `overBudgetReason` says why; with it, it is kept and the programme shows
 * `overspent`.
 */
export const csrSpendingInput = z.object({
  date: day('the day of the spending'),
  amount: rupiah('the amount', 1),
  description: text(3, 1000, 'what the money was spent on'),
  overBudgetReason: z.optional(text(10, 2000, 'why spending may pass the commitment')),
});

/** A spending entry, see {@link csrSpendingInput}. */
export type CsrSpendingInput = z.input<typeof csrSpendingInput>;

/** An edit of a spending entry: any field of {@link csrSpendingInput}. */
export const csrSpendingPatch = z.partial(csrSpendingInput);

/** The forum's decision on a proposal, as staff see it. */
export const csrDecision = z.object({
  decision: z.enum(['approved', 'rejected']),
  note: z.nullable(z.string()),
  /** The company it was matched to (approved ones). */
  company: z.nullable(csrCompany),
  by: z.string(),
  at: timestamp,
});

/** A village proposal (*usulan*) as staff see it: with the proposer's contact person and the forum's decision. */
export const csrProposalStaff = z.object({
  id: z.number(),
  title: z.string(),
  description: z.nullable(z.string()),
  field: z.string(),
  location: csrLocation,
  year: z.number(),
  estimatedCost: z.nullable(z.number()),
  beneficiaries: z.nullable(z.number()),
  /** Who proposed it, e.g. `Pemerintah Desa Tanjung Payang`. */
  proposer: z.string(),
  contact: z.nullable(z.object({ name: z.string(), phone: z.nullable(z.string()) })),
  /** `YYYY-MM-DD`. */
  submittedOn: z.string(),
  status: z.enum(csrProposalStatuses),
  decision: z.nullable(csrDecision),
  /** The programme that funds it, once funded. */
  programId: z.nullable(z.number()),
  isDemo: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** A proposal as staff see it, see {@link csrProposalStaff}. */
export type CsrProposalStaff = z.infer<typeof csrProposalStaff>;

/** A village proposal as staff record it: `POST /api/v1/opds/{opd}/csr/proposals`. */
export const csrProposalInput = z.object({
  title: text(3, 200, 'the proposal’s title'),
  description: z.optional(z.nullable(text(1, 5000, 'the description'))),
  field: fieldId,
  kecamatan: text(2, 80, 'the kecamatan'),
  desa: text(2, 80, 'the desa'),
  point: z.optional(z.nullable(csrPointInput)),
  year: yearInput,
  estimatedCost: z.optional(z.nullable(rupiah('the estimated cost', 1))),
  beneficiaries: z.optional(z.nullable(count('the number of beneficiaries'))),
  proposer: text(3, 200, 'who proposes it (the desa or kecamatan)'),
  contact: z.optional(z.nullable(z.object({ name: text(2, 100, 'the contact person’s name'), phone }))),
  submittedOn: day('the day it was submitted'),
});

/** A proposal, see {@link csrProposalInput}. */
export type CsrProposalInput = z.input<typeof csrProposalInput>;

/** An edit of a submitted proposal: any field of {@link csrProposalInput}. */
export const csrProposalPatch = z.partial(csrProposalInput);

/** The CSR forum's decision: approve (matched to a company, `companyId` needed) or reject (a `note` needed). */
export const csrDecisionInput = z.object({
  decision: z.enum(['approve', 'reject'], 'Choose approve or reject'),
  companyId: z.optional(idInput('the company')),
  note: z.optional(z.nullable(text(5, 2000, 'the forum’s note'))),
});

/** A decision, see {@link csrDecisionInput}. */
export type CsrDecisionInput = z.input<typeof csrDecisionInput>;

/** The OPD's fields as an OPD admin sets them, in order. */
export const csrFieldsInput = z.object({
  fields: z
    .array(z.object({ id: fieldId, name: text(2, 60, 'the field’s name'), nameEn: z.optional(z.nullable(text(2, 60, 'the English name'))) }), 'Give the list of fields')
    .check(z.minLength(1, 'Give at least one field'), z.maxLength(30, 'Give at most 30 fields')),
});

/** The fields, see {@link csrFieldsInput}. */
export type CsrFieldsInput = z.input<typeof csrFieldsInput>;

const limitMessage = `Use a number from 1 to ${MAX_PAGE_SIZE}`;
const page = {
  limit: z.optional(z.coerce.number(limitMessage).check(z.int(limitMessage), z.minimum(1, limitMessage), z.maximum(MAX_PAGE_SIZE, limitMessage))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
};

/** `?status=&year=&limit=&cursor=` of the staff's programme list. */
export const csrStaffProgramQuery = z.object({
  status: z.optional(z.enum(csrProgramStatuses, `Use a status: ${csrProgramStatuses.join(', ')}`)),
  year: z.optional(csrYear),
  ...page,
});

/** `?status=&limit=&cursor=` of the proposals. */
export const csrProposalQuery = z.object({
  status: z.optional(z.enum(csrProposalStatuses, `Use a status: ${csrProposalStatuses.join(', ')}`)),
  ...page,
});

/** `?year=` of the exports (default: every year). */
export const csrExportQuery = z.object({ year: z.optional(csrYear) });

/** An evidence file id: 20 lowercase letters and digits. */
export const csrEvidenceFileId = z.string().check(z.regex(/^[a-z0-9]{20}$/, 'An evidence file id is 20 letters and digits'));

const opdParams = z.object({ opd: opdSlug });
const opdIdParams = z.object({ opd: opdSlug, id: csrId });

/** Every endpoint of SIP BENAR: the public ones and the staff's (the OPD's own staff are its CSR forum's secretariat). */
export const csrStaffEndpoints = {
  ...csrEndpoints,
  staffCompanies: endpoint({ id: 'listCsrCompanyRecords', method: 'GET', path: '/api/v1/opds/{opd}/csr/staff/companies', params: opdParams, response: z.object({ data: z.array(csrCompanyStaff) }), access: 'staff' }),
  createCompany: endpoint({ id: 'createCsrCompany', method: 'POST', path: '/api/v1/opds/{opd}/csr/companies', params: opdParams, body: csrCompanyInput, response: csrCompanyStaff, status: 201, access: 'staff', errors: ['conflict'] }),
  editCompany: endpoint({ id: 'editCsrCompany', method: 'PATCH', path: '/api/v1/opds/{opd}/csr/companies/{id}', params: opdIdParams, body: csrCompanyPatch, response: csrCompanyStaff, access: 'staff', errors: ['conflict'] }),
  deleteCompany: endpoint({ id: 'deleteCsrCompany', method: 'DELETE', path: '/api/v1/opds/{opd}/csr/companies/{id}', params: opdIdParams, response: z.undefined(), status: 204, access: 'staff', errors: ['conflict'] }),
  staffPrograms: endpoint({ id: 'listCsrProgramRecords', method: 'GET', path: '/api/v1/opds/{opd}/csr/staff/programs', params: opdParams, query: csrStaffProgramQuery, response: listPage(csrProgramStaff), access: 'staff' }),
  staffProgram: endpoint({ id: 'getCsrProgramRecord', method: 'GET', path: '/api/v1/opds/{opd}/csr/staff/programs/{id}', params: opdIdParams, response: csrProgramStaff, access: 'staff' }),
  createProgram: endpoint({ id: 'createCsrProgram', method: 'POST', path: '/api/v1/opds/{opd}/csr/programs', params: opdParams, body: csrProgramInput, response: csrProgramStaff, status: 201, access: 'staff', idempotent: true, errors: ['conflict', 'csr-double-funding'] }),
  editProgram: endpoint({ id: 'editCsrProgram', method: 'PATCH', path: '/api/v1/opds/{opd}/csr/programs/{id}', params: opdIdParams, body: csrProgramPatch, response: csrProgramStaff, access: 'staff', errors: ['csr-double-funding'] }),
  addSpending: endpoint({ id: 'addCsrSpending', method: 'POST', path: '/api/v1/opds/{opd}/csr/programs/{id}/spending', params: opdIdParams, body: csrSpendingInput, response: csrProgramStaff, status: 201, access: 'staff', idempotent: true, errors: ['conflict'] }),
  editSpending: endpoint({ id: 'editCsrSpending', method: 'PATCH', path: '/api/v1/opds/{opd}/csr/spending/{id}', params: opdIdParams, body: csrSpendingPatch, response: csrProgramStaff, access: 'staff' }),
  deleteSpending: endpoint({ id: 'deleteCsrSpending', method: 'DELETE', path: '/api/v1/opds/{opd}/csr/spending/{id}', params: opdIdParams, response: csrProgramStaff, access: 'staff' }),
  /** The body is the file's bytes as they are (any Content-Type: the content decides), at most 2 MB. */
  uploadEvidence: endpoint({ id: 'uploadCsrSpendingEvidence', method: 'POST', path: '/api/v1/opds/{opd}/csr/spending/{id}/evidence', params: opdIdParams, response: csrProgramStaff, status: 201, access: 'staff', errors: ['conflict', 'unsupported-media-type', 'payload-too-large'] }),
  deleteEvidence: endpoint({ id: 'deleteCsrSpendingEvidence', method: 'DELETE', path: '/api/v1/opds/{opd}/csr/evidence-files/{file}', params: z.object({ opd: opdSlug, file: csrEvidenceFileId }), response: csrProgramStaff, access: 'staff' }),
  proposals: endpoint({ id: 'listCsrProposals', method: 'GET', path: '/api/v1/opds/{opd}/csr/proposals', params: opdParams, query: csrProposalQuery, response: listPage(csrProposalStaff), access: 'staff' }),
  createProposal: endpoint({ id: 'createCsrProposal', method: 'POST', path: '/api/v1/opds/{opd}/csr/proposals', params: opdParams, body: csrProposalInput, response: csrProposalStaff, status: 201, access: 'staff' }),
  editProposal: endpoint({ id: 'editCsrProposal', method: 'PATCH', path: '/api/v1/opds/{opd}/csr/proposals/{id}', params: opdIdParams, body: csrProposalPatch, response: csrProposalStaff, access: 'staff', errors: ['conflict'] }),
  decide: endpoint({ id: 'decideCsrProposal', method: 'POST', path: '/api/v1/opds/{opd}/csr/proposals/{id}/decision', params: opdIdParams, body: csrDecisionInput, response: csrProposalStaff, access: 'staff', errors: ['conflict'] }),
  putFields: endpoint({ id: 'putCsrFields', method: 'PUT', path: '/api/v1/opds/{opd}/csr/fields', params: opdParams, body: csrFieldsInput, response: z.object({ fields: z.array(csrField) }), access: 'opd-admin', errors: ['conflict'] }),
  exportPrograms: endpoint({ id: 'exportCsrProgramsCsv', method: 'GET', path: '/api/v1/opds/{opd}/csr/export/programs.csv', params: opdParams, query: csrExportQuery, response: z.string(), produces: 'text/csv; charset=utf-8', access: 'staff' }),
  exportSpending: endpoint({ id: 'exportCsrSpendingCsv', method: 'GET', path: '/api/v1/opds/{opd}/csr/export/spending.csv', params: opdParams, query: csrExportQuery, response: z.string(), produces: 'text/csv; charset=utf-8', access: 'staff' }),
} as const;
