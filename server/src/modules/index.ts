/**
 * The module registry: every module of the server, in mounting (and migration) order.
 * Adding a module (Perjaka, e-Agenda, …) is its folder under `modules/` and one line below.
 *
 * @module
 */
import type { ServerModule } from '../http/module.js';
import { accountsModule } from '../auth/routes.js';
import { calendarModule } from '../calendar/routes.js';
import { privacyModule } from '../privacy/routes.js';
import { jobsModule } from '../jobs/index.js';
import { notifyModule } from '../notify/index.js';
import { tenancyModule } from '../tenancy/routes.js';
import { siapModule } from './consultations/index.js';
import type { ConsultationTables } from './consultations/tables.js';
import { perjakaModule } from './roads/index.js';
import { agendaModule } from './agenda/index.js';
import { innovationModule } from './innovations/index.js';
import { csrModule } from './csr/index.js';
import { layananModule } from './services/index.js';
import { webhooksModule } from '../webhooks/index.js';
import { openDataModule } from '../opendata/routes.js';
import type { Database } from '../db/schema.js';

/** Every module of the server: the spine's parts (tenancy, accounts, calendar, privacy) first. */
export const serverModules: readonly ServerModule[] = [tenancyModule, accountsModule, calendarModule, privacyModule, jobsModule, notifyModule, siapModule, perjakaModule, agendaModule, innovationModule, csrModule, layananModule, webhooksModule, openDataModule];

/** Every module's tables (for tests and tools): `db.withTables<ModuleTables>()`. */
export type ModuleTables = ConsultationTables;

/** Every table of the shared database: the spine's and every module's. */
export type AppDatabase = Database & ModuleTables;
