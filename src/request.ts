/**
 * The one request sender: every call of every namespace goes through {@link RequestSender.send},
 * which adds headers, retries only where safe, maps failures onto the error tree and checks
 * the answer against the shared schema.
 *
 * @module
 */
import ky, { HTTPError, type KyInstance, type Options as KyOptions } from 'ky';
import type * as z from 'zod/mini';
import {
  ApiError,
  IdempotencyConflictError,
  NetworkError,
  OpdError,
  RateLimitError,
  ResponseShapeError,
  TimeoutError,
  ValidationError,
} from './errors.js';
import { newIdempotencyKey } from './idempotency.js';
import { fieldErrorCodes, problem, toFieldErrors, type FieldError } from './schemas/common.js';
import { answersJson, fillPath, type AnyEndpoint, type HttpMethod, type InputOf, type OutputOf } from './schemas/endpoint.js';

/** How a client reaches the API. */
export interface ClientOptions {
  /** The backend's base URL, e.g. `https://layanan.lahatkab.go.id` (no `/api/v1`). */
  baseUrl: string;
  /** The OPD slug used when a call names none, e.g. `bpkad`. */
  opd?: string;
  /** A `fetch` to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: typeof fetch;
  /** Milliseconds to wait for each attempt before giving up with a {@link TimeoutError}. Default 15,000. */
  timeout?: number;
  /** How many times a safe request is retried after a network failure, timeout or 5xx. Default 2. */
  retries?: number;
  /**
   * A staff bearer token (from `client.auth.login()` or a script's configuration); needed only
   * for staff calls. `client.auth.login()` sets it, `logout()` clears it.
   */
  token?: string;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** Options every call takes. */
export interface CallOptions {
  /** Cancels the call; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The longest `Retry-After` (seconds) the sender waits out by itself before giving the error to the caller. */
const MAX_AUTOMATIC_WAIT_SECONDS = 5;

/** One request, as a namespace describes it. */
export interface SendRequest<S extends z.ZodMiniType> {
  /** The HTTP method. */
  method: HttpMethod;
  /** Path below the base URL, without a leading slash, e.g. `api/v1/opds`. */
  path: string;
  /** Query string values; `undefined` and `''` are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** The JSON body. */
  body?: unknown;
  /**
   * Sent as `Idempotency-Key`. A write is retried only when it carries one the server
   * honours; reads are always retried.
   */
  idempotencyKey?: string;
  /** The schema of a successful answer. */
  response: S;
  /** Read the answer as text instead of JSON (calendars, CSV). */
  text?: boolean;
  /** What is being fetched, for error messages (`consultation SIAP-7K3F-9QX2`). */
  what: string;
  /** Cancels the request. */
  signal?: AbortSignal;
}

/** One call of an endpoint: its inputs, unchecked (the sender checks them against the endpoint). */
export interface EndpointCall<E extends AnyEndpoint> {
  /** The path values, e.g. `{ opd: 'bpkad' }`. */
  params?: InputOf<E['params']>;
  /** The query string values. */
  query?: InputOf<E['query']>;
  /** The JSON body. */
  body?: InputOf<E['body']>;
  /** For an idempotent endpoint: the key to send (default: a new one, reused across this call's retries). */
  idempotencyKey?: string;
  /** What is being fetched, for error messages (`consultation SIAP-7K3F-9QX2`). */
  what: string;
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** Sends requests for one client; see {@link SendRequest}. */
export class RequestSender {
  readonly #ky: KyInstance;
  readonly #retries: number;
  #token: string | null;

