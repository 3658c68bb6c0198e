/**
 * Styles of `<opd-service-standard>` beside the standard's own ({@link standardViewStyles}).
 *
 * @module
 */
import { css } from 'lit';

/**
 * The card around the standard: a container (the facts and columns sit side by side by the
 * widget's own width), and while it loads, room about a standard's height so the page below
 * does not jump when it arrives.
 */
export const serviceStandardStyles = css`
  .base { container-type: inline-size }
  .placeholder { display: block; min-height: 24em; margin: 0 }
  .card-notice { margin: 0 }
  @media print {
    .notice { display: none }
  }
`;
