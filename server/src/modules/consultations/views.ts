/**
 * What each audience sees of a consultation. The public view (anyone holding the tracking
 * code) carries no name, contact, subject or question, no staff member's name and no
 * internal note (UU 27/2022 protects staff too: it says which OPD answered, not who); only
 * staff views do.
 *
 * @module
 */
import type {
  ConsultationCategory,
  ConsultationPublic,
  ConsultationReceipt,
  ConsultationStaff,
  ConsultationStatus,
  TimelineEntry,
} from '../../../../src/schemas/index.js';
import type { OpdRow } from '../../db/schema.js';
import type { ConsultationRow } from './tables.js';
import type { EventRow, NoteRow } from './queries.js';
import { isOverdue } from './service-level.js';

/** The OPD a consultation belongs to, with its categories, retired ones included (to name the one asked about). */
export interface ConsultationOpd {
  opd: OpdRow;
  categories: readonly ConsultationCategory[];
}

function categoryOf(row: ConsultationRow, { categories }: ConsultationOpd): { id: string; name: string } {
  const found = categories.find((c) => c.id === row.category_id);
  return { id: row.category_id, name: found?.name ?? row.category_id };
}

/** The category with its English name where the OPD gave one (the public view; staff read Indonesian). */
function namedCategoryOf(row: ConsultationRow, where: ConsultationOpd): { id: string; name: string; nameEn?: string } {
  const nameEn = where.categories.find((c) => c.id === row.category_id)?.nameEn;
  return { ...categoryOf(row, where), ...(nameEn ? { nameEn } : {}) };
}

/** One timeline step as everyone may see it: no actor, no internal note. */
function timelineEntry(e: EventRow): TimelineEntry {
  return { status: e.status as ConsultationStatus, at: e.at.toISOString(), ...(e.note ? { note: e.note } : {}) };
}

function overdue(row: ConsultationRow, now: Date): boolean {
  return isOverdue({ status: row.status, firstResponseAt: row.first_response_at, dueAt: row.due_at }, now);
}

/** The receipt a citizen gets when the question is stored. */
export function toReceipt(row: ConsultationRow): ConsultationReceipt {
  return receiptOf({ trackingCode: row.tracking_code, opdSlug: row.opd_slug, status: row.status, submittedAt: row.submitted_at, dueAt: row.due_at });
}

/** The receipt of a question from its parts, before or after it is stored (see `insertConsultation`). */
export function receiptOf(parts: { trackingCode: string; opdSlug: string; status: string; submittedAt: Date; dueAt: Date }): ConsultationReceipt {
  return {
    trackingCode: parts.trackingCode,
    opd: parts.opdSlug,
    status: parts.status as ConsultationStatus,
    submittedAt: parts.submittedAt.toISOString(),
    dueAt: parts.dueAt.toISOString(),
  };
}

/**
 * The public view: status, timeline, answer; nothing personal. `timeZone` is the regency's,
 * the one the citizen's dates are shown in.
 */
export function toPublicView(
  row: ConsultationRow,
  where: ConsultationOpd,
  events: EventRow[],
  now: Date,
  timeZone: string,
): ConsultationPublic {
  return {
    trackingCode: row.tracking_code,
    opd: { slug: where.opd.slug, name: where.opd.name, ...(where.opd.name_en ? { nameEn: where.opd.name_en } : {}) },
    category: namedCategoryOf(row, where),
    timeZone,
    status: row.status as ConsultationStatus,
    submittedAt: row.submitted_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdue: overdue(row, now),
    timeline: events.map(timelineEntry),
    answer:
      row.answer_text !== null && row.answered_at !== null
        ? { text: row.answer_text, answeredAt: row.answered_at.toISOString() }
        : null,
  };
}

/** What the staff view adds to a consultation's row: its timeline, internal notes and the names of the staff it names. */
export interface StaffDetails {
  events: readonly EventRow[];
  notes: readonly NoteRow[];
  /** Staff users' names by id; an id not in it (`citizen`, `staff` from before accounts) is shown as stored. */
  names: ReadonlyMap<string, string>;
}

/** The staff user ids a staff view of `row` names: who made each step, wrote each note, answered, is assigned. */
export function staffIdsOf(row: ConsultationRow, { events, notes }: Pick<StaffDetails, 'events' | 'notes'>): string[] {
  return [
    ...events.map((e) => e.actor),
    ...notes.map((n) => n.author_id),
    ...(row.answered_by ? [row.answered_by] : []),
    ...(row.assigned_to ? [row.assigned_to] : []),
  ];
}

/**
 * The staff view: everything, including who asked and how to reach them, the consent they
 * gave, who handles it and the internal notes; staff are named by their names.
 */
export function toStaffView(row: ConsultationRow, where: ConsultationOpd, details: StaffDetails, now: Date): ConsultationStaff {
  const nameOf = (id: string) => details.names.get(id) ?? id;
  return {
    trackingCode: row.tracking_code,
    opd: row.opd_slug,
    name: row.name,
    email: row.email,
    phone: row.phone,
    contactErasedAt: row.contact_erased_at?.toISOString() ?? null,
    consent: { text: row.consent_text, at: row.consent_at.toISOString() },
    category: categoryOf(row, where),
    subject: row.subject,
    message: row.message,
    status: row.status as ConsultationStatus,
    submittedAt: row.submitted_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdue: overdue(row, now),
    firstResponseAt: row.first_response_at?.toISOString() ?? null,
    assignee: row.assigned_to ? { id: row.assigned_to, name: nameOf(row.assigned_to) } : null,
    timeline: details.events.map((e) => ({
      ...timelineEntry(e),
      ...(e.internal_note ? { internalNote: e.internal_note } : {}),
      by: nameOf(e.actor),
    })),
    notes: details.notes.map((n) => ({ at: n.at.toISOString(), by: nameOf(n.author_id), text: n.text })),
    answer:
      row.answer_text !== null && row.answered_at !== null
        ? {
            text: row.answer_text,
            answeredAt: row.answered_at.toISOString(),
            answeredBy: row.answered_by ? nameOf(row.answered_by) : 'staff',
          }
        : null,
  };
}
