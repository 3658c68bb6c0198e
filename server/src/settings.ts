/**
 * Server settings, read once from environment variables and checked before anything starts.
 * A wrong value stops the server with a message that names the variable and the value.
 *
 * @module
 */
import { DEFAULT_TIME_ZONE, indonesianTimeZones, type IndonesianTimeZone } from '../../src/schemas/index.js';

/** How much the server writes to its log, most to least. */
export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** A log level, see {@link logLevels}. */
export type LogLevel = (typeof logLevels)[number];

/** What the server seeds into an empty database at start: the Lahat demo data, or nothing. */
export type SeedMode = 'demo' | 'none';

/** Checked settings of one server process. */
export interface Settings {
  /** `NODE_ENV=production`: no demo seed, no demo pages by default, demo accounts cannot sign in. */
  production: boolean;
  /** TCP port to listen on (`PORT`, default 8080). */
  port: number;
  /** Interface to listen on (`HOST`); undefined listens on all interfaces. */
  host: string | undefined;
  /** Directory of the embedded PGlite database (`DATA_DIR`, default `./data`). */
  dataDir: string;
  /** `DATABASE_URL`: a `postgres://` URL selects PostgreSQL; otherwise PGlite in {@link dataDir}. */
  databaseUrl: string | undefined;
  /**
   * Connections this instance keeps to PostgreSQL at most (`DATABASE_POOL_SIZE`, default 10).
   * Every instance has its own pool: instances × this stays under the server's `max_connections`.
   */
  databasePoolSize: number;
  /**
   * Run the background jobs (`JOBS`, default true): the outbox dispatcher, mail and webhook
   * sending, reminders, retention. `false` for a copy that must not act on what it finds (a
   * restore drill) or a spare that only serves; the jobs run on the instances that have them on.
   */
  jobs: boolean;
  /** What to seed into an empty database (`SEED`: `demo` or `none`). */
  seed: SeedMode;
  /** Origins allowed for every OPD on top of each OPD's own (`CORS_ORIGINS`, comma list; `*` allows any). */
  corsOrigins: string[];
  /** Public POSTs one client may make per minute (`RATE_LIMIT_PER_MINUTE`, default 10). */
  rateLimitPerMinute: number;
  /**
   * The per-minute limits of the other route classes (`http/rate-limit.ts`); 0 turns a class's
   * limit off. Public writes are {@link rateLimitPerMinute}.
   */
  rateLimits: RateLimitSettings;
  /**
   * `REDIS_URL` (`redis://[user:pass@]host:6379[/db]`, or `rediss://` for TLS): count the public
   * write, sign-in, staff and upload limits in Redis, shared by every instance, instead of
   * PostgreSQL. Unset: PostgreSQL (`rate_limits`), or memory on PGlite.
   */
  redisUrl: string | undefined;
  /** What every Redis key of this deployment starts with (`REDIS_KEY_PREFIX`, default `opd-kit:`), for a Redis shared with others. */
  redisKeyPrefix: string;
  /** Take the client address from `X-Forwarded-For` (`TRUST_PROXY`): only behind a proxy you run. */
  trustProxy: boolean;
  /**
   * The address citizens reach this backend at (`PUBLIC_URL`, e.g. `https://layanan.lahatkab.go.id`,
   * a path allowed, no trailing slash): the base of the links the API hands out (a report photo's
   * `media_url`). Unset: each request's own origin (behind `TRUST_PROXY`, the forwarded one).
   */
  publicUrl: string | undefined;
  /** Serve the demo site `examples/` at `/` (`SERVE_DEMO`); `/cdn/` is always served. */
  serveDemo: boolean;
  /** How much to log (`LOG_LEVEL`, default `info`). */
  logLevel: LogLevel;
  /**
   * The regency's time zone (`TIME_ZONE`, default `Asia/Jakarta`): working days and due dates
   * are counted in it and the widgets show every date in it. One per deployment.
   */
  timeZone: IndonesianTimeZone;
  /**
   * The SMTP server mails go through (`SMTP_URL`): `smtp://user:pass@host:port` (STARTTLS when
   * the server offers it; port 587 by default) or `smtps://user:pass@host:port` (TLS from the
   * first byte; port 465 by default); user and password percent-encoded. Unset: mails are kept
   * (`pending`, logged without the address) and sent once it is set (`notify/`).
   */
  smtpUrl: string | undefined;
  /**
   * Who mails come from (`MAIL_FROM`): an address, or a name and an address,
   * `BPKAD Kabupaten Lahat <layanan@lahatkab.go.id>`. Required with `SMTP_URL`; its domain also
   * names each mail's `Message-ID`.
   */
  mailFrom: string;
  /**
   * Seconds a client has to send a request's headers (`HEADERS_TIMEOUT_SECONDS`, default 10):
   * a slowloris client trickling them a byte at a time is answered 408 and cut off.
   */
  headersTimeoutSeconds: number;
  /**
   * Seconds a client has to send a whole request, body included (`REQUEST_TIMEOUT_SECONDS`,
   * default 120: a 5 MB photo over a slow 3G line): a body trickled in is cut off with 408.
   */
  requestTimeoutSeconds: number;
  /** Things worth a warning line at start. */
  warnings: string[];
}

