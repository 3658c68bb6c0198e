/**
 * Registers `<opd-agenda-events>`, e-Agenda's events page of the staff console (loaded when first opened).
 *
 * @module
 */
import { OpdAgendaEvents } from './agenda-events.js';

if (!customElements.get('opd-agenda-events')) {
  customElements.define('opd-agenda-events', OpdAgendaEvents);
}

export { OpdAgendaEvents };

declare global {
  interface HTMLElementTagNameMap {
    'opd-agenda-events': OpdAgendaEvents;
  }
}
