/**
 * The directory: the public, rarely changing data nearly every request reads, kept in memory
 * between requests, because every page view of every OPD website that embeds a widget reads
 * it and every question a citizen sends needs it.
 *
 * It holds every `opds` row (the module switch and tenancy checks of every `{opd}` route),
 * every OPD's allowed website origins (CORS), the prepared public answers of
 * `GET /api/v1/opds` and `GET /api/v1/opds/{opd}` (checked, serialized, compressed and tagged
 * once) with the views they were made from (SIAP checks a question's category against its
 * OPD's), and the regency's days off (due dates). Nothing personal is in it: OPD names,
 * modules, origins, what modules publish, holidays.
 *
 * Freshness: the database keeps a version of all this (`directory_version`, raised by a
 * trigger on each table the directory is built from: spine migration 0007). A request reads the
 * directory as it is when its version was checked less than {@link DirectoryOptions.freshForMs}
 * ago (default 500 ms); otherwise the first such request checks the version (one primary-key
 * read, shared by every request waiting meanwhile) and rebuilds when it moved. So a change on any
 * instance, or by the admin CLI or an operator's SQL, shows on every instance within a second;
 * and {@link OpdDirectory.expire} makes this instance check at its next request, which the app
 * does after every staff write, so the staff member who made the change sees it at once.
 *
 * When the version cannot be read (the database is away), the last directory keeps answering
 * the public reads and the failure is logged; with no directory yet, the error is thrown.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import { opd as opdSchema, opdList, type Opd } from '../../../src/schemas/index.js';
import type { Database, OpdRow } from '../db/schema.js';
import type { ServerModule } from '../http/module.js';
import { prepareJson, type PreparedBody } from '../http/prepared.js';
import type { Logger } from '../log.js';
import { listOpds, toOpdSummary } from './queries.js';

/** How the directory is built and how fresh it is kept. */
export interface DirectoryOptions {
  db: Kysely<Database>;
  /** The modules whose `opdView` adds to `GET /api/v1/opds/{opd}`. */
  modules: readonly ServerModule[];
  /** The regency's time zone, part of every OPD's view. */
  timeZone: string;
  log: Logger;
  /**
   * How long a checked version is trusted without asking the database again, in milliseconds
   * (default 500; 0 asks on every request, which tests that write straight to the tables use).
   */
  freshForMs?: number;
}

/** The directory at one version. */
export interface DirectorySnapshot {
  /** `directory_version` it was built at. */
  readonly version: bigint;
  /** Every OPD by slug. */
  readonly opds: ReadonlyMap<string, OpdRow>;
  /** Every origin some OPD allows (the routes not about one OPD accept any OPD's website). */
  readonly allowedOrigins: ReadonlySet<string>;
}

/** An OPD's `GET /api/v1/opds/{opd}` answer: the view, and its bytes prepared. */
export interface OpdViewEntry {
  /** The view as modules made it (`opd` schema's input). */
  readonly view: Readonly<Opd>;
  readonly prepared: PreparedBody;
}

/** One snapshot with what is made from it on first use. */
interface Entry extends DirectorySnapshot {
  list?: PreparedBody;
  views: Map<string, Promise<OpdViewEntry>>;
  holidays?: Promise<ReadonlySet<string>>;
}

const DEFAULT_FRESH_FOR_MS = 500;

/** See the module comment. */
export class OpdDirectory {
  readonly #options: DirectoryOptions;
  readonly #freshForMs: number;
  #entry: Entry | undefined;
  /** `performance.now()` before the last successful version check began. */
  #checkedAt = Number.NEGATIVE_INFINITY;
  /** Raised by {@link expire}: a check begun before it does not count as fresh. */
  #generation = 0;
  #checking: { generation: number; promise: Promise<Entry> } | undefined;

  constructor(options: DirectoryOptions) {
    this.#options = options;
    this.#freshForMs = options.freshForMs ?? DEFAULT_FRESH_FOR_MS;
  }

  /** The directory, checked against the database's version when it is older than the freshness window. */
  async current(): Promise<DirectorySnapshot> {
    return this.#current();
  }