/** The per-minute limits of the route classes besides public writes; 0 is no limit. The defaults are production's (`NODE_ENV=production`); elsewhere each is off unless set. */
export interface RateLimitSettings {
  /** Public reads per client address (`RATE_LIMIT_READS_PER_MINUTE`, default 600), counted in each instance's memory. */
  publicReads: number;
  /** Sign-ins and password changes per client address (`RATE_LIMIT_SIGN_IN_PER_MINUTE`, default 10), on top of the per-account lockout. */
  signIn: number;
  /** Staff requests per signed-in user (`RATE_LIMIT_STAFF_PER_MINUTE`, default 600). */
  staff: number;
  /** File uploads (road imports, evidence files) per signed-in user (`RATE_LIMIT_UPLOADS_PER_MINUTE`, default 30). */
  uploads: number;
}

/** The defaults of {@link RateLimitSettings} in production. */
export const DEFAULT_RATE_LIMITS: Readonly<RateLimitSettings> = { publicReads: 600, signIn: 10, staff: 600, uploads: 30 };

/** The sender when `MAIL_FROM` is unset (mails are only kept then: `SMTP_URL` needs `MAIL_FROM`). */
export const DEFAULT_MAIL_FROM = 'opd-kit <no-reply@opd-kit.invalid>';

/** A mail address, alone or as `Name <address>`: what `MAIL_FROM` accepts. */
const MAIL_FROM = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

