/**
 * e-Agenda's tables as kysely sees them; joined to the spine's with
 * `db.withTables<AgendaTables>()` (see {@link agendaDb}).
 *
 * @module
 */
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database, Json, Timestamp } from '../../db/schema.js';
import type { EventDocument, EventPeriod } from '../../../../src/schemas/agenda.js';

/** An optional column: may be left out of an insert. */
type Optional<T> = ColumnType<T, T | undefined, T>;

/** A `date` column, read with `to_char` as `YYYY-MM-DD`. */
type DateColumn = ColumnType<unknown, string | null, string | null>;

/** `agenda_councils`: the council whose agenda an OPD (its Sekretariat DPRD) publishes. */
export interface AgendaCouncilsTable {
  opd_slug: string;
  /** E.g. `DPRD Kabupaten Lahat`. */
  name: string;
  /** The zone its events are in unless one says otherwise. */
  time_zone: string;
  /** The domain of its events' iCalendar UIDs (`<id>@<domain>`); null: the host the feed is read from. */
  uid_domain: string | null;
  /** The Sekretariat's address for the agenda: the feed's `ORGANIZER` (iTIP's PUBLISH asks for one); null: `agenda@<uid domain>`. */
  email: string | null;
  /** Its website's page of one event, `{id}` standing for the event id; null: the event's JSON here. */
  event_url: string | null;
  note: string | null;
  synthetic: Optional<boolean>;
  updated_at: Timestamp;
}

/** `agenda_bodies`: a body of a council (Paripurna, Komisi I, Badan Anggaran, …). */
export interface AgendaBodiesTable {
  opd_slug: string;
  id: string;
  name: string;
  description: string | null;
  position: Optional<number>;
  active: Optional<boolean>;
  updated_at: Timestamp;
}

/** `agenda_events`: one event of the agenda. */
export interface AgendaEventsTable {
  id: Generated<number>;
  opd_slug: string;
  body_id: string;
  kind: string;
  title: string;
  /** tentative, confirmed or cancelled; `passed` is never stored. */
  status: string;
  open_to_public: boolean;
  all_day: boolean;
  starts_at: Timestamp;
  ends_at: Timestamp;
  start_on: DateColumn;
  end_on: DateColumn;
  time_zone: string;
  place: string | null;
  online_url: string | null;
  description: string | null;
  documents: Json<EventDocument[]>;
  sequence: number;
  cancel_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The staff user ids of the first and the last change; null for the demo seed. Never public. */
  created_by: string | null;
  updated_by: string | null;
}

/** `agenda_event_changes`: the public change log of an event (who made a change is kept, never shown). */
export interface AgendaEventChangesTable {
  id: Generated<number>;
  event_id: number;
  at: Timestamp;
  kind: string;
  sequence: number;
  text: string;
  reason: string | null;
  fields: Json<string[]>;
  from_period: ColumnType<EventPeriod | null, string | null, string | null>;
  to_period: ColumnType<EventPeriod | null, string | null, string | null>;
  actor_id: string | null;
}

/** e-Agenda's tables (a type, not an interface, so kysely's `withTables` takes it). */
export type AgendaTables = {
  agenda_councils: AgendaCouncilsTable;
  agenda_bodies: AgendaBodiesTable;
  agenda_events: AgendaEventsTable;
  agenda_event_changes: AgendaEventChangesTable;
};

/** The spine's tables and e-Agenda's. */
export type AgendaDatabase = Database & AgendaTables;

/** A database or a transaction that sees e-Agenda's tables. */
export type AgendaDb = Kysely<AgendaDatabase> | Transaction<AgendaDatabase>;

/** The app's database (or a transaction on it) with e-Agenda's tables in view. */
export function agendaDb(db: Transaction<Database>): Transaction<AgendaDatabase>;
export function agendaDb(db: Kysely<Database>): Kysely<AgendaDatabase>;
export function agendaDb(db: Kysely<Database>): Kysely<AgendaDatabase> {
  return db.withTables<AgendaTables>();
}
