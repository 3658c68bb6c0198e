/**
 * `client.services`: Layanan. Anyone searches the directory of every OPD's service standards
 * (`list`, words and filters; pages itself), reads an OPD's services (`listForOpd`) and one
 * service (`get`), the compliance self-check (`compliance`, `regencyCompliance`), the
 * satisfaction survey's model (`surveyModel`), answers the survey with a code from the
 * counter (`answerSurvey`) and reads the index (`satisfaction`). OPD staff list their
 * standards, create a service, read its history, add a version with its effective day, issue
 * survey codes, read the suggestions, set the service pledge and export the standards for SIPPN
 * (`opd.*`); a regency admin sets the compliance checklist (`setChecklist`) and exports every
 * OPD's for SIPPN (`exportSippn`, `exportSippnCsv`). Each method is a thin call of one endpoint of
 * `serviceStaffEndpoints`.
 *
 * `citizenServices` (in `citizen-services.ts`, re-exported here) is the public half alone, for
 * a page that only shows the directory, a service, the survey or the index: it imports only the
 * public schemas (`schemas/services.ts`), none of the staff's (`schemas/services-staff.ts`).
 *
 * @module
 */
import type * as z from 'zod/mini';
import type { CallOptions } from '../request.js';
import type { ComplianceChecklist } from '../schemas/services.js';
import {
  serviceStaffEndpoints as staffEndpoints,
  type complianceChecklistInput,
  type ServiceCreateInput,
  type ServiceHistory,
  type servicePledgeInput,
  type servicePledgeView,
  type ServiceStaff,
  type ServiceStandardInput,
  type SippnExport,
  type surveySuggestions,
  type SurveyTokenBatch,
  type surveyTokenBatchInput,
} from '../schemas/services-staff.js';
import { citizenServices, type CitizenServicesNamespace } from './citizen-services.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

export {
  citizenServices,
  type CitizenServicesNamespace,
  type OpdServiceSearch,
  type SatisfactionOptions,
  type ServiceSearch,
  type SurveyAnswerOptions,
  type SurveyReceipt,
} from './citizen-services.js';

/** A batch of survey codes to issue: how many (1–200) and for how many days (default 30). */
export type SurveyTokenBatchInput = z.input<typeof surveyTokenBatchInput>;

/** The unit's service pledge as staff set it: the text, who made it, the day. */
export type ServicePledgeInput = z.input<typeof servicePledgeInput>;

/** The OPD's pledge as the API answers after setting it. */
export type ServicePledgeView = z.infer<typeof servicePledgeView>;

/** The suggestions citizens wrote in a year, with the service and the quarter only. */
export type SurveySuggestions = z.infer<typeof surveySuggestions>;

/** The compliance checklist as a regency admin sets it: name, source, components. */
export type ComplianceChecklistInput = z.input<typeof complianceChecklistInput>;

/** Options of a staff call about an OPD's services: the OPD (default: the client's). */
export interface ServiceCallOptions extends CallOptions {
  opd?: string;
}

/** The staff's calls about one OPD's services. */
export interface OpdServicesCalls {
  /** Every service of the OPD as staff see it: the version in force (null before the first takes effect), the next one, the count of versions. */
  list(options?: ServiceCallOptions): Promise<ServiceStaff[]>;
  /** Creates a service with its first standard (`slug` unique within the OPD: 409 `conflict` when taken). */
  create(input: ServiceCreateInput, options?: ServiceCallOptions): Promise<ServiceStaff>;
  /** Every version of a service's standard, newest effective day first, each in full with its state. */
  history(service: string, options?: ServiceCallOptions): Promise<ServiceHistory>;
  /** Adds a version of the standard, in force from `effectiveOn` (default today; not before today): the public sees the one before until then. */
  addVersion(service: string, input: ServiceStandardInput, options?: ServiceCallOptions): Promise<ServiceStaff>;
  /** Issues one-use survey codes for the counter; the codes are in this answer only (the server keeps their hashes). */
  issueTokens(service: string, batch: SurveyTokenBatchInput, options?: ServiceCallOptions): Promise<SurveyTokenBatch>;
  /** The suggestions citizens wrote with their scores in a year (default this year); the read is audited. */
  suggestions(options?: ServiceCallOptions & { year?: number }): Promise<SurveySuggestions>;
  /** Sets the OPD's service pledge (*maklumat pelayanan*). */
  setPledge(pledge: ServicePledgeInput, options?: ServiceCallOptions): Promise<ServicePledgeView>;
  /** The OPD's standards in force in the shape SIPPN (sippn.menpan.go.id) takes a *jenis layanan*: the fourteen components of PermenPAN-RB 15/2014 in order, with SIPPN's labels; audited. */
  exportSippn(options?: ServiceCallOptions): Promise<SippnExport>;
  /** The same as CSV text (SIPPN's labels as the header, one row per service), for a spreadsheet or SIPPN's Excel import. */
  exportSippnCsv(options?: ServiceCallOptions): Promise<string>;
}