/** Thrown by {@link loadSettings}; the message lists every wrong variable. */
export class SettingsError extends Error {
  /** One line per wrong variable. */
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid settings:\n  ${problems.join('\n  ')}`);
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];

/**
 * Reads and checks the settings from `env`. Throws a {@link SettingsError} naming every
 * variable that is wrong, e.g. `PORT must be a whole number between 1 and 65535, got "abc"`.
 */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const problems: string[] = [];
  const warnings: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };

  const production = value('NODE_ENV') === 'production';

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      problems.push(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
      return fallback;
    }
    return parsed;
  };

  const flag = (name: string, fallback: boolean): boolean => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const lower = raw.toLowerCase();
    if (TRUE_WORDS.includes(lower)) return true;
    if (FALSE_WORDS.includes(lower)) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  };

  const port = integer('PORT', 8080, 1, 65535);
  const host = value('HOST');
  const dataDir = value('DATA_DIR') ?? './data';

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(
      `DATABASE_URL must start with postgres:// or postgresql:// (unset it to use the embedded database in DATA_DIR), got "${redactUrl(databaseUrl)}"`,
    );
  }

  const databasePoolSize = integer('DATABASE_POOL_SIZE', 10, 1, 1000);
  const jobs = flag('JOBS', true);

  if (value('STAFF_TOKEN') !== undefined) {
    // The shared token named nobody in the audit log; staff now sign in with their own accounts.
    problems.push(
      'STAFF_TOKEN is no longer used: staff sign in with their own accounts. Unset it, and create the first regency admin with `npm run admin -- create <email>` (see docs/self-hosting.md)',
    );
  }

  const seedRaw = value('SEED') ?? (production ? 'none' : 'demo');
  let seed: SeedMode = 'none';
  if (seedRaw === 'demo' || seedRaw === 'none') seed = seedRaw;
  else problems.push(`SEED must be "demo" or "none", got "${seedRaw}"`);

  const corsOrigins: string[] = [];
  for (const entry of (value('CORS_ORIGINS') ?? '').split(',')) {
    const origin = entry.trim().replace(/\/+$/, '');
    if (origin === '') continue;
    if (origin === '*' || isOrigin(origin)) corsOrigins.push(origin);
    else problems.push(`CORS_ORIGINS must be a comma list of origins like https://bpkad.lahatkab.go.id, got "${entry.trim()}"`);
  }

  const rateLimitPerMinute = integer('RATE_LIMIT_PER_MINUTE', 10, 1, 100000);
  const headersTimeoutSeconds = integer('HEADERS_TIMEOUT_SECONDS', 10, 1, 600);
  const requestTimeoutSeconds = integer('REQUEST_TIMEOUT_SECONDS', 120, 1, 3600);
  if (requestTimeoutSeconds < headersTimeoutSeconds) {
    problems.push(`REQUEST_TIMEOUT_SECONDS (${requestTimeoutSeconds}) must be at least HEADERS_TIMEOUT_SECONDS (${headersTimeoutSeconds}): the headers are part of the request`);
  }
  // Outside production (the demo, development, test suites sending thousands of requests from
  // one address) these classes are off unless set; the public-write limit applies everywhere.
  const classLimit = (name: string, fallback: number) => integer(name, production ? fallback : 0, 0, 100_000_000);
  const rateLimits: RateLimitSettings = {
    publicReads: classLimit('RATE_LIMIT_READS_PER_MINUTE', DEFAULT_RATE_LIMITS.publicReads),
    signIn: classLimit('RATE_LIMIT_SIGN_IN_PER_MINUTE', DEFAULT_RATE_LIMITS.signIn),
    staff: classLimit('RATE_LIMIT_STAFF_PER_MINUTE', DEFAULT_RATE_LIMITS.staff),
    uploads: classLimit('RATE_LIMIT_UPLOADS_PER_MINUTE', DEFAULT_RATE_LIMITS.uploads),
  };
  const redisUrl = value('REDIS_URL');
  if (redisUrl !== undefined) {
    const url = URL.canParse(redisUrl) ? new URL(redisUrl) : undefined;
    if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname) {
      problems.push(`REDIS_URL must be redis://host:6379 (or rediss:// for TLS; user, password and /db allowed), got "${redactUrl(redisUrl)}"`);
    }
  }
  const redisKeyPrefix = value('REDIS_KEY_PREFIX') ?? 'opd-kit:';
  const trustProxy = flag('TRUST_PROXY', false);
  const publicUrlRaw = value('PUBLIC_URL');
  let publicUrl: string | undefined;
  if (publicUrlRaw !== undefined) {
    const url = URL.canParse(publicUrlRaw) ? new URL(publicUrlRaw) : undefined;
    if (url && (url.protocol === 'http:' || url.protocol === 'https:') && !url.search && !url.hash && !url.username) publicUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    else problems.push(`PUBLIC_URL must be an http(s) address like https://layanan.lahatkab.go.id (no query), got "${publicUrlRaw}"`);
  }
  const serveDemo = flag('SERVE_DEMO', !production);

  const levelRaw = (value('LOG_LEVEL') ?? 'info').toLowerCase();
  let logLevel: LogLevel = 'info';
  if ((logLevels as readonly string[]).includes(levelRaw)) logLevel = levelRaw as LogLevel;
  else problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${levelRaw}"`);

  const timeZone = readTimeZone(value('TIME_ZONE'), problems);

  const smtpUrl = value('SMTP_URL');
  if (smtpUrl !== undefined) {
    const url = URL.canParse(smtpUrl) ? new URL(smtpUrl) : undefined;
    if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname || (url.pathname !== '' && url.pathname !== '/')) {
      problems.push(
        `SMTP_URL must be smtp://user:password@host:port (or smtps:// for TLS), got "${redactUrl(smtpUrl)}"`,
      );
    }
  }
  const mailFromRaw = value('MAIL_FROM');
  if (mailFromRaw !== undefined && !MAIL_FROM.test(mailFromRaw)) {
    problems.push(`MAIL_FROM must be an address like layanan@lahatkab.go.id or "BPKAD Lahat <layanan@lahatkab.go.id>", got "${mailFromRaw}"`);
  } else if (smtpUrl !== undefined && mailFromRaw === undefined) {
    problems.push('MAIL_FROM must be set with SMTP_URL: the address mails come from, like layanan@lahatkab.go.id');
  }
  const mailFrom = mailFromRaw ?? DEFAULT_MAIL_FROM;

  if (problems.length > 0) throw new SettingsError(problems);

  return {
    production,
    port,
    host,
    dataDir,
    databaseUrl,
    databasePoolSize,
    jobs,
    seed,
    corsOrigins,
    rateLimitPerMinute,
    rateLimits,
    redisUrl,
    redisKeyPrefix,
    trustProxy,
    publicUrl,
    serveDemo,
    logLevel,
    timeZone,
    smtpUrl,
    mailFrom,
    headersTimeoutSeconds,
    requestTimeoutSeconds,
    warnings,
  };
}

/** The abbreviations an operator may write instead of the IANA name. */
const TIME_ZONE_ABBREVIATIONS: Readonly<Record<string, IndonesianTimeZone>> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

/** `TIME_ZONE`: an Indonesian IANA zone (any case), or WIB / WITA / WIT. */
function readTimeZone(raw: string | undefined, problems: string[]): IndonesianTimeZone {
  if (raw === undefined) return DEFAULT_TIME_ZONE;
  const byAbbreviation = TIME_ZONE_ABBREVIATIONS[raw.toUpperCase()];
  if (byAbbreviation) return byAbbreviation;
  const zone = Object.keys(indonesianTimeZones).find((name) => name.toLowerCase() === raw.toLowerCase());
  if (zone) return zone as IndonesianTimeZone;
  problems.push(
    `TIME_ZONE must be the regency's time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT) (Asia/Pontianak is WIB too), got "${raw}"`,
  );
  return DEFAULT_TIME_ZONE;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/** A database URL with its password replaced, safe for logs and error messages. */
export function redactUrl(value: string): string {
  return value.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
}
