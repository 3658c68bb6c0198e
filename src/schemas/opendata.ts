/**
 * Open data (Satu Data Indonesia): every public dataset of every OPD — road segments and their
 * condition, the council agenda, innovations, CSR programmes, service standards and the
 * satisfaction index — as CSV and JSON, listed in a DCAT catalogue (JSON-LD) that a CKAN portal
 * (ckanext-dcat) or any DCAT harvester reads. A dataset is one OPD's: the OPD is its publisher
 * (*produsen data*), as Satu Data Indonesia has it.
 *
 * @module
 */
import * as z from 'zod/mini';
import { endpoint } from './endpoint.js';
import { opdSlug } from './opds.js';

/** A dataset's id within its OPD: `road-segments`, `agenda-events`, … */
export const datasetId = z.string().check(z.regex(/^[a-z][a-z0-9-]{1,62}$/, 'Use a dataset id such as road-segments'));

/** One download of a dataset (`dcat:Distribution`). */
const distribution = z.object({
  '@type': z.literal('dcat:Distribution'),
  'dct:title': z.string(),
  'dct:format': z.string(),
  'dcat:mediaType': z.string(),
  'dcat:downloadURL': z.string(),
  'dcat:accessURL': z.string(),
  'dct:license': z.string(),
});

/** One dataset of the catalogue (`dcat:Dataset`). */
export const openDataset = z.object({
  '@id': z.string(),
  '@type': z.literal('dcat:Dataset'),
  'dct:identifier': z.string(),
  'dct:title': z.string(),
  'dct:description': z.string(),
  'dcat:keyword': z.array(z.string()),
  'dct:language': z.string(),
  'dct:license': z.string(),
  'dct:accessRights': z.string(),
  'dct:modified': z.nullable(z.string()),
  'dct:publisher': z.object({ '@type': z.literal('foaf:Organization'), 'foaf:name': z.string(), 'dct:identifier': z.string() }),
  'dcat:contactPoint': z.object({ '@type': z.literal('vcard:Organization'), 'vcard:fn': z.string(), 'vcard:hasURL': z.string() }),
  'dcat:landingPage': z.string(),
  'dcat:distribution': z.array(distribution),
  /** The columns, each with its meaning: what a data officer needs to describe the dataset on the portal. */
  'opd:columns': z.array(z.object({ name: z.string(), description: z.string() })),
});

/** The catalogue (`dcat:Catalog`, JSON-LD). */
export const openDataCatalogue = z.object({
  '@context': z.record(z.string(), z.string()),
  '@id': z.string(),
  '@type': z.literal('dcat:Catalog'),
  'dct:title': z.string(),
  'dct:description': z.string(),
  'dct:language': z.string(),
  'dct:license': z.string(),
  'dct:modified': z.nullable(z.string()),
  'foaf:homepage': z.string(),
  'dcat:dataset': z.array(openDataset),
});

/** The catalogue, see {@link openDataCatalogue}. */
export type OpenDataCatalogue = z.infer<typeof openDataCatalogue>;

/** A dataset's file name in a path, `road-segments.csv` (the router keeps the suffix in the value). */
const datasetFile = (suffix: 'csv' | 'json') =>
  z.string().check(z.regex(new RegExp(`^[a-z][a-z0-9-]{1,62}(?:\\.${suffix})?$`), `Use a dataset file such as road-segments.${suffix}`));

/** The open-data endpoints. */
export const openDataEndpoints = {
  catalogue: endpoint({
    id: 'getOpenDataCatalogue',
    method: 'GET',
    path: '/api/v1/datasets',
    response: openDataCatalogue,
    produces: 'application/ld+json',
    access: 'public',
  }),
  csv: endpoint({
    id: 'downloadOpenDatasetCsv',
    method: 'GET',
    path: '/api/v1/opds/{opd}/datasets/{dataset}.csv',
    params: z.object({ opd: opdSlug, dataset: datasetFile('csv') }),
    response: z.string(),
    produces: 'text/csv; charset=utf-8',
    access: 'public',
    errors: ['module-disabled'],
  }),
  json: endpoint({
    id: 'downloadOpenDatasetJson',
    method: 'GET',
    path: '/api/v1/opds/{opd}/datasets/{dataset}.json',
    params: z.object({ opd: opdSlug, dataset: datasetFile('json') }),
    response: z.object({
      dataset: z.string(),
      opd: opdSlug,
      modified: z.nullable(z.string()),
      columns: z.array(z.object({ name: z.string(), description: z.string() })),
      rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
    }),
    access: 'public',
    errors: ['module-disabled'],
  }),
} as const;
