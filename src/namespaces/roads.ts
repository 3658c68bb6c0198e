/**
 * `client.roads`: Perjaka, the regency road board. Anyone lists the segments of the regent's
 * decree (`segments.list`, or `segments.geojson` for a map), reads one (`segments.get`), the
 * condition summary (`condition`) and the handling works (`works.list`). Staff change a
 * segment's own facts (`segments.update`; not its length, which an import changes), record a
 * survey (`surveys.put`), import segments and surveys (`imports.dryRun`, `imports.run`) and,
 * as OPD admins, set a year's target (`targets.put`). Each method is a thin call of one
 * endpoint in {@link roadEndpoints}.
 *
 * Citizens file damage reports (`reports.create`, with a photo from `photos.upload`) and
 * follow them (`reports.get`, `reports.updates`, `reports.list`); staff moderate them
 * (`moderation.*`) and OPD admins issue Open311 API keys (`open311Keys.*`).
 *
 * `citizenRoads` (`citizen-roads.ts`, re-exported here) is the public half alone, for a page
 * that only shows the board and files reports: it imports none of the staff's schemas.
 *
 * @module
 */
import { paginate, type Paginated } from '../pagination.js';
import {
  roadEndpoints as endpoints,
  type RoadImportInput,
  type RoadImportReport,
  type RoadSegmentDetail,
  type RoadSegmentPatch,
  type RoadSurvey,
  type RoadSurveyInput,
  type RoadTarget,
} from '../schemas/roads.js';
import type { ReportStatus, RoadReportUpdate } from '../schemas/open311.js';
import {
  roadReportEndpoints as staffReportEndpoints,
  type InboxResolution,
  type Open311ApiKey,
  type Open311ApiKeyInput,
  type Open311ApiKeyIssued,
  type ReportModerationInput,
  type ReportStatusInput,
  type ReportUpdateInput,
  type RoadReportStaff,
} from '../schemas/open311-staff.js';
import { citizenRoads, type CitizenRoadsNamespace, type RoadCallOptions } from './citizen-roads.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

export {
  citizenRoads,
  type CitizenRoadsNamespace,
  type CreateRoadReportOptions,
  type RoadCallOptions,
  type RoadReportFilters,
  type RoadSegmentQuery,
  type RoadWorkQuery,
} from './citizen-roads.js';

/** Filters of `client.roads.moderation.list`. */
export interface RoadReportInboxQuery {
  /** Only open or only closed reports. */
  status?: ReportStatus;
  /** Only this service. */
  serviceCode?: string;
  /** `true`: only reports offered as a possible duplicate and not merged yet. */
  duplicates?: boolean;
  /** Only reports with this resolution, or `none`: those without one yet. */
  resolution?: InboxResolution;
}

/** Perjaka's calls: the public ones and the staff's. */
export interface RoadsNamespace extends CitizenRoadsNamespace {
  /** The public segment calls, and staff's change of a segment's own facts. */
  readonly segments: CitizenRoadsNamespace['segments'] & {
    /**
     * Changes any of a segment's name, kecamatan, surface, width and geometry, with the
     * import's checks, and answers the segment; not its length (its surveys sum to it: import it).
     */
    update(number: string, patch: RoadSegmentPatch, options?: RoadCallOptions): Promise<RoadSegmentDetail>;
  };
  /** Staff: condition surveys. */
  readonly surveys: {
    /** Records (or replaces) a segment's survey of `year`; the four classes must sum to its length. */
    put(number: string, year: number, input: RoadSurveyInput, options?: RoadCallOptions): Promise<RoadSurvey>;
  };
  /** OPD admins: the kemantapan target per year. */
  readonly targets: {
    /** Sets `year`'s target in percent. */
    put(year: number, percent: number, options?: RoadCallOptions): Promise<RoadTarget>;
  };
  /** Staff: imports of segments and surveys from GeoJSON or CSV. */
  readonly imports: {
    /** Checks an import and reports every problem by row or feature and field; stores nothing. */
    dryRun(input: RoadImportInput, options?: RoadCallOptions): Promise<RoadImportReport>;
    /** Imports all of it or, with any problem, nothing (the report says why). */
    run(input: RoadImportInput, options?: RoadCallOptions): Promise<RoadImportReport>;
  };
  /** Staff: the reports with their reporters' contact (each read is audited), and moderation. */
  readonly moderation: {
    /** Reports newest first, with contact, moderation state and possible duplicates; pages itself. */
    list(query?: RoadReportInboxQuery, options?: RoadCallOptions): Paginated<RoadReportStaff>;
    /** One report with its contact. */
    get(id: string, options?: RoadCallOptions): Promise<RoadReportStaff>;
    /** Sets status, resolution, the public status note and the expected date. Closed is not fixed: say the resolution. */
    setStatus(id: string, input: ReportStatusInput, options?: RoadCallOptions): Promise<RoadReportStaff>;
    /** Hides (or shows again) the description, photo or address; the reason is shown publicly, the original kept for staff. */
    moderate(id: string, input: ReportModerationInput, options?: RoadCallOptions): Promise<RoadReportStaff>;
    /** Merges report `id` into `into` (the one it repeats): closed, resolution `duplicate`. */
    merge(id: string, into: string, options?: RoadCallOptions): Promise<RoadReportStaff>;
    /** Posts an update (as `petugas` unless another role is given), optionally changing status and resolution. */
    postUpdate(id: string, input: ReportUpdateInput, options?: RoadCallOptions): Promise<RoadReportUpdate>;
  };
  /** OPD admins: API keys for third-party Open311 apps and for stakeholders posting updates. */
  readonly open311Keys: {
    /** The keys issued (never the keys themselves). */
    list(options?: RoadCallOptions): Promise<Open311ApiKey[]>;
    /** Issues a key; `key` is in this answer only. */
    issue(input: Open311ApiKeyInput, options?: RoadCallOptions): Promise<Open311ApiKeyIssued>;
    /** Revokes a key: Open311 calls with it answer 403 from then on. */
    revoke(id: string, options?: RoadCallOptions): Promise<Open311ApiKey>;
  };
}

