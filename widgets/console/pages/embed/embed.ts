/**
 * `<opd-console-embed>`: the embed snippet generator (console page `#/embed`).
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { copyText } from '../../../shared/clipboard.js';
import { textField } from '../../../shared/fields.js';
import { LocalizeController, type Lang } from '../../../shared/localize.js';
import { renderNotice } from '../../../shared/notice.js';
import { controlStyles, themeStyles } from '../../../shared/theme.js';
import { ck } from '../../kit/failure.js';
import { consolePageStyles } from '../../kit/page-styles.js';
import { ConsolePageElement } from '../../page.js';
import { en } from './i18n/en.js';
import { id } from './i18n/id.js';

/** The widgets the generator offers, with their tag and how to load them for the preview. */
const WIDGETS = {
  form: { tag: 'opd-consultation-form', load: () => import('../../../consultation-form/define.js'), takesOpd: true },
  status: { tag: 'opd-consultation-status', load: () => import('../../../consultation-status/define.js'), takesOpd: false },
} as const;

/** A widget of the generator, see {@link WIDGETS}. */
export type EmbedWidget = keyof typeof WIDGETS;

/** What a snippet is made of. */
export interface EmbedOptions {
  /** The backend's base URL, e.g. `https://layanan.lahatkab.go.id`. */
  api: string;
  widget: EmbedWidget;
  /** The OPD's slug (the form only). */
  opd: string;
  lang: Lang;
  /** Where the status widget is (the form only), e.g. `/layanan/status`; `''` for none. */
  statusHref: string;
  /** This release of the widgets file, pinned: its hashed name and Subresource Integrity (`/cdn/integrity.json`). */
  pin?: PinnedRelease | undefined;
}

/** A release of `opd-kit.js` under its hashed name, as the build writes it to `/cdn/integrity.json`. */
export interface PinnedRelease {
  /** The file, e.g. `opd-kit.6acd3f21af.js`, cached for good. */
  file: string;
  /** Its `integrity` value, `sha384-…`. */
  integrity: string;
}

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The attributes of the element, in the order the snippet writes them. */
function attributesOf(options: EmbedOptions): [string, string][] {
  const widget = WIDGETS[options.widget];
  const attributes: [string, string][] = [['api', options.api]];
  if (widget.takesOpd) attributes.push(['opd', options.opd]);
  if (options.lang !== 'id') attributes.push(['lang', options.lang]);
  if (widget.takesOpd && options.statusHref.trim()) attributes.push(['status-href', options.statusHref.trim()]);
  return attributes;
}

/**
 * The snippet to paste, the one `docs/embedding.md` and `examples/snippets/` show: the loader's
 * script tag, an empty line, the element with its attributes. Pinned, the script tag names this
 * release's file with its `integrity` (the browser refuses a file that changed) and
 * `crossorigin="anonymous"` (which Subresource Integrity needs across origins).
 */
export function embedSnippet(options: EmbedOptions): string {
  const api = options.api.replace(/\/+$/, '');
  const tag = WIDGETS[options.widget].tag;
  const attributes = attributesOf({ ...options, api })
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const script = options.pin
    ? `<script type="module" src="${escapeAttribute(api)}/cdn/${escapeAttribute(options.pin.file)}" integrity="${escapeAttribute(options.pin.integrity)}" crossorigin="anonymous"></script>`
    : `<script type="module" src="${escapeAttribute(api)}/cdn/opd-kit.js"></script>`;
  return `${script}\n\n<${tag}${attributes}></${tag}>`;
}

/**
 * Pick a widget (the question form or the status) and the language, see the widget live, and
 * copy the script tag and element for the website of the console's OPD (a regency admin picks
 * it in the console's OPD selector).
 *
 * @summary The embed snippet generator (staff console page).
 */
