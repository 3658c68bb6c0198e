/**
 * SIAP — Sistem Informasi Pelayanan Konsultasi: a citizen asks an OPD a question online,
 * gets a tracking code, and staff answer within the service level (first response in
 * 3 working days, SP4N-LAPOR practice).
 *
 * @module
 */
import * as z from 'zod/mini';
import { timestamp } from './common.js';
import { endpoint } from './endpoint.js';
import { opdParams, opdSlug, timeZoneName } from './opds.js';

/** The longest question a citizen may send, in characters. */
export const MESSAGE_MAX_LENGTH = 5000;

/** The longest consent sentence a form may send with a question (`consentText`), in characters. */
export const CONSENT_TEXT_MAX_LENGTH = 2000;


// The server's numbers (the service level, the code alphabet): a module of their own, so the
// SDK and the widgets do not carry them (see PURE_MODULES in rollup.config.mjs).
export { FIRST_RESPONSE_WORKING_DAYS, TRACKING_CODE_ALPHABET } from './consultation-rules.js';

/** `SIAP-` and two groups of four: 8 × 5 = 40 bits of randomness, e.g. `SIAP-7K3F-9QX2`. */
export const TRACKING_CODE_PATTERN = /^SIAP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * Brings a tracking code as a person typed it to its canonical form: upper case, the
 * look-alikes mapped (`O`→`0`, `I`/`L`→`1`), anything but letters and digits ignored (the
 * dashes, spaces and quotes phone keyboards substitute), full-width forms read as ASCII,
 * prefix optional.
 * Returns the input unchanged (trimmed) when it cannot be a tracking code.
 */
export function normalizeTrackingCode(input: string): string {
  // NFKC turns full-width letters and digits (Chinese/Japanese keyboards) into ASCII; then every
  // separator a keyboard or a chat app may put in goes: spaces of any kind, any dash (en, em,
  // minus, non-breaking), zero-width and soft hyphens, quotes, a closing period or comma.
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/^SIAP/, '');
  if (compact.length !== 8) return input.trim();
  const mapped = compact.replace(/O/g, '0').replace(/[IL]/g, '1');
  return `SIAP-${mapped.slice(0, 4)}-${mapped.slice(4)}`;
}

/** A tracking code in canonical form, see {@link TRACKING_CODE_PATTERN}. */
export const trackingCode = z.string().check(
  z.regex(TRACKING_CODE_PATTERN, 'Enter a tracking code like SIAP-7K3F-9QX2'),
);

/** Where a consultation is in its life: received → in progress → answered → closed. */
export const consultationStatuses = ['received', 'in_progress', 'answered', 'closed'] as const;

/** A consultation status, see {@link consultationStatuses}. */
export type ConsultationStatus = (typeof consultationStatuses)[number];

/** The status changes staff may make; `answered` is reached by answering. */
export const consultationTransitions: Readonly<Record<ConsultationStatus, readonly ConsultationStatus[]>> = {
  received: ['in_progress', 'closed'],
  in_progress: ['closed'],
  answered: ['in_progress', 'closed'],
  closed: [],
};

/**
 * Normalizes an Indonesian mobile number to `+628…`: spaces, dashes, dots and brackets are
 * ignored and a leading `0` or `62` becomes `+62`. Anything else is returned as typed.
 */
export function normalizeMobileNumber(input: string): string {
  const digits = input.replace(/[\s\-.()]/g, '');
  if (/^08\d+$/.test(digits)) return `+62${digits.slice(1)}`;
  if (/^628\d+$/.test(digits)) return `+${digits}`;
  return digits;
}

/** An Indonesian mobile number in the form {@link normalizeMobileNumber} gives: `+628` and 8–11 digits. */
export const INDONESIAN_MOBILE_PATTERN = /^\+628[1-9]\d{6,10}$/;

/** @internal A required text, trimmed, at most `max` characters, with the messages to show. */
export const trimmed = (max: number, requiredMessage: string, tooLongMessage: string) =>
  z.string(requiredMessage).check(
    z.trim(),
    z.minLength(1, requiredMessage),
    z.maxLength(max, tooLongMessage),
  );

/**
 * What a citizen sends to ask a question: `POST /api/v1/opds/{opd}/consultations`.
 * A contact is required: an e-mail, an Indonesian mobile number, or both.
 */
