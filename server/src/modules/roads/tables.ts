/**
 * Perjaka's tables as kysely sees them; joined to the spine's with
 * `db.withTables<RoadTables>()` (see {@link roadsDb}). Lengths are whole metres, widths whole
 * centimetres, targets hundredths of a percent and budgets whole rupiah: nothing is a float.
 *
 * @module
 */
import type { ColumnType, Generated, Kysely, Selectable, Transaction } from 'kysely';
import type { Database, Json, NullableTimestamp, Timestamp } from '../../db/schema.js';
import type { RoadGeometry } from '../../../../src/schemas/roads.js';
import type { Open311Attribute } from '../../../../src/schemas/open311.js';

/** An optional column: may be left out of an insert. */
type Optional<T> = ColumnType<T, T | undefined, T>;

/** `road_networks`: one row per OPD that keeps a network, with its decree and a note on the data. */
export interface RoadNetworksTable {
  opd_slug: string;
  /** The regent's decree that sets the network, as cited. */
  decree: string | null;
  /** A note on the data (the demo's says it is synthetic). */
  note: string | null;
  synthetic: Optional<boolean>;
  /** `[west, south, east, north]` in degrees: imports refuse positions outside it. Null: only Indonesia's box. */
  bounds: ColumnType<[number, number, number, number] | null, string | null, string | null>;
  updated_at: Timestamp;
}

/** `road_segments`: one segment (*ruas*) of the decree, identified by its number within the OPD. */
export interface RoadSegmentsTable {
  id: Generated<number>;
  opd_slug: string;
  /** The number in the regent's decree (*nomor ruas*). */
  number: string;
  name: string;
  /** The kecamatan it passes through, in order. */
  kecamatan: Json<string[]>;
  length_m: number;
  surface: string;
  width_cm: number | null;
  geometry: ColumnType<RoadGeometry | null, string | null, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The staff user id of the last change; null for the demo seed. Never public. */
  updated_by: string | null;
}

/** `road_surveys`: one segment's condition in one year; the classes sum to `length_m` (a check says so). */
export interface RoadSurveysTable {
  segment_id: number;
  opd_slug: string;
  year: number;
  /** The segment's length when surveyed. */
  length_m: number;
  baik_m: number;
  sedang_m: number;
  rusak_ringan_m: number;
  rusak_berat_m: number;
  note: string | null;
  updated_at: Timestamp;
  /** The staff user id of the last change; null for the demo seed. Never public. */
  updated_by: string | null;
}

/** `road_works`: handling works on a segment. */
export interface RoadWorksTable {
  id: Generated<number>;
  opd_slug: string;
  segment_id: number;
  year: number;
  kind: string;
  status: string;
  description: string;
  /** Whole rupiah (a `bigint`: read back as text or number, see `Number()` in the views). */
  budget_rupiah: ColumnType<string | number | bigint | null, number | null, number | null>;
  contractor: string | null;
  /** `date` columns, read with `to_char` as `YYYY-MM-DD`. */
  start_on: ColumnType<unknown, string | null, string | null>;
  end_on: ColumnType<unknown, string | null, string | null>;
  length_m: number | null;
  created_at: Timestamp;
  updated_at: NullableTimestamp;
}

