/**
 * Field templates for the form widgets: functions that return Lit templates with the label,
 * the hint, the inline error and the `aria-describedby` / `aria-invalid` wiring done the same
 * way everywhere (GOV.UK order: label, hint, error, control). Ids inside the shadow root:
 * the control is `#<name>`, its hint `#<name>-hint`, its error `#<name>-error`; the error
 * summary links to `#<name>`.
 *
 * Parts: `field` (the wrapper), `label`, `hint`, `error`, `input` (the control). Styles are
 * `controlStyles` in `theme.ts`. A {@link FormController} gives `name`, `error` and
 * `errorPrefix` with `form.field(name)`; the widget adds its label, hint and value:
 *
 * ```ts
 * textField({ ...this.form.field('email'), label: t.t('form.email'), type: 'email', value: values.email })
 * ```
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

/** What every field template takes. */
export interface FieldProps {
  /** The control's `id` and `name`, e.g. `email`. */
  name: string;
  /** The visible label. */
  label: string;
  /**
   * The hint under the label: text, or a template of your own that carries
   * `id="<name>-hint"` (e.g. a "could not load" notice); either is linked to the control.
   */
  hint?: string | TemplateResult | undefined;
  /** The inline error, already in the widget's language; none when the field is fine. */
  error?: string | undefined;
  /** Read before the error by screen readers, e.g. `Kesalahan:`. */
  errorPrefix: string;
}

/** A single-line input. */
export interface TextFieldProps extends FieldProps {
  /** What the control shows (kept by `live()`, so a re-render never undoes typing). */
  value: string;
  /** The input type; default `text`. */
  type?: string;
  /** The browser's autofill hint, e.g. `name`, `email`, `tel`, `off`. */
  autocomplete?: string;
  /** The on-screen keyboard, e.g. `email`, `tel`. */
  inputmode?: string;
  /** Capitalisation on phones, e.g. `characters` for codes. */
  autocapitalize?: string;
  /** `false` turns spell-checking off (names, addresses, codes). */
  spellcheck?: boolean;
  /** A narrower input, for short answers such as a phone number. */
  short?: boolean;
  /** Something beside the input on one row, e.g. its button. */
  after?: TemplateResult;
}

/** A multi-line input with a character count under it. */
export interface TextareaFieldProps extends FieldProps {
  /** What the control shows (kept by `live()`). */
  value: string;
  /** Visible lines; default 8. */
  rows?: number;
  /** The count under the textarea (see `FormController.count`); screen readers get it from the live region. */
  count?: {
    /** The text, e.g. `Sisa 120 karakter`. */
    text: string;
    /** Whether the value is over the maximum (the count is shown as an error). */
    over: boolean;
  };
}

/** A drop-down list. */
export interface SelectFieldProps extends FieldProps {
  /** The chosen value; the placeholder is chosen when no option has it. */
  value: string;
  /** The first option, with value `''`, e.g. `Pilih kategori`. */
  placeholder: string;
  /** The choices, in order. */
  options: readonly {
    /** What the form gets when it is chosen, e.g. a category's id. */
    value: string;
    /** What the citizen reads. */
    label: string;
  }[];
  /** Disabled, e.g. while its options load. */
  disabled?: boolean;
}

/** A single checkbox with its label beside it and its hint under both. */
export interface CheckboxFieldProps extends FieldProps {
  /** Whether the box is ticked (kept by `live()`). */
  checked: boolean;
}

/** A group of fields under one legend (a `<fieldset>`), e.g. "how we reply". */
export interface FieldGroupProps {
  /** The group's id, used for its hint: `#<name>-hint`. */
  name: string;
  /** The group's visible title. */
  legend: string;
  /** A hint for the whole group, linked to the `<fieldset>`. */
  hint?: string;
  /** The fields inside. */
  content: TemplateResult | TemplateResult[];
}

