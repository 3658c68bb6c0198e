/**
 * Size-benchmark entry: what an app gets from `import { createClient, …Error } from 'opd-kit'`
 * (the client with its namespaces, schemas and error tree; zod/mini bundled in).
 *
 * @module
 */
export {
  createClient,
  OpdError,
  ValidationError,
  ApiError,
  RateLimitError,
  NetworkError,
  TimeoutError,
  ResponseShapeError,
} from '../../src/index.js';
