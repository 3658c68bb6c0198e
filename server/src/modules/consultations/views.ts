/**
 * What each audience sees of a consultation. The public view (anyone holding the tracking
 * code) carries no name, contact, subject or question; only staff views do.
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
import type { EventRow } from './queries.js';
import { isOverdue } from './service-level.js';

/** The OPD a consultation belongs to, with its categories (to name the one asked about). */
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
  return {
    trackingCode: row.tracking_code,
    opd: row.opd_slug,
    status: row.status as ConsultationStatus,
    submittedAt: row.submitted_at.toISOString(),
    dueAt: row.due_at.toISOString(),
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

/** The staff view: everything, including who asked and how to reach them. */
export function toStaffView(row: ConsultationRow, where: ConsultationOpd, events: EventRow[], now: Date): ConsultationStaff {
  return {
    trackingCode: row.tracking_code,
    opd: row.opd_slug,
    name: row.name,
    email: row.email,
    phone: row.phone,
    category: categoryOf(row, where),
    subject: row.subject,
    message: row.message,
    status: row.status as ConsultationStatus,
    submittedAt: row.submitted_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdue: overdue(row, now),
    firstResponseAt: row.first_response_at?.toISOString() ?? null,
    timeline: events.map((e) => ({
      ...timelineEntry(e),
      ...(e.internal_note ? { internalNote: e.internal_note } : {}),
      by: e.actor,
    })),
    answer:
      row.answer_text !== null && row.answered_at !== null
        ? { text: row.answer_text, answeredAt: row.answered_at.toISOString(), answeredBy: row.answered_by ?? 'staff' }
        : null,
  };
}
