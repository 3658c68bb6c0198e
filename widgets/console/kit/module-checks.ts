/**
 * The module checkboxes of the console's OPD forms (add an OPD, switch modules), one per
 * module in `moduleNames`, under one legend; read back with `FormData.getAll(name)`.
 *
 * @module
 */
import { html, type TemplateResult } from 'lit';
import { moduleNames, type ModuleName } from '../../../src/schemas/opds.js';
import type { Lang } from '../../shared/localize.js';
import { ck } from './failure.js';

/** A module's name for people, e.g. `SIAP (konsultasi)`; `short`: its name alone, e.g. `SIAP`, for tables. */
export function moduleLabel(module: ModuleName, lang: Lang, short = false): string {
  return short ? ck(lang)[`ck.moduleShort.${module}`] : ck(lang)[`ck.module.${module}`];
}

/** A fieldset of one checkbox per module; `prefix` keeps the ids unique in the shadow root. */
export function moduleChecks(options: {
  prefix: string;
  legend: string;
  checked: readonly ModuleName[];
  lang: Lang;
  disabled?: boolean;
  hint?: string;
}): TemplateResult {
  const hintId = `${options.prefix}-modules-hint`;
  return html`<fieldset part="field" class="field group" aria-describedby=${options.hint ? hintId : ''}>
    <legend part="label" class="legend">${options.legend}</legend>
    ${options.hint ? html`<div part="hint" class="hint" id=${hintId}>${options.hint}</div>` : ''}
    <div class="checks">
      ${moduleNames.map(
        (module) => html`<div class="field">
          <div class="choice">
            <input
              part="input"
              class="checkbox"
              type="checkbox"
              id="${options.prefix}-module-${module}"
              name="modules"
              value=${module}
              .checked=${options.checked.includes(module)}
              ?disabled=${!!options.disabled}
            />
            <label part="label" class="label" for="${options.prefix}-module-${module}">${moduleLabel(module, options.lang)}</label>
          </div>
        </div>`,
      )}
    </div>
  </fieldset>`;
}

/** The modules ticked in `form`. */
export function checkedModules(form: HTMLFormElement): ModuleName[] {
  const ticked = new FormData(form).getAll('modules').map(String);
  return moduleNames.filter((module) => ticked.includes(module));
}

/** The lines of a textarea of website origins: trimmed, empty ones left out. */
export function originLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
