/**
 * Registers `<opd-agenda-calendar>`. Importing it twice, or after another copy of opd-kit
 * defined the tag, does nothing.
 *
 * @module
 */
import { OpdAgendaCalendar } from './agenda-calendar.js';

if (!customElements.get('opd-agenda-calendar')) {
  customElements.define('opd-agenda-calendar', OpdAgendaCalendar);
}

export { OpdAgendaCalendar };

declare global {
  interface HTMLElementTagNameMap {
    'opd-agenda-calendar': OpdAgendaCalendar;
  }
}
