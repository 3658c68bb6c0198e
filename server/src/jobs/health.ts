/**
 * The staff's detail of `GET /healthz`: a request signed in with a staff bearer token (as the
 * staff routes take it) gets every job's last run, outcome, duration, next run and last error,
 * whichever instance ran it; anyone else gets `{ status: 'ok' }` only.
 *
 * @module
 */
import type { Context } from 'hono';
import { userOfToken } from '../auth/tokens.js';
import type { AppEnv } from '../http/env.js';
import { readJobStatus, type JobStatus } from './scheduler.js';

/** The jobs' part of a staff member's `/healthz`, or undefined for anyone else. */
export async function staffHealthDetail(c: Context<AppEnv>): Promise<{ jobs: JobStatus[] } | undefined> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
  if (!token) return undefined;
  const { db, now, modules } = c.get('deps');
  if (!(await userOfToken(db, token, now()))) return undefined;
  return { jobs: await readJobStatus(db, modules) };
}
