/**
 * The CDN entry: registers every opd-kit widget. One script tag is the whole embed:
 *
 * ```html
 * <script type="module" src="https://layanan.example-kab.go.id/cdn/opd-kit.js"></script>
 * ```
 *
 * @module
 */
export { OpdConsultationForm } from './consultation-form/define.js';
export { OpdConsultationStatus } from './consultation-status/define.js';
export type { OpdEventMap, OpdSubmittedDetail, OpdErrorDetail, OpdStatusLoadedDetail } from './shared/events.js';
