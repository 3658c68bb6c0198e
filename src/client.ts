/**
 * `createClient()`: the typed client for an opd-kit backend, with every module; and
 * `buildClient()`, the same with only the modules you name, so a bundler leaves the rest out.
 *
 * @module
 */
import { auth } from './namespaces/auth.js';
import { consultations } from './namespaces/consultations.js';
import { opdsAdmin } from './namespaces/opd-admin.js';
import { privacy } from './namespaces/privacy.js';
import { users } from './namespaces/users.js';
import { buildClient, type ClientOf, type NamespaceFactories } from './build-client.js';
import type { ClientOptions } from './request.js';

export { buildClient, type ClientOf, type NamespaceFactories } from './build-client.js';
export type { NamespaceFactory, ClientDefaults } from './namespaces/shared.js';

/**
 * Every module's namespace, by the name it takes on {@link createClient}'s client: `opds`
 * with its admin calls, `auth` (staff sign-in), `consultations` (SIAP), `users` (staff users)
 * and `privacy` (the audit log and personal data, for the regency admin). A new module adds
 * one line here.
 */
const allNamespaces = { opds: opdsAdmin, auth, consultations, users, privacy } satisfies NamespaceFactories;

/**
 * A client for one opd-kit backend, with one namespace per module: `opds` (see
 * `OpdsAdminNamespace`), `auth` (staff sign-in, see `AuthNamespace`), `consultations` (SIAP,
 * see `ConsultationsNamespace`), `users` (`UsersNamespace`) and `privacy` (`PrivacyNamespace`).
 */
export type OpdClient = ClientOf<typeof allNamespaces>;

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
