/**
 * `client.roads`: Perjaka, the regency road board. Anyone lists the segments of the regent's
 * decree (`segments.list`, or `segments.geojson` for a map), reads one (`segments.get`), the
 * condition summary (`condition`) and the handling works (`works.list`). Staff record a
 * survey (`surveys.put`), import segments and surveys (`imports.dryRun`, `imports.run`) and,
 * as OPD admins, set a year's target (`targets.put`). Each method is a thin call of one
 * endpoint in {@link roadEndpoints}.
 *
 * `citizenRoads` is the public half alone, for a page that only shows the board.
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
  type RoadImportInput,
  type RoadImportReport,
  type RoadSegment,
  type RoadSegmentDetail,
  type RoadSurvey,
  type RoadSurveyInput,
  type RoadTarget,
  type RoadWork,
  type WorkStatus,
} from '../schemas/roads.js';
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
}

/** Perjaka's calls: the public ones and the staff's. */
export interface RoadsNamespace extends CitizenRoadsNamespace {
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
  };
};

/** Builds `client.roads` with the staff calls: `buildClient(options, { roads })` (`createClient()`'s client has no roads). */
export const roads: NamespaceFactory<RoadsNamespace> = (sender, defaults) => {
  const opdOf = (options?: RoadCallOptions) => resolveOpd(options?.opd, defaults.opd);
  return {
    ...citizenRoads(sender, defaults),
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
  };
};
