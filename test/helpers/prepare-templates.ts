/**
 * Makes the database templates of `./templates.ts` before the test files start, so that files
 * running side by side do not each make the same one (`scripts/test.mjs` runs this once):
 * PGlite and PostgreSQL, migrated and seeded at {@link SUITE_START} (the contract suites'
 * instant). Prints what it made or found, with the time it took.
 *
 * ```sh
 * node --import tsx test/helpers/prepare-templates.ts           # both stores
 * node --import tsx test/helpers/prepare-templates.ts pglite    # one
 * ```
 *
 * @module
 */
import { loadSettings } from '../../server/src/settings.js';
import { SUITE_START } from './api.js';
import { pathToFileURL } from 'node:url';
import { pgliteTemplate, postgresTemplate, templatesEnabled } from './templates.js';

/** Makes (or finds) the migrated and the {@link SUITE_START}-seeded template of each store asked. */
export async function prepareTemplates(stores: readonly ('pglite' | 'postgres')[] = ['pglite', 'postgres']): Promise<void> {
  if (!templatesEnabled()) return;
  const seed = { at: SUITE_START, timeZone: loadSettings({ NODE_ENV: 'test' }).timeZone };
  // Side by side: PGlite works on this process's thread, PostgreSQL in its own server.
  await Promise.all(
    stores.map(async (store) => {
      const began = performance.now();
      if (store === 'postgres') {
        await postgresTemplate(undefined);
        await postgresTemplate(seed);
      } else {
        await pgliteTemplate(undefined);
        await pgliteTemplate(seed);
      }
      console.log(`templates: ${store} ready in ${((performance.now() - began) / 1000).toFixed(1)} s`);
    }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const asked = process.argv.slice(2).filter((arg): arg is 'pglite' | 'postgres' => arg === 'pglite' || arg === 'postgres');
  await prepareTemplates(asked.length > 0 ? asked : undefined);
}
