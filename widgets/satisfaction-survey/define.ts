/**
 * Registers `<opd-satisfaction-survey>`. Importing it twice, or after another copy of opd-kit
 * defined the tag, does nothing.
 *
 * @module
 */
import { OpdSatisfactionSurvey } from './satisfaction-survey.js';

if (!customElements.get('opd-satisfaction-survey')) {
  customElements.define('opd-satisfaction-survey', OpdSatisfactionSurvey);
}

export { OpdSatisfactionSurvey };

declare global {
  interface HTMLElementTagNameMap {
    'opd-satisfaction-survey': OpdSatisfactionSurvey;
  }
}
