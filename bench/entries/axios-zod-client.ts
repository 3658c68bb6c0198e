/**
 * Size-benchmark entry, peer of the opd-kit SDK: a typed client for the same API as teams
 * write it today — axios for HTTP, full `zod` (classic API) validating inputs and responses,
 * one error class. Same calls and the same shapes as the SDK, without its retries,
 * idempotency keys, timeouts and async pagination (so the peer is, if anything, favoured).
 *
 * It is only bundled and measured, never run.
 *
 * @module
 */
import axios, { AxiosError } from 'axios';
import { z } from 'zod';

const statuses = ['received', 'in_progress', 'answered', 'closed'] as const;
const moduleNames = ['siap', 'perjaka', 'agenda', 'innovation', 'csr', 'layanan'] as const;
const timestamp = z.iso.datetime({ offset: true });
const slug = z.string().min(2).max(64).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const trackingCode = z.string().regex(/^SIAP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
const category = z.object({ id: z.string(), name: z.string() });
const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

const fieldError = z.object({ path: z.string(), message: z.string(), code: z.string().optional() });
const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(fieldError).optional(),
});

const opdSummary = z.object({ slug, name: z.string(), modules: z.array(z.enum(moduleNames)) });
const opd = opdSummary.extend({ consultationCategories: z.array(category) });

const consultationCreate = z
  .object({
    name: z.string().trim().min(1).max(120),
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()).optional(),
    phone: z.string().regex(/^(\+62|62|0)8[1-9]\d{6,10}$/).optional(),
    category: z.string().trim().min(1).max(64),
    subject: z.string().trim().min(1).max(200),
    message: z.string().trim().min(1).max(5000),
    consent: z.literal(true),
  })
  .refine((v) => Boolean(v.email) || Boolean(v.phone), { path: ['email'], message: 'Enter an e-mail or a phone' });

const receipt = z.object({ trackingCode, opd: slug, status: z.enum(statuses), submittedAt: timestamp, dueAt: timestamp });
const timelineEntry = z.object({ status: z.enum(statuses), at: timestamp, note: z.string().optional() });
const consultationPublic = z.object({
  trackingCode,
  opd: z.object({ slug, name: z.string() }),
  category,
  status: z.enum(statuses),
  submittedAt: timestamp,
  dueAt: timestamp,
  overdue: z.boolean(),
  timeline: z.array(timelineEntry),
  answer: z.object({ text: z.string(), answeredAt: timestamp }).nullable(),
});
const consultationStaff = z.object({
  trackingCode,
  opd: slug,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  category,
  subject: z.string(),
  message: z.string(),
  status: z.enum(statuses),
  submittedAt: timestamp,
  dueAt: timestamp,
  overdue: z.boolean(),
  firstResponseAt: timestamp.nullable(),
  timeline: z.array(timelineEntry.extend({ by: z.string().optional() })),
  answer: z.object({ text: z.string(), answeredAt: timestamp, answeredBy: z.string() }).nullable(),
});

/** A question as the caller sends it. */
export type ConsultationInput = z.input<typeof consultationCreate>;

/** Any failure: the server's problem+json when there is one, else the transport error. */
export class ClientError extends Error {
  /** HTTP status, 0 without a response. */
  readonly status: number;
  /** The problem+json body, when the server sent one. */
  readonly problem: z.infer<typeof problem> | undefined;

  constructor(message: string, status: number, body?: z.infer<typeof problem>) {
    super(message);
    this.name = 'ClientError';
    this.status = status;
    this.problem = body;
  }
}

/** Builds the peer client. */
export function createClient(baseURL: string, options: { token?: string; opd: string }) {
  const http = axios.create({
    baseURL,
    timeout: 10_000,
    headers: options.token ? { Authorization: `Bearer ${options.token}` } : {},
  });

  async function call<T extends z.ZodType>(schema: T, run: () => Promise<{ data: unknown }>): Promise<z.infer<T>> {
    try {
      const response = await run();
      return schema.parse(response.data);
    } catch (error) {
      if (error instanceof AxiosError) {
        const parsed = problem.safeParse(error.response?.data);
        throw new ClientError(error.message, error.response?.status ?? 0, parsed.success ? parsed.data : undefined);
      }
      throw error;
    }
  }

  const base = `/api/v1/opds/${encodeURIComponent(options.opd)}`;
  return {
    opds: {
      list: () => call(page(opdSummary), () => http.get('/api/v1/opds')),
      get: (opdSlug: string) => call(opd, () => http.get(`/api/v1/opds/${encodeURIComponent(opdSlug)}`)),
    },
    consultations: {
      create: (input: ConsultationInput) =>
        call(receipt, () => http.post(`${base}/consultations`, consultationCreate.parse(input))),
      track: (code: string) =>
        call(consultationPublic, () => http.get(`/api/v1/consultations/${trackingCode.parse(code)}`)),
      list: (query: { status?: (typeof statuses)[number]; cursor?: string; limit?: number } = {}) =>
        call(page(consultationStaff), () => http.get(`${base}/consultations`, { params: query })),
      get: (code: string) => call(consultationStaff, () => http.get(`${base}/consultations/${trackingCode.parse(code)}`)),
      answer: (code: string, text: string) =>
        call(consultationStaff, () => http.post(`${base}/consultations/${trackingCode.parse(code)}/answer`, { text })),
      setStatus: (code: string, status: (typeof statuses)[number], note?: string) =>
        call(consultationStaff, () =>
          http.post(`${base}/consultations/${trackingCode.parse(code)}/status`, { status, note }),
        ),
    },
  };
}