  /** One OPD's row, or undefined when there is none. */
  async opd(slug: string): Promise<OpdRow | undefined> {
    return (await this.#current()).opds.get(slug);
  }

  /** The prepared `GET /api/v1/opds` answer. */
  async list(): Promise<PreparedBody> {
    const entry = await this.#current();
    entry.list ??= prepareJson(opdList, {
      // In the database's order by name (its collation, as `listOpds` reads them).
      data: [...entry.opds.values()].map(toOpdSummary),
      nextCursor: null,
    });
    return entry.list;
  }

  /** The `GET /api/v1/opds/{opd}` answer of an OPD the directory has: its view and prepared bytes. */
  async view(row: OpdRow): Promise<OpdViewEntry> {
    const entry = await this.#current();
    const known = entry.opds.get(row.slug);
    if (!known) throw new Error(`the directory has no OPD ${row.slug}`);
    let view = entry.views.get(row.slug);
    if (!view) {
      view = this.#buildView(known);
      entry.views.set(row.slug, view);
      // A failed build (the database away) is not kept: the next request tries again.
      view.catch(() => {
        if (entry.views.get(row.slug) === view) entry.views.delete(row.slug);
      });
    }
    return view;
  }

  /** The regency's days off (`holidays`), as `YYYY-MM-DD` in the regency. */
  async holidays(): Promise<ReadonlySet<string>> {
    const entry = await this.#current();
    if (!entry.holidays) {
      const loading = readHolidays(this.#options.db);
      entry.holidays = loading;
      loading.catch(() => {
        if (entry.holidays === loading) entry.holidays = undefined;
      });
    }
    return entry.holidays;
  }

  /** Makes the next request check the version: after a change made through this instance. */
  expire(): void {
    this.#generation += 1;
    this.#checkedAt = Number.NEGATIVE_INFINITY;
  }

  #current(): Promise<Entry> {
    const entry = this.#entry;
    if (entry && performance.now() - this.#checkedAt < this.#freshForMs) return Promise.resolve(entry);
    if (!this.#checking || this.#checking.generation !== this.#generation) {
      const generation = this.#generation;
      const promise = this.#refresh(generation).finally(() => {
        if (this.#checking?.promise === promise) this.#checking = undefined;
      });
      this.#checking = { generation, promise };
    }
    return this.#checking.promise;
  }

  async #refresh(generation: number): Promise<Entry> {
    const began = performance.now();
    const { db, log } = this.#options;
    let version: bigint;
    try {
      // The version first, then the rows: rows newer than their version are rebuilt at the
      // next check; the other order could keep old rows under a new version for good.
      version = await readVersion(db);
      const current = this.#entry;
      if (!current || current.version !== version) {
        const built = await buildEntry(db, version);
        // Two checks can overlap (an expire() between them): the newest version wins.
        if (!this.#entry || this.#entry.version <= built.version) this.#entry = built;
      }
    } catch (error) {
      if (!this.#entry) throw error;
      log.warn('the OPD directory could not be checked; answering from the last one', {
        error: error instanceof Error ? error.message : String(error),
      });
      return this.#entry;
    }
    if (generation === this.#generation) this.#checkedAt = began;
    return this.#entry as Entry;
  }

  async #buildView(row: OpdRow): Promise<OpdViewEntry> {
    const { db, modules, timeZone } = this.#options;
    // Each module adds the fields it owns (SIAP: the categories its form offers).
    const view: Record<string, unknown> = { ...toOpdSummary(row), timeZone };
    for (const module of modules) if (module.opdView) Object.assign(view, await module.opdView(db, row));
    return { view: view as Opd, prepared: prepareJson(opdSchema, view as Opd) };
  }
}

async function readVersion(db: Kysely<Database>): Promise<bigint> {
  const { rows } = await sql<{ version: string | number | bigint }>`select version from directory_version where id = 1`.execute(db);
  return BigInt(rows[0]?.version ?? 0);
}

async function readHolidays(db: Kysely<Database>): Promise<ReadonlySet<string>> {
  const { rows } = await sql<{ date: string }>`select to_char(date, 'YYYY-MM-DD') as date from holidays`.execute(db);
  return new Set(rows.map((row) => row.date));
}

async function buildEntry(db: Kysely<Database>, version: bigint): Promise<Entry> {
  const rows = await listOpds(db);
  return {
    version,
    opds: new Map(rows.map((row) => [row.slug, row])),
    allowedOrigins: new Set(rows.flatMap((row) => row.allowed_origins)),
    views: new Map(),
  };
}
