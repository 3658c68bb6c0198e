/**
 * Styles of `<opd-console>`'s shell on top of the shared theme. Everything in `em`; the
 * layout follows the console's own width (a container), not the window's, so it holds
 * wherever a page puts it.
 *
 * @module
 */
import { css } from 'lit';

/**
 * The header, the menu, the page area and the sign-in panel.
 *
 * - `.base` sets the line height again: a page's `* { line-height: 1 }` reaches the host
 *   element only; it is the `console` container the layout follows.
 * - Sign-in and the forced password change are one narrow panel.
 * - Wide (62em): the menu becomes a column beside the page; narrower, a row above it.
 */
export const consoleStyles = css`
  .base { line-height: var(--opd-line-height, 1.5); container-type: inline-size; container-name: console; position: relative }
  .muted { display: block; margin: 0; color: var(--_muted) }
  .starting { padding: var(--_space) }
  .skip-link { position: absolute; inset-inline-start: 0.5em; top: -10em; z-index: 2; padding: 0.5em 0.75em; background: var(--_surface) }
  .skip-link:focus { top: 0.5em; padding: 0.5em 0.75em }
  .page-heading { font-size: 1.625em; margin: 0 0 calc(var(--_space) * 0.75) }
  .sign-in, .narrow { display: block; max-width: 32em; margin: 0 auto; padding: calc(var(--_space) * 1.5) var(--_space) }
  .narrow { max-width: 40em }
  .panel { display: block; margin: 0; padding: calc(var(--_space) * 1.25); border: 0.0625em solid var(--_border); border-radius: var(--_radius); background: var(--_surface) }
  .narrow .header { margin-bottom: var(--_space) }
  .intro { margin: 0 0 var(--_space) }
  .actions { display: flex; flex-wrap: wrap; align-items: center; gap: calc(var(--_space) * 0.5) var(--_space) }
  .actions .button { margin: 0 }
  a.button { text-decoration: none }
  .button--small { min-height: 2.25em; padding: 0.3125em 0.75em; margin: 0 }
  .header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: calc(var(--_space) * 0.5) var(--_space); margin: 0; padding: calc(var(--_space) * 0.625) var(--_space); border-bottom: 0.1875em solid var(--_primary); background: var(--_surface-alt) }
  .brand { display: block; margin: 0; font-weight: 700; font-size: 1.125em }
  .who { display: flex; flex-wrap: wrap; align-items: center; gap: calc(var(--_space) * 0.375) var(--_space) }
  .user { display: flex; flex-direction: column; margin: 0; line-height: 1.3 }
  .user-role { color: var(--_muted); font-size: 0.875em }
  .user-actions { display: flex; flex-wrap: wrap; align-items: center; gap: calc(var(--_space) * 0.375) var(--_space) }
  .link { color: var(--_primary) }
  .link[aria-current='page'] { font-weight: 700 }
  .layout { display: block }
  .nav { display: block; margin: 0; padding: calc(var(--_space) * 0.5) var(--_space); border-bottom: 0.0625em solid var(--_border) }
  .nav ul { display: flex; flex-wrap: wrap; gap: 0.25em 0.5em; margin: 0; padding: 0; list-style: none }
  .nav li { display: block; margin: 0 }
  .nav a { display: block; padding: 0.375em 0.625em; border-radius: var(--_radius); color: var(--_primary); text-decoration: none; border-bottom: 0.1875em solid transparent }
  .nav a:hover { text-decoration: underline }
  .nav a[aria-current='page'] { color: var(--_text); font-weight: 700; border-bottom-color: var(--_primary); border-radius: 0 }
  .main { display: block; min-width: 0; margin: 0; padding: var(--_space) }
  .page { display: block; margin: 0 }
  .opd-picker { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25em 0.75em; margin: 0 0 var(--_space) }
  .opd-picker .label { margin: 0 }
  .opd-picker .input { width: auto; min-width: 14em; max-width: 100% }
  @container console (min-width: 62em) {
    .layout { display: grid; grid-template-columns: 14em minmax(0, 1fr); align-items: start }
    .nav { position: sticky; top: 0; padding: var(--_space) 0 var(--_space) var(--_space); border-bottom: 0 }
    .nav ul { display: block }
    .nav li { margin: 0 0 0.25em }
    .nav a { border-bottom: 0; border-inline-start: 0.25em solid transparent }
    .nav a[aria-current='page'] { border-inline-start-color: var(--_primary); background: var(--_surface-alt) }
    .main { padding: var(--_space) calc(var(--_space) * 1.5) }
  }
  @media (forced-colors: active) {
    .nav a[aria-current='page'] { border-color: Highlight }
  }
`;