export class OpdConsoleEmbed extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles];

  static override properties: PropertyDeclarations = {
    widget: { state: true, attribute: false },
    widgetLang: { state: true, attribute: false },
    statusHref: { state: true, attribute: false },
    copied: { state: true, attribute: false },
    previewFailed: { state: true, attribute: false },
    pinned: { state: true, attribute: false },
    pin: { state: true, attribute: false },
  };

  private widget: EmbedWidget = 'form';
  private widgetLang: Lang = 'id';
  private statusHref = '';
  private copied: '' | 'yes' | 'no' = '';
  private previewFailed = false;
  /** The person asked for the pinned snippet. */
  private pinned = false;
  /** The release read from `/cdn/integrity.json` (`'failed'`: it could not be read). */
  private pin: PinnedRelease | 'failed' | undefined;

  private readonly localize = new LocalizeController(this, { id, en });
  #preview: HTMLElement | undefined;
  #previewKey = '';

  protected override updated(): void {
    void this.refreshPreview();
  }

  private get options(): EmbedOptions {
    return {
      api: this.context?.session.apiBaseUrl ?? this.apiBaseUrl,
      widget: this.widget,
      opd: this.context?.opd?.slug ?? '',
      lang: this.widgetLang,
      statusHref: this.statusHref,
      pin: this.pinned && typeof this.pin === 'object' ? this.pin : undefined,
    };
  }

  /** Reads this release's pinned file and integrity from the backend the console talks to. */
  private async loadPin(): Promise<void> {
    if (typeof this.pin === 'object') return;
    const api = (this.context?.session.apiBaseUrl ?? this.apiBaseUrl).replace(/\/+$/, '');
    try {
      const response = await fetch(`${api}/cdn/integrity.json`, { cache: 'no-cache' });
      const release = response.ok ? ((await response.json()) as Record<string, PinnedRelease | undefined>)['opd-kit.js'] : undefined;
      this.pin = release && typeof release.file === 'string' && release.integrity?.startsWith('sha384-') ? release : 'failed';
    } catch {
      this.pin = 'failed';
    }
  }

  /** Makes the preview element again when an option changed (the widget's code loaded first). */
  private async refreshPreview(): Promise<void> {
    const options = this.options;
    const key = JSON.stringify({ ...options, statusHref: '' });
    const holder = this.renderRoot.querySelector<HTMLElement>('#preview');
    if (!holder || key === this.#previewKey) return;
    this.#previewKey = key;
    const widget = WIDGETS[options.widget];
    try {
      await widget.load();
      this.previewFailed = false;
    } catch {
      this.previewFailed = true;
      this.#previewKey = '';
      return;
    }
    if (key !== this.#previewKey) return;
    const element = document.createElement(widget.tag);
    for (const [name, value] of attributesOf(options)) if (name !== 'status-href') element.setAttribute(name, value);
    element.setAttribute('heading-level', String(Math.min(6, this.level + 2)));
    this.#preview?.remove();
    this.#preview = element;
    holder.replaceChildren(element);
  }

  private readonly onChange = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    this.copied = '';
    switch (target.name) {
      case 'widget':
        this.widget = target.value === 'status' ? 'status' : 'form';
        return;
      case 'widgetLang':
        this.widgetLang = target.value === 'en' ? 'en' : 'id';
        return;
      case 'statusHref':
        this.statusHref = target.value;
        return;
      case 'pinned':
        this.pinned = (target as HTMLInputElement).checked;
        if (this.pinned) void this.loadPin();
        return;
    }
  };

  private readonly onCopy = async (): Promise<void> => {
    if (!this.shadowRoot) return;
    const ok = await copyText(embedSnippet(this.options), this.shadowRoot, this.renderRoot.querySelector('#snippet'));
    this.copied = ok ? 'yes' : 'no';
  };

  protected override render(): TemplateResult {
    const t = this.localize;
    const copy = ck(t.lang);
    if (!this.context) return html`<div class="base">${renderNotice({ message: copy['ck.outsideConsole'] })}</div>`;
    // The OPD is the console's: a regency admin picks it above the page.
    const opd = this.context.opd;
    const takesOpd = WIDGETS[this.widget].takesOpd;
    const radio = (name: string, value: string, label: string, checked: boolean) => html`<div class="field">
      <div class="choice">
        <input part="input" class="checkbox" type="radio" id="${name}-${value}" name=${name} value=${value} .checked=${checked} />
        <label part="label" class="label" for="${name}-${value}">${label}</label>
      </div>
    </div>`;
    return html`<div part="base" class="base embed" lang=${t.lang}>
      <p class="intro">${t.t('embed.intro')}</p>
      <div class="embed-grid">
        <section class="section" aria-labelledby="options-title">
          <div role="heading" aria-level=${this.level} class="heading" id="options-title">${t.t('embed.options')}</div>
          <form novalidate @change=${this.onChange} @input=${this.onChange} @submit=${(e: Event) => e.preventDefault()}>
            <fieldset part="field" class="field group">
              <legend part="label" class="legend">${t.t('embed.widget')}</legend>
              ${radio('widget', 'form', t.t('embed.widget.form'), this.widget === 'form')}
              ${radio('widget', 'status', t.t('embed.widget.status'), this.widget === 'status')}
            </fieldset>
            <fieldset part="field" class="field group">
              <legend part="label" class="legend">${t.t('embed.lang')}</legend>
              ${radio('widgetLang', 'id', t.t('embed.lang.id'), this.widgetLang === 'id')}
              ${radio('widgetLang', 'en', t.t('embed.lang.en'), this.widgetLang === 'en')}
            </fieldset>
            ${takesOpd
              ? textField({ name: 'statusHref', label: t.t('embed.statusHref'), hint: t.t('embed.statusHrefHint'), value: this.statusHref, autocomplete: 'off', spellcheck: false, errorPrefix: t.t('error.prefix') })
              : nothing}
            <div part="field" class="field">
              <div class="choice">
                <input part="input" class="checkbox" type="checkbox" id="pinned" name="pinned" aria-describedby="pinned-hint" .checked=${this.pinned} />
                <label part="label" class="label" for="pinned">${t.t('embed.pin')}</label>
              </div>
              <p class="hint" id="pinned-hint">${t.t('embed.pinHint')}</p>
            </div>
          </form>
        </section>
        <section class="section" aria-labelledby="code-title">
          <div role="heading" aria-level=${this.level} class="heading" id="code-title">${t.t('embed.code')}</div>
          ${this.pinned && this.pin === 'failed' ? renderNotice({ message: t.t('embed.pinFailed'), tone: 'warning' }) : nothing}
          <pre id="snippet" tabindex="0" aria-labelledby="code-title"><code>${embedSnippet(this.options)}</code></pre>
          <div class="actions copy-row">
            <button part="button" type="button" class="button" @click=${this.onCopy}>${t.t('embed.copy')}</button>
            <p role="status">${this.copied === 'yes' ? copy['ck.copied'] : this.copied === 'no' ? copy['ck.copyFailed'] : ''}</p>
          </div>
          ${takesOpd && opd ? html`<p class="muted">${t.t('embed.origins', opd.name)}</p>` : nothing}
          ${takesOpd && opd && !opd.modules.includes('siap') ? renderNotice({ message: t.t('embed.siapOff', opd.name), tone: 'warning' }) : nothing}
        </section>
      </div>
      <section class="section" aria-labelledby="preview-title">
        <div role="heading" aria-level=${this.level} class="heading" id="preview-title">${t.t('embed.preview')}</div>
        ${takesOpd ? html`<p class="muted">${t.t('embed.previewNote')}</p>` : nothing}
        ${this.previewFailed ? renderNotice({ message: t.t('embed.previewFailed'), tone: 'warning' }) : nothing}
        <div class="preview" id="preview"></div>
      </section>
    </div>`;
  }
}