/** Builds `client.roads` with the staff calls: `buildClient(options, { roads })` (`createClient()`'s client has no roads). */
export const roads: NamespaceFactory<RoadsNamespace> = (sender, defaults) => {
  const opdOf = (options?: RoadCallOptions) => resolveOpd(options?.opd, defaults.opd);
  const publicCalls = citizenRoads(sender, defaults);
  return {
    ...publicCalls,
    segments: {
      ...publicCalls.segments,
      async update(number, patch, options) {
        const opd = opdOf(options);
        return sender.call(endpoints.updateSegment, { params: { opd, number }, body: patch, what: `road segment ${number}`, signal: options?.signal });
      },
    },
    surveys: {
      async put(number, year, input, options) {
        const opd = opdOf(options);
        return sender.call(endpoints.putSurvey, {
          params: { opd, number, year },
          body: input,
          what: `the ${year} survey of road segment ${number}`,
          signal: options?.signal,
        });
      },
    },
    targets: {
      async put(year, percent, options) {
        const opd = opdOf(options);
        return sender.call(endpoints.putTarget, { params: { opd, year }, body: { percent }, what: `the ${year} road target`, signal: options?.signal });
      },
    },
    imports: {
      async dryRun(input, options) {
        const opd = opdOf(options);
        return sender.call(endpoints.dryRunImport, { params: { opd }, body: input, what: `a dry run of a road import for ${opd}`, signal: options?.signal });
      },
      async run(input, options) {
        const opd = opdOf(options);
        return sender.call(endpoints.runImport, { params: { opd }, body: input, what: `a road import for ${opd}`, signal: options?.signal });
      },
    },
    moderation: {
      list(query, options) {
        const opd = opdOf(options);
        const filters = {
          ...(query?.status ? { status: query.status } : {}),
          ...(query?.serviceCode ? { service_code: query.serviceCode } : {}),
          ...(query?.duplicates === undefined ? {} : { duplicates: query.duplicates ? ('true' as const) : ('false' as const) }),
          ...(query?.resolution ? { resolution: query.resolution } : {}),
        };
        return paginate((cursor) =>
          sender.call(staffReportEndpoints.staffList, {
            params: { opd },
            query: { ...filters, ...(cursor ? { cursor } : {}) },
            what: `the road report inbox of ${opd}`,
            signal: options?.signal,
          }),
        );
      },
      async get(id, options) {
        const opd = opdOf(options);
        return sender.call(staffReportEndpoints.staffGet, { params: { opd, id }, what: `road report ${id}`, signal: options?.signal });
      },
      async setStatus(id, input, options) {
        const opd = opdOf(options);
        return sender.call(staffReportEndpoints.setStatus, { params: { opd, id }, body: input, what: `the status of road report ${id}`, signal: options?.signal });
      },
      async moderate(id, input, options) {
        const opd = opdOf(options);
        return sender.call(staffReportEndpoints.moderate, { params: { opd, id }, body: input, what: `the moderation of road report ${id}`, signal: options?.signal });
      },
      async merge(id, into, options) {
        const opd = opdOf(options);
        return sender.call(staffReportEndpoints.merge, { params: { opd, id }, body: { into }, what: `merging road report ${id} into ${into}`, signal: options?.signal });
      },
      async postUpdate(id, input, options) {
        const opd = opdOf(options);
        return sender.call(staffReportEndpoints.postUpdate, { params: { opd, id }, body: input, what: `an update on road report ${id}`, signal: options?.signal });
      },
    },
    open311Keys: {
      async list(options) {
        const opd = opdOf(options);
        const answer = await sender.call(staffReportEndpoints.listKeys, { params: { opd }, what: `the Open311 keys of ${opd}`, signal: options?.signal });
        return answer.data;
      },
      async issue(input, options) {
        const opd = opdOf(options);
        return sender.call(staffReportEndpoints.issueKey, { params: { opd }, body: input, what: `a new Open311 key for ${opd}`, signal: options?.signal });
      },
      async revoke(id, options) {
        const opd = opdOf(options);
        return sender.call(staffReportEndpoints.revokeKey, { params: { opd, id }, what: `Open311 key ${id}`, signal: options?.signal });
      },
    },
  };
};
