/**
 * A small line logger: `level message key=value …`, filtered by `LOG_LEVEL`.
 * It never receives a citizen's personal data: callers log ids and tracking codes only.
 *
 * @module
 */
import type { LogLevel } from './settings.js';

/** Extra fields of a log line. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** Where the server writes what it does. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** A logger writing lines at or above `level` to `write` (default: stdout, errors to stderr). */
export function createLogger(
  level: LogLevel,
  write: (level: Exclude<LogLevel, 'silent'>, line: string) => void = defaultWrite,
): Logger {
  const emit = (lineLevel: Exclude<LogLevel, 'silent'>) => (message: string, fields?: LogFields) => {
    if (rank[lineLevel] < rank[level]) return;
    write(lineLevel, formatLine(lineLevel, message, fields));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that drops everything. */
export const silentLogger: Logger = createLogger('silent');

function defaultWrite(level: Exclude<LogLevel, 'silent'>, line: string): void {
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

function formatLine(level: string, message: string, fields?: LogFields): string {
  let line = level === 'info' ? message : `${level}: ${message}`;
  if (fields) {
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      const text = String(value);
      line += ` ${key}=${/[\s"=]/.test(text) ? JSON.stringify(text) : text}`;
    }
  }
  return line;
}
