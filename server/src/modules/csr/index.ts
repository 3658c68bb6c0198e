/**
 * SIP BENAR — *Sistem Informasi Pembangunan Berbasis Dana CSR*, Bappeda's CSR development
 * board — as the spine sees it: routes, the evidence mount, migrations, demo seed, its problem
 * code and its part of the API reference. OPDs switch it on as `csr`.
 *
 * @module
 */
import { csrCompanyList, csrProgramDetail, csrProgramList, csrSummary } from '../../../../src/schemas/csr.js';
import {
  csrCompanyInput,
  csrCompanyPatch,
  csrCompanyStaff,
  csrDecisionInput,
  csrFieldsInput,
  csrProgramInput,
  csrProgramPatch,
  csrProgramStaff,
  csrProposalInput,
  csrProposalPatch,
  csrProposalStaff,
  csrSpendingInput,
  csrSpendingPatch,
} from '../../../../src/schemas/csr-staff.js';
import { defineModule } from '../../http/module.js';
import { csrEvidenceApp } from './media.js';
import { csrBoardTables } from './migrations/0001-csr-board.js';
import { csrRoutes } from './routes.js';
import { seedCsr } from './seed.js';
import { csrProgramsDataset, csrSpendingDataset } from './datasets.js';

/** SIP BENAR: companies, CSR programmes with committed and spent rupiah, spending evidence, village proposals and the CSR forum's decisions. */
export const csrModule = defineModule({
  id: 'csr',
  routes: csrRoutes,
  mounts: [
    {
      path: '/media/csr-evidence',
      app: csrEvidenceApp,
      cors: 'any',
      methods: ['GET'],
      openapi: {
        paths: {
          '/media/csr-evidence/{file}': {
            get: {
              operationId: 'getCsrEvidenceFile',
              security: [],
              tags: ['SIP BENAR'],
              summary: 'Download a spending evidence file',
              description: 'A receipt, report or photo of a spending entry (PDF, JPEG or PNG, images without metadata), at the address a programme lists; `nosniff` and a sandboxing CSP.',
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
  ],
  migrations: { '0001-csr-board': csrBoardTables },
  seed: seedCsr,
  // The programmes and their spending as open data (Satu Data Indonesia).
  datasets: [csrProgramsDataset, csrSpendingDataset],
  problems: { 'csr-double-funding': { status: 409, title: 'Another programme already funds this desa, field and year' } },
  openapi: {
    tag: {
      name: 'SIP BENAR',
      description:
        'Bappeda’s CSR development board (*Sistem Informasi Pembangunan Berbasis Dana CSR*): which companies fund which programmes where — by field, kecamatan and desa — how much each committed and spent (whole rupiah), the spending evidence, the villages’ proposals and the CSR forum’s decisions, with possible double funding and spending past a commitment flagged, never silent.',
    },
    schemas: {
      CsrCompanyList: { schema: csrCompanyList, io: 'output', description: 'The companies of the OPD.' },
      CsrProgramDetail: { schema: csrProgramDetail, io: 'output', description: 'A programme with its spending entries and evidence links.' },
      CsrProgramList: { schema: csrProgramList, io: 'output', description: 'A page of programmes with the count of all matches.' },
      CsrSummary: { schema: csrSummary, io: 'output', description: 'Committed against spent by field, kecamatan, company and year; beneficiaries; needs not yet funded.' },
      CsrCompanyStaff: { schema: csrCompanyStaff, io: 'output', description: 'A company as staff see it, with the contact person.' },
      CsrProgramStaff: { schema: csrProgramStaff, io: 'output', description: 'A programme as staff see it: the double-funding flag and reason, the over-budget reasons.' },
      CsrProposalStaff: { schema: csrProposalStaff, io: 'output', description: 'A village proposal with the forum’s decision.' },
      CsrCompanyInput: { schema: csrCompanyInput, io: 'input', description: 'A new company.' },
      CsrCompanyPatch: { schema: csrCompanyPatch, io: 'input', description: 'An edit of a company.' },
      CsrProgramInput: { schema: csrProgramInput, io: 'input', description: 'A new programme.' },
      CsrProgramPatch: { schema: csrProgramPatch, io: 'input', description: 'An edit of a programme.' },
      CsrSpendingInput: { schema: csrSpendingInput, io: 'input', description: 'A spending entry.' },
      CsrSpendingPatch: { schema: csrSpendingPatch, io: 'input', description: 'A correction of a spending entry.' },
      CsrProposalInput: { schema: csrProposalInput, io: 'input', description: 'A village proposal.' },
      CsrProposalPatch: { schema: csrProposalPatch, io: 'input', description: 'An edit of a submitted proposal.' },
      CsrDecisionInput: { schema: csrDecisionInput, io: 'input', description: 'The CSR forum’s decision.' },
      CsrFieldsInput: { schema: csrFieldsInput, io: 'input', description: 'The OPD’s fields.' },
    },
  },
});
