/**
 * Registers every opd-kit widget at once, eagerly, and exports their classes (the widget
 * tests load it). The CDN file is not this but `loader.ts`, which loads each widget only when
 * its tag is on the page; an app with a bundler imports `opd-kit/widgets/<name>/define` for
 * the widgets it uses. Adding a widget adds its line here (`npm run build` checks).
 *
 * @module
 */
export { OpdConsultationForm } from './consultation-form/define.js';
export { OpdConsultationStatus } from './consultation-status/define.js';
export { OpdConsultationInbox } from './consultation-inbox/define.js';
export { OpdRoadSummary } from './road-summary/define.js';
export { OpdConsole } from './console/define.js';
export { OpdRoadMap } from './road-map/define.js';
export { OpdAgendaCalendar } from './agenda-calendar/define.js';
export { OpdInnovationProgress } from './innovation-progress/define.js';
export { OpdInnovationList } from './innovation-list/define.js';
export { OpdCsrBoard } from './csr-board/define.js';
export { OpdServiceDirectory } from './service-directory/define.js';
export { OpdServiceStandard } from './service-standard/define.js';
export { OpdSatisfactionSurvey } from './satisfaction-survey/define.js';
export { OpdSatisfactionIndex } from './satisfaction-index/define.js';
export type { OpdEventMap, OpdErrorDetail } from './shared/events.js';
export type { OpdSubmittedDetail } from './consultation-form/events.js';
export type { OpdStatusLoadedDetail } from './consultation-status/events.js';
export type { OpdConditionLoadedDetail } from './road-summary/events.js';
export type { OpdSegmentSelectDetail, OpdMapDrawnDetail } from './road-map/events.js';
export type { OpdAgendaLoadedDetail, OpdEventOpenedDetail } from './agenda-calendar/events.js';
export type { OpdProgressLoadedDetail } from './innovation-progress/events.js';
export type { OpdInnovationsLoadedDetail, OpdInnovationOpenedDetail } from './innovation-list/events.js';
export type { OpdServicesLoadedDetail, OpdServiceOpenedDetail } from './service-directory/events.js';
export type { OpdServiceLoadedDetail, OpdServicePrintedDetail } from './service-standard/events.js';
export type { OpdSurveySubmittedDetail } from './satisfaction-survey/events.js';
export type { OpdSatisfactionLoadedDetail } from './satisfaction-index/events.js';
export type { OpdCsrLoadedDetail, OpdCsrProgramOpenedDetail } from './csr-board/events.js';
export type { OpdSignedInDetail, OpdSignedOutDetail } from './console/events.js';
