/**
 * Why the server could not start, in one line an operator can act on: which database could not
 * be reached, which user was refused, which folder is in use, which port is taken, which
 * migration failed. `main.ts` prints `opd-kit cannot start: <line>` and exits 1, with no stack
 * trace (`LOG_LEVEL=debug` adds one for errors this module does not know).
 *
 * @module
 */

/** A start failure whose message is already the one line to show. */
export class StartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartError';
  }
}

/** Where a `DATABASE_URL` points, as pg will connect (its defaults filled in). */
export interface PostgresTarget {
  /** `host:port`, for messages. */
  where: string;
  /** The user pg connects as; undefined when there is none to use. */
  user: string | undefined;
  /** Where {@link user} came from: the URL, `$PGUSER` or `$USER`. */
  userFrom: 'DATABASE_URL' | '$PGUSER' | '$USER' | undefined;
  /** The database name. */
  database: string;
}

/**
 * Reads a `DATABASE_URL` the way pg does: the user is the URL's, else `$PGUSER`, else `$USER`
 * (`%USERNAME%` on Windows); the database is the URL's, else `$PGDATABASE`, else the user name.
 */
export function postgresTarget(url: string, env: NodeJS.ProcessEnv = process.env): PostgresTarget {
  const parsed = new URL(url);
  const decode = (value: string) => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  const host = parsed.hostname.replace(/^\[|\]$/g, '') || parsed.searchParams.get('host') || env.PGHOST || 'localhost';
  const port = parsed.port || parsed.searchParams.get('port') || env.PGPORT || '5432';
  const osUser = process.platform === 'win32' ? env.USERNAME : env.USER;
  let user: string | undefined;
  let userFrom: PostgresTarget['userFrom'];
  if (parsed.username) [user, userFrom] = [decode(parsed.username), 'DATABASE_URL'];
  else if (env.PGUSER) [user, userFrom] = [env.PGUSER, '$PGUSER'];
  else if (osUser) [user, userFrom] = [osUser, '$USER'];
  const database = decode(parsed.pathname.slice(1)) || env.PGDATABASE || user || '';
  return { where: `${host}:${port}`, user, userFrom, database };
}

/** The failure when a `DATABASE_URL` names no user and pg has none to fall back on. */
export function noUserError(url: string): StartError {
  const example = new URL(url);
  example.username = 'opdkit';
  example.password = '';
  return new StartError(
    `DATABASE_URL names no user and $USER is unset, so there is no one to connect as: put the user in DATABASE_URL, e.g. ${example.toString()}`,
  );
}

