/**
 * Styles of `<opd-consultation-form>` on top of the shared theme.
 *
 * @module
 */
import { css } from 'lit';

/** What only the question form needs: the success panel and the tracking code. */
export const consultationFormStyles = css`
  .actions {
    display: block;
    margin: 0;
  }
  .success {
    display: block;
    margin: 0;
    padding: calc(var(--_space) * 1.25);
    border: 0.1875em solid var(--_success);
    background: var(--_success-surface);
    container-type: inline-size;
  }
  .success p {
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  .code-label {
    font-weight: 700;
  }
  .tracking-code {
    display: block;
    margin: 0 0 calc(var(--_space) * 0.75);
    padding: 0.25em 0.5em;
    font-family: var(--_mono);
    /* One line on a phone: shrink with the panel instead of breaking the code in two. */
    font-size: min(2em, 8.5cqi);
    white-space: nowrap;
    font-weight: 700;
    line-height: 1.2;
    letter-spacing: 0.06em;
    color: var(--_text);
    background: var(--_surface);
    border: 0.0625em dashed var(--_border);
    user-select: all;
  }
  .copy-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 calc(var(--_space) * 0.25);
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  .copy-status {
    display: inline-block;
    margin: 0 0 calc(var(--_space) * 0.75);
    color: var(--_success);
    font-weight: 700;
  }
`;
