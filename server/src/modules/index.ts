/**
 * The module registry. A module is a folder under `modules/` with its routes and its
 * OpenAPI part; adding one (Perjaka, e-Agenda, …) is that folder plus one line below.
 *
 * @module
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import type { OpenApiPart } from '../openapi/builder.js';
import { consultationRoutes } from './consultations/routes.js';
import { consultationsOpenApi } from './consultations/openapi.js';
import { opdRoutes } from './opds/routes.js';
import { opdsOpenApi } from './opds/openapi.js';

/** One slice of the API. */
export interface ServerModule {
  /** Short name, for logs. */
  name: string;
  /** Its routes, mounted at `/api/v1`. */
  routes: () => Hono<AppEnv>;
  /** Its paths and shapes in the OpenAPI document. */
  openapi: OpenApiPart;
}

/** Every module of the server, in mounting order. */
export const serverModules: readonly ServerModule[] = [
  { name: 'opds', routes: opdRoutes, openapi: opdsOpenApi },
  { name: 'siap', routes: consultationRoutes, openapi: consultationsOpenApi },
];
