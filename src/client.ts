/**
 * `createClient()`: the typed client for an opd-kit backend, with every module; and
 * `buildClient()`, the same with only the modules you name, so a bundler leaves the rest out.
 *
 * @module
 */
import { auth } from './namespaces/auth.js';
import { consultations } from './namespaces/consultations.js';
import { opds, type OpdsNamespace } from './namespaces/opds.js';
import { privacy } from './namespaces/privacy.js';
import type { NamespaceFactory } from './namespaces/shared.js';
import { users } from './namespaces/users.js';
import { RequestSender, type ClientOptions } from './request.js';

export type { NamespaceFactory, ClientDefaults } from './namespaces/shared.js';

/** Namespace factories by the name they take on a client. */
export type NamespaceFactories = Record<string, NamespaceFactory<unknown>>;

/** A client built from `factories`: `opds` plus one namespace per factory. */
export type ClientOf<F extends NamespaceFactories> = { readonly opds: OpdsNamespace } & {
  readonly [K in keyof F]: F[K] extends NamespaceFactory<infer T> ? T : never;
};

/**
 * Every module's namespace, by the name it takes on {@link createClient}'s client
 * (`auth`: staff sign-in; `consultations`: SIAP; `users`: staff users; `privacy`: the audit log
 * and personal data, for the regency admin). A new module adds one line here.
 */
const allNamespaces = { auth, consultations, users, privacy } satisfies NamespaceFactories;

/**
 * A client for one opd-kit backend, with one namespace per module: `opds`, `auth` (staff
 * sign-in, see `AuthNamespace`) and `consultations` (SIAP, see `ConsultationsNamespace`).
 */
export type OpdClient = ClientOf<typeof allNamespaces>;

/**
 * Builds a client with only the namespaces given (plus `opds`, which every client has).
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

/**
 * Creates a client with every module. Works in browsers and Node ≥ 20 with no polyfills.
 *
 * ```ts
 * const client = createClient({ baseUrl: 'https://layanan.lahatkab.go.id', opd: 'bpkad' });
 * const { trackingCode } = await client.consultations.create({ ... });
 * ```
 */
export function createClient(options: ClientOptions): OpdClient {
  return buildClient(options, allNamespaces);
}
