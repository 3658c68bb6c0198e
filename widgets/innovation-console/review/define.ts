/**
 * Registers `<opd-innovation-review>`, One OPD One Innovation's review page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdInnovationReview } from './innovation-review.js';

if (!customElements.get('opd-innovation-review')) {
  customElements.define('opd-innovation-review', OpdInnovationReview);
}

export { OpdInnovationReview };

declare global {
  interface HTMLElementTagNameMap {
    'opd-innovation-review': OpdInnovationReview;
  }
}