export const consultationCreate = z
  .object({
    name: trimmed(120, 'Enter your name', 'Name must be 120 characters or fewer'),
    email: z.optional(
      z.string().check(
        z.trim(),
        z.toLowerCase(),
        z.maxLength(254, 'E-mail address must be 254 characters or fewer'),
        z.email('Enter an e-mail address in the correct format, like nama@contoh.id'),
      ),
    ),
    phone: z.optional(
      z.string().check(
        z.overwrite(normalizeMobileNumber),
        z.regex(INDONESIAN_MOBILE_PATTERN, 'Enter an Indonesian mobile number, like 0812 3456 7890'),
      ),
    ),
    category: z.string('Choose a category').check(
      z.trim(),
      z.minLength(1, 'Choose a category'),
      z.maxLength(64, 'Category must be 64 characters or fewer'),
    ),
    subject: trimmed(200, 'Enter a subject', 'Subject must be 200 characters or fewer'),
    message: trimmed(
      MESSAGE_MAX_LENGTH,
      'Enter your question',
      `Question must be ${MESSAGE_MAX_LENGTH} characters or fewer`,
    ),
    consent: z.literal(true, 'Agree to the processing of your data so we can answer you'),
    /**
     * The consent sentence exactly as the form showed it, stored with the question so staff
     * (and an audit) can tell what the citizen agreed to. Optional: older forms send none.
     */
    consentText: z.optional(
      z.string().check(
        z.trim(),
        z.maxLength(CONSENT_TEXT_MAX_LENGTH, `The consent text must be ${CONSENT_TEXT_MAX_LENGTH} characters or fewer`),
      ),
    ),
    /** The language the citizen used (`id` or `en`; default `id`): the mails about the question are written in it. */
    language: z.optional(z.enum(['id', 'en'], 'Use one of: id, en')),
  })
  .check(
    z.refine(
      (value) => {
        // Runs even when the object check failed (so an empty form names the contact too): no object, nothing to add.
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return true;
        const v = value as { email?: unknown; phone?: unknown };
        return Boolean(v.email) || Boolean(v.phone);
      },
      {
        path: ['email'],
        message: 'Enter an e-mail address or a mobile number so we can answer you',
        params: { code: 'required' },
        when: () => true,
      },
    ),
  );

/** What a citizen sends, before normalization, see {@link consultationCreate}. */
export type ConsultationCreateInput = z.input<typeof consultationCreate>;
/** A checked, normalized question. */
export type ConsultationCreate = z.output<typeof consultationCreate>;

/** One step of a consultation's history as the public sees it; `note` is the staff's note to the citizen. */
export const timelineEntry = z.object({
  status: z.enum(consultationStatuses),
  at: timestamp,
  note: z.optional(z.string()),
});

/** One step of a consultation's history, see {@link timelineEntry}. */
export type TimelineEntry = z.infer<typeof timelineEntry>;

/** The staff answer to a consultation. */
export const consultationAnswer = z.object({
  text: z.string(),
  answeredAt: timestamp,
});

/** What `POST /api/v1/opds/{opd}/consultations` answers (201). */
export const consultationReceipt = z.object({
  trackingCode,
  opd: opdSlug,
  status: z.enum(consultationStatuses),
  submittedAt: timestamp,
  dueAt: timestamp,
});

/** The receipt of a question, see {@link consultationReceipt}. */
export type ConsultationReceipt = z.infer<typeof consultationReceipt>;

/**
 * The public view, `GET /api/v1/consultations/{trackingCode}`: status, timeline, answer
 * and due date. It never holds the citizen's name, contact, subject or question. `nameEn`
 * (OPD, category) is the English name where the OPD gave one; `timeZone` is the regency's,
 * the one to show every date of the view in (see `timeZoneName`).
 */
export const consultationPublic = z.object({
  trackingCode,
  opd: z.object({ slug: opdSlug, name: z.string(), nameEn: z.optional(z.string()) }),
  category: z.object({ id: z.string(), name: z.string(), nameEn: z.optional(z.string()) }),
  // Optional: a backend from before time zones answers without it (the widgets then use WIB).
  timeZone: z.optional(timeZoneName),
  status: z.enum(consultationStatuses),
  submittedAt: timestamp,
  dueAt: timestamp,
  overdue: z.boolean(),
  timeline: z.array(timelineEntry),
  answer: z.nullable(consultationAnswer),
});

/** The public view of a consultation, see {@link consultationPublic}. */
export type ConsultationPublic = z.infer<typeof consultationPublic>;

/**
 * The `{trackingCode}` path value: normalized as a person typed it (case, spaces, look-alikes),
 * then checked, see {@link normalizeTrackingCode}.
 */
export const trackingCodeParam = z.string().check(
  z.overwrite(normalizeTrackingCode),
  z.regex(TRACKING_CODE_PATTERN, 'Enter a tracking code like SIAP-7K3F-9QX2'),
);

/** SIAP's public endpoints: asking and tracking (see `consultationEndpoints` for all of them). */
export const consultationPublicEndpoints = {
  /** A citizen asks a question. */
  create: endpoint({
    id: 'createConsultation',
    method: 'POST',
    path: '/api/v1/opds/{opd}/consultations',
    params: opdParams,
    body: consultationCreate,
    response: consultationReceipt,
    status: 201,
    access: 'public',
    idempotent: true,
  }),
  /** Anyone holding the tracking code follows the question. */
  track: endpoint({
    id: 'getConsultationStatus',
    method: 'GET',
    path: '/api/v1/consultations/{trackingCode}',
    params: z.object({ trackingCode: trackingCodeParam }),
    response: consultationPublic,
    access: 'public',
    // The OPD that handles it may have switched SIAP off since.
    errors: ['module-disabled'],
  }),
};
