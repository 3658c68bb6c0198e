/**
 * The behaviour every opd-kit form shares, as one Lit reactive controller: the values, the
 * field errors in form order, the draft kept on the device, sending with one idempotency key
 * per draft (sent again with the same key after a failure, by itself when the browser comes
 * back `online`, when a rate limit's wait is over, and when a page reloaded in the middle of a
 * send comes back), and every SDK error turned into something the citizen reads.
 *
 * One question stored per intention, and the citizen always holds what was stored: a key is
 * spent once the server holds something under it. When the server says so — it refused the
 * key for changed values (`idempotency-conflict`) and gave what it stored under it, or the
 * citizen typed while the send was under way — the form shows what is stored
 * (`unsent-changes`, via {@link FormOptions.received}), keeps the changed values with a new
 * key, and sends them only when the citizen asks ("send the changed version as new"); never by
 * itself, and never lost.
 *
 * The widget gives what is its own — the schema, the field order, the empty values and a
 * `submit(values, idempotencyKey)` that calls the SDK — and renders with the field templates
 * of `fields.ts`, the error summary and {@link renderFormNotice}:
 *
 * ```ts
 * private readonly form = new FormController(this, {
 *   widget: 'damage-report',
 *   opd: () => this.opd,
 *   fields: ['location', 'description', 'consent'],
 *   initial: { location: '', description: '', consent: false },
 *   schema: damageReportCreate,
 *   submit: (values, idempotencyKey) => this.clients.client.roads.reports.create(values, { idempotencyKey }),
 *   localize: this.localize,
 *   label: (field) => this.localize.t(`report.${field}`),
 *   sent: (receipt) => this.emit('opd-submitted', …),
 * });
 * ```
 *
 * The draft of the OPD is put back by itself before the first render, and again when `opd`
 * changes, if the form is untouched.
 *
 * Focus follows GOV.UK: the error summary takes focus when it appears, a notice about a failed
 * send takes focus, and discarding or starting again focuses the first field.
 *
 * A failed send is reported to the host page with `opd-error` (action `submit`) once the form's
 * state shows it. Input refused before sending — by the widget's schema or by the SDK's own
 * check (`ValidationError`) — is the citizen's to correct: field errors, no event.
 *
 * @module
 */
import { nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { FieldError } from '../../src/index.js';
import { toFieldErrors } from '../../src/schemas/common.js';
import { DraftController } from './draft-controller.js';
import { opdErrorDetail, readError } from './error-detail.js';
import { focusField, focusTemporarily, renderErrorSummary, type SummaryError } from './error-summary.js';
import type { KitLocalize } from './localize.js';
import type { OpdElement } from './opd-element.js';

/** A form's values: each field a string (inputs, selects, textareas) or a boolean (checkboxes). */
export type FormValues<V> = { [K in keyof V]: string | boolean };

/** A field's name. */
export type FieldName<V> = keyof V & string;

/**
 * A text's length as zod's `minLength` / `maxLength` measure it, so as the server does: in
 * Unicode code points (an emoji is one, a lone surrogate one), not in UTF-16 units.
 */
export function textLength(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/** A field with a character count: its maximum, and whether the schema trims it before measuring (`z.trim()`). */
export interface CountedField {
  /** The most characters (code points) the schema allows. */
  max: number;
  /** The schema trims the value before it checks the length (as `z.trim()` then `z.maxLength()`). */
  trimmed?: boolean;
}

/** What the controller needs of a schema: zod's (and zod/mini's) `safeParse`. */
export interface FormSchema {
  /** Checks `input`; on failure, `error.issues` are what the citizen is told, field by field. */
  safeParse(input: unknown): { success: boolean; error?: { issues: Parameters<typeof toFieldErrors>[0] } };
}

/**
 * The notice above the form, if any; {@link renderFormNotice} shows it.
 *
 * - `restored`: the stored draft was put back (with a way to delete it);
 * - `discarded`: the citizen deleted the draft;
 * - `offline`: no answer; the form sends by itself when the connection is back;
 * - `rate-limited`: wait `retryAfter` seconds (counting down); the form sends again by itself then;
 * - `server`: the server failed; `requestId` is what to quote (`''` when none);
 * - `unsent-changes`: the server holds `stored`, an earlier version of these values (sent
 *   with the same key, or sent while the citizen kept typing); the values in the form were not
 *   sent and have a new key: sending them makes a new one;
 * - `conflict`: the same, when the server does not say what it holds;
 * - `unavailable`: the module is switched off (or missing) for this OPD.
 */
export type FormNotice<R = unknown> =
  | { kind: 'restored' }
  | { kind: 'discarded' }
  | { kind: 'offline' }
  | {
      kind: 'rate-limited';
      /** Seconds left before the form sends again by itself. */
      retryAfter: number;
    }
  | {
      kind: 'server';
      /** The server's request id to quote, `''` when none. */
      requestId: string;
    }
  | {
      kind: 'unsent-changes';
      /** What the server stored for the earlier version (e.g. its receipt). */
      stored: R;
    }
  | { kind: 'conflict' }
  | { kind: 'unavailable' };

/** What a widget tells its {@link FormController}. */
export interface FormOptions<V extends FormValues<V>, R> {
  /** The widget's name, part of the draft's storage key, e.g. `consultation-form`. */
  widget: string;
  /** The OPD the draft belongs to, read each time (it may change). */
  opd: () => string;
  /** Every field in the order the form shows it; the error summary follows it. */
  fields: readonly FieldName<V>[];
  /** The values of an empty form (also the type of each field). */
  initial: V;
  /** Checks the input before anything is sent; its issues become field errors. */
  schema: FormSchema;
  /** What the schema checks, from the values (default: the values as they are). */
  toInput?: (values: V) => unknown;
  /** Sends the values; resolves with what the widget shows afterwards (e.g. a receipt; not `null` or `undefined`). */
  submit: (values: V, idempotencyKey: string) => Promise<R>;
  /** The widget's translator, with the widget's field error messages (`error.<field>.<code>`). */
  localize: KitLocalize;
  /** A field's label, for the fallback error "Periksa kembali isian <label>". */
  label: (field: FieldName<V>) => string;
  /** A widget's own message for a rejected field, before the `error.<field>.<code>` lookup. */
  errorMessage?: (field: FieldName<V>, error: FieldError) => string | undefined;
  /** Fields with a character count: the maximum, or how the schema measures (see {@link CountedField}). */
  counted?: Partial<Record<FieldName<V>, number | CountedField>>;
  /** Whether the form can be sent now (e.g. its OPD is set); default yes. */
  canSend?: () => boolean;
  /**
   * Reads what the server stored under a spent key — the `stored` of an `idempotency-conflict`,
   * which the SDK checked against the endpoint's answer — as what `submit` resolves with; `null` when it is not that. Default: unknown.
   */
  storedResult?: (stored: unknown) => R | null | undefined;
  /**
   * Called each time the server is known to hold a result, before the form shows it: sent
   * now, told by a conflict, or sent while the citizen kept typing. Keep it here (a receipt on
   * the device) and tell the page.
   */
  received?: (result: R) => void;
  /** Called once sent, after the form was emptied, the draft forgotten and the result shown. */
  sent?: (result: R) => void | Promise<void>;
}

/** How a send started: by the citizen, or by the form (back online, a wait over, a reload). */
interface SendOptions {
  /** The form sent by itself: a refusal of the input shows nothing, a failure takes no focus from a field. */
  automatic?: boolean;
}

/** Milliseconds of quiet typing before the remaining characters are announced. */
const COUNT_ANNOUNCE_DELAY = 1000;

/**
 * Milliseconds before a send that reached no server is tried again by itself while the browser
 * says it is online (the server may be down, not the connection, and then no `online` event
 * comes): 5 s, 15 s, 30 s, then every minute, with the same key.
 */
const RESEND_DELAYS = [5000, 15_000, 30_000, 60_000];

/** One opd-kit form's state and behaviour; see the module comment. */
export class FormController<V extends FormValues<V>, R> implements ReactiveController {
  readonly #host: OpdElement;
  readonly #options: FormOptions<V, R>;
  readonly #draft: DraftController<V>;
  #values: V;
  #problems: FieldError[] = [];
  #notice: FormNotice<R> | null = null;
  #sending = false;
  #result: R | null = null;
  #announcement = '';
  #countTimer: ReturnType<typeof setTimeout> | undefined;
  #waitingForOnline = false;
  /** Sends tried by itself since the connection was lost, for {@link RESEND_DELAYS}. */
  #resends = 0;
  #resendTimer: ReturnType<typeof setTimeout> | undefined;
  /** When a rate limit's wait is over (ms since epoch), or 0. */
  #retryAt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The OPD whose draft was last looked for. */
  #draftOpd = '';
  readonly #onOnline = (): void => {
    if (this.#notice?.kind === 'offline' && !this.#sending) void this.send({ automatic: true });
  };

  /** Adds itself (and the draft's controller) to `host`, with the widget's {@link FormOptions}. */
  constructor(host: OpdElement, options: FormOptions<V, R>) {
    this.#host = host;
    this.#options = options;
    this.#values = { ...options.initial };
    // Added before this controller, so the draft's pending save is written first on removal.
    this.#draft = new DraftController<V>(host, { widget: options.widget, opd: options.opd });
    host.addController(this);
  }

  /** Back in the page while a send waits (for the connection, or a rate limit): wait again. */
  hostConnected(): void {
    if (this.#waitingForOnline) this.#listenForOnline();
    if (this.#retryAt) this.#tick();
  }

  /** Before each render: when the OPD (so the draft's key) changed, puts its draft back. */
  hostUpdate(): void {
    const opd = this.#options.opd();
    if (opd === this.#draftOpd) return;
    this.#draftOpd = opd;
    if (opd) this.#restore();
  }

  /** Out of the page: no announcement and no resend from a removed form. */
  hostDisconnected(): void {
    clearTimeout(this.#countTimer);
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#resendTimer);
    globalThis.removeEventListener('online', this.#onOnline);
  }

  /** What the citizen entered. */
  get values(): V {
    return this.#values;
  }

  /** The rejected fields, one per field in form order, then problems with no field (`path: ''`). */
  get problems(): readonly FieldError[] {
    return this.#problems;
  }

  /** The notice to show above the form, if any. */
  get notice(): FormNotice<R> | null {
    return this.#notice;
  }

  /** Whether a send is under way (disable the button). */
  get sending(): boolean {
    return this.#sending;
  }

  /** What `submit` resolved with, until {@link reset}: show it instead of the form. */
  get result(): R | null {
    return this.#result;
  }

  /** The text for the widget's polite live region (`role="status"`). */
  get announcement(): string {
    return this.#announcement;
  }

  /** The `@input` handler for the `<form>`: keeps the value, saves the draft, schedules the count. */
  readonly onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const field = target.name as FieldName<V>;
    if (!this.#options.fields.includes(field)) return;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    this.#set({ values: { ...this.#values, [field]: value } });
    if (this.#isBlank(this.#values)) this.#draft.clear();
    else this.#draft.save(this.#values);
    if (this.#options.counted?.[field] !== undefined) {
      clearTimeout(this.#countTimer);
      this.#countTimer = setTimeout(() => this.#set({ announcement: this.count(field).text }), COUNT_ANNOUNCE_DELAY);
    }
  };

  /** The `@submit` handler for the `<form>`. */
  readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.send();
  };

  /**
   * Sends again what failed to send (the same idempotency key), or, after `unsent-changes` or
   * `conflict`, sends the changed values as a new one (their new key).
   */
  readonly resend = (): void => {
    void this.send();
  };

  /** Checks and sends the values; safe to call again (it reuses the draft's idempotency key). */
  async send(how: SendOptions = {}): Promise<void> {
    const options = this.#options;
    if (this.#sending || (options.canSend && !options.canSend())) return;
    this.#stopRateLimitWait();
    const values = this.#values;
    const checked = options.schema.safeParse(options.toInput ? options.toInput(values) : values);
    if (!checked.success) {
      if (!how.automatic) await this.#showErrors(toFieldErrors(checked.error?.issues ?? []));
      return;
    }
    // A count still to be announced would be stale by the time it is read.
    clearTimeout(this.#countTimer);
    this.#set({ problems: [], notice: null, sending: true, announcement: options.localize.t('form.sending') });
    this.#draft.attempt(values);
    let result: R;
    try {
      result = await options.submit(values, this.#draft.idempotencyKey);
    } catch (error) {
      this.#set({ sending: false });
      await this.#fail(error, how);
      return;
    }
    this.#stopWaitingForOnline();
    if (!this.#same(values, this.#values)) {
      // Typed while it was being sent: `values` is stored, what the form holds now is not.
      // The notice is an alert; it takes focus only if the citizen is not typing.
      await this.#storedEarlier(result, { automatic: true });
      return;
    }
    this.#draft.clear();
    this.#set({ sending: false, values: { ...options.initial }, problems: [], notice: null, announcement: '', result });
    options.received?.(result);
    await options.sent?.(result);
  }

  /** Forgets the draft and empties the form (the citizen's "delete the draft", or "drop the changes"). */
  readonly discard = async (): Promise<void> => {
    this.#draft.clear();
    this.#stopWaitingForOnline();
    this.#stopRateLimitWait();
    this.#set({ values: { ...this.#options.initial }, problems: [], notice: { kind: 'discarded' } });
    await this.#focusFirstField();
  };

  /** Leaves the result for an empty form ("ask another question"). */
  readonly reset = async (): Promise<void> => {
    this.#set({ result: null, values: { ...this.#options.initial }, announcement: '' });
    await this.#focusFirstField();
  };

  /** What a field template needs from the form: name, inline error and its prefix (see `FieldProps`). */
  field(name: FieldName<V>): { name: string; error: string | undefined; errorPrefix: string } {
    return { name, error: this.errorFor(name), errorPrefix: this.#options.localize.t('error.prefix') };
  }

  /** The inline error of a field, in the widget's language, or `undefined`. */
  errorFor(field: FieldName<V>): string | undefined {
    const problem = this.#problems.find((candidate) => candidate.path === field);
    return problem ? this.#message(field, problem) : undefined;
  }

  /**
   * A counted field's "characters left" text, and whether it is over its maximum: measured as
   * the schema measures ({@link textLength}, after trimming when it trims), so the count and
   * the server never disagree.
   */
  count(field: FieldName<V>): { text: string; over: boolean } {
    const t = this.#options.localize;
    const counted = this.#options.counted?.[field] ?? 0;
    const { max, trimmed } = typeof counted === 'number' ? { max: counted, trimmed: false } : counted;
    const value = this.#values[field];
    const text = typeof value === 'string' ? (trimmed ? value.trim() : value) : '';
    const left = max - textLength(text);
    return { text: left >= 0 ? t.t('form.countLeft', left) : t.t('form.countOver', -left), over: left < 0 };
  }

  /** The error summary (GOV.UK) when there are problems; `nothing` otherwise. */
  errorSummary(headingLevel: number): TemplateResult | typeof nothing {
    if (this.#problems.length === 0) return nothing;
    const errors: SummaryError[] = this.#problems.map((problem) => ({
      field: problem.path,
      message: problem.path ? this.#message(problem.path as FieldName<V>, problem) : problem.message,
    }));
    return renderErrorSummary({
      title: this.#options.localize.t('summary.title'),
      errors,
      headingLevel,
      root: () => this.#host.shadowRoot,
    });
  }

  /** The message for a rejected field: the widget's, else `error.<field>.<code>`, else a generic one. */
  #message(field: FieldName<V>, error: FieldError): string {
    const { localize, errorMessage, label } = this.#options;
    return (
      errorMessage?.(field, error) ??
      localize.lookup(`error.${field}.${error.code ?? 'invalid'}`) ??
      localize.t('error.generic', label(field))
    );
  }

  /**
   * Shows what the server or the SDK refused, or waits for the connection; then tells the host
   * page with `opd-error`. The event comes after the state is set, so a listener meets a form
   * that already shows the failure (and one that removes the widget stops the resend when the
   * connection is back). Input the SDK's own check refused is the citizen's to fix, not a
   * failure: its field errors are shown without an event, as with the form's own check.
   */
  async #fail(error: unknown, how: SendOptions): Promise<void> {
    const reading = readError(error);
    // An answer that stored nothing: a reload must not send the draft again by itself.
    if ((reading.kind === 'fields' && reading.sent) || ['rate-limited', 'unavailable', 'not-found'].includes(reading.kind)) {
      this.#draft.refused(this.#values);
    }
    if (reading.kind === 'fields') {
      this.#setProblems(reading.fieldErrors);
      if (reading.sent) this.#host.emit('opd-error', opdErrorDetail(error, 'submit', reading.code));
      await this.#focusSummary();
      return;
    }
    let notice: FormNotice<R>;
    switch (reading.kind) {
      case 'offline':
        notice = { kind: 'offline' };
        this.#startWaitingForOnline();
        break;
      case 'rate-limited':
        notice = { kind: 'rate-limited', retryAfter: Math.max(1, Math.ceil(reading.retryAfter)) };
        this.#startRateLimitWait(reading.retryAfter);
        break;
      case 'conflict': {
        // The key was spent on an earlier version of these values, which the server holds.
        const stored = reading.stored === undefined ? null : (this.#options.storedResult?.(reading.stored) ?? null);
        if (stored !== null) {
          // Not a failure: the question was received; the changes since are the citizen's to send.
          await this.#storedEarlier(stored, how);
          return;
        }
        this.#draft.renewKey();
        this.#draft.saveNow(this.#values);
        notice = { kind: 'conflict' };
        break;
      }
      case 'unavailable':
      case 'not-found':
        notice = { kind: 'unavailable' };
        break;
      case 'server':
        notice = { kind: 'server', requestId: reading.requestId };
        break;
    }
    this.#set({ notice, announcement: '' });
    this.#host.emit('opd-error', opdErrorDetail(error, 'submit', reading.code));
    await this.#focusNotice(how);
  }

  /**
   * The server holds `stored`, an earlier version of what the form holds now: keep the form's
   * values as a draft with a new key (nothing sent with it yet), hand `stored` to the widget,
   * and say so.
   */
  async #storedEarlier(stored: R, how: SendOptions): Promise<void> {
    this.#draft.renewKey();
    this.#draft.saveNow(this.#values);
    this.#set({ sending: false, problems: [], notice: { kind: 'unsent-changes', stored }, announcement: '' });
    this.#options.received?.(stored);
    await this.#focusNotice(how);
  }

  /**
   * Once rendered, moves focus to the notice — unless the form sent by itself and the citizen
   * is in one of its fields: a failure in the background does not pull them out of their typing.
   */
  async #focusNotice(how: SendOptions): Promise<void> {
    await this.#host.updateComplete;
    const root = this.#host.shadowRoot;
    const active = root?.activeElement;
    if (how.automatic && active?.matches('input, select, textarea')) return;
    focusTemporarily(this.#host.renderRoot.querySelector<HTMLElement>('.notice'));
  }

  /** Counts down a rate limit's wait in the notice, then sends again (the same key). */
  #startRateLimitWait(seconds: number): void {
    this.#retryAt = Date.now() + Math.max(0, seconds) * 1000;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.#tick(), this.#msToNextSecond());
  }

  #tick(): void {
    clearTimeout(this.#retryTimer);
    if (!this.#retryAt || !this.#host.isConnected) return;
    const left = Math.ceil((this.#retryAt - Date.now()) / 1000);
    if (left <= 0 || this.#notice?.kind !== 'rate-limited') {
      const waiting = this.#notice?.kind === 'rate-limited';
      this.#stopRateLimitWait();
      if (waiting) void this.send({ automatic: true });
      return;
    }
    if (left !== this.#notice.retryAfter) this.#set({ notice: { kind: 'rate-limited', retryAfter: left } });
    this.#retryTimer = setTimeout(() => this.#tick(), this.#msToNextSecond());
  }

  /** Milliseconds until the count of seconds left changes. */
  #msToNextSecond(): number {
    const ms = this.#retryAt - Date.now();
    return ms <= 0 ? 0 : ms % 1000 || 1000;
  }

  #stopRateLimitWait(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#retryAt = 0;
  }

  /** Shows the field errors and moves focus to the summary. */
  async #showErrors(fieldErrors: readonly FieldError[]): Promise<void> {
    this.#setProblems(fieldErrors);
    await this.#focusSummary();
  }

  /** Keeps one error per field, in form order, then the problems with no field. */
  #setProblems(fieldErrors: readonly FieldError[]): void {
    const fields: readonly string[] = this.#options.fields;
    const byField = new Map<string, FieldError>();
    const other: FieldError[] = [];
    for (const error of fieldErrors) {
      const field = error.path.split('.')[0] ?? '';
      if (!fields.includes(field)) other.push({ ...error, path: '' });
      else if (!byField.has(field)) byField.set(field, { ...error, path: field });
    }
    this.#set({ problems: [...fields.flatMap((field) => byField.get(field) ?? []), ...other], notice: null, announcement: '' });
  }

  /** Once rendered, moves focus to the error summary. */
  async #focusSummary(): Promise<void> {
    await this.#host.updateComplete;
    focusTemporarily(this.#host.renderRoot.querySelector<HTMLElement>('.error-summary'));
  }

  #startWaitingForOnline(): void {
    this.#waitingForOnline = true;
    // A form removed while it was sending listens again only if it is put back (hostConnected).
    if (this.#host.isConnected) this.#listenForOnline();
  }

  /** Sends again on the `online` event, and after the next of {@link RESEND_DELAYS} unless the browser is offline. */
  #listenForOnline(): void {
    globalThis.addEventListener('online', this.#onOnline);
    clearTimeout(this.#resendTimer);
    const delay = RESEND_DELAYS[Math.min(this.#resends++, RESEND_DELAYS.length - 1)];
    this.#resendTimer = setTimeout(() => {
      if (navigator.onLine) this.#onOnline();
    }, delay);
  }

  #stopWaitingForOnline(): void {
    this.#waitingForOnline = false;
    this.#resends = 0;
    clearTimeout(this.#resendTimer);
    globalThis.removeEventListener('online', this.#onOnline);
  }

  /**
   * Puts the stored draft back into an untouched form, with a notice saying so. A draft whose
   * send was under way when the page went (reloaded, closed, crashed) is sent again at once
   * with its key: the citizen asked to send it, and only the server knows whether it holds it.
   */
  #restore(): void {
    if (this.#result || !this.#isBlank(this.#values)) return;
    const stored = this.#draft.load();
    if (!stored) return;
    const values = this.#fromDraft(stored.data);
    if (this.#isBlank(values)) return;
    this.#set({ values, notice: { kind: 'restored' } });
    if (stored.attempted) void this.#host.updateComplete.then(() => this.send({ automatic: true }));
  }

  #same(a: V, b: V): boolean {
    return this.#options.fields.every((field) => a[field] === b[field]);
  }

  async #focusFirstField(): Promise<void> {
    await this.#host.updateComplete;
    const first = this.#options.fields[0];
    if (first && this.#host.shadowRoot) focusField(this.#host.shadowRoot, first);
  }

  #isBlank(values: V): boolean {
    return this.#options.fields.every((field) => values[field] === this.#options.initial[field]);
  }

  /** Keeps only known fields of the right type from a stored draft. */
  #fromDraft(data: unknown): V {
    const stored = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    const values = { ...this.#options.initial };
    for (const field of this.#options.fields) {
      const value = stored[field];
      if (typeof this.#options.initial[field] === 'boolean') (values[field] as boolean) = value === true;
      else if (typeof value === 'string') (values[field] as string) = value;
    }
    return values;
  }

  /** Changes state and asks the host to render. */
  #set(
    changes: Partial<{
      values: V;
      problems: FieldError[];
      notice: FormNotice<R> | null;
      sending: boolean;
      result: R | null;
      announcement: string;
    }>,
  ): void {
    if (changes.values !== undefined) this.#values = changes.values;
    if (changes.problems !== undefined) this.#problems = changes.problems;
    if (changes.notice !== undefined) this.#notice = changes.notice;
    if (changes.sending !== undefined) this.#sending = changes.sending;
    if ('result' in changes) this.#result = changes.result ?? null;
    if (changes.announcement !== undefined) this.#announcement = changes.announcement;
    this.#host.requestUpdate();
  }
}
