/**
 * Layanan's tables as kysely sees them; joined to the spine's with
 * `db.withTables<ServiceTables>()` (see {@link servicesDb}).
 *
 * @module
 */
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database, Json, Timestamp } from '../../db/schema.js';

/** A `date` column: written as `YYYY-MM-DD`, read with `to_char`. */
type DateColumn = ColumnType<unknown, string, string>;

/** A `numeric` column: read as text by both drivers, written as a number. */
type NumericColumn = ColumnType<string, number, number>;

/** A column the search trigger fills: never written by the code. */
type Filled = ColumnType<unknown, never, never>;

/** `services`: a service of an OPD, its identity; what it is lives in its versions. */
export interface ServicesTable {
  id: Generated<number>;
  opd_slug: string;
  slug: string;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  created_by: string | null;
}

/** `service_versions`: one version of a service's standard, in force from `effective_on`. */
export interface ServiceVersionsTable {
  id: Generated<number>;
  service_id: number;
  number: number;
  effective_on: DateColumn;
  name: string;
  category: string;
  summary: string | null;
  online: boolean;
  offline: boolean;
  online_url: string | null;
  requirements: Json<string[]>;
  procedure: Json<string[]>;
  duration_text: string;
  duration_days: number | null;
  cost_free: boolean;
  cost_amount: number | null;
  cost_note: string | null;
  cost_basis: string | null;
  product: string;
  complaints: Json<string[]>;
  hours: Json<Array<{ days: number[]; opens: string; closes: string }>>;
  hours_note: string | null;
  location_name: string;
  location_address: string | null;
  legal_basis: Json<string[]>;
  facilities: string | null;
  facilities_disability: string | null;
  competence: string | null;
  internal_oversight: string | null;
  staff_count: number | null;
  service_guarantee: string | null;
  security_guarantee: string | null;
  performance_evaluation: string | null;
  change_note: string | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  created_by: string | null;
  search_doc: Filled;
}

/** `service_words`: the directory's vocabulary, for typo matching (filled by the search trigger). */
export interface ServiceWordsTable {
  word: string;
}

/** `service_pledges`: an OPD's service pledge (*maklumat pelayanan*). */
export interface ServicePledgesTable {
  opd_slug: string;
  text: string;
  pledged_by: string;
  pledged_on: ColumnType<unknown, string | null, string | null>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Timestamp;
}

/** `service_checklists`: the compliance checklist, one row `regency`. */
export interface ServiceChecklistsTable {
  id: string;
  name: string;
  source: string;
  items: Json<Array<{ component: string; name: string }>>;
  updated_at: Timestamp | null;
}

/** `survey_models`: an SKM model (elements, scale and categories as data), in force from `effective_on`. */
export interface SurveyModelsTable {
  id: string;
  name: string;
  source: string;
  effective_on: DateColumn;
  scale: Json<Array<{ value: number; label: string }>>;
  conversion: NumericColumn;
  categories: Json<Array<{ grade: string; name: string; min: number; max: number }>>;
}

/** `survey_elements`: the elements (*unsur*) of a model, with their weights. */
export interface SurveyElementsTable {
  model_id: string;
  id: string;
  number: number;
  name: string;
  question: string;
  answers: Json<string[]>;
  weight: NumericColumn;
}

/** `survey_tokens`: a one-use survey token, stored hashed, bound to a service, with its expiry. After use only `used` is kept. */
export interface SurveyTokensTable {
  hash: string;
  service_id: number;
  expires_at: Timestamp;
  used: ColumnType<boolean, boolean | undefined, boolean>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

/** `survey_responses`: one survey response — the service, the model, the day (no time, no address, no token). */
export interface SurveyResponsesTable {
  id: Generated<number>;
  service_id: number;
  model_id: string;
  answered_on: DateColumn;
  suggestion: string | null;
  /** The suggestion was screened for contact details after the retention period (see `privacy.ts`). */
  suggestion_screened: ColumnType<boolean, boolean | undefined, boolean>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
}

/** `survey_scores`: a response's score for one element. */
export interface SurveyScoresTable {
  response_id: number;
  element_id: string;
  score: number;
}

/** The module's tables (a type, not an interface, so kysely's `withTables` takes it). */
export type ServiceTables = {
  services: ServicesTable;
  service_versions: ServiceVersionsTable;
  service_words: ServiceWordsTable;
  service_pledges: ServicePledgesTable;
  service_checklists: ServiceChecklistsTable;
  survey_models: SurveyModelsTable;
  survey_elements: SurveyElementsTable;
  survey_tokens: SurveyTokensTable;
  survey_responses: SurveyResponsesTable;
  survey_scores: SurveyScoresTable;
};

/** The spine's tables and the module's. */
export type ServiceDatabase = Database & ServiceTables;

/** A database or a transaction that sees the module's tables. */
export type ServicesDb = Kysely<ServiceDatabase> | Transaction<ServiceDatabase>;

/** The app's database (or a transaction on it) with the module's tables in view. */
export function servicesDb(db: Transaction<Database>): Transaction<ServiceDatabase>;
export function servicesDb(db: Kysely<Database>): Kysely<ServiceDatabase>;
export function servicesDb(db: Kysely<Database>): Kysely<ServiceDatabase> {
  return db.withTables<ServiceTables>();
}
