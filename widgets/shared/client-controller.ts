/**
 * Makes the SDK client a widget talks through, from its `api` and `opd` attributes, and
 * keeps it until one of them changes.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createClient, type OpdClient } from '../../src/index.js';

/** What the controller needs from its host. */
export interface ClientHost extends ReactiveControllerHost {
  /** The backend base URL, already resolved (see `OpdElement.apiBaseUrl`). */
  readonly apiBaseUrl: string;
  /** The OPD slug, or `''`. */
  readonly opd: string;
}

/** Look up `fetch` at call time, so a page (or a test) that wraps it later is honoured. */
const lateFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** Gives its host an SDK client for the current `api` + `opd`. */
export class ClientController implements ReactiveController {
  readonly #host: ClientHost;
  #client: OpdClient | undefined;
  #key = '';

  constructor(host: ClientHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The client for the host's current `api` and `opd`. */
  get client(): OpdClient {
    const baseUrl = this.#host.apiBaseUrl;
    const opd = this.#host.opd;
    const key = `${baseUrl}\n${opd}`;
    if (!this.#client || key !== this.#key) {
      this.#client = createClient({ baseUrl, ...(opd ? { opd } : {}), fetch: lateFetch });
      this.#key = key;
    }
    return this.#client;
  }
}
