/**
 * Size-benchmark entry, the peer of `<opd-innovation-list>`: the Shoelace components a
 * searchable catalogue with a details dialog is built from (sl-input, sl-select with
 * sl-option, sl-button, sl-badge, sl-dialog, sl-spinner), each imported from its own file as
 * Shoelace documents, Lit inside. They draw the controls only: no data, no search, no pages,
 * no details, no text in two languages — which the widget carries besides.
 *
 * @module
 */
import '@shoelace-style/shoelace/dist/components/input/input.js';
import '@shoelace-style/shoelace/dist/components/select/select.js';
import '@shoelace-style/shoelace/dist/components/option/option.js';
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/badge/badge.js';
import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import '@shoelace-style/shoelace/dist/components/spinner/spinner.js';
