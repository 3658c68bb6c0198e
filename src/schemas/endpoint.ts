/**
 * One description per endpoint: method, path, path parameters, query, body, response,
 * errors and access, as a plain value. The server validates with it and derives its
 * OpenAPI operation from it; the SDK builds its request and checks the answer with it.
 * Nothing about an endpoint's shape is written twice.
 *
 * ```ts
 * export const trackConsultation = endpoint({
 *   id: 'getConsultationStatus',
 *   method: 'GET',
 *   path: '/api/v1/consultations/{trackingCode}',
 *   params: z.object({ trackingCode }),
 *   response: consultationPublic,
 *   access: 'public',
 * });
 * ```
 *
 * Prose (summaries, descriptions) lives with the server's handler, so it does not ship to
 * browsers.
 *
 * @module
 */
import type * as z from 'zod/mini';

/** The HTTP methods an endpoint may use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call an endpoint, declared once per endpoint; the server enforces it before the
 * handler runs and the role-matrix test checks every endpoint against every role.
 *
 * - `public`: anyone;
 * - `staff`: a signed-in staff user. On a path with `{opd}`, one of that OPD's users (staff
 *   or admin) or a regency admin; elsewhere any signed-in user (their own account);
 * - `opd-admin`: on a path with `{opd}`, that OPD's admin or a regency admin;
 * - `regency-admin`: a regency admin only (every OPD, regency settings, users).
 */
export type Access = 'public' | 'staff' | 'opd-admin' | 'regency-admin';

/** The roles of staff users, from most to least: see {@link Access} for what each may call. */
export const staffRoles = ['regency_admin', 'opd_admin', 'opd_staff'] as const;

/** A staff role, see {@link staffRoles}. */
export type StaffRole = (typeof staffRoles)[number];


/** A schema of an object with named values, as params and query use. */
export type ObjectSchema = z.ZodMiniType<Record<string, unknown>, Record<string, unknown>>;

/** The description of one endpoint; see the module comment. */
export interface Endpoint<
  P extends ObjectSchema | undefined = ObjectSchema | undefined,
  Q extends ObjectSchema | undefined = ObjectSchema | undefined,
  B extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  R extends z.ZodMiniType = z.ZodMiniType,
> {
  /** A stable, unique name: the OpenAPI `operationId`, e.g. `createConsultation`. */
  readonly id: string;
  /** The HTTP method. */
  readonly method: HttpMethod;
  /** The absolute path with `{name}` parameters, e.g. `/api/v1/opds/{opd}/consultations`. */
  readonly path: string;
  /** The path parameters; a value failing its schema answers 404. A `{opd}` parameter makes the route tenant-scoped. */
  readonly params?: P;
  /** The query string; a value failing its schema answers 400 naming it. */
  readonly query?: Q;
  /** The JSON body; fields failing it answer 422 naming each. */
  readonly body?: B;
  /** The successful answer's body (for a non-JSON answer, the text, e.g. `z.string()`). */
  readonly response: R;
  /** The successful status (default 200); 204 answers no body. */
  readonly status?: 200 | 201 | 202 | 204;
  /** The media type of the successful answer (default `application/json`), e.g. `text/calendar; charset=utf-8`. */
  readonly produces?: string;
  /** Who may call it. */
  readonly access: Access;
  /** The write honours an `Idempotency-Key` header (and the SDK sends one, so it may retry it). */
  readonly idempotent?: boolean;
  /** Problems this endpoint answers beyond those its shape implies (bad input, unknown OPD, sign-in). */
  readonly errors?: readonly string[];
}

/** Any endpoint. */
export type AnyEndpoint = Endpoint<ObjectSchema | undefined, ObjectSchema | undefined, z.ZodMiniType | undefined, z.ZodMiniType>;

/** Declares an endpoint, keeping its exact types (the identity function). */
export function endpoint<
  P extends ObjectSchema | undefined = undefined,
  Q extends ObjectSchema | undefined = undefined,
  B extends z.ZodMiniType | undefined = undefined,
  R extends z.ZodMiniType = z.ZodMiniType,
>(definition: Endpoint<P, Q, B, R>): Endpoint<P, Q, B, R> {
  return definition;
}

/** What a schema slot takes in, or `undefined` when the endpoint has none. */
export type InputOf<S> = S extends z.ZodMiniType ? z.input<S> : undefined;
/** What a schema slot gives after checking, or `undefined` when the endpoint has none. */
export type OutputOf<S> = S extends z.ZodMiniType ? z.output<S> : undefined;


// Read by the server and the OpenAPI document only: a module of their own, so the SDK and the
// widgets do not carry them (see PURE_MODULES in rollup.config.mjs).
export { JSON_MEDIA_TYPE, needsSignIn, pathParameterNames } from './endpoint-details.js';

/** True when the endpoint answers JSON (its `produces` is JSON or unset). */
export function answersJson(endpoint: Pick<Endpoint, 'produces'>): boolean {
  return endpoint.produces === undefined || /^application\/([\w.-]+\+)?json\b/i.test(endpoint.produces);
}

/** Fills a path's `{parameters}` with URL-encoded values. */
export function fillPath(path: string, values: Record<string, unknown>): string {
  return path.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (_, name: string) => encodeURIComponent(String(values[name])));
}
