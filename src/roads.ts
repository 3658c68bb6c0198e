/**
 * `opd-kit/roads`: Perjaka's namespace for a client, kept out of the main entry so a page
 * without the road board carries none of it. Add it to a client with `buildClient()`:
 *
 * ```ts
 * import { buildClient } from 'opd-kit';
 * import { roads } from 'opd-kit/roads';
 * const client = buildClient({ baseUrl: 'https://layanan.lahatkab.go.id', opd: 'dinas-pupr' }, { roads });
 * for await (const segment of client.roads.segments.list()) console.log(segment.number, segment.name);
 * ```
 *
 * `citizenRoads` is the public half alone (no staff calls), as the road widgets use it.
 *
 * @module
 */
export {
  roads,
  citizenRoads,
  type RoadsNamespace,
  type CitizenRoadsNamespace,
  type RoadCallOptions,
  type RoadSegmentQuery,
  type RoadWorkQuery,
  type CreateRoadReportOptions,
  type RoadReportFilters,
  type RoadReportInboxQuery,
} from './namespaces/roads.js';
export type {
  RoadSegment,
  RoadSegmentDetail,
  RoadFeatureCollection,
  RoadGeometry,
  RoadCondition,
  RoadSurvey,
  RoadSurveyInput,
  RoadTarget,
  RoadWork,
  RoadImportInput,
  RoadImportReport,
  ConditionClass,
  ConditionKm,
  RoadSurface,
  WorkKind,
  WorkStatus,
} from './schemas/roads.js';
export {
  reportStatuses,
  reportResolutions,
  stakeholderRoles,
  photoMediaTypes,
  PHOTO_MAX_BYTES,
  REPORT_DESCRIPTION_MAX_LENGTH,
  SEGMENT_MATCH_METRES,
  DUPLICATE_METRES,
} from './schemas/open311.js';
export type {
  ReportStatus,
  ReportResolution,
  StakeholderRole,
  RoadReport,
  RoadReportInput,
  RoadReportReceipt,
  RoadReportService,
  RoadReportUpdate,
  RoadReportPhoto,
  RoadReportQuery,
  Open311Attribute,
  Open311Request,
  Open311Service,
  Open311ServiceDefinition,
} from './schemas/open311.js';
export { apiKeyRoles } from './schemas/open311-staff.js';
export type {
  ApiKeyRole,
  RoadReportStaff,
  ReportModerationInput,
  ReportStatusInput,
  ReportUpdateInput,
  Open311ApiKey,
  Open311ApiKeyInput,
  Open311ApiKeyIssued,
} from './schemas/open311-staff.js';
