/**
 * `opd-kit/services`: Layanan's namespace for a client — the directory of every OPD's service
 * standards (a digital *mall pelayanan publik*), the compliance self-check and the satisfaction
 * survey (SKM) with its index (IKM) — kept out of the main entry so a page without them carries
 * none of it. Add it to a client with `buildClient()`:
 *
 * ```ts
 * import { buildClient } from 'opd-kit';
 * import { citizenServices } from 'opd-kit/services';
 * const client = buildClient({ baseUrl: 'https://layanan.lahatkab.go.id' }, { services: citizenServices });
 * for await (const service of client.services.list({ q: 'ktp', free: 'true' })) console.log(service.opd.name, service.name);
 * const ktp = await client.services.get('disdukcapil', 'ktp-el'); // ktp.requirements: what to bring
 * const model = await client.services.surveyModel(); // the nine elements, their questions and answers
 * await client.services.answerSurvey('disdukcapil', 'ktp-el', { token: '7KQ2-M9XD-4TRA', scores: Object.fromEntries(model.elements.map((e) => [e.id, 4])) });
 * const { overall } = await client.services.satisfaction('disdukcapil', { year: 2026 }); // overall.ikm, overall.category
 * ```
 *
 * `services` adds the staff calls (standards, new services and versions, survey codes,
 * suggestions, the pledge, the export for SIPPN; the regency's checklist and export).
 *
 * @module
 */
export {
  citizenServices,
  services,
  type CitizenServicesNamespace,
  type ComplianceChecklistInput,
  type OpdServiceSearch,
  type OpdServicesCalls,
  type SatisfactionOptions,
  type ServiceCallOptions,
  type ServicePledgeInput,
  type ServicePledgeView,
  type ServiceSearch,
  type ServicesNamespace,
  type SurveyAnswerOptions,
  type SurveyReceipt,
  type SurveySuggestions,
  type SurveyTokenBatchInput,
} from './namespaces/services.js';
export type {
  ComplianceChecklist,
  ComplianceReport,
  ElementFigure,
  IkmFigure,
  OpeningHours,
  SatisfactionReport,
  Service,
  ServiceCategory,
  ServiceComponent,
  ServiceCost,
  ServiceList,
  ServicePledge,
  ServiceQuery,
  SurveyInput,
  SurveyModel,
} from './schemas/services.js';
export type { ServiceCreateInput, ServiceHistory, ServiceInternal, ServiceStaff, ServiceStandard, ServiceStandardInput, ServiceVersionInfo, SippnExport, SippnService, SurveyTokenBatch } from './schemas/services-staff.js';
