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

/** A bearer token of a demo user, from the API directly. */
export async function tokenOf(email: string): Promise<string> {
  const response = await fetch(`${testConfig().api}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
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
