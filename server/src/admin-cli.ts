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
 * npm run admin -- open311-key issue dinas-pupr --role app --name "Aplikasi Lapor Lahat"
 * npm run admin -- open311-key list dinas-pupr
 * npm run admin -- open311-key revoke dinas-pupr 3f9c0a1b2c3d4e5f
 * ```
 *
 * `create` and `reset-password` print a one-time password; the person must choose their own
 * at first sign-in. `open311-key issue` prints Perjaka's Open311 `api_key` for a third-party
 * app or a stakeholder once (it is kept only as its hash), as an OPD admin's console does.
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
import type { Kysely } from 'kysely';
import { apiKeyRoles, open311ApiKeyInput } from '../../src/schemas/open311-staff.js';
import type { Database } from './db/schema.js';
import { issueApiKey } from './modules/roads/report-routes.js';
import { roadsDb } from './modules/roads/tables.js';

const USAGE = `Usage: npm run admin -- <command>
  create <email> [--name "Full name"]   add a regency admin; prints a one-time password
  reset-password <email>                give anyone a new one-time password, ending their sign-ins
  list                                  every staff user with role and OPD
  open311-key issue <opd> --role <role> --name "Holder"
                                        issue an Open311 api_key (roles: ${apiKeyRoles.join(', ')}); printed once
  open311-key list <opd>                the OPD's keys: id, role, holder, issued, last used, revoked
  open311-key revoke <opd> <id>         revoke a key: Open311 answers 403 to it from then on`;

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
      case 'open311-key':
        return await open311Key(db, rest, now);
      default:
        throw new UsageError(`Unknown command "${command}"\n${USAGE}`);
    }
  } finally {
    await database.close();
  }
}

class UsageError extends Error {}

/** The value after `--flag`, undefined without the flag; a flag without a value is a usage error. */
function option(args: readonly string[], flag: string, example: string): string | undefined {
  const at = args.indexOf(flag);
  if (at < 0) return undefined;
  const value = args[at + 1]?.trim();
  if (!value || value.startsWith('--')) throw new UsageError(`${flag} needs a value, e.g. ${flag} ${example}`);
  return value;
}

/** `open311-key issue|list|revoke <opd> …`: Perjaka's Open311 API keys of an OPD with Perjaka on. */
async function open311Key(base: Kysely<Database>, args: readonly string[], now: Date): Promise<number> {
  const [action, slug, ...rest] = args;
  if (action !== 'issue' && action !== 'list' && action !== 'revoke') throw new UsageError(`open311-key needs issue, list or revoke\n${USAGE}`);
  if (!slug) throw new UsageError(`Give the OPD's slug, e.g. open311-key ${action} dinas-pupr`);
  const db = roadsDb(base);
  const opd = await db.selectFrom('opds').select(['slug', 'name', 'modules']).where('slug', '=', slug).executeTakeFirst();
  if (!opd) throw new UsageError(`No OPD has the slug ${slug}`);
  if (!(opd.modules as string[]).includes('perjaka')) throw new UsageError(`${opd.name} does not have Perjaka (road reports) switched on`);
  if (action === 'issue') {
    const role = option(rest, '--role', 'app');
    const name = option(rest, '--name', '"Aplikasi Lapor Lahat"');
    const input = z.safeParse(open311ApiKeyInput, { role, name });
    if (!input.success) {
      const issue = input.error.issues[0]!;
      const field = String(issue.path[0] ?? 'role');
      throw new UsageError(`--${field}: ${field === 'role' ? `use one of ${apiKeyRoles.join(', ')}` : issue.message}`);
    }
    const { row, key } = await issueApiKey(db, opd.slug, input.data, now, null);
    await audit(db, { actor: CLI_ACTOR, action: 'open311-key.issue', subject: `open311-key:${row.id}`, opd: opd.slug, detail: { name: row.name, role: row.role } }, now);
    process.stdout.write(`Issued Open311 key ${row.id} (${row.role}) for ${row.name} at ${opd.name}.\napi_key (shown once): ${key}\n`);
    return 0;
  }
  if (action === 'list') {
    const keys = await db.selectFrom('open311_api_keys').selectAll().where('opd_slug', '=', opd.slug).orderBy('created_at').orderBy('id').execute();
    if (keys.length === 0) process.stdout.write(`${opd.name} has no Open311 keys yet: npm run admin -- open311-key issue ${opd.slug} --role app --name "…"\n`);
    const day = (at: Date | null) => (at ? new Date(at).toISOString().slice(0, 10) : '-');
    for (const key of keys) {
      process.stdout.write(`${key.id}\t${key.role}\t${key.name}\tissued ${day(key.created_at)}\tlast used ${day(key.last_used_at)}${key.revoked_at ? `\trevoked ${day(key.revoked_at)}` : ''}\n`);
    }
    return 0;
  }
  const id = rest[0];
  if (!id) throw new UsageError(`Give the key's id (open311-key list ${opd.slug} shows them)`);
  const revoked = await db.updateTable('open311_api_keys').set({ revoked_at: now }).where('id', '=', id).where('opd_slug', '=', opd.slug).where('revoked_at', 'is', null).returningAll().executeTakeFirst();
  if (!revoked) {
    const exists = await db.selectFrom('open311_api_keys').select('id').where('id', '=', id).where('opd_slug', '=', opd.slug).executeTakeFirst();
    throw new UsageError(exists ? `Key ${id} is already revoked` : `${opd.name} has no Open311 key ${id} (open311-key list ${opd.slug} shows them)`);
  }
  await audit(db, { actor: CLI_ACTOR, action: 'open311-key.revoke', subject: `open311-key:${revoked.id}`, opd: opd.slug }, now);
  process.stdout.write(`Revoked Open311 key ${revoked.id} (${revoked.role}, ${revoked.name}): Open311 refuses it from now on.\n`);
  return 0;
}

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
