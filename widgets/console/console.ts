/**
 * `<opd-console>`: the staff console. The shell signs staff in and out, shows who is signed
 * in, routes (`#/siap/inbox`, `#/opds`, …) and shows the pages of {@link CONSOLE_PAGES} that the
 * user's role opens, each loaded only when first opened.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, RateLimitError } from '../../src/errors.js';
import { PASSWORD_MIN_LENGTH, passwordChange, type StaffUser } from '../../src/schemas/accounts.js';
import { toFieldErrors } from '../../src/schemas/common.js';
import { opdEndpoints, type OpdSummary } from '../../src/schemas/opds.js';
import { focusTemporarily, renderErrorSummary, type SummaryError } from '../shared/error-summary.js';
import { textField } from '../shared/fields.js';
import { LocalizeController } from '../shared/localize.js';
import { renderNotice } from '../shared/notice.js';
import { OpdElement } from '../shared/opd-element.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { consoleStyles } from './console.styles.js';
import type { OpdSignedInDetail } from './events.js';
import { en } from './i18n/en.js';
import { id } from './i18n/id.js';
import { ck, failureMessage, fieldErrorsOf, isOffline } from './kit/failure.js';
import { errorFor, formValues, summaryErrors } from './kit/forms.js';
import type { ConsoleContext, ConsolePage, ConsolePageElement } from './page.js';
import { CONSOLE_PAGES } from './pages.js';
import { ConsoleSession } from './session.js';

export type { OpdSignedInDetail };

/** Where the console is. */
type Phase = 'starting' | 'unreachable' | 'signed-out' | 'must-change' | 'signed-in';

/** A route read from the address: `#/<page id>[/<the page's own part>][?opd=<slug>]`. */
interface Route {
  /** The path after `#/`, e.g. `siap/inbox/SIAP-7K3F-9QX2`; `''` for none. */
  path: string;
  /** The OPD named by `?opd=`, or `''`. */
  opd: string;
}

/** The shell's own route for changing the password. */
const PASSWORD_ROUTE = 'password';

/** The console's route in the page's address, or `null` when the fragment is not one (`#konten`, none). */
function readRoute(): Route | null {
  const hash = location.hash;
  if (!hash.startsWith('#/')) return null;
  const [path = '', query = ''] = hash.slice(2).split('?');
  const opd = new URLSearchParams(query).get('opd') ?? '';
  return { path: path.replace(/\/+$/, ''), opd };
}

/** The page a path opens and the page's own part of it: the longest page id the path starts with. */
function matchPage(path: string): { page: ConsolePage; rest: string[] } | null {
  let best: { page: ConsolePage; rest: string[] } | null = null;
  for (const page of CONSOLE_PAGES) {
    if (path === page.id || path.startsWith(`${page.id}/`)) {
      if (!best || page.id.length > best.page.id.length) {
        const rest = path.slice(page.id.length).split('/').filter(Boolean).map(decodeURIComponent);
        best = { page, rest };
      }
    }
  }
  return best;
}

