/**
 * Perjaka — *pengawasan pemeliharaan ruas jalan kabupaten melalui digital board*, Dinas PUPR's
 * road condition board — as the spine sees it: routes, migrations, demo seed and its part of
 * the API reference. OPDs switch it on as `perjaka`; its code is named `roads`.
 *
 * @module
 */
import { defineModule } from '../../http/module.js';
import { roadNetworkTables } from './migrations/0001-road-network.js';
import { roadRoutes } from './routes.js';
import {
  roadCondition,
  roadEndpoints,
  roadImportInput,
  roadImportReport,
  roadSegmentDetail,
  roadSurvey,
  roadSurveyInput,
  roadTarget,
  roadTargetInput,
  roadWorkList,
} from '../../../../src/schemas/roads.js';
import { seedRoads } from './seed.js';
import { roadReportTables } from './migrations/0002-road-reports.js';
import { syntheticPhotos } from './migrations/0003-synthetic-photos.js';
import { reportRoutes } from './report-routes.js';
import { seedRoadReports } from './report-seed.js';
import { open311App, OPEN311_BODY_BYTES } from './open311.js';
import { mediaApp } from './media.js';
import { perjakaPrivacy } from './privacy.js';
import { PHOTO_MAX_BYTES, roadReport, roadReportInput, roadReportReceipt, roadReportUpdate, roadReportPhoto } from '../../../../src/schemas/open311.js';
import { roadReportStaff } from '../../../../src/schemas/open311-staff.js';
import { roadConditionDataset } from './datasets.js';

/** Perjaka: the regency road network by decree, its condition per year against the target, works, and staff imports. */
export const perjakaModule = defineModule({
  id: 'perjaka',
  routes: [...roadRoutes, ...reportRoutes],
  mounts: [
    { path: '/open311/v2', app: open311App, cors: 'any', methods: ['GET', 'POST'] },
    { path: '/media/road-photos', app: mediaApp, cors: 'any', methods: ['GET'] },
  ],
  migrations: { '0001-road-network': roadNetworkTables, '0002-road-reports': roadReportTables, '0003-synthetic-photos': syntheticPhotos },
  seed: async (db, context) => ({ ...(await seedRoads(db, context)), ...(await seedRoadReports(db, context)) }),
  // Reporters' names, contact and device ids in the spine's personal-data export, erasure and retention.
  privacy: perjakaPrivacy,
  // The network and its condition per survey year as open data (Satu Data Indonesia).
  datasets: [roadConditionDataset],
  // The mounts' limit: Open311's form posts; the photo upload route reads its own 5 MB itself.
  limits: { bodyBytes: OPEN311_BODY_BYTES },
  openapi: {
    tag: {
      name: 'Perjaka',
      description:
        'Regency roads: every segment (ruas) by its number in the regent’s decree, its condition per survey year (km in Baik, Sedang, Rusak Ringan, Rusak Berat), the kemantapan against the year’s target, handling works, and staff imports from GeoJSON or CSV.',
    },
    schemas: {
      RoadSegments: {
        schema: roadEndpoints.listSegments.response,
        io: 'output',
        description:
          'A page of road segments in decree-number order (`{data, nextCursor}`), or with `format=geojson` the whole network as a GeoJSON FeatureCollection (RFC 7946): WGS84, positions [longitude, latitude], each feature’s id its segment number.',
      },
      RoadSegmentDetail: { schema: roadSegmentDetail, io: 'output', description: 'A segment with its geometry, every survey and its works.' },
      RoadSurvey: { schema: roadSurvey, io: 'output', description: 'One year’s survey of a segment; the classes sum to its length.' },
      RoadSurveyInput: {
        schema: roadSurveyInput,
        io: 'input',
        description: 'Km in each class, at most three decimals; they must sum to the segment’s length to the metre.',
      },
      RoadWorkList: { schema: roadWorkList, io: 'output', description: 'A page of works, newest year first.' },
      RoadCondition: {
        schema: roadCondition,
        io: 'output',
        description: 'The condition summary of a survey year: kemantapan, km by class, the target and the km still needed, per kecamatan, and the trend.',
      },
      RoadTargetInput: { schema: roadTargetInput, io: 'input', description: 'The kemantapan aimed for, in percent (two decimals at most).' },
      RoadTarget: { schema: roadTarget, io: 'output', description: 'A year’s kemantapan target.' },
      RoadImportInput: { schema: roadImportInput, io: 'input', description: 'A file of segments or surveys, its text in content.' },
      RoadImportReport: { schema: roadImportReport, io: 'output', description: 'What an import did, or in a dry run would do.' },
      RoadReport: { schema: roadReport, io: 'output', description: 'A damage report in Open311’s field names, with its resolution, matched segment and moderation note; no personal data.' },
      RoadReportInput: { schema: roadReportInput, io: 'input', description: 'A damage report as filed: one location, the service’s attributes, an uploaded photo’s media URL, optional contact with consent.' },
      RoadReportReceipt: { schema: roadReportReceipt, io: 'output', description: 'The id of a filed report, its matched segment and possible duplicates within 50 m.' },
      RoadReportStaff: { schema: roadReportStaff, io: 'output', description: 'A report as staff see it, with the reporter’s contact and the moderation.' },
      RoadReportUpdate: { schema: roadReportUpdate, io: 'output', description: 'An update on a report with its stakeholder role.' },
      RoadReportPhoto: { schema: roadReportPhoto, io: 'output', description: `An uploaded photo (at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB), cleaned of EXIF, GPS and XMP.` },
    },
  },
});
