/**
 * `npm run admin -- <command>`: staff accounts from the command line, for the first regency
 * admin of a fresh production database and for the day someone is locked out of the console.
 * Works on the database the server uses (`DATABASE_URL`, else PGlite in `DATA_DIR`; with
 * PGlite, stop the server first: one process holds the folder).
 *
 * ```sh
 * npm run admin -- create admin@lahatkab.go.id --name "Admin Diskominfo"
 * npm run admin -- reset-password bpkad.operator@lahatkab.go.id
 * npm run admin -- list
 * ```
 *
 * `create` and `reset-password` print a one-time password; the person must choose their own
 * at first sign-in.
 *
 * @module
 */
import { staffEmail } from '../../src/schemas/index.js';
import { z } from 'zod/mini';
import { oneTimePassword } from './auth/passwords.js';
import { clearFailures } from './auth/lockout.js';
import { revokeTokens } from './auth/tokens.js';
import { addUser, findUserByEmail, setPassword } from './auth/users.js';
import { audit } from './db/audit.js';
import { openDatabase } from './db/open.js';
import { serverModules } from './modules/index.js';
import { loadSettings, SettingsError } from './settings.js';
import { startFailureLine } from './start-errors.js';
import { systemActor } from './auth/actor.js';

const USAGE = `Usage: npm run admin -- <command>
  create <email> [--name "Full name"]   add a regency admin; prints a one-time password
  reset-password <email>                give anyone a new one-time password, ending their sign-ins
  list                                  every staff user with role and OPD`;

const CLI_ACTOR = systemActor('admin-cli');

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const settings = loadSettings();
  const database = await openDatabase(settings, { modules: serverModules });
  try {
    const db = database.db;
    const now = new Date();
    switch (command) {
      case 'create': {
        const email = readEmail(rest[0]);
        const nameAt = rest.indexOf('--name');
        const name = nameAt >= 0 ? rest[nameAt + 1]?.trim() : undefined;
        if (nameAt >= 0 && !name) throw new UsageError('--name needs a value, e.g. --name "Admin Diskominfo"');
        if (await findUserByEmail(db, email)) throw new UsageError(`${email} already has an account; use reset-password to give it a new password`);
        const password = oneTimePassword();
        const user = await addUser(db, { email, name: name ?? email, role: 'regency_admin', opd: null, password, mustChangePassword: true }, now);
        await audit(db, { actor: CLI_ACTOR, action: 'user.create', subject: `user:${user.id}`, detail: { role: user.role } }, now);
        process.stdout.write(
          `Created regency admin ${email}.\nOne-time password (shown once): ${password}\nSign in at /console; you will be asked to choose your own password.\n`,
        );
        return 0;
      }
      case 'reset-password': {
        const email = readEmail(rest[0]);
        const user = await findUserByEmail(db, email);
        if (!user) throw new UsageError(`No staff user has the e-mail address ${email} (npm run admin -- list shows who has)`);
        const password = oneTimePassword();
        await db.transaction().execute(async (trx) => {
          await setPassword(trx, user.id, password, true);
          await revokeTokens(trx, { userId: user.id }, now);
          await audit(trx, { actor: CLI_ACTOR, action: 'user.password-reset', subject: `user:${user.id}`, opd: user.opd_slug }, now);
        });
        await clearFailures(db, email);
        process.stdout.write(`New one-time password for ${email} (shown once): ${password}\nTheir other sign-ins have ended.\n`);
        return 0;
      }
      case 'list': {
        const users = await db.selectFrom('staff_users').select(['email', 'name', 'role', 'opd_slug', 'disabled_at']).orderBy('email').execute();
        if (users.length === 0) process.stdout.write('No staff users yet: npm run admin -- create <email>\n');
        for (const user of users) {
          process.stdout.write(
            `${user.email}\t${user.role}\t${user.opd_slug ?? '(every OPD)'}\t${user.name}${user.disabled_at ? '\t(disabled)' : ''}\n`,
          );
        }
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}"\n${USAGE}`);
    }
  } finally {
    await database.close();
  }
}

class UsageError extends Error {}

function readEmail(raw: string | undefined): string {
  if (!raw) throw new UsageError(`Give the e-mail address\n${USAGE}`);
  const result = z.safeParse(staffEmail, raw);
  if (!result.success) throw new UsageError(`"${raw}" is not an e-mail address`);
  return result.data;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof SettingsError) process.stderr.write(`opd-kit admin cannot start. ${error.message}\n`);
    else process.stderr.write(`opd-kit admin failed: ${startFailureLine(error, process.env.LOG_LEVEL === 'debug')}\n`);
    process.exit(1);
  },
);
