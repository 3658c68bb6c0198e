/**
 * Layanan — service standards and satisfaction — as the spine sees it: routes, migrations,
 * demo seed, problem codes and its part of the API reference. OPDs switch it on as `layanan`;
 * its code is named `services`.
 *
 * @module
 */
import { defineModule } from '../../http/module.js';
import { complianceReport, satisfactionReport, service, serviceList, surveyInput, surveyModel, surveyReceipt } from '../../../../src/schemas/services.js';
import {
  complianceChecklistInput,
  serviceCreateInput,
  serviceHistory,
  servicePledgeInput,
  serviceStaff,
  serviceStandardInput,
  surveyTokenBatch,
  surveyTokenBatchInput,
} from '../../../../src/schemas/services-staff.js';
import { serviceStandardTables } from './migrations/0001-service-standards.js';
import { satisfactionSurveyTables } from './migrations/0002-satisfaction-survey.js';
import { suggestionScreening } from './migrations/0003-suggestion-screening.js';
import { layananPrivacy } from './privacy.js';
import { serviceRoutes } from './routes.js';
import { seedServices } from './seed.js';
import { satisfactionIndexDataset, serviceStandardsDataset } from './datasets.js';

/** Layanan: the directory of every OPD's service standards, their versions, the compliance self-check, the satisfaction survey (SKM) and its index (IKM). */
export const layananModule = defineModule({
  id: 'layanan',
  routes: serviceRoutes,
  migrations: { '0001-service-standards': serviceStandardTables, '0002-satisfaction-survey': satisfactionSurveyTables, '0003-suggestion-screening': suggestionScreening },
  seed: seedServices,
  // The standards in force and the satisfaction index as open data (Satu Data Indonesia).
  datasets: [serviceStandardsDataset, satisfactionIndexDataset],
  // Survey suggestions are free text that may name a citizen: found and erased on request, screened after the retention period.
  privacy: layananPrivacy,
  problems: {
    'survey-token-used': { status: 409, title: 'This survey code has already been used' },
    'survey-token-expired': { status: 410, title: 'This survey code has expired' },
  },
  openapi: {
    tag: {
      name: 'Layanan',
      description:
        'Every OPD’s published service standards (PermenPAN-RB 15/2014: six components published, eight kept by the unit) in one directory across the regency — the digital mall pelayanan publik — with Indonesian search, versions with effective days (the public sees the one in force), the compliance self-check against a checklist kept as data, the satisfaction survey (SKM, PermenPAN-RB 14/2017: nine elements scored 1–4, one response per token from the counter, no personal data) and its index (IKM = weighted mean × 25, categories A–D).',
    },
    schemas: {
      Service: { schema: service, io: 'output', description: 'A service’s standard in force, as the public sees it.' },
      ServiceList: { schema: serviceList, io: 'output', description: 'A page of the directory with the count of all matches.' },
      ServiceComplianceReport: { schema: complianceReport, io: 'output', description: 'The compliance self-check: which services lack which component.' },
      SurveyModel: { schema: surveyModel, io: 'output', description: 'The SKM model in force: elements, weights, scale and categories.' },
      SurveyInput: { schema: surveyInput, io: 'input', description: 'A survey response: the token and a score for every element.' },
      SurveyReceipt: { schema: surveyReceipt, io: 'output', description: 'A recorded response’s period.' },
      SatisfactionReport: { schema: satisfactionReport, io: 'output', description: 'The IKM of an OPD and its services for a year.' },
      ServiceStaff: { schema: serviceStaff, io: 'output', description: 'A service as staff see it: the version in force and the next.' },
      ServiceHistory: { schema: serviceHistory, io: 'output', description: 'Every version of a standard.' },
      ServiceCreateInput: { schema: serviceCreateInput, io: 'input', description: 'A new service and its first standard.' },
      ServiceStandardInput: { schema: serviceStandardInput, io: 'input', description: 'A new version of a standard, with its effective day.' },
      ServicePledgeInput: { schema: servicePledgeInput, io: 'input', description: 'The unit’s service pledge.' },
      ComplianceChecklistInput: { schema: complianceChecklistInput, io: 'input', description: 'The compliance checklist.' },
      SurveyTokenBatchInput: { schema: surveyTokenBatchInput, io: 'input', description: 'How many survey codes, valid how long.' },
      SurveyTokenBatch: { schema: surveyTokenBatch, io: 'output', description: 'The survey codes issued (shown once).' },
    },
  },
});
