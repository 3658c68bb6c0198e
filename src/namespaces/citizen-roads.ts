/**
 * The citizen's half of `client.roads` (`citizenRoads`): Perjaka's public calls. Anyone lists
 * the segments of the regent's decree (`segments.list`, or `segments.geojson` for a map), reads
 * one (`segments.get`), the condition summary (`condition`) and the handling works
 * (`works.list`); citizens file damage reports (`reports.create`, with a photo from
 * `photos.upload`) and follow them (`reports.get`, `reports.updates`, `reports.list`).
 *
 * The road widgets build their client with it, so a citizen's page carries none of the staff's
 * schemas (surveys, imports, targets, report moderation, API keys); `roads` adds those.
 *
 * @module
 */
import { paginate, type Paginated } from '../pagination.js';
import type { CallOptions } from '../request.js';
import {
  roadEndpoints as endpoints,
  roadFeatureCollection,
  roadSegmentList,
  type RoadCondition,
  type RoadFeatureCollection,
  type RoadSegment,
  type RoadSegmentDetail,
  type RoadWork,
  type WorkStatus,
} from '../schemas/roads.js';
import {
  roadReportPublicEndpoints as reportEndpoints,
  roadReportPhoto,
  type ReportStatus,
  type RoadReport,
  type RoadReportInput,
  type RoadReportPhoto,
  type RoadReportQuery,
  type RoadReportReceipt,
  type RoadReportService,
  type RoadReportUpdate,
} from '../schemas/open311.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

/** Options of a roads call: the OPD whose network it is (default: the client's). */
export interface RoadCallOptions extends CallOptions {
  /** The OPD (Dinas PUPR) whose roads these are. */
  opd?: string;
}

/** Filters of {@link CitizenRoadsNamespace.segments}' `list` and `geojson`. */
export interface RoadSegmentQuery {
  /** Only segments through this kecamatan. */
  kecamatan?: string;
  /** The survey year whose condition each segment carries (default: the latest). */
  year?: number;
  /** Only segments whose number, name or a kecamatan contains this text, ignoring case. */
  q?: string;
  /** Segments per request while `list` pages (1–100, default 50); `geojson` ignores it. */
  limit?: number;
}

/** Filters of `client.roads.works.list`. */
export interface RoadWorkQuery {
  /** Works of this budget year. */
  year?: number;
  /** Only planned, ongoing or done works. */
  status?: WorkStatus;
  /** Only works on this segment (its decree number). */
  segment?: string;
}

/** Options of {@link CitizenRoadsNamespace.reports}' `create`. */
export interface CreateRoadReportOptions extends RoadCallOptions {
  /**
   * Reuse a key to make a retry of the same report safe across page reloads: the server
   * answers the same receipt again instead of filing a second report. Default: a new key per
   * call, reused across this call's own retries.
   */
  idempotencyKey?: string;
}

/** Filters of {@link CitizenRoadsNamespace.reports}' `list`: Open311's, as values rather than comma lists. */
export interface RoadReportFilters {
  /** Only these reports (overrides every other filter). */
  ids?: readonly string[];
  /** Only these services (`jalan-berlubang`, …). */
  serviceCodes?: readonly string[];
  /** Only open or only closed reports. */
  status?: ReportStatus | readonly ReportStatus[];
  /** Filed at or after this moment (ISO 8601 with offset); the window is at most 90 days, the latest 90 days by default. */
  startDate?: string;
  /** Filed at or before this moment (ISO 8601 with offset). */
  endDate?: string;
}

/** Perjaka's public calls. */
export interface CitizenRoadsNamespace {
  /** The segments of the regent's decree. */
  readonly segments: {
    /** Every segment by decree number, with its latest (or `year`'s) condition; pages itself. */
    list(query?: RoadSegmentQuery, options?: RoadCallOptions): Paginated<RoadSegment>;
    /** The whole network as one GeoJSON FeatureCollection (RFC 7946), for a map. */
    geojson(query?: RoadSegmentQuery, options?: RoadCallOptions): Promise<RoadFeatureCollection>;
    /** One segment by its decree number, with its surveys and works. */
    get(number: string, options?: RoadCallOptions): Promise<RoadSegmentDetail>;
  };
  /** The condition summary: kemantapan against the year's target, km by class, per kecamatan, trend. */
  condition(query?: { year?: number }, options?: RoadCallOptions): Promise<RoadCondition>;
  /** The handling works (*penanganan*). */
  readonly works: {
    /** Works, filtered; pages itself. */
    list(query?: RoadWorkQuery, options?: RoadCallOptions): Paginated<RoadWork>;
  };
  /** Citizens' damage reports, in Open311's field names (the same reports `/open311/v2/requests.json` lists). */
  readonly reports: {
    /** The services a report may be filed under (jalan berlubang, longsor, …), each with its attributes (Open311 service definitions). */
    services(options?: RoadCallOptions): Promise<RoadReportService[]>;
    /**
     * Files a report and returns its receipt: `service_request_id` (the tracking number), the
     * matched segment, and open reports of the same service within 50 m (`possible_duplicates`).
     * Exactly one location: `lat` with `long`, or `address_string`, or `address_id`.
     * `media_url` may only be a `mediaUrl` from {@link CitizenRoadsNamespace.photos}' `upload`.
     * Checked against the shared schema first ({@link ValidationError}); sends an
     * `Idempotency-Key` (see {@link CreateRoadReportOptions}).
     */
    create(input: RoadReportInput, options?: CreateRoadReportOptions): Promise<RoadReportReceipt>;
    /** Reports, newest first, with Open311's filters; pages itself. No personal data. */
    list(filters?: RoadReportFilters, options?: RoadCallOptions): Paginated<RoadReport>;
    /** One report by its `service_request_id`; no personal data. */
    get(id: string, options?: RoadCallOptions): Promise<RoadReport>;
    /** A report's updates from stakeholders (camat, kepala desa, kontraktor, pengawas, petugas), oldest first. */
    updates(id: string, options?: RoadCallOptions): Promise<RoadReportUpdate[]>;
  };
  /** Photos for reports. */
  readonly photos: {
    /**
     * Uploads a photo (JPEG, PNG or WebP, told by its content; at most 5 MB) and returns its
     * `id` and `mediaUrl`, to send as a report's `media_url`. The server removes EXIF, GPS,
     * XMP and comments before storing it. A 413 `ApiError` for a larger file, a 415 for one
     * that is no such photo.
     */
    upload(file: Blob, options?: RoadCallOptions): Promise<RoadReportPhoto>;
  };
}

