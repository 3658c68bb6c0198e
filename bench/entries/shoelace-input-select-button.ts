/**
 * Size-benchmark entry, the peer the consultation form's size goal names: the four Shoelace
 * components a minimal form needs (sl-input, sl-select with sl-option, sl-button), each
 * imported from its own file as Shoelace documents, Lit inside. The form's goal is at most
 * half of this (see bench/budgets.json).
 *
 * @module
 */
import '@shoelace-style/shoelace/dist/components/input/input.js';
import '@shoelace-style/shoelace/dist/components/select/select.js';
import '@shoelace-style/shoelace/dist/components/option/option.js';
import '@shoelace-style/shoelace/dist/components/button/button.js';
