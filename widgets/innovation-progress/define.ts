/**
 * Registers `<opd-innovation-progress>`. Importing it twice, or after another copy of opd-kit
 * defined the tag, does nothing.
 *
 * @module
 */
import { OpdInnovationProgress } from './innovation-progress.js';

if (!customElements.get('opd-innovation-progress')) {
  customElements.define('opd-innovation-progress', OpdInnovationProgress);
}

export { OpdInnovationProgress };

declare global {
  interface HTMLElementTagNameMap {
    'opd-innovation-progress': OpdInnovationProgress;
  }
}
