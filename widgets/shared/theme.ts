/**
 * The look every opd-kit widget shares. Every colour, radius, font and spacing is a
 * `--opd-*` custom property with a default, set on the element or any ancestor:
 *
 * ```css
 * opd-consultation-form { --opd-color-primary: #0b5d3b; --opd-font-size: 18px; }
 * ```
 *
 * Sizes are in `em` from `:host`, whose size is `--opd-font-size` (16px), never `rem`: the
 * widget stays the same on pages with `html { font-size: 10px }`. Each element inside sets
 * its own display and margins, so page resets cannot reach it — and page rules do not cross
 * the shadow root anyway; `:host` resets the inherited text properties a page may have set.
 *
 * The widgets' stylesheets are written one rule per line, with their comments outside the
 * template: a `css` template ships to the browser as it is written, whitespace and comments
 * included.
 *
 * @module
 */
import { css } from 'lit';

/**
 * Custom properties, host box and text resets, utilities. The host's `font-size` and
 * `line-height` are `!important`: a page rule on the element or on `*` (say
 * `* { line-height: 1 }`) must not shrink the widget, and everything inside inherits them;
 * set `--opd-font-size` and `--opd-line-height` instead.
 */
export const themeStyles = css`
  :host {
    --_text: var(--opd-color-text, #1b1f24);
    --_muted: var(--opd-color-muted, #4a5560);
    --_surface: var(--opd-color-surface, #ffffff);
    --_surface-alt: var(--opd-color-surface-alt, #f3f5f7);
    --_border: var(--opd-color-border, #5f6b76);
    --_primary: var(--opd-color-primary, #0b5cab);
    --_primary-hover: var(--opd-color-primary-hover, var(--opd-color-primary, #084785));
    --_on-primary: var(--opd-color-on-primary, #ffffff);
    --_secondary: var(--opd-color-secondary, #e8ecef);
    --_on-secondary: var(--opd-color-on-secondary, #1b1f24);
    --_error: var(--opd-color-error, #b3261e);
    --_success: var(--opd-color-success, #1d6b3a);
    --_success-surface: var(--opd-color-success-surface, #edf7f0);
    --_warning-surface: var(--opd-color-warning-surface, #fff4ce);
    --_warning-border: var(--opd-color-warning-border, #b07d00);
    --_info-surface: var(--opd-color-info-surface, #eaf2fb);
    --_focus: var(--opd-color-focus, #ffbf47);
    --_focus-text: var(--opd-color-focus-text, #0b0c0c);
    --_radius: var(--opd-radius, 0.25em);
    --_space: var(--opd-space, 1em);
    --_mono: var(--opd-font-family-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace);
    display: block; box-sizing: border-box; font-size: var(--opd-font-size, 16px) !important; font-family: var(--opd-font-family, inherit); font-style: normal; font-weight: 400; line-height: var(--opd-line-height, 1.5) !important; letter-spacing: normal; word-spacing: normal; text-align: start; text-indent: 0; text-transform: none; text-shadow: none; white-space: normal; color: var(--_text); visibility: visible;
  }
  :host([hidden]) { display: none !important }
  *, *::before, *::after { box-sizing: border-box }
  .base { display: block; margin: 0; padding: 0 }
  p, ul, ol, dl, dd, fieldset, form { margin: 0; padding: 0 }
  [hidden] { display: none !important }
  .heading { display: block; margin: 0 0 calc(var(--_space) * 0.75); font-size: 1.375em; line-height: 1.25; font-weight: 700; color: var(--_text) }
  .heading--small { font-size: 1.125em; margin-block: calc(var(--_space) * 1.5) calc(var(--_space) * 0.5) }
  .heading:focus { outline: none }
  .visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important; border: 0 !important; white-space: nowrap !important }
  a { color: var(--_primary); text-decoration: underline; text-underline-offset: 0.15em }
  a:focus-visible { outline: 0.1875em solid transparent; color: var(--_focus-text); background: var(--_focus); box-shadow: 0 -2px var(--_focus), 0 0.25em var(--_focus-text); text-decoration: none }
`;

/**
 * Labels, inputs and selects, buttons, notices and link buttons: what a widget with a few controls
 * and its notices needs (`<opd-agenda-calendar>` has two selects, buttons and notices). The
 * rules only forms use are {@link formStyles}; {@link controlStyles} is both.
 */
