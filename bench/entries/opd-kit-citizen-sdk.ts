/**
 * Size-benchmark entry: what a citizen-facing page gets from the SDK when it names only what it
 * calls, as the widgets do: `buildClient(options, { consultations: citizenConsultations })`
 * (ask and track; no staff calls or schemas) and the error classes; zod/mini bundled in.
 *
 * @module
 */
export {
  buildClient,
  citizenConsultations,
  OpdError,
  ValidationError,
  ApiError,
  RateLimitError,
  NetworkError,
  TimeoutError,
  ResponseShapeError,
} from '../../src/index.js';