/** The field order of the sign-in form (the error summary follows it). */
const SIGN_IN_FIELDS = ['email', 'password'] as const;
/** The field order of the password form. */
const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/**
 * The staff console: sign-in, the signed-in user, the navigation and the pages staff work in
 * (SIAP's inbox, the OPDs and their rollout, users and roles, embed snippets, the audit log).
 *
 * On the backend's own origin (`/console`) it signs in with an httpOnly cookie; embedded on
 * another origin, with a bearer token kept in the tab's `sessionStorage` (closing the tab
 * signs out). A user who signed in with a one-time password chooses their own first.
 *
 * ```html
 * <script type="module" src="https://layanan.example-kab.go.id/cdn/opd-kit.js"></script>
 * <opd-console api="https://layanan.example-kab.go.id"></opd-console>
 * ```
 *
 * Routes live in the page's fragment: `#/siap/inbox`, `#/siap/inbox/SIAP-7K3F-9QX2`,
 * `#/opds`, `#/opd?opd=bpkad`, `#/embed`, `#/audit`, `#/password`. A fragment that does not
 * start with `#/` is the host page's and is left alone.
 *
 * @summary The staff console: sign in, then SIAP's inbox, OPDs, users, embed code and the audit log.
 *
 * @attr api - The backend's base URL; default: this page's origin.
 * @attr lang - `id` (default) or `en`; the pages follow it.
 * @attr heading-level - The level of the console's page title (default 1); the pages' headings are one deeper.
 *
 * @event opd-signed-in - Someone signed in (or a kept session was restored). `detail: { userId, role, opd }`.
 * @event opd-signed-out - The user signed out, or the session ended. `detail: { reason }` (`signed-out` or `expired`).
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The bar with the console's name and the signed-in user.
 * @csspart nav - The menu of pages.
 * @csspart main - The area of the current page.
 * @csspart form - The sign-in and password forms.
 * @csspart field - Each field's wrapper.
 * @csspart label - Each label.
 * @csspart hint - Each hint.
 * @csspart input - Each input and select.
 * @csspart error - Each inline error message.
 * @csspart error-summary - The "Ada masalah" box.
 * @csspart notice - Messages (signed out, session ended, a page that cannot load).
 * @csspart button - Every button.
 *
 * @cssproperty --opd-font-size - The console's base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-font-family - Default: the page's font (`inherit`).
 * @cssproperty --opd-color-text - Body text.
 * @cssproperty --opd-color-muted - Hints.
 * @cssproperty --opd-color-surface - Panels.
 * @cssproperty --opd-color-surface-alt - The header and the menu.
 * @cssproperty --opd-color-border - Borders.
 * @cssproperty --opd-color-primary - Buttons, links, the current page in the menu.
 * @cssproperty --opd-color-on-primary - Text on primary buttons.
 * @cssproperty --opd-color-error - Errors.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-radius - Corners.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdConsole extends OpdElement {
  static override styles = [themeStyles, controlStyles, consoleStyles];

  static override properties: PropertyDeclarations = {
    headingLevel: { attribute: 'heading-level', type: Number },
    phase: { state: true, attribute: false },
    route: { state: true, attribute: false },
    opds: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    sending: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    email: { state: true, attribute: false },
    loading: { state: true, attribute: false },
  };

  /** The level of the page title (1 by default: at `/console` the console is the page). */
  headingLevel = 1;

  private phase: Phase = 'starting';
  private route: Route = { path: '', opd: '' };
  private opds: OpdSummary[] = [];
  private errors: SummaryError[] = [];
  private notice: '' | 'signed-out' | 'expired' | 'password-done' = '';
  private sending = false;
  private announcement = '';
  /** The sign-in e-mail, kept across a failed attempt and a session that ended. */
  private email = '';
  /** Pages whose code is loading or failed to load, by id. */
  private loading = new Map<string, 'loading' | 'failed'>();

  private readonly localize = new LocalizeController(this, { id, en });
  #session: ConsoleSession | undefined;
  #sessionKey = '';
  /** The page elements made so far, by page id; kept so a page keeps its state between visits. */
  readonly #pages = new Map<string, ConsolePageElement>();
  /** Whose pages {@link #pages} are: a different user signing in gets fresh ones. */
  #pagesOf = '';
  /** The OPD a regency admin last worked on. */
  #lastOpd = '';
  /** Move focus to the page title after the next render (a navigation the user made). */
  #focusTitle = false;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  private get level(): number {
    return Math.min(5, Math.max(1, Math.round(this.headingLevel) || 1));
  }

  /** The session for the current `api` (a new one when `api` changes). */
  private get session(): ConsoleSession {
    const key = this.apiBaseUrl;
    if (!this.#session || key !== this.#sessionKey) {
      this.#session = new ConsoleSession(key);
      this.#session.onEnded = () => this.sessionEnded();
      this.#sessionKey = key;
    }
    return this.#session;
  }

  /** Who is signed in, or `null`. */
  get user(): StaffUser | null {
    return this.#session?.user ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    this.route = readRoute() ?? this.route;
    if (this.hasUpdated && this.phase === 'starting') void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    clearTimeout(this.#announceTimer);
  }

  protected override firstUpdated(): void {
    void this.start();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.hasUpdated) {
      this.#pages.clear();
      this.phase = 'starting';
      void this.start();
    }
  }

  protected override updated(): void {
    if (this.#focusTitle && this.phase === 'signed-in') {
      this.#focusTitle = false;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#page-title'));
    }
  }

  /** Restores a kept session (the cookie, or the tab's token), or shows the sign-in form. */
  private async start(): Promise<void> {
    this.phase = 'starting';
    try {
      const user = await this.session.restore();
      if (user) await this.enter(user, false);
      else this.phase = 'signed-out';
    } catch (error) {
      this.phase = isOffline(error) ? 'unreachable' : 'signed-out';
    }
  }

  /** Signed in as `user`: to the password screen first if they must change it, else to the pages. */
  private async enter(user: StaffUser, byUser: boolean): Promise<void> {
    if (this.#pagesOf !== user.id) {
      this.#pages.clear();
      this.#pagesOf = user.id;
    }
    this.errors = [];
    this.emit('opd-signed-in', { userId: user.id, role: user.role, opd: user.opd });
    if (user.mustChangePassword) {
      this.phase = 'must-change';
      if (byUser) this.focusAfterRender('#password-title');
      return;
    }
    await this.loadOpds();
    this.phase = 'signed-in';
    this.#focusTitle = byUser || this.notice === 'expired';
    if (this.notice !== 'password-done') this.notice = '';
    this.openRoute();
  }

  /** Reads the OPD list (public: every OPD with its modules). */
  private async loadOpds(): Promise<void> {
    try {
      const list = await this.session.call(opdEndpoints.list, { what: 'the list of OPDs' });
      this.opds = list.data;
    } catch {
      // The pages say what they cannot load; the shell goes on with what it had.
    }
  }

  /** The OPDs the user may work on: all for a regency admin, else their own (the same array until either changes). */
  private get allowedOpds(): OpdSummary[] {
    const user = this.user;
    if (!user) return [];
    if (user.role === 'regency_admin') return this.opds;
    if (this.#allowed?.user !== user || this.#allowed.opds !== this.opds) {
      const own = user.opd ? [this.opds.find((opd) => opd.slug === user.opd) ?? { slug: user.opd, name: user.opd, modules: [] }] : [];
      this.#allowed = { user, opds: this.opds, value: own };
    }
    return this.#allowed.value;
  }
  #allowed: { user: StaffUser; opds: OpdSummary[]; value: OpdSummary[] } | undefined;

  /**
   * The pages the user's role opens, in menu order. Staff of one OPD see a module's pages only
   * when their OPD runs the module (BPKAD's staff have no road pages); the regency admin sees
   * every page, since they work on any OPD. While the OPD list is still loading nothing is left
   * out, so an address naming a module's page opens it.
   */
  private get allowedPages(): ConsolePage[] {
    const role = this.user?.role;
    if (!role) return [];
    const byRole = CONSOLE_PAGES.filter((page) => page.roles.includes(role));
    const own = role === 'regency_admin' ? undefined : this.opds.find((opd) => opd.slug === this.user?.opd);
    return own ? byRole.filter((page) => !page.module || own.modules.includes(page.module)) : byRole;
  }

  private readonly onHashChange = (): void => {
    const route = readRoute();
    if (!route) return; // the host page's own fragment
    this.route = route;
    if (this.phase !== 'signed-in') return;
    this.#focusTitle = true;
    this.openRoute();
  };

  /** Goes to `path` (a page id and its own part), keeping or naming the OPD. */
  private navigate(path: string, options: { opd?: string; replace?: boolean; keepFocus?: boolean } = {}): void {
    const opd = options.opd ?? this.route.opd;
    const hash = `#/${path}${opd ? `?opd=${encodeURIComponent(opd)}` : ''}`;
    if (location.hash === hash) return;
    if (options.replace) history.replaceState(history.state, '', hash);
    else history.pushState(history.state, '', hash);
    this.route = { path, opd };
    if (!options.replace && !options.keepFocus) this.#focusTitle = true;
    this.openRoute();
  }

  /** Opens the current route: a default page for none, the page's code when first needed. */
  private openRoute(): void {
    const pages = this.allowedPages;
    if (!this.route.path && pages[0]) {
      this.navigate(this.defaultPage(pages).id, { replace: true });
      return;
    }
    const match = matchPage(this.route.path);
    if (match && pages.includes(match.page)) void this.loadPage(match.page);
  }

  /** The page to open when the address names none: the first that works for the user's OPD. */
  private defaultPage(pages: ConsolePage[]): ConsolePage {
    const own = this.allowedOpds.length === 1 ? this.allowedOpds[0] : undefined;
    if (this.user?.role === 'regency_admin') return pages.find((page) => page.scope === 'regency') ?? pages[0]!;
    return pages.find((page) => !page.module || own?.modules.includes(page.module)) ?? pages[0]!;
  }

  /** Imports a page's code and makes its element, once. */
  private async loadPage(page: ConsolePage): Promise<void> {
    if (this.#pages.has(page.id) || this.loading.get(page.id) === 'loading') return;
    this.loading = new Map(this.loading).set(page.id, 'loading');
    const next = new Map(this.loading);
    try {
      await page.load();
      await customElements.whenDefined(page.tag);
      this.#pages.set(page.id, document.createElement(page.tag) as ConsolePageElement);
      next.delete(page.id);
    } catch (error) {
      console.error(`opd-console: could not load the page ${page.id}`, error);
      next.set(page.id, 'failed');
    }
    this.loading = next;
  }

  /** The OPD the current page works on: the user's own, or the one a regency admin picked. */
  private currentOpd(page: ConsolePage): OpdSummary | null {
    if (page.scope !== 'opd') return null;
    const allowed = this.allowedOpds;
    if (this.user?.role !== 'regency_admin') return allowed[0] ?? null;
    const wanted = this.route.opd || this.#lastOpd;
    const found = allowed.find((opd) => opd.slug === wanted);
    if (found) {
      this.#lastOpd = found.slug;
      return found;
    }
    // None picked yet: the first that runs the page's module.
    return allowed.find((opd) => !page.module || opd.modules.includes(page.module)) ?? allowed[0] ?? null;
  }

  /** Says `message` in the polite live region (cleared after a while, so the same words can be said again). */
  private announce(message: string): void {
    this.announcement = '';
    clearTimeout(this.#announceTimer);
    requestAnimationFrame(() => {
      this.announcement = message;
      this.#announceTimer = setTimeout(() => (this.announcement = ''), 8000);
    });
  }

  private focusAfterRender(selector: string): void {
    void this.updateComplete.then(() => focusTemporarily(this.renderRoot.querySelector<HTMLElement>(selector)));
  }

  /** A call answered 401 while signed in: back to the sign-in form, the pages kept as they were. */
  private sessionEnded(): void {
    if (this.phase !== 'signed-in' && this.phase !== 'must-change') return;
    this.notice = 'expired';
    this.phase = 'signed-out';
    this.emit('opd-signed-out', { reason: 'expired' });
    this.focusAfterRender('.notice');
  }

  private readonly onSignIn = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.sending) return;
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    this.email = values.email ?? '';
    this.sending = true;
    try {
      const user = await this.session.signIn(values.email ?? '', values.password ?? '');
      this.sending = false;
      await this.enter(user, true);
    } catch (error) {
      this.sending = false;
      const password = form.querySelector<HTMLInputElement>('#password');
      if (password && !(fieldErrorsOf(error) ?? []).some((field) => field.path === 'email')) password.value = '';
      this.errors = this.signInErrors(error);
      this.notice = '';
      this.focusAfterRender('.error-summary');
    }
  };

  /** What the sign-in form says about a failed attempt. */
  private signInErrors(error: unknown): SummaryError[] {
    const t = this.localize;
    const fields = fieldErrorsOf(error);
    if (fields) return summaryErrors(fields, SIGN_IN_FIELDS, (field, code) => this.fieldMessage(field, code));
    if (error instanceof RateLimitError) return [{ field: '', message: t.t('signIn.locked', t.wait(error.retryAfter)) }];
    if (error instanceof ApiError && (error.status === 401 || error.code === 'login-failed')) {
      return [{ field: 'email', message: t.t('signIn.failed') }];
    }
    return [{ field: '', message: failureMessage(error, t) }];
  }

  /** A field's message for an error code, in the console's language. */
  private fieldMessage(field: string, code: string): string {
    const t = this.localize;
    if (field === 'newPassword' && code === 'tooShort') return t.t('error.newPassword.tooShort', PASSWORD_MIN_LENGTH);
    const labels: Record<string, string> = {
      email: t.t('signIn.email'),
      password: t.t('signIn.password'),
      currentPassword: t.t('password.current'),
      newPassword: t.t('password.new'),
      confirmPassword: t.t('password.confirm'),
    };
    return t.lookup(`error.${field}.${code}`) ?? t.t('error.generic', labels[field] ?? field);
  }

  private readonly onChangePassword = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.sending) return;
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const current = values.currentPassword ?? '';
    const next = values.newPassword ?? '';
    const confirm = values.confirmPassword ?? '';
    // What only this form knows: the repeat must match, and a new password must be new.
    const local: SummaryError[] = [];
    if (next && next === current) local.push({ field: 'newPassword', message: this.localize.t('error.newPassword.same') });
    if (!confirm) local.push({ field: 'confirmPassword', message: this.localize.t('error.confirmPassword.required') });
    else if (next !== confirm) local.push({ field: 'confirmPassword', message: this.localize.t('error.confirmPassword.mismatch') });
    this.sending = true;
    try {
      if (local.length) {
        // Check the rest against the schema too, so every problem is listed at once.
        const checked = passwordChange.safeParse({ currentPassword: current, newPassword: next }, { reportInput: true });
        const schemaErrors = checked.success ? [] : summaryErrors(toFieldErrors(checked.error.issues), PASSWORD_FIELDS, (f, c) => this.fieldMessage(f, c));
        const merged = [...schemaErrors.filter((e) => !local.some((l) => l.field === e.field)), ...local];
        this.errors = merged.sort((a, b) => PASSWORD_FIELDS.indexOf(a.field as never) - PASSWORD_FIELDS.indexOf(b.field as never));
        this.sending = false;
        this.focusAfterRender('.error-summary');
        return;
      }
      const user = await this.session.changePassword(current, next);
      this.sending = false;
      this.errors = [];
      form.reset();
      this.notice = 'password-done';
      this.announce(this.localize.t('password.done'));
      if (this.phase === 'must-change') await this.enter(user, true);
      else this.navigate(this.defaultPage(this.allowedPages).id);
    } catch (error) {
      this.sending = false;
      if (this.phase === 'signed-out') return; // the session ended meanwhile: the sign-in form says so
      const fields = fieldErrorsOf(error);
      if (fields) {
        this.errors = summaryErrors(fields, PASSWORD_FIELDS, (field, code) =>
          field === 'currentPassword' && code !== 'required' ? this.localize.t('password.wrongCurrent') : this.fieldMessage(field, code),
        );
      } else if (error instanceof ApiError && (error.status === 403 || error.code === 'login-failed')) {
        this.errors = [{ field: 'currentPassword', message: this.localize.t('password.wrongCurrent') }];
      } else {
        this.errors = [{ field: '', message: failureMessage(error, this.localize) }];
      }
      this.focusAfterRender('.error-summary');
    }
  };

  private readonly onSignOut = async (): Promise<void> => {
    if (this.sending) return;
    this.sending = true;
    await this.session.signOut();
    this.sending = false;
    this.#pages.clear();
    this.#pagesOf = '';
    this.errors = [];
    this.notice = 'signed-out';
    this.phase = 'signed-out';
    this.emit('opd-signed-out', { reason: 'signed-out' });
    this.focusAfterRender('.notice');
  };

  private readonly onPickOpd = (event: Event): void => {
    const slug = (event.target as HTMLSelectElement).value;
    if (!slug) return;
    this.#lastOpd = slug;
    const match = matchPage(this.route.path);
    // The page's own part (a question of the other OPD) does not carry over.
    this.navigate(match ? match.page.id : this.route.path, { opd: slug });
  };

  private readonly onSkip = (): void => {
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#page-title'));
  };

  private readonly retryStart = (): void => {
    void this.start();
  };

  protected override render(): TemplateResult {
    const t = this.localize;
    return html`<div part="base" class="base console" lang=${t.lang}>
      ${this.renderPhase()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderPhase(): TemplateResult {
    const t = this.localize;
    switch (this.phase) {
      case 'starting':
        return html`<p class="muted starting">${t.t('console.loading')}</p>`;
      case 'unreachable':
        return renderNotice({
          message: t.t('console.offline'),
          tone: 'warning',
          alert: true,
          action: { label: t.t('retry'), onClick: this.retryStart },
        });
      case 'signed-out':
        return this.renderSignIn();
      case 'must-change':
        return html`<div class="narrow">${this.renderHeader()}<div class="panel">${this.renderPasswordForm(true)}</div></div>`;
      case 'signed-in':
        return this.renderSignedIn();
    }
  }

  private renderSummary(): TemplateResult | typeof nothing {
    if (this.errors.length === 0) return nothing;
    return renderErrorSummary({
      title: this.localize.t('summary.title'),
      errors: this.errors,
      headingLevel: this.level + 1,
      root: () => this.shadowRoot,
    });
  }

  private renderSignIn(): TemplateResult {
    const t = this.localize;
    const prefix = t.t('error.prefix');
    const notice =
      this.notice === 'signed-out' ? t.t('signIn.signedOut') : this.notice === 'expired' ? t.t('signIn.expired') : '';
    return html`<div class="sign-in">
      <div class="panel">
        <div role="heading" aria-level=${this.level} class="heading page-heading" id="sign-in-title">${t.t('signIn.title')}</div>
        ${notice ? renderNotice({ message: notice, tone: this.notice === 'expired' ? 'warning' : 'info' }) : nothing}
        ${this.renderSummary()}
        <p class="intro">${t.t('signIn.intro')}</p>
        <form part="form" novalidate @submit=${this.onSignIn} aria-labelledby="sign-in-title">
          ${textField({
            name: 'email',
            label: t.t('signIn.email'),
            type: 'email',
            autocomplete: 'username',
            inputmode: 'email',
            spellcheck: false,
            autocapitalize: 'none',
            value: this.email,
            error: errorFor(this.errors, 'email'),
            errorPrefix: prefix,
          })}
          ${textField({
            name: 'password',
            label: t.t('signIn.password'),
            type: 'password',
            autocomplete: 'current-password',
            value: '',
            error: errorFor(this.errors, 'password'),
            errorPrefix: prefix,
          })}
          <button part="button" class="button" type="submit" ?disabled=${this.sending} aria-disabled=${this.sending ? 'true' : 'false'}>
            ${this.sending ? t.t('signIn.sending') : t.t('signIn.submit')}
          </button>
        </form>
        <p class="muted">${t.t('signIn.forgot')}</p>
      </div>
    </div>`;
  }

  private renderPasswordForm(forced: boolean): TemplateResult {
    const t = this.localize;
    const prefix = t.t('error.prefix');
    return html`
      <div role="heading" aria-level=${forced ? this.level : this.level + 1} class="heading page-heading" id="password-title">
        ${t.t('password.title')}
      </div>
      ${forced ? renderNotice({ message: t.t('password.mustChange') }) : nothing} ${this.renderSummary()}
      <form part="form" novalidate @submit=${this.onChangePassword} aria-labelledby="password-title">
        <input type="text" class="visually-hidden" name="username" autocomplete="username" .value=${this.user?.email ?? ''} tabindex="-1" aria-hidden="true" readonly />
        ${textField({
          name: 'currentPassword',
          label: t.t('password.current'),
          hint: forced ? t.t('password.currentHint') : undefined,
          type: 'password',
          autocomplete: 'current-password',
          value: '',
          error: errorFor(this.errors, 'currentPassword'),
          errorPrefix: prefix,
        })}
        ${textField({
          name: 'newPassword',
          label: t.t('password.new'),
          hint: t.t('password.newHint', PASSWORD_MIN_LENGTH),
          type: 'password',
          autocomplete: 'new-password',
          value: '',
          error: errorFor(this.errors, 'newPassword'),
          errorPrefix: prefix,
        })}
        ${textField({
          name: 'confirmPassword',
          label: t.t('password.confirm'),
          type: 'password',
          autocomplete: 'new-password',
          value: '',
          error: errorFor(this.errors, 'confirmPassword'),
          errorPrefix: prefix,
        })}
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.sending}>
            ${this.sending ? t.t('password.sending') : t.t('password.submit')}
          </button>
          ${forced
            ? nothing
            : html`<a class="button button--secondary" part="button" href="#/${this.defaultPage(this.allowedPages).id}">${t.t('password.cancel')}</a>`}
        </div>
      </form>
    `;
  }

  private renderHeader(): TemplateResult {
    const t = this.localize;
    const user = this.user;
    if (!user) return html``;
    const own = user.opd ? (this.opds.find((opd) => opd.slug === user.opd)?.name ?? user.opd) : '';
    return html`<header part="header" class="header">
      <div class="brand">${t.t('console.name')}</div>
      <div class="who">
        <p class="user">
          <span class="visually-hidden">${t.t('user.signedInAs')}</span>
          <strong class="user-name">${user.name}</strong>
          <span class="user-role">${ck(t.lang)[`ck.role.${user.role}`]}${own ? html` · ${own}` : nothing}</span>
        </p>
        <div class="user-actions">
          ${this.phase === 'signed-in'
            ? html`<a class="link" href="#/${PASSWORD_ROUTE}" aria-current=${this.route.path === PASSWORD_ROUTE ? 'page' : 'false'}>${t.t('user.password')}</a>`
            : nothing}
          <button part="button" type="button" class="button button--secondary button--small" @click=${this.onSignOut} ?disabled=${this.sending}>
            ${t.t('user.signOut')}
          </button>
        </div>
      </div>
    </header>`;
  }

  private renderSignedIn(): TemplateResult {
    const t = this.localize;
    const pages = this.allowedPages;
    const match = matchPage(this.route.path);
    const current = this.route.path === PASSWORD_ROUTE ? null : match?.page;
    return html`
      <button type="button" class="skip-link link-button" @click=${this.onSkip}>${t.t('console.skip')}</button>
      ${this.renderHeader()}
      <div class="layout">
        <nav part="nav" class="nav" aria-label=${t.t('console.nav')}>
          <ul>
            ${pages.map(
              (page) => html`<li>
                <a href="#/${page.id}${this.route.opd ? `?opd=${encodeURIComponent(this.route.opd)}` : ''}" aria-current=${page === current ? 'page' : 'false'}>
                  ${page.title[t.lang]}
                </a>
              </li>`,
            )}
          </ul>
        </nav>
        <div part="main" class="main">${this.renderMain(pages, match)}</div>
      </div>
    `;
  }

  /**
   * The page area: its title (one element whatever comes under it, so focus on it survives the
   * page's code arriving), then the OPD selector and the page, or a notice instead.
   */
  private renderMain(pages: ConsolePage[], match: { page: ConsolePage; rest: string[] } | null): TemplateResult {
    const { title, body } = this.mainContent(pages, match);
    return html`<div role="heading" aria-level=${this.level} class="heading page-heading" id="page-title">${title}</div>
      ${this.notice === 'password-done' && this.route.path !== PASSWORD_ROUTE ? renderNotice({ message: this.localize.t('password.done') }) : nothing}
      ${body}`;
  }

  private mainContent(pages: ConsolePage[], match: { page: ConsolePage; rest: string[] } | null): { title: string; body: TemplateResult } {
    const t = this.localize;
    if (this.route.path === PASSWORD_ROUTE) {
      return { title: t.t('user.password'), body: html`<div class="panel">${this.renderPasswordForm(false)}</div>` };
    }
    if (pages.length === 0) return { title: t.t('console.name'), body: renderNotice({ message: t.t('console.noPages') }) };
    if (!match) return { title: t.t('console.name'), body: renderNotice({ message: t.t('console.notFound'), tone: 'warning' }) };
    const { page, rest } = match;
    const title = page.title[t.lang];
    if (!pages.includes(page)) return { title, body: renderNotice({ message: t.t('console.forbidden'), tone: 'warning' }) };
    const opd = this.currentOpd(page);
    const picker = page.scope === 'opd' && this.user?.role === 'regency_admin' ? this.renderOpdPicker(opd) : nothing;
    let body: TemplateResult;
    const state = this.loading.get(page.id);
    const element = this.#pages.get(page.id);
    if (page.scope === 'opd' && !opd) {
      body = renderNotice({ message: t.t('console.noOpd') });
    } else if (page.module && opd && !opd.modules.includes(page.module)) {
      body = renderNotice({ message: t.t('console.moduleOff', page.module.toUpperCase(), opd.name) });
    } else if (state === 'failed') {
      body = renderNotice({
        message: t.t('console.pageFailed'),
        tone: 'warning',
        alert: true,
        action: {
          label: t.t('retry'),
          onClick: () => {
            const next = new Map(this.loading);
            next.delete(page.id);
            this.loading = next;
            void this.loadPage(page);
          },
        },
      });
    } else if (!element) {
      body = html`<p class="muted">${t.t('console.pageLoading')}</p>`;
    } else {
      this.prepare(element, opd, rest);
      body = html`<div class="page">${element}</div>`;
    }
    return { title, body: html`${picker}${body}` };
  }

  /** Gives a page element what it needs; a new context only when something in it changed. */
  private prepare(element: ConsolePageElement, opd: OpdSummary | null, rest: string[]): void {
    const user = this.user!;
    const previous = element.context;
    const same =
      previous &&
      previous.user === user &&
      previous.opd === opd &&
      previous.opds === this.allowedOpds &&
      previous.route.join('/') === rest.join('/');
    if (!same) {
      const context: ConsoleContext = {
        user,
        session: this.session,
        opd,
        opds: this.allowedOpds,
        route: rest,
        navigate: (route, options) => this.navigate(route, options),
        refreshOpds: () => this.loadOpds(),
        announce: (message) => this.announce(message),
      };
      element.context = context;
    }
    element.api = this.api;
    element.headingLevel = this.level + 1;
    if (element.getAttribute('lang') !== this.localize.lang) element.setAttribute('lang', this.localize.lang);
  }

  private renderOpdPicker(opd: OpdSummary | null): TemplateResult {
    const t = this.localize;
    return html`<div class="opd-picker">
      <label part="label" class="label" for="console-opd">${t.t('console.opd')}</label>
      <select part="input" class="input" id="console-opd" @change=${this.onPickOpd}>
        ${opd ? nothing : html`<option value="" selected>${t.t('console.opdChoose')}</option>`}
        ${this.allowedOpds.map((item) => html`<option value=${item.slug} .selected=${item.slug === opd?.slug}>${item.name}</option>`)}
      </select>
    </div>`;
  }
}
