/**
 * The English copy of `<opd-consultation-status>`. Typed as {@link ConsultationStatusMessages},
 * so the compiler rejects a missing key.
 *
 * @module
 */
import type { ConsultationStatusMessages } from './id.js';

/** The status widget's English copy. */
export const en: ConsultationStatusMessages = {
  'error.code.required': 'Enter a tracking code',
  'error.code.format': 'Enter a tracking code in the format SIAP-7K3F-9QX2',

  'status.label': 'Tracking code',
  'status.hint': 'It is on the receipt of your question, like SIAP-7K3F-9QX2',
  'status.submit': 'Show status',
  'status.loading': 'Loading status…',
  'status.notFound': (code: string) =>
    `We could not find a question with the code ${code}. Check the code; the letter O and the digit 0 count as the same.`,
  'status.offline': 'No connection. Check your internet connection, then try again.',
  'status.title': 'Question',
  'status.opd': 'Handled by',
  'status.category': 'Category',
  'status.status': 'Status',
  'status.submitted': 'Sent',
  'status.due': 'First response due',
  'status.overdue': (date: string) =>
    `The first response is overdue (it was due ${date}). You can ask the agency directly or report it through SP4N-LAPOR! at lapor.go.id.`,
  'status.timeline': 'History',
  'status.answer': 'Answer',
  'status.answeredAt': (date: string) => `Answered ${date}`,
  'status.now.received':
    'No answer yet. Your question has been received and is waiting for staff; the answer will appear on this page.',
  'status.now.in_progress': 'No answer yet. Staff are working on your question; the answer will appear on this page.',
  'status.now.overdue': 'No answer yet.',
  'status.now.closed': (opd: string) =>
    `This question was closed without a written answer; any note from staff is under History. If you still need an answer, ask a new question or contact ${opd} directly.`,
  'status.now.reopened': 'Staff are following this question up again; any further answer will appear on this page.',
  'status.now.closedAnswered': (code: string) =>
    `This question was closed after it was answered. If anything is still unclear, ask a new question and mention the code ${code}.`,
  'status.received': 'Received',
  'status.in_progress': 'In progress',
  'status.answered': 'Answered',
  'status.closed': 'Closed',
};
