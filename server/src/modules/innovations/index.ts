/**
 * One OPD One Innovation — the regency's innovation registry that Bappeda (or Litbang) runs —
 * as the spine sees it: routes, the evidence and XLSX mounts, migrations, demo seed and its
 * part of the API reference. OPDs switch it on as `innovation`; its code is named
 * `innovations` (the SDK entry `opd-kit/innovations`).
 *
 * @module
 */
import { defineModule } from '../../http/module.js';
import {
  innovation,
  innovationList,
  innovationProgress,
  scoringModel,
} from '../../../../src/schemas/innovations.js';
import {
  innovationInput,
  innovationPatch,
  innovationReturnInput,
  innovationSettings,
  innovationSettingsInput,
  innovationStaff,
  innovationVerifyInput,
} from '../../../../src/schemas/innovations-staff.js';
import { evidenceApp, exportApp, XLSX_MEDIA_TYPE } from './media.js';
import { innovationRegistryTables } from './migrations/0001-innovation-registry.js';
import { iid2023Model } from './migrations/0002-iid-2023-model.js';
import { innovationSearchWords } from './migrations/0003-search-words.js';
import { innovationInitiatorCovidGoal } from './migrations/0004-initiator-covid-goal.js';
import { innovationRoutes } from './routes.js';
import { seedInnovations } from './seed.js';
import { innovationsDataset } from './datasets.js';

/** One OPD One Innovation: the catalogue and its search, the progress board, the IID models, the export; OPDs register and submit, Bappeda verifies or returns. */
export const innovationModule = defineModule({
  id: 'innovation',
  routes: innovationRoutes,
  mounts: [
    {
      path: '/media/innovation-evidence',
      app: evidenceApp,
      cors: 'any',
      methods: ['GET'],
      openapi: {
        paths: {
          '/media/innovation-evidence/{file}': {
            get: {
              operationId: 'getInnovationEvidenceFile',
              security: [],
              tags: ['One OPD One Innovation'],
              summary: 'Download an evidence file',
              description: 'The file as uploaded (PDF, JPEG or PNG), at the address an innovation lists; `nosniff` and a sandboxing CSP.',
              parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]{20}\\.(pdf|jpg|png)$' } }],
              responses: {
                '200': { description: 'The file.', content: { 'application/pdf': {}, 'image/jpeg': {}, 'image/png': {} } },
                '404': { description: 'No such file.', content: { 'application/problem+json': {} } },
              },
            },
          },
        },
      },
    },
    {
      path: '/media/innovation-export',
      app: exportApp,
      cors: 'any',
      methods: ['GET'],
      openapi: {
        paths: {
          '/media/innovation-export/{file}': {
            get: {
              operationId: 'exportInnovationsXlsx',
              security: [],
              tags: ['One OPD One Innovation'],
              summary: 'Export the verified innovations as XLSX',
              description: 'The CSV export’s table as one sheet (`Inovasi <year>`), text cells neutralised against formula injection.',
              parameters: [{ name: 'file', in: 'path', required: true, description: 'The year with `.xlsx`, e.g. `2026.xlsx`.', schema: { type: 'string', pattern: '^\\d{4}\\.xlsx$' } }],
              responses: {
                '200': { description: 'The workbook.', content: { [XLSX_MEDIA_TYPE]: {} } },
                '404': { description: 'Not a year.', content: { 'application/problem+json': {} } },
              },
            },
          },
        },
      },
    },
  ],
  migrations: { '0001-innovation-registry': innovationRegistryTables, '0002-iid-2023-model': iid2023Model, '0003-search-words': innovationSearchWords, '0004-initiator-covid-goal': innovationInitiatorCovidGoal },
  seed: seedInnovations,
  // The verified innovations as open data (Satu Data Indonesia).
  datasets: [innovationsDataset],
  openapi: {
    tag: {
      name: 'One OPD One Innovation',
      description:
        'The regency’s registry of regional innovations (PP 38/2017: public service, governance or other; digital or not; initiative → trial → applied) with evidence per indicator, the review flow (draft → submitted → verified by Bappeda, or returned with comments), the progress toward one verified innovation per OPD with its deadline, the IID scoring models as data per assessment year, search that works for Indonesian, and the export for the Kemendagri submission.',
    },
    schemas: {
      Innovation: { schema: innovation, io: 'output', description: 'A verified innovation as the public sees it.' },
      InnovationList: { schema: innovationList, io: 'output', description: 'A page of the catalogue with the count of all matches.' },
      InnovationProgress: { schema: innovationProgress, io: 'output', description: 'The progress board of an assessment year.' },
      InnovationScoringModel: { schema: scoringModel, io: 'output', description: 'An IID scoring model of an assessment year.' },
      InnovationStaff: { schema: innovationStaff, io: 'output', description: 'An innovation as staff see it: with the contact person and the review log.' },
      InnovationInput: { schema: innovationInput, io: 'input', description: 'A new innovation (a draft).' },
      InnovationPatch: { schema: innovationPatch, io: 'input', description: 'An edit of a draft or returned innovation.' },
      InnovationVerifyInput: { schema: innovationVerifyInput, io: 'input', description: 'Verifying, with an optional note.' },
      InnovationReturnInput: { schema: innovationReturnInput, io: 'input', description: 'Returning, with what to fix.' },
      InnovationSettings: { schema: innovationSettings, io: 'output', description: 'The reviewer OPD, the deadline and the assessment year.' },
      InnovationSettingsInput: { schema: innovationSettingsInput, io: 'input', description: 'The settings as a regency admin sets them.' },
    },
  },
});