  constructor(options: ClientOptions) {
    if (!options.baseUrl) throw new OpdError('createClient: baseUrl is required');
    this.#retries = options.retries ?? 2;
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    this.#token = options.token ?? null;
    this.#ky = ky.create({
      prefixUrl: options.baseUrl.replace(/\/+$/, ''),
      timeout: options.timeout ?? 15_000,
      headers,
      hooks: {
        beforeRequest: [
          (request) => {
            if (this.#token) request.headers.set('Authorization', `Bearer ${this.#token}`);
          },
        ],
      },
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  /** The bearer token sent with every request, or null (public calls, or the console's cookie). */
  get token(): string | null {
    return this.#token;
  }

  set token(token: string | null) {
    this.#token = token;
  }

  /**
   * Calls an endpoint as its description says: checks the inputs against its schemas
   * (a {@link ValidationError} before anything is sent), fills the path, sends an
   * `Idempotency-Key` when the endpoint honours one, and checks the answer.
   */
  async call<E extends AnyEndpoint>(endpoint: E, call: EndpointCall<E>): Promise<OutputOf<E['response']>> {
    const params = endpoint.params ? checkInput(endpoint.params, call.params ?? {}) : {};
    const request: SendRequest<E['response']> = {
      method: endpoint.method,
      path: fillPath(endpoint.path, params).replace(/^\/+/, ''),
      response: endpoint.response,
      what: call.what,
      signal: call.signal,
    };
    if (endpoint.query) request.query = checkInput(endpoint.query, call.query ?? {}) as SendRequest<E['response']>['query'];
    if (endpoint.body) request.body = checkInput(endpoint.body, call.body);
    if (endpoint.idempotent) request.idempotencyKey = call.idempotencyKey ?? newIdempotencyKey();
    if (!answersJson(endpoint)) request.text = true;
    return this.send(request) as Promise<OutputOf<E['response']>>;
  }

  /** Sends one request and returns its checked answer, or throws an {@link OpdError}. */
  async send<S extends z.ZodMiniType>(request: SendRequest<S>): Promise<z.output<S>> {
    const retryable = request.method === 'GET' || request.idempotencyKey !== undefined;
    const options: KyOptions = {
      method: request.method,
      retry: {
        limit: retryable ? this.#retries : 0,
        methods: ['get', 'post', 'put', 'patch', 'delete'],
        statusCodes: [408, 429, 500, 502, 503, 504],
        afterStatusCodes: [429, 503],
        retryOnTimeout: true,
        jitter: (delay) => delay * (0.5 + Math.random()),
        shouldRetry: ({ error }) => {
          if (error instanceof HTTPError && error.response.status === 429) {
            return retryAfterSeconds(error.response) <= MAX_AUTOMATIC_WAIT_SECONDS ? undefined : false;
          }
          return undefined;
        },
      },
      ...(request.signal ? { signal: request.signal } : {}),
    };
    if (request.query) options.searchParams = toSearchParams(request.query);
    if (request.body !== undefined) options.json = request.body;
    if (request.idempotencyKey !== undefined) {
      options.headers = { 'Idempotency-Key': request.idempotencyKey };
    }

    let text: string | undefined;
    let mediaType = '';
    try {
      const response = await this.#ky(request.path, options);
      mediaType = response.headers.get('Content-Type')?.split(';')[0]?.trim() ?? '';
      text = response.status === 204 ? undefined : await response.text();
    } catch (error) {
      throw await toOpdError(error, request, request.signal);
    }
    // An answer that arrived but is no JSON (a web page at the base URL) is the wrong answer, not a lost one.
    const body = text === undefined || request.text ? text : parseJson(text, request.what, mediaType);
    const checked = request.response.safeParse(body);
    if (!checked.success) {
      throw new ResponseShapeError(request.what, toFieldErrors(checked.error.issues));
    }
    return checked.data as z.output<S>;
  }
}

/**
 * Checks `input` against `schema` before anything is sent, so the caller gets the same
 * field errors the server would give, without a round trip.
 */
function checkInput<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  let result: ReturnType<S['safeParse']>;
  try {
    // With the input in the issues, a missing value reads `required` and a wrong one `notAllowed`.
    result = schema.safeParse(input, { reportInput: true }) as ReturnType<S['safeParse']>;
  } catch (error) {
    // A schema's own check that fails on odd input still rejects as part of the error tree.
    throw new ValidationError([{ path: '', message: 'Check the input: it could not be read', code: 'invalid' }], { cause: error });
  }
  if (!result.success) throw new ValidationError(toFieldErrors(result.error.issues));
  return result.data as z.output<S>;
}

/** The JSON of an answer, or a {@link ResponseShapeError} saying what came instead. */
function parseJson(text: string, what: string, mediaType: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const got = mediaType ? `${mediaType}, not JSON` : 'not JSON';
    throw new ResponseShapeError(what, [
      { path: '', message: `The answer is ${got}: is the base URL the opd-kit backend?`, code: 'format' },
    ]);
  }
}

function toSearchParams(query: Record<string, string | number | boolean | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}

function retryAfterSeconds(response: Response): number {
  const header = response.headers.get('Retry-After');
  if (!header) return 60;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 60 : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toOpdError(error: unknown, request: SendRequest<z.ZodMiniType>, signal?: AbortSignal): Promise<unknown> {
  const { what } = request;
  if (signal?.aborted) return signal.reason ?? error;
  if (error instanceof HTTPError) return fromResponse(error.response, request);
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new TimeoutError(`No answer in time for ${what}`, { cause: error });
  }
  if (error instanceof OpdError) return error;
  return new NetworkError(`Could not reach the server for ${what}`, { cause: error });
}

const knownCodes: readonly string[] = fieldErrorCodes;

/** A problem's field errors with codes this version does not know read as `invalid` (codes are added within a version). */
function withKnownCodes(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || !Array.isArray((body as { errors?: unknown }).errors)) return body;
  const errors = ((body as { errors: unknown[] }).errors).map((error) =>
    error !== null && typeof error === 'object' && typeof (error as FieldError).code === 'string' && !knownCodes.includes((error as FieldError).code as string)
      ? { ...error, code: 'invalid' }
      : error,
  );
  return { ...body, errors };
}

async function fromResponse(response: Response, request: SendRequest<z.ZodMiniType>): Promise<ApiError | ResponseShapeError> {
  const { what } = request;
  const requestId = response.headers.get('X-Request-Id') ?? undefined;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = problem.safeParse(withKnownCodes(body));
  const details = parsed.success
    ? {
        status: response.status,
        code: parsed.data.type.split('/').pop() || 'unknown',
        title: parsed.data.title,
        ...(parsed.data.detail !== undefined ? { detail: parsed.data.detail } : {}),
        requestId: parsed.data.requestId ?? requestId,
        fieldErrors: parsed.data.errors ?? [],
      }
    : {
        status: response.status,
        code: 'unknown',
        title: response.statusText || `HTTP ${response.status}`,
        detail: `The server answered ${response.status} for ${what} without a problem document`,
        requestId,
      };
  if (response.status === 429) {
    return new RateLimitError({ ...details, retryAfter: retryAfterSeconds(response) });
  }
  if (details.code === 'idempotency-conflict') {
    const stored = parsed.success ? parsed.data.stored : undefined;
    if (stored === undefined) return new IdempotencyConflictError(details);
    // What the key stored is an answer of this endpoint: checked like any other answer.
    const checked = request.response.safeParse(stored);
    if (!checked.success) {
      return new ResponseShapeError(`${what} (the answer stored with its Idempotency-Key)`, toFieldErrors(checked.error.issues));
    }
    return new IdempotencyConflictError({ ...details, stored: checked.data });
  }
  return new ApiError(details);
}