/** A comma list of values, or undefined for none. */
function commaList(values: string | readonly string[] | undefined): string | undefined {
  if (values === undefined) return undefined;
  const list = typeof values === 'string' ? [values] : values;
  return list.length > 0 ? list.join(',') : undefined;
}

/** Open311's query from {@link RoadReportFilters}. */
function reportQuery(filters: RoadReportFilters | undefined): RoadReportQuery {
  const query: RoadReportQuery = {};
  if (!filters) return query;
  const ids = commaList(filters.ids);
  const codes = commaList(filters.serviceCodes);
  const status = commaList(filters.status);
  if (ids) query.service_request_id = ids;
  if (codes) query.service_code = codes;
  if (status) query.status = status;
  if (filters.startDate) query.start_date = filters.startDate;
  if (filters.endDate) query.end_date = filters.endDate;
  return query;
}

const geojsonEndpoint = { ...endpoints.listSegments, response: roadFeatureCollection };
const listEndpoint = { ...endpoints.listSegments, response: roadSegmentList };

/** Builds Perjaka's public calls; `buildClient(options, { roads: citizenRoads })`. */
export const citizenRoads: NamespaceFactory<CitizenRoadsNamespace> = (sender, defaults) => {
  const opdOf = (options?: RoadCallOptions) => resolveOpd(options?.opd, defaults.opd);
  return {
    segments: {
      list(query, options) {
        const opd = opdOf(options);
        return paginate((cursor) =>
          sender.call(listEndpoint, {
            params: { opd },
            query: { ...query, format: 'json', ...(cursor ? { cursor } : {}) },
            what: `the road segments of ${opd}`,
            signal: options?.signal,
          }),
        );
      },
      async geojson(query, options) {
        const opd = opdOf(options);
        return sender.call(geojsonEndpoint, {
          params: { opd },
          query: { ...query, format: 'geojson' },
          what: `the road network of ${opd}`,
          signal: options?.signal,
        });
      },
      async get(number, options) {
        const opd = opdOf(options);
        return sender.call(endpoints.getSegment, { params: { opd, number }, what: `road segment ${number}`, signal: options?.signal });
      },
    },
    async condition(query, options) {
      const opd = opdOf(options);
      return sender.call(endpoints.condition, { params: { opd }, query: query ?? {}, what: `the road condition of ${opd}`, signal: options?.signal });
    },
    works: {
      list(query, options) {
        const opd = opdOf(options);
        return paginate((cursor) =>
          sender.call(endpoints.listWorks, {
            params: { opd },
            query: { ...query, ...(cursor ? { cursor } : {}) },
            what: `the road works of ${opd}`,
            signal: options?.signal,
          }),
        );
      },
    },
    reports: {
      async services(options) {
        const opd = opdOf(options);
        const answer = await sender.call(reportEndpoints.services, { params: { opd }, what: `the report services of ${opd}`, signal: options?.signal });
        return answer.data;
      },
      async create(input, options) {
        const opd = opdOf(options);
        return sender.call(reportEndpoints.create, {
          params: { opd },
          body: input,
          idempotencyKey: options?.idempotencyKey,
          what: `a new road report for ${opd}`,
          signal: options?.signal,
        });
      },
      list(filters, options) {
        const opd = opdOf(options);
        const query = reportQuery(filters);
        return paginate((cursor) =>
          sender.call(reportEndpoints.list, {
            params: { opd },
            query: { ...query, ...(cursor ? { cursor } : {}) },
            what: `the road reports of ${opd}`,
            signal: options?.signal,
          }),
        );
      },
      async get(id, options) {
        const opd = opdOf(options);
        return sender.call(reportEndpoints.get, { params: { opd, id }, what: `road report ${id}`, signal: options?.signal });
      },
      async updates(id, options) {
        const opd = opdOf(options);
        const answer = await sender.call(reportEndpoints.updates, { params: { opd, id }, what: `the updates of road report ${id}`, signal: options?.signal });
        return answer.data;
      },
    },
    photos: {
      async upload(file, options) {
        const opd = opdOf(options);
        // The photo's bytes as the body (the sender sends a Blob as it is); the server tells the type by content.
        return sender.send({
          method: 'POST',
          path: `api/v1/opds/${encodeURIComponent(opd)}/road-report-photos`,
          body: file,
          response: roadReportPhoto,
          what: `a photo for a road report to ${opd}`,
          signal: options?.signal,
        });
      },
    },
  };
};