/** The ids that describe a control: its hint and, when there is one, its error. */
function describedBy(props: FieldProps): string | undefined {
  const ids = [props.hint ? `${props.name}-hint` : '', props.error ? `${props.name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The `field` wrapper's classes. */
function fieldClasses(props: FieldProps): string {
  return props.error ? 'field field--error' : 'field';
}

/** The hint as given (a template) or in its `#<name>-hint` wrapper (text); nothing without one. */
function renderHint(props: FieldProps, className = 'hint'): TemplateResult | typeof nothing {
  if (!props.hint) return nothing;
  if (typeof props.hint !== 'string') return props.hint;
  return html`<div part="hint" class=${className} id="${props.name}-hint">${props.hint}</div>`;
}

/** The inline error, `#<name>-error`, with its visually hidden prefix. */
export function renderFieldError(props: Pick<FieldProps, 'name' | 'error' | 'errorPrefix'>): TemplateResult | typeof nothing {
  if (!props.error) return nothing;
  return html`<p part="error" class="error" id="${props.name}-error">
    <span class="visually-hidden">${props.errorPrefix}</span> ${props.error}
  </p>`;
}

/** The `<label>` for the control `#<name>`. */
function renderLabel(props: FieldProps): TemplateResult {
  return html`<label part="label" class="label" for=${props.name}>${props.label}</label>`;
}

/** A text, e-mail, tel… input with its label, hint and error. */
export function textField(props: TextFieldProps): TemplateResult {
  const input = html`<input
    part="input"
    class=${props.short ? 'input input--short' : 'input'}
    id=${props.name}
    name=${props.name}
    type=${props.type ?? 'text'}
    autocomplete=${props.autocomplete ?? nothing}
    inputmode=${props.inputmode ?? nothing}
    autocapitalize=${props.autocapitalize ?? nothing}
    spellcheck=${props.spellcheck === false ? 'false' : nothing}
    aria-invalid=${props.error ? 'true' : 'false'}
    aria-describedby=${describedBy(props) ?? nothing}
    .value=${live(props.value)}
  />`;
  return html`
    <div part="field" class=${fieldClasses(props)}>
      ${renderLabel(props)} ${renderHint(props)} ${renderFieldError(props)}
      ${props.after ? html`<div class="field-row">${input} ${props.after}</div>` : input}
    </div>
  `;
}

/** A textarea with its label, hint, error and character count. */
export function textareaField(props: TextareaFieldProps): TemplateResult {
  return html`
    <div part="field" class=${fieldClasses(props)}>
      ${renderLabel(props)} ${renderHint(props)} ${renderFieldError(props)}
      <textarea
        part="input"
        class="input"
        id=${props.name}
        name=${props.name}
        rows=${props.rows ?? 8}
        aria-invalid=${props.error ? 'true' : 'false'}
        aria-describedby=${describedBy(props) ?? nothing}
        .value=${live(props.value)}
      ></textarea>
      ${props.count
        ? html`<div part="hint" class=${props.count.over ? 'count count--over' : 'count'} aria-hidden="true">
            ${props.count.text}
          </div>`
        : nothing}
    </div>
  `;
}

/** A select with its label, hint and error. */
export function selectField(props: SelectFieldProps): TemplateResult {
  const known = props.options.some((option) => option.value === props.value);
  return html`
    <div part="field" class=${fieldClasses(props)}>
      ${renderLabel(props)} ${renderHint(props)} ${renderFieldError(props)}
      <select
        part="input"
        class="input"
        id=${props.name}
        name=${props.name}
        ?disabled=${!!props.disabled}
        aria-invalid=${props.error ? 'true' : 'false'}
        aria-describedby=${describedBy(props) ?? nothing}
      >
        <option value="" .selected=${!known}>${props.placeholder}</option>
        ${props.options.map(
          (option) => html`<option value=${option.value} .selected=${option.value === props.value}>${option.label}</option>`,
        )}
      </select>
    </div>
  `;
}

/** A checkbox: error, then the box with its label beside it, then the hint. */
export function checkboxField(props: CheckboxFieldProps): TemplateResult {
  return html`
    <div part="field" class=${fieldClasses(props)}>
      ${renderFieldError(props)}
      <div class="choice">
        <input
          part="input"
          class="checkbox"
          type="checkbox"
          id=${props.name}
          name=${props.name}
          aria-invalid=${props.error ? 'true' : 'false'}
          aria-describedby=${describedBy(props) ?? nothing}
          .checked=${live(props.checked)}
        />
        ${renderLabel(props)}
      </div>
      ${renderHint(props, 'hint choice-hint')}
    </div>
  `;
}

/** A `<fieldset>` of fields under a legend, with an optional hint for the whole group. */
export function fieldGroup(props: FieldGroupProps): TemplateResult {
  const hintId = props.hint ? `${props.name}-hint` : undefined;
  return html`
    <fieldset part="field" class="field group" aria-describedby=${hintId ?? nothing}>
      <legend part="label" class="legend">${props.legend}</legend>
      ${props.hint ? html`<div part="hint" class="hint" id=${hintId!}>${props.hint}</div>` : nothing}
      ${props.content}
    </fieldset>
  `;
}
