/**
 * Tenancy: the OPDs (regional agencies) one deployment serves, and the modules each has on.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage } from './common.js';
import { endpoint } from './endpoint.js';

/** Every module opd-kit knows; an OPD switches on the ones it runs. */
export const moduleNames = ['siap', 'perjaka', 'agenda', 'innovation', 'csr', 'layanan'] as const;

/** A module name, see {@link moduleNames}. */
export type ModuleName = (typeof moduleNames)[number];

/** What an OPD slug looks like: lowercase letters and digits in groups joined by single hyphens. */
export const OPD_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An OPD's short, URL-safe name, e.g. `bpkad` or `dinas-pupr`. */
export const opdSlug = z.string().check(
  z.minLength(2),
  z.maxLength(64),
  z.regex(OPD_SLUG_PATTERN, 'Use lowercase letters, digits and single hyphens'),
);

/** The `{opd}` path parameter every OPD-scoped endpoint has. */
export const opdParams = z.object({ opd: opdSlug });

/** A consultation category an OPD offers, e.g. `{ id: 'aset-daerah', name: 'Aset daerah' }`. */
export const consultationCategory = z.object({
  id: z.string(),
  name: z.string(),
});

/** A consultation category, see {@link consultationCategory}. */
export type ConsultationCategory = z.infer<typeof consultationCategory>;

/** An OPD as `GET /api/v1/opds` lists it. */
export const opdSummary = z.object({
  slug: opdSlug,
  name: z.string(),
  modules: z.array(z.enum(moduleNames)),
});

/** An OPD as listed, see {@link opdSummary}. */
export type OpdSummary = z.infer<typeof opdSummary>;

/** One OPD with what its widgets need: `GET /api/v1/opds/{opd}`. */
export const opd = z.object({
  slug: opdSlug,
  name: z.string(),
  modules: z.array(z.enum(moduleNames)),
  consultationCategories: z.array(consultationCategory),
});

/** One OPD, see {@link opd}. */
export type Opd = z.infer<typeof opd>;

/** `GET /api/v1/opds`. */
export const opdList = listPage(opdSummary);

/** The tenancy endpoints. */
export const opdEndpoints = {
  /** `GET /api/v1/opds`: every OPD with its modules. */
  list: endpoint({
    id: 'listOpds',
    method: 'GET',
    path: '/api/v1/opds',
    response: opdList,
    access: 'public',
  }),
  /** `GET /api/v1/opds/{opd}`: one OPD with what its widgets need. */
  get: endpoint({
    id: 'getOpd',
    method: 'GET',
    path: '/api/v1/opds/{opd}',
    params: opdParams,
    response: opd,
    access: 'public',
  }),
};