/** One line for an error pg gave while connecting to `target`. The password is never shown. */
export function postgresStartError(error: unknown, target: PostgresTarget): StartError {
  const { where, user, userFrom, database } = target;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const who = `user "${user}"${userFrom === '$USER' || userFrom === '$PGUSER' ? ` (from ${userFrom}: DATABASE_URL names no user)` : ''}`;
  const line = (text: string) => new StartError(text, { cause: error });
  switch (code) {
    case 'ECONNREFUSED':
      return line(`cannot reach PostgreSQL at ${where}: connection refused. Is it running there, and is DATABASE_URL right?`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return line(`cannot reach PostgreSQL at ${where}: no such host. Is DATABASE_URL right?`);
    case 'ETIMEDOUT':
      return line(`cannot reach PostgreSQL at ${where}: no answer (a firewall?). Is DATABASE_URL right?`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return line(`cannot reach PostgreSQL at ${where}: no route to that host. Is DATABASE_URL right?`);
    case '28P01':
      return line(`PostgreSQL at ${where} refused ${who}: wrong password. Check the user and password in DATABASE_URL.`);
    case '28000':
      return line(`PostgreSQL at ${where} refused ${who}: ${message}. Check the user in DATABASE_URL.`);
    case '3D000':
      return line(
        `database "${database}" does not exist on PostgreSQL at ${where}: create it (createdb --owner ${user} ${database}) or fix DATABASE_URL.`,
      );
    case '57P03':
      return line(`PostgreSQL at ${where} does not take connections yet: ${message}. Start opd-kit again once it is up.`);
    case '53300':
      return line(`PostgreSQL at ${where} has no connection left for ${who}: ${message}.`);
  }
  if (/client password must be a (non-empty )?string|no password was provided/i.test(message)) {
    return line(`PostgreSQL at ${where} asks ${who} for a password and DATABASE_URL has none: add it (postgres://user:password@host/db).`);
  }
  if (/timeout|timed out/i.test(message)) {
    return line(`cannot reach PostgreSQL at ${where}: no answer within 10 s (a firewall?). Is DATABASE_URL right?`);
  }
  return line(`PostgreSQL at ${where} could not be used as ${who}: ${oneLine(message)}${typeof code === 'string' ? ` (${code})` : ''}`);
}

/**
 * The failure when `DATA_DIR` (or a file of the database in it) cannot be written by this
 * process: a read-only mount (`EROFS`), a folder owned by another user (`EACCES`, `EPERM`).
 * Found before PGlite touches anything, so nothing is half-written.
 *
 * @param shown - the folder as the operator wrote it (and where it resolves to)
 * @param what - the path that is not writable, when it is not the folder itself
 */
export function dataDirReadOnlyError(shown: string, error: unknown, what?: string): StartError {
  const code = (error as { code?: unknown } | null)?.code;
  const why = code === 'EROFS' ? 'is on a read-only file system' : `is not writable by this process${typeof code === 'string' ? ` (${code})` : ''}`;
  const user = typeof process.getuid === 'function' ? ` (uid ${process.getuid()})` : '';
  return new StartError(
    `DATA_DIR ${shown} ${what ? `holds ${what}, which ` : ''}${why}: opd-kit keeps its database there. Make it writable by the user the server runs as${user} (e.g. chown -R that user), mount it read-write, or set DATA_DIR to a writable folder. Nothing was written.`,
    { cause: error },
  );
}

/** One line for an error of the HTTP listener at start. */
export function listenStartError(error: unknown, port: number, host: string | undefined): StartError {
  const code = (error as { code?: unknown } | null)?.code;
  const on = host ? ` on ${host}` : '';
  const line = (text: string) => new StartError(text, { cause: error });
  switch (code) {
    case 'EADDRINUSE':
      return line(`port ${port}${on} is in use by another process: stop it, or set PORT to a free port.`);
    case 'EACCES':
      return line(`port ${port} needs privileges this process does not have: use a port above 1023 (behind a reverse proxy) via PORT.`);
    case 'EADDRNOTAVAIL':
      return line(`HOST ${host} is not an address of this machine: fix HOST, or unset it to listen on all interfaces.`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return line(`HOST ${host} is not a known host name: fix HOST, or unset it to listen on all interfaces.`);
  }
  return line(`cannot listen on port ${port}${on}: ${error instanceof Error ? oneLine(error.message) : String(error)}`);
}

/**
 * The one line to print for any start failure: a {@link StartError} as it is, a failed
 * migration as `migration <name> failed: <the database's message>`, anything else as its first
 * line (`withStack` appends the stack, for `LOG_LEVEL=debug`).
 */
export function startFailureLine(error: unknown, withStack = false): string {
  if (error instanceof StartError) return oneLine(error.message);
  const message = error instanceof Error ? error.message : String(error);
  // db/migrate.ts's MigrationError: `Migration <module>/<name> failed: <the database's message>`.
  const migration = /^Migration (\S+) failed: ([\s\S]*)$/.exec(message);
  if (migration) {
    const [, name, reason] = migration;
    return name === 'unknown'
      ? `the database migrations could not run: ${oneLine(reason!)}`
      : `migration ${name} failed: ${oneLine(reason!)}`;
  }
  // A PostgreSQL error outside any one migration (e.g. no right to create the migrations table).
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in (error as object)) {
    return `the database refused: ${oneLine(message)} (${code})`;
  }
  const first = oneLine(message) || (error instanceof Error ? error.name : 'unknown error');
  if (withStack && error instanceof Error && error.stack) return `${first}\n${error.stack}`;
  return `${first} (LOG_LEVEL=debug shows where)`;
}

function oneLine(text: string): string {
  return text.trim().split(/\r?\n/)[0]!.trim();
}
