/**
 * opd-kit: the typed client for an opd-kit backend.
 *
 * ```ts
 * import { createClient, ApiError } from 'opd-kit';
 * const client = createClient({ baseUrl: 'https://layanan.lahatkab.go.id', opd: 'bpkad' });
 * ```
 *
 * @module
 */
export {
  createClient,
  buildClient,
  type OpdClient,
  type ClientOf,
  type NamespaceFactories,
  type NamespaceFactory,
  type ClientDefaults,
} from './client.js';
export type { ClientOptions, CallOptions, EndpointCall, RequestSender } from './request.js';
export {
  OpdError,
  ValidationError,
  ApiError,
  RateLimitError,
  IdempotencyConflictError,
  NetworkError,
  TimeoutError,
  ResponseShapeError,
  type ApiErrorDetails,
} from './errors.js';
export { newIdempotencyKey } from './idempotency.js';
export { paginate, DEFAULT_ITEM_CAP, type Paginated } from './pagination.js';
export { auth, type AuthNamespace, type LoginOptions } from './namespaces/auth.js';
export { opds, type OpdsNamespace } from './namespaces/opds.js';
export { opdsAdmin, type OpdsAdminNamespace, type OpdCallOptions } from './namespaces/opd-admin.js';
export { privacy, type PrivacyNamespace, type PrivacySettingsNamespace } from './namespaces/privacy.js';
export { users, type UsersNamespace, type OpdUserCallOptions, type OpdUserCreateInput, type UserCreateInput, type UserUpdateInput, type UserListQuery, type UserWithPassword } from './namespaces/users.js';
export {
  consultations,
  type ConsultationsNamespace,
  type AnswerTemplatesNamespace,
  type StaffCallOptions,
  type SetStatusOptions,
} from './namespaces/consultations.js';
export {
  citizenConsultations,
  type CitizenConsultationsNamespace,
  type CreateConsultationOptions,
} from './namespaces/citizen-consultations.js';
export type {
  ConsultationCreateInput,
  ConsultationReceipt,
  ConsultationPublic,
  ConsultationStaff,
  ConsultationStatus,
  ConsultationListQuery,
  ConsultationStatusInput,
  TimelineEntry,
  Opd,
  OpdSummary,
  OpdSettings,
  OpdCreate,
  OpdUpdate,
  RegencyOverview,
  OpdOverview,
  AuditEntryView,
  AuditQuery,
  PrivacySettings,
  DataSubject,
  PersonalDataRecord,
  PersonalDataExport,
  PersonalDataErasure,
  ConsultationCategory,
  ModuleName,
  FieldError,
  FieldErrorCode,
  Problem,
  ListPage,
} from './schemas/index.js';
