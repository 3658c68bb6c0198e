/**
 * `createClient()`: the typed client for an opd-kit backend.
 *
 * @module
 */
import { consultationsNamespace, type ConsultationsNamespace } from './namespaces/consultations.js';
import { opdsNamespace, type OpdsNamespace } from './namespaces/opds.js';
import { RequestSender, type ClientOptions } from './request.js';

/** A client for one opd-kit backend, with one namespace per module. */
export interface OpdClient {
  /** The OPDs this backend serves. */
  readonly opds: OpdsNamespace;
  /** SIAP: consultations. */
  readonly consultations: ConsultationsNamespace;
}

/**
 * Creates a client. Works in browsers and Node ≥ 20 with no polyfills.
 *
 * ```ts
 * const client = createClient({ baseUrl: 'https://layanan.lahatkab.go.id', opd: 'bpkad' });
 * const { trackingCode } = await client.consultations.create({ ... });
 * ```
 */
export function createClient(options: ClientOptions): OpdClient {
  const sender = new RequestSender(options);
  return {
    opds: opdsNamespace(sender, options.opd),
    consultations: consultationsNamespace(sender, options.opd),
  };
}
