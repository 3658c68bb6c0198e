/**
 * The names of a service standard's components (PermenPAN-RB 15/2014, and what a unit shows
 * beside its standard) in the console's languages, for the Layanan console pages: Indonesian as
 * the regulation and the Ombudsman write them (`serviceComponentNames` of the schema), English
 * here. Also the names of the directory's categories.
 *
 * @module
 */
import { serviceCategoryNames, serviceComponentNames, type ServiceCategory, type ServiceComponent } from '../../src/schemas/services.js';
import type { Lang } from '../shared/localize.js';

const componentsEn: Readonly<Record<ServiceComponent, string>> = {
  requirements: 'Requirements',
  procedure: 'System, mechanism and procedure',
  duration: 'Time to completion',
  cost: 'Cost/tariff',
  product: 'Service product',
  complaints: 'Complaints, suggestions and feedback',
  legalBasis: 'Legal basis',
  facilities: 'Facilities and infrastructure',
  facilitiesDisability: 'Facilities for persons with disabilities',
  competence: 'Staff competence',
  internalOversight: 'Internal oversight',
  staffCount: 'Number of staff',
  serviceGuarantee: 'Service guarantee',
  securityGuarantee: 'Security and safety guarantee',
  performanceEvaluation: 'Staff performance evaluation',
  hours: 'Opening hours',
  location: 'Location',
  pledge: 'Service pledge (maklumat pelayanan)',
};

const categoriesEn: Readonly<Record<ServiceCategory, string>> = {
  perizinan: 'Licences and permits',
  kependudukan: 'Civil registry',
  kesehatan: 'Health',
  'pajak-retribusi': 'Local taxes and levies',
  sosial: 'Social',
  pendidikan: 'Education',
  ketenagakerjaan: 'Employment',
  lainnya: 'Other',
};

/** A component's name in `lang`, e.g. `Persyaratan`. */
export function componentName(component: ServiceComponent, lang: Lang): string {
  return (lang === 'en' ? componentsEn : serviceComponentNames)[component] ?? component;
}

/** A category's name in `lang`, e.g. `Administrasi kependudukan`. */
export function categoryName(category: ServiceCategory, lang: Lang): string {
  return (lang === 'en' ? categoriesEn : serviceCategoryNames)[category] ?? category;
}
