/**
 * What a module declares to publish open data (`ServerModule.datasets`): each dataset is built
 * per OPD that has the module on, from the module's PUBLIC views only (what its public API
 * already answers), so a dataset can never carry what the API does not show: no citizen's
 * name or contact, no staff-only field.
 *
 * @module
 */
import type { Kysely, RawBuilder } from 'kysely';
import type { IndonesianTimeZone } from '../../../src/schemas/index.js';
import type { Database, OpdRow } from '../db/schema.js';

/** One cell of a dataset: text, a number, a yes/no, or empty. */
export type DatasetCell = string | number | boolean | null;

/** A column: its name (the CSV header, the JSON key) and what it holds. */
export interface DatasetColumn {
  name: string;
  /** What the column holds, in Indonesian, with its unit (`rupiah`, `km`, ISO 8601 …). */
  description: string;
}

/** What a dataset's functions get. */
export interface DatasetContext {
  /** The OPD whose data it is (the module is on for it). */
  opd: OpdRow;
  /** One reading of the clock for the request. */
  now: Date;
  /** The backend's public origin (`https://layanan.example-kab.go.id`), for links to files. */
  origin: string;
  /** The regency's time zone (settings' `TIME_ZONE`). */
  timeZone: IndonesianTimeZone;
}

/** A dataset a module publishes. */
export interface OpenDataset {
  /** Unique across the server, kebab-case: `road-segments`. It is the file name of the downloads. */
  id: string;
  /** Its title on the portal, in Indonesian: `Ruas jalan kabupaten dan kondisinya`. */
  title: string;
  /** What it holds and where it comes from, in Indonesian. */
  description: string;
  /** Keywords (tags on the portal). */
  keywords: readonly string[];
  /** Its columns, in order. */
  columns: readonly DatasetColumn[];
  /**
   * Whether the OPD publishes it (default: every OPD that has the module on). SIP BENAR's
   * datasets, for instance, only for an OPD that recorded a programme.
   */
  publishedBy?(db: Kysely<Database>, context: DatasetContext): Promise<boolean>;
  /** Its rows, each with a value for every column, from the module's public views. */
  rows(db: Kysely<Database>, context: DatasetContext): Promise<Record<string, DatasetCell>[]>;
  /** When its data last changed (`dct:modified`), or null when unknown. */
  modified(db: Kysely<Database>, context: DatasetContext): Promise<Date | null>;
}

/**
 * The time a `modified` query answers as `at` (a `max(updated_at)`, or a `greatest` of
 * several), as a `Date`, or null when the OPD has no row yet.
 */
export async function latestAt(db: Kysely<Database>, query: RawBuilder<{ at: Date | string | null }>): Promise<Date | null> {
  const at = (await query.execute(db)).rows[0]?.at;
  return at ? new Date(at) : null;
}
