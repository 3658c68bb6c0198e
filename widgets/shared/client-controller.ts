/**
 * Makes the SDK client a widget talks through, from its `api` and `opd` attributes, and
 * keeps it until one of them changes. The widget names the SDK namespaces it uses, so its
 * bundle carries only those modules' calls.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { buildClient, type ClientOf, type NamespaceFactories } from '../../src/build-client.js';

/** What the controller needs from its host. */
export interface ClientHost extends ReactiveControllerHost {
  /** The backend base URL, already resolved (see `OpdElement.apiBaseUrl`). */
  readonly apiBaseUrl: string;
  /** The OPD slug, or `''`. */
  readonly opd: string;
}

/** Look up `fetch` at call time, so a page (or a test) that wraps it later is honoured. */
const lateFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/**
 * Gives its host an SDK client for the current `api` + `opd`, with `opds` and the
 * namespaces given: `new ClientController(this, { consultations })`.
 */
export class ClientController<F extends NamespaceFactories> implements ReactiveController {
  readonly #host: ClientHost;
  readonly #namespaces: F;
  #client: ClientOf<F> | undefined;
  #key = '';

  /** Adds itself to `host`; `namespaces` are the SDK namespaces the widget calls, besides `opds`. */
  constructor(host: ClientHost, namespaces: F) {
    this.#host = host;
    this.#namespaces = namespaces;
    host.addController(this);
  }

  /** Nothing to do: the client is built when first asked for, and again when `api` or `opd` change. */
  hostConnected(): void {}

  /** The client for the host's current `api` and `opd`. */
  get client(): ClientOf<F> {
    const baseUrl = this.#host.apiBaseUrl;
    const opd = this.#host.opd;
    const key = `${baseUrl}\n${opd}`;
    if (!this.#client || key !== this.#key) {
      this.#client = buildClient({ baseUrl, ...(opd ? { opd } : {}), fetch: lateFetch }, this.#namespaces);
      this.#key = key;
    }
    return this.#client;
  }
}
