/**
 * The English copy every console page may use. Typed as {@link ConsoleKitMessages}.
 *
 * @module
 */
import type { ConsoleKitMessages } from './id.js';

const num = (value: number): string => value.toLocaleString('en-GB');

/** The console kit's English copy. */
export const consoleKitEn: ConsoleKitMessages = {
  'ck.offline': 'The service cannot be reached. Check your internet connection, then try again.',
  'ck.forbidden': 'Your role does not allow this.',
  'ck.notFound': 'This could not be found; someone may have changed it. Reload the page.',
  'ck.conflict': 'Someone has just changed this. Reload, then try again.',
  'ck.unavailable': 'This module is not switched on for this OPD.',
  'ck.reload': 'Reload',
  'ck.loading': 'Loading…',
  'ck.saving': 'Saving…',
  'ck.saved': 'Saved.',
  'ck.cancel': 'Cancel',
  'ck.close': 'Close',
  'ck.copy': 'Copy',
  'ck.copied': 'Copied.',
  'ck.copyFailed': 'Could not copy automatically. The text is selected: press Ctrl+C.',
  'ck.next': 'Next',
  'ck.previous': 'Previous',
  'ck.pageOf': (page: number) => `Page ${num(page)}`,
  'ck.none': 'None.',
  'ck.outsideConsole': 'This page is part of the staff console. Open it through <opd-console>.',
  'ck.role.regency_admin': 'Regency admin',
  'ck.role.opd_admin': 'OPD admin',
  'ck.role.opd_staff': 'OPD staff',
  'ck.module.siap': 'SIAP (consultations)',
  'ck.module.perjaka': 'Perjaka (road condition)',
  'ck.module.agenda': 'e-Agenda (council agenda)',
  'ck.module.innovation': 'Regional innovation',
  'ck.module.csr': 'SIP BENAR (CSR)',
  'ck.module.layanan': 'Layanan (service standards and SKM)',
  'ck.moduleShort.siap': 'SIAP',
  'ck.moduleShort.perjaka': 'Perjaka',
  'ck.moduleShort.agenda': 'e-Agenda',
  'ck.moduleShort.innovation': 'Innovation',
  'ck.moduleShort.csr': 'SIP BENAR',
  'ck.moduleShort.layanan': 'Layanan',
  'ck.yes': 'Yes',
  'ck.no': 'No',
};
