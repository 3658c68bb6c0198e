/**
 * The one schema set of opd-kit (`opd-kit/schemas`): request, response and error shapes,
 * used alike by the SDK, the widgets and the server. Built on `zod/mini`.
 *
 * @module
 */
export * from './common.js';
export * from './page-query.js';
export * from './opds.js';
export * from './consultations.js';
export * from './endpoint.js';
export * from './calendar.js';
export * from './accounts.js';
export * from './privacy.js';
export * from './consultation-staff.js';
export * from './opd-admin.js';
export * from './roads.js';
export * from './agenda.js';
export * from './innovations.js';
export * from './innovations-staff.js';
export * from './csr.js';
export * from './csr-staff.js';
export * from './services.js';
export * from './services-staff.js';
export * from './agenda-staff.js';
export * from './open311.js';
export * from './open311-staff.js';
export * from './webhooks.js';
export * from './opendata.js';
