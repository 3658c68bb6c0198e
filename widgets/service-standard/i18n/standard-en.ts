/**
 * The English copy of a service standard (`<opd-service-standard>` and the directory's
 * details). Typed as {@link ServiceStandardMessages}, so the compiler rejects a missing key.
 *
 * @module
 */
import type { ServiceStandardMessages } from './standard-id.js';

/** A service standard's English copy. */
export const standardEn: ServiceStandardMessages = {
  'std.opd': 'Agency',
  'std.category.perizinan': 'Licences and permits',
  'std.category.kependudukan': 'Civil registry',
  'std.category.kesehatan': 'Health',
  'std.category.pajak-retribusi': 'Regional taxes and levies',
  'std.category.sosial': 'Social affairs',
  'std.category.pendidikan': 'Education',
  'std.category.ketenagakerjaan': 'Employment',
  'std.category.lainnya': 'Other',
  'std.channel.online': 'Online',
  'std.channel.offline': 'At the counter',
  'std.channel.both': 'Online and at the counter',
  'std.channel': 'How to apply',
  'std.free': 'Free',
  'std.tariff': 'By tariff',
  'std.requirements': 'Requirements',
  'std.requirementsHint': 'Tick what you have ready before you come.',
  'std.noRequirements': 'No requirements are listed.',
  'std.print': 'Print the requirements',
  'std.printTitle': (name) => `Requirements: ${name}`,
  'std.printFooter': (opd, version, day) => `${opd} · service standard version ${version}, in force since ${day}`,
  'std.procedure': 'System, mechanism and procedure',
  'std.duration': 'Time to completion',
  'std.cost': 'Cost',
  'std.costBasis': 'Legal basis',
  'std.product': 'What you receive',
  'std.complaints': 'Complaints, suggestions and feedback',
  'std.noComplaints': 'No complaint channels are listed yet.',
  'std.hours': 'Opening hours',
  'std.noHours': 'Opening hours are not listed yet.',
  'std.location': 'Where',
  'std.pledge': 'Service pledge (maklumat pelayanan)',
  'std.applyOnline': 'Apply online',
  'std.newWindow': '(opens a new tab)',
  'std.ask': 'Ask an officer',
  'std.askHint': (opd) => `A question about this service? Ask the officers of ${opd} through the online consultation (SIAP).`,
  'std.version': (version, day) => `Service standard version ${version}, in force since ${day}.`,
  'std.demo': 'Sample data for the demo, not an official service standard.',
};
