/**
 * Helpers of the console tests: mounting `<opd-console>` against the test server, signing in
 * through its form as a person would, reaching into the page it shows, and arranging data
 * through the API as the demo users.
 *
 * The test page is on another origin than the API, so the console signs in with a bearer
 * token kept in `sessionStorage` (its cookie session is tested in test/e2e/console.test.ts).
 *
 * @module
 */
import { createClient, type OpdClient } from '../../src/index.js';
import { RequestSender } from '../../src/request.js';
import { accountEndpoints } from '../../src/schemas/accounts.js';
import { opdAdminEndpoints } from '../../src/schemas/opd-admin.js';
import type { ModuleName } from '../../src/schemas/opds.js';
import type { OpdConsole } from '../../widgets/console/console.js';
import { $, mount, testConfig, until } from './helpers.js';

/** The password of the demo users. */
export const DEMO_PASSWORD = 'demo-password';

/** Mounts a console on the test API (no fragment route unless `route`). */
export async function mountConsole(attributes = '', route = ''): Promise<OpdConsole> {
  history.replaceState(null, '', route ? `#/${route}` : location.pathname);
  const element = await mount<OpdConsole>(`<opd-console api="${testConfig().api}" ${attributes}></opd-console>`);
  await until(() => element.shadowRoot?.querySelector('#email, #page-title, #password-title'), 'the console to start');
  return element;
}

/** Fills the sign-in form and sends it (a click, as a person with a mouse would). */
export async function submitSignIn(element: OpdConsole, email: string, password = DEMO_PASSWORD): Promise<void> {
  const emailField = $<HTMLInputElement>(element, '#email');
  const passwordField = $<HTMLInputElement>(element, '#password');
  emailField.value = email;
  passwordField.value = password;
  $<HTMLButtonElement>(element, 'form button[type=submit]').click();
}

/** Signs in through the form and waits for the page title. */
export async function signInAs(element: OpdConsole, email: string): Promise<void> {
  await submitSignIn(element, email);
  await until(() => element.shadowRoot?.querySelector('#page-title'), `signed in as ${email}`);
}

/** The page element the console shows (e.g. `opd-consultation-inbox`), once loaded. */
export async function consolePage<E extends HTMLElement & { updateComplete: Promise<boolean> }>(element: OpdConsole, tag: string): Promise<E> {
  const page = await until(() => element.shadowRoot?.querySelector<E>(`.page > ${tag}`), `<${tag}> in the console`);
  await page.updateComplete;
  return page;
}

/** A bearer token of a demo user (or of any user, with `password`), from the API directly. */
export async function tokenOf(email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${testConfig().api}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`signing in as ${email} answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** An SDK client signed in as a demo user. */
export async function staffClient(email: string, opd?: string): Promise<OpdClient> {
  return createClient({ baseUrl: testConfig().api, ...(opd ? { opd } : {}), token: await tokenOf(email) });
}

/** Forgets every console session kept in this tab and the route in the address. */
export function forgetSessions(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('opd-console-token:')) sessionStorage.removeItem(key);
  history.replaceState(null, '', location.pathname);
}

/** A staff user a test adds to its OPD. */
export interface TestUser {
  role: 'opd_admin' | 'opd_staff';
  /** The name shown, e.g. `Petugas Uji PUPR`. */
  name: string;
  /** The e-mail's first part: the address is `<mailbox>.<run stamp>@<OPD slug>.demo`. */
  mailbox: string;
}

/** What {@link testOpd} adds: an OPD (or users of one already there) for one test file's run. */
export interface TestOpdOptions<U extends string> {
  /**
   * A new OPD: its slug's and name's first parts (the run's stamp follows both) and the modules
   * it has on; or `{ existing }`, the slug of an OPD already there (users are only added to it).
   */
  opd: { slug: string; name: string; modules: ModuleName[] } | { existing: string };
  /** The users to add, by the key the test reads them by. */
  users: Record<U, TestUser>;
  /** The password each user sets in place of their one-time password. */
  password: string;
}

/** An OPD of a test's own and its staff users, signed up as {@link testOpd} promises. */
export interface TestOpd<U extends string> {
  slug: string;
  /** Each user's e-mail, by the key given. */
  users: Record<U, string>;
  /** Their password. */
  password: string;
  /** A request sender signed in as `user` (once: the same one each time), for the SDK's namespaces (`roads(sender, { opd })`). */
  sender(user: U): Promise<RequestSender>;
}

const testOpds = new Map<string, Promise<TestOpd<string>>>();

/**
 * Adds an OPD with modules on (or takes one already there) and staff users of it, as the
 * regency admin does through the API, each user setting `password` in place of the one-time
 * password they are given. Once per run per `key`: every test asking with the same key gets the
 * same OPD, so writes to it leave the demo OPDs as other tests read them.
 */
export function testOpd<U extends string>(key: string, options: TestOpdOptions<U>): Promise<TestOpd<U>> {
  let made = testOpds.get(key) as Promise<TestOpd<U>> | undefined;
  if (!made) {
    made = makeTestOpd(options);
    testOpds.set(key, made);
  }
  return made;
}

async function makeTestOpd<U extends string>({ opd, users, password }: TestOpdOptions<U>): Promise<TestOpd<U>> {
  const stamp = Date.now().toString(36);
  const api = testConfig().api;
  const regency = new RequestSender({ baseUrl: api, token: await tokenOf('admin@lahat.demo') });
  const domain = 'existing' in opd ? opd.existing : opd.slug;
  const slug = 'existing' in opd ? opd.existing : `${opd.slug}-${stamp}`;
  if (!('existing' in opd)) {
    await regency.call(opdAdminEndpoints.create, { body: { slug, name: `${opd.name} ${stamp}`, modules: opd.modules }, what: 'the test OPD' });
  }
  const emails = {} as Record<U, string>;
  for (const [key, user] of Object.entries(users) as [U, TestUser][]) {
    const email = `${user.mailbox}.${stamp}@${domain}.demo`;
    const created = await regency.call(accountEndpoints.createOpdUser, { params: { opd: slug }, body: { email, name: user.name, role: user.role }, what: user.name });
    const first = new RequestSender({ baseUrl: api, token: await tokenOf(email, created.oneTimePassword) });
    await first.call(accountEndpoints.changePassword, { body: { currentPassword: created.oneTimePassword, newPassword: password }, what: `${user.name}’s password` });
    emails[key] = email;
  }
  const senders = new Map<U, Promise<RequestSender>>();
  const sender = (user: U): Promise<RequestSender> => {
    let signedIn = senders.get(user);
    if (!signedIn) {
      signedIn = tokenOf(emails[user], password).then((token) => new RequestSender({ baseUrl: api, token }));
      senders.set(user, signedIn);
    }
    return signedIn;
  };
  return { slug, users: emails, password, sender };
}

/** The downloads the page makes while `act` runs (blobs given to `URL.createObjectURL`). */
export async function downloads(act: () => void | Promise<void>, count = 1): Promise<Blob[]> {
  const made: Blob[] = [];
  const original = URL.createObjectURL;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    made.push(blob as Blob);
    return original.call(URL, blob);
  };
  try {
    await act();
    await until(() => made.length >= count, 'the download');
  } finally {
    URL.createObjectURL = original;
  }
  return made;
}