/** Layanan's calls: the public ones and the staff's. */
export interface ServicesNamespace extends CitizenServicesNamespace {
  readonly opd: OpdServicesCalls;
  /** Sets the compliance checklist every OPD's standards are checked against (regency admins). */
  setChecklist(checklist: ComplianceChecklistInput, options?: CallOptions): Promise<ComplianceChecklist>;
  /** Every OPD's standards in force for SIPPN, as {@link OpdServicesCalls.exportSippn} (regency admins). */
  exportSippn(options?: CallOptions): Promise<SippnExport>;
  /** The same as CSV text (regency admins). */
  exportSippnCsv(options?: CallOptions): Promise<string>;
}

/** Builds `client.services` with the staff calls: `buildClient(options, { services })`. */
export const services: NamespaceFactory<ServicesNamespace> = (sender, defaults) => {
  const opdOf = (options?: ServiceCallOptions) => resolveOpd(options?.opd, defaults.opd);
  return {
    ...citizenServices(sender, defaults),
    opd: {
      async list(options) {
        const opd = opdOf(options);
        const { data } = await sender.call(staffEndpoints.staffList, { params: { opd }, what: `the service standards of ${opd}`, signal: options?.signal });
        return data;
      },
      async create(input, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.create, { params: { opd }, body: input, what: `a new service of ${opd}`, signal: options?.signal });
      },
      async history(service, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.history, { params: { opd, service }, what: `the versions of service ${service}`, signal: options?.signal });
      },
      async addVersion(service, input, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.addVersion, { params: { opd, service }, body: input, what: `a new version of service ${service}`, signal: options?.signal });
      },
      async issueTokens(service, batch, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.issueTokens, { params: { opd, service }, body: batch, what: `survey codes for service ${service}`, signal: options?.signal });
      },
      async suggestions(options) {
        const opd = opdOf(options);
        const year = options?.year;
        return sender.call(staffEndpoints.suggestions, { params: { opd }, query: year === undefined ? {} : { year }, what: `the survey suggestions of ${opd}`, signal: options?.signal });
      },
      async setPledge(pledge, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.putPledge, { params: { opd }, body: pledge, what: `the service pledge of ${opd}`, signal: options?.signal });
      },
      async exportSippn(options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.exportSippn, { params: { opd }, what: `the SIPPN export of ${opd}`, signal: options?.signal });
      },
      async exportSippnCsv(options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.exportSippnCsv, { params: { opd }, what: `the SIPPN export of ${opd}`, signal: options?.signal });
      },
    },
    async setChecklist(checklist, options) {
      return sender.call(staffEndpoints.putChecklist, { body: checklist, what: 'the compliance checklist', signal: options?.signal });
    },
    async exportSippn(options) {
      return sender.call(staffEndpoints.regencyExportSippn, { what: 'the regency’s SIPPN export', signal: options?.signal });
    },
    async exportSippnCsv(options) {
      return sender.call(staffEndpoints.regencyExportSippnCsv, { what: 'the regency’s SIPPN export', signal: options?.signal });
    },
  };
};
