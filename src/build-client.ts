/**
 * `buildClient()`: a client with only the namespaces you name, so a bundler leaves the other
 * modules out (the widgets build theirs this way). Apart from `client.ts`, whose
 * `createClient()` names every namespace.
 *
 * @module
 */
import { opds, type OpdsNamespace } from './namespaces/opds.js';
import type { NamespaceFactory } from './namespaces/shared.js';
import { RequestSender, type ClientOptions } from './request.js';

/** Namespace factories by the name they take on a client. */
export type NamespaceFactories = Record<string, NamespaceFactory<unknown>>;

/** A client built from `factories`: `opds` (list and get, unless a factory gives more) plus one namespace per factory. */
export type ClientOf<F extends NamespaceFactories> = { readonly opds: OpdsNamespace } & {
  readonly [K in keyof F]: F[K] extends NamespaceFactory<infer T> ? T : never;
};

/**
 * Builds a client with only the namespaces given (plus `opds`, which every client has: its public calls, or what `factories.opds` gives).
 * Import just what a page needs and a bundler drops the other modules:
 *
 * ```ts
 * import { buildClient, consultations } from 'opd-kit';
 * const client = buildClient({ baseUrl: 'https://layanan.lahatkab.go.id', opd: 'bpkad' }, { consultations });
 * await client.consultations.track('SIAP-7K3F-9QX2');
 * ```
 */
export function buildClient<F extends NamespaceFactories>(options: ClientOptions, factories: F): ClientOf<F> {
  const sender = new RequestSender(options);
  const defaults = { opd: options.opd };
  const client: Record<string, unknown> = { opds: opds(sender, defaults) };
  for (const [name, factory] of Object.entries(factories)) client[name] = factory(sender, defaults);
  return client as ClientOf<F>;
}

