/**
 * The English copy of Layanan's regency-wide compliance page.
 *
 * @module
 */
import type { ServiceComplianceMessages } from './id.js';

const num = (value: number): string => value.toLocaleString('en-GB');

/** The compliance page's English copy. */
export const en: ServiceComplianceMessages = {
  'page.title': 'Service standard compliance across the regency',
  'page.intro': 'Every standard in force today is checked against the regency’s checklist. Click a missing component to open that service’s standard right at it.',
  'page.loading': 'Checking the standards…',
  'page.summary': (complete, services, percent, day) => `${num(complete)} of ${num(services)} services have every component (${percent} %), on ${day}.`,
  'page.checklist': (name, source) => `Checklist: ${name}. ${source}${/[.!?]$/.test(source) ? '' : '.'}`,
  'opds.caption': 'Compliance per OPD',
  'opds.opd': 'OPD',
  'opds.services': 'Services in force',
  'opds.complete': 'Complete',
  'opds.percent': 'Percent',
  'opds.missing': 'Components most often missing',
  'opds.none': 'No services yet',
  'items.title': 'Services not yet complete',
  'items.caption': 'Services not yet complete and the components they lack',
  'items.service': 'Service',
  'items.opd': 'OPD',
  'items.missing': 'Missing components',
  'items.allComplete': 'Every service in force is complete.',
  'items.ownOnly': 'The missing components of your OPD’s services can be clicked to fill them in.',
  'items.gapLink': (component, service) => `Fill in ${component} for ${service}`,
  'export.title': 'Export to SIPPN',
  'export.introRegency': 'Every OPD’s standards in force today, one row per service with SIPPN’s labels (sippn.menpan.go.id) as the header: CSV for SIPPN’s Excel import, JSON for other systems. Each download is in the audit log.',
  'export.introOpd': (opd) => `${opd}’s standards in force today, one row per service with SIPPN’s labels (sippn.menpan.go.id) as the header: CSV for SIPPN’s Excel import, JSON for other systems. Each download is in the audit log.`,
  'export.csv': 'Download CSV',
  'export.json': 'Download JSON',
  'export.busy': 'Preparing the file…',
  'export.done': 'The SIPPN file is downloaded.',
  'items.missingCount': (component, count) => `${component} (${num(count)})`,
};