/** `road_targets`: the kemantapan an OPD aims for in a year, in hundredths of a percent (8300 = 83 %). */
export interface RoadTargetsTable {
  opd_slug: string;
  year: number;
  percent_hundredths: number;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** `road_report_services`: the services an OPD takes reports under, with their Open311 attributes. */
export interface RoadReportServicesTable {
  opd_slug: string;
  code: string;
  name: string;
  description: string;
  keywords: Optional<string>;
  group_name: string;
  attributes: ColumnType<Open311Attribute[], string | undefined, string>;
  /** Open311's `service_notice`: what the OPD will do. */
  notice: string | null;
  sort: Optional<number>;
  active: Optional<boolean>;
}

/** `road_report_photos`: an uploaded photo, cleaned of its metadata, its bytes in the database. */
export interface RoadReportPhotosTable {
  id: string;
  opd_slug: string;
  media_type: string;
  data: Uint8Array;
  width: number;
  height: number;
  byte_size: number;
  created_at: Timestamp;
  /** The demo's drawn photo (migration `0003-synthetic-photos`); false for every upload. */
  synthetic: Optional<boolean>;
}

/** `open311_api_keys`: keys of third-party apps and stakeholders, kept as SHA-256 only. */
export interface Open311ApiKeysTable {
  id: string;
  opd_slug: string;
  name: string;
  role: string;
  key_hash: string;
  created_at: Timestamp;
  created_by: string | null;
  revoked_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
}

/** `road_reports`: a citizen's damage report (an Open311 service request). `reporter_*` are never public. */
export interface RoadReportsTable {
  /** A `bigint`, read back as text or number. */
  id: ColumnType<string | number, never, never>;
  opd_slug: string;
  service_code: string;
  status: string;
  resolution: string | null;
  status_notes: string | null;
  description: string | null;
  address: string | null;
  address_id: string | null;
  lat: number | null;
  lon: number | null;
  photo_id: string | null;
  attributes: ColumnType<Record<string, string | string[]>, string | undefined, string>;
  segment_id: number | null;
  segment_distance_m: number | null;
  duplicate_of: ColumnType<string | number | null, number | null, number | null>;
  possible_duplicates: ColumnType<Array<{ service_request_id: string; distance_m: number }>, string | undefined, string>;
  reporter_first_name: string | null;
  reporter_last_name: string | null;
  reporter_email: string | null;
  reporter_phone: string | null;
  reporter_device_id: string | null;
  consent_at: NullableTimestamp;
  api_key_id: string | null;
  description_hidden: Optional<boolean>;
  public_description: string | null;
  photo_hidden: Optional<boolean>;
  address_hidden: Optional<boolean>;
  moderation_reason: string | null;
  moderated_at: NullableTimestamp;
  moderated_by: string | null;
  expected_at: NullableTimestamp;
  requested_at: Timestamp;
  updated_at: Timestamp;
  synthetic: Optional<boolean>;
}

/** `road_report_updates`: an update on a report by a stakeholder or an officer. */
export interface RoadReportUpdatesTable {
  id: ColumnType<string | number, never, never>;
  report_id: ColumnType<string | number, number, number>;
  opd_slug: string;
  status: string;
  resolution: string | null;
  description: string;
  photo_id: string | null;
  role: string;
  author: string;
  api_key_id: string | null;
  staff_id: string | null;
  created_at: Timestamp;
}

/** Perjaka's tables (a type, not an interface, so kysely's `withTables` takes it). */
export type RoadTables = {
  road_networks: RoadNetworksTable;
  road_segments: RoadSegmentsTable;
  road_surveys: RoadSurveysTable;
  road_works: RoadWorksTable;
  road_targets: RoadTargetsTable;
  road_report_services: RoadReportServicesTable;
  road_report_photos: RoadReportPhotosTable;
  open311_api_keys: Open311ApiKeysTable;
  road_reports: RoadReportsTable;
  road_report_updates: RoadReportUpdatesTable;
};

/** The spine's tables and Perjaka's. */
export type RoadsDatabase = Database & RoadTables;

/** A database or a transaction that sees Perjaka's tables. */
export type RoadsDb = Kysely<RoadsDatabase> | Transaction<RoadsDatabase>;

/** The app's database (or a transaction on it) with Perjaka's tables in view. */
export function roadsDb(db: Transaction<Database>): Transaction<RoadsDatabase>;
export function roadsDb(db: Kysely<Database>): Kysely<RoadsDatabase>;
export function roadsDb(db: Kysely<Database>): Kysely<RoadsDatabase> {
  return db.withTables<RoadTables>();
}

/** A `road_segments` row as read. */
export type SegmentRow = Selectable<RoadSegmentsTable>;
/** A `road_surveys` row as read. */
export type SurveyRow = Selectable<RoadSurveysTable>;
/** A `road_reports` row as read. */
export type ReportRow = Selectable<RoadReportsTable>;
/** A `road_report_updates` row as read. */
export type UpdateRow = Selectable<RoadReportUpdatesTable>;
/** A `road_report_services` row as read. */
export type ServiceRow = Selectable<RoadReportServicesTable>;
