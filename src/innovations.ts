/**
 * `opd-kit/innovations`: One OPD One Innovation's namespace for a client, kept out of the main
 * entry so a page without the innovation catalogue carries none of it. Add it to a client with
 * `buildClient()`:
 *
 * ```ts
 * import { buildClient } from 'opd-kit';
 * import { citizenInnovations } from 'opd-kit/innovations';
 * const client = buildClient({ baseUrl: 'https://layanan.lahatkab.go.id' }, { innovations: citizenInnovations });
 * for await (const item of client.innovations.list({ q: 'posyandu', digital: 'true' })) console.log(item.opd.name, item.name);
 * const board = await client.innovations.progress(); // board.missing: the OPDs still without a verified innovation
 * ```
 *
 * `innovations` adds the staff calls (register, edit, evidence, submit; Bappeda's review; settings).
 *
 * @module
 */
export {
  citizenInnovations,
  innovations,
  type CitizenInnovationsNamespace,
  type InnovationsNamespace,
  type InnovationCallOptions,
  type InnovationCreateOptions,
  type InnovationReviewCalls,
  type InnovationSearch,
  type OpdInnovationsCalls,
} from './namespaces/innovations.js';
export type {
  EstimatedScore,
  Innovation,
  InnovationEvidenceFile,
  InnovationList,
  InnovationProgress,
  InnovationQuery,
  InnovationStage,
  InnovationStageDates,
  InnovationStatus,
  InnovationType,
  ScoringIndicator,
  ScoringModel,
} from './schemas/innovations.js';
export type { InnovationContact, InnovationInput, InnovationPatch, InnovationSettings, InnovationStaff } from './schemas/innovations-staff.js';