export const baseControlStyles = css`
  .label { display: block !important; visibility: visible !important; margin: 0 0 calc(var(--_space) * 0.25); padding: 0; font-weight: 700; color: var(--_text) }
  .input { display: block; width: 100%; min-height: 2.5em; margin: 0; padding: 0.3125em 0.5em; font: inherit; color: var(--_text); background: var(--_surface); border: 0.125em solid var(--_border); border-radius: 0; appearance: none }
  select.input { appearance: auto; max-width: 100% }
  .input:focus, .checkbox:focus { outline: 0.1875em solid var(--_focus); outline-offset: 0; box-shadow: inset 0 0 0 0.125em var(--_focus-text) }
  .button { display: inline-block; min-height: 2.5em; margin: 0 calc(var(--_space) * 0.75) calc(var(--_space) * 0.75) 0; padding: 0.5em 1em; font: inherit; font-weight: 700; line-height: 1.25; color: var(--_on-primary); background: var(--_primary); border: 0.125em solid transparent; border-radius: var(--_radius); box-shadow: 0 0.125em 0 var(--_focus-text); cursor: pointer; text-align: center; vertical-align: top }
  .button:hover { background: var(--_primary-hover) }
  .button--secondary { color: var(--_on-secondary); background: var(--_secondary) }
  .button--secondary:hover { background: var(--_secondary); text-decoration: underline }
  .button:focus-visible { outline: 0.1875em solid var(--_focus); outline-offset: 0; color: var(--_focus-text); background: var(--_focus); box-shadow: 0 0.125em 0 var(--_focus-text) }
  .notice { display: block; margin: 0 0 calc(var(--_space) * 1.25); padding: calc(var(--_space) * 0.75) var(--_space); border-inline-start: 0.3125em solid var(--_primary); background: var(--_info-surface); color: var(--_text) }
  .notice:focus { outline: 0.1875em solid var(--_focus) }
  .notice--warning { border-color: var(--_warning-border); background: var(--_warning-surface) }
  .notice--error { border-color: var(--_error); background: var(--_surface) }
  .notice p { margin: 0 0 0.5em }
  .notice p:last-child { margin-bottom: 0 }
  .notice .button { margin-block: 0.5em 0 }
  .notice-actions { display: flex; flex-wrap: wrap; align-items: center; gap: calc(var(--_space) * 0.5) var(--_space); margin: calc(var(--_space) * 0.75) 0 0 }
  .notice-actions .button, .notice .notice-actions p { margin: 0 }
  .link-button { display: inline; margin: 0; padding: 0; font: inherit; color: var(--_primary); background: none; border: 0; text-decoration: underline; text-underline-offset: 0.15em; cursor: pointer }
  .link-button:focus-visible { outline: 0.1875em solid transparent; color: var(--_focus-text); background: var(--_focus); box-shadow: 0 -2px var(--_focus), 0 0.25em var(--_focus-text); text-decoration: none }
  @media (forced-colors: active) {
    .button, .notice { border: 0.125em solid CanvasText }
  }
`;

/**
 * What forms add to {@link baseControlStyles}: fields and their errors, legends, hints,
 * checkboxes, character counts, field rows, the error summary. Made in a pure call, so a bundle
 * that does not use it (through {@link controlStyles}) leaves it out: a `css` template at the
 * top of a module stays in every bundle importing the module.
 */
export const formStyles = /* @__PURE__ */ (() => css`
  .field { display: block; margin: 0 0 calc(var(--_space) * 1.5); padding: 0; border: 0; min-inline-size: 0 }
  .field--error { border-inline-start: 0.3125em solid var(--_error); padding-inline-start: calc(var(--_space) * 0.75) }
  .legend { display: table; float: none; max-width: 100%; margin: 0 0 calc(var(--_space) * 0.25); padding: 0; font-weight: 700; font-size: 1.0625em; color: var(--_text) }
  .hint { display: block; margin: 0 0 calc(var(--_space) * 0.5); color: var(--_muted) }
  .error { display: block; margin: 0 0 calc(var(--_space) * 0.5); color: var(--_error); font-weight: 700 }
  .input--short { max-width: 20em }
  textarea.input { min-height: 8em; resize: vertical }
  .input[aria-invalid='true'] { border-color: var(--_error) }
  .input:disabled { opacity: 0.6; cursor: not-allowed }
  .choice { display: flex; align-items: flex-start; gap: 0.625em; margin: 0 }
  .checkbox { flex: none; width: 1.5em; height: 1.5em; margin: 0.125em 0 0; accent-color: var(--_primary) }
  .choice .label { font-weight: 400; margin: 0 }
  .choice-hint { margin: 0.5em 0 0; padding-inline-start: 2.125em; font-size: 0.9375em }
  .count { display: block; margin: 0.375em 0 0; color: var(--_muted) }
  .count--over { color: var(--_error); font-weight: 700 }
  .group .field { margin-bottom: var(--_space) }
  .group .field:last-child { margin-bottom: 0 }
  .field-row { display: flex; flex-wrap: wrap; align-items: flex-start; gap: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75) }
  .field-row .button { flex: none; margin: 0 }
  .button:disabled { opacity: 0.65; cursor: progress }
  .error-summary { display: block; margin: 0 0 calc(var(--_space) * 1.5); padding: var(--_space); border: 0.3125em solid var(--_error); background: var(--_surface) }
  .error-summary:focus { outline: 0.1875em solid var(--_focus); outline-offset: 0 }
  .error-summary .heading { font-size: 1.25em }
  .error-summary ul { display: block; list-style: none; margin: 0; padding: 0 }
  .error-summary li { display: list-item; margin: 0 0 0.25em }
  .error-summary a { color: var(--_error); font-weight: 700 }
  .error-summary a:focus-visible { color: var(--_focus-text) }
  @media (forced-colors: active) {
    .error-summary { border: 0.125em solid CanvasText }
  }
`)();

/** Fields, buttons, the error summary and notices, shared by every form widget: {@link baseControlStyles} then {@link formStyles}. */
export const controlStyles = [baseControlStyles, formStyles];
