/**
 * The spine's migrations, in order; each module lists its own the same way (see
 * `ServerModule.migrations`). A new migration is a new file here and one line below; names
 * sort in the order they run. No file scanning: the list is the code.
 *
 * @module
 */
import type { ModuleMigration } from '../migrate.js';
import { foundation } from './0001-foundation.js';
import { englishNames } from './0002-english-names.js';
import { holidaysTable } from './0003-holidays.js';
import { staffAccounts } from './0004-staff-accounts.js';
import { regencySettings } from './0005-regency-settings.js';
import { disabledBy } from './0006-disabled-by.js';
import { directoryVersion } from './0007-directory-version.js';
import { unloggedRateLimits } from './0008-unlogged-rate-limits.js';

/** The spine's migrations by name. */
export const spineMigrations: Record<string, ModuleMigration> = {
  '0001-foundation': foundation,
  '0002-english-names': englishNames,
  '0003-holidays': holidaysTable,
  '0004-staff-accounts': staffAccounts,
  '0005-regency-settings': regencySettings,
  '0006-disabled-by': disabledBy,
  '0007-directory-version': directoryVersion,
  '0008-unlogged-rate-limits': unloggedRateLimits,
};
