/**
 * Open data (issue 23; Satu Data Indonesia): every module's public datasets, per OPD that has
 * the module on, as CSV and JSON, and one DCAT catalogue (JSON-LD) listing them with title,
 * description, keywords, licence, publisher (the OPD, *produsen data*), update time and
 * download addresses, which CKAN's DCAT harvester (ckanext-dcat) and other portals read.
 *
 * A dataset is built from its module's public views (`opendata/contract.ts`), so it holds no
 * more than the public API answers. The licence is Creative Commons Attribution 4.0, the one
 * the national open data portal (data.go.id) recommends for government data.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import { openDataEndpoints as endpoints, type OpenDataCatalogue } from '../../../src/schemas/index.js';
import type { Database, OpdRow } from '../db/schema.js';
import { toCsv } from '../http/csv.js';
import { defineModule, route, type ServerModule } from '../http/module.js';
import { publicBaseOf } from '../http/origin.js';
import { ProblemError } from '../http/problem.js';
import { listOpds } from '../tenancy/queries.js';
import type { DatasetContext, OpenDataset } from './contract.js';

/** The licence of every dataset. */
export const OPEN_DATA_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  opd: 'https://opd-kit.dev/ns/opendata#',
};

/** A dataset of a module, and the module it is in. */
interface Published {
  module: ServerModule;
  dataset: OpenDataset;
}

function datasetsOf(modules: readonly ServerModule[]): Published[] {
  return modules.flatMap((module) => (module.datasets ?? []).map((dataset) => ({ module, dataset })));
}

/** Is the module on for the OPD (a module not switched per OPD is on for all)? */
const isOn = (module: ServerModule, opd: OpdRow): boolean => module.perOpd === false || opd.modules.includes(module.id);

async function publishes(db: Kysely<Database>, { module, dataset }: Published, context: DatasetContext): Promise<boolean> {
  if (!isOn(module, context.opd)) return false;
  return dataset.publishedBy ? dataset.publishedBy(db, context) : true;
}

/**
 * The dataset `id` of the OPD, or a 404 naming what is not there: `module-disabled`, naming
 * the module, when the OPD has the dataset's module off (its data stays, unpublished, until
 * the module is on again: the catalogue leaves it out too), else `not-found`.
 */
async function findDataset(db: Kysely<Database>, modules: readonly ServerModule[], opd: OpdRow, file: string, context: DatasetContext): Promise<OpenDataset> {
  const id = file.replace(/\.(csv|json)$/, '');
  const found = datasetsOf(modules).find((candidate) => candidate.dataset.id === id);
  if (!found) throw new ProblemError('not-found', { detail: `There is no dataset ${id}. The catalogue at /api/v1/datasets lists them.` });
  if (!isOn(found.module, opd)) {
    throw new ProblemError('module-disabled', {
      detail: `${opd.name} does not publish the dataset ${id}: the module ${found.module.id} is off for this agency. The catalogue at /api/v1/datasets lists what it does.`,
    });
  }
  if (!(await publishes(db, found, context))) {
    throw new ProblemError('not-found', { detail: `${opd.name} does not publish the dataset ${id}. The catalogue at /api/v1/datasets lists what it does.` });
  }
  return found.dataset;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

const catalogue = route({
  endpoint: endpoints.catalogue,
  summary: 'The open data catalogue (DCAT, JSON-LD)',
  description:
    'Every public dataset of every OPD as a DCAT `dcat:Catalog` in JSON-LD: title, description, keywords, licence (CC BY 4.0), the OPD as publisher, `dct:modified`, and a CSV and a JSON `dcat:Distribution` each with its `dcat:downloadURL`; `opd:columns` describes each column. A CKAN portal harvests it with ckanext-dcat (`dcat_json` or RDF harvester pointed at this address).',
  async handler({ c, deps, now }) {
    const origin = publicBaseOf(c);
    const modules = deps.modules;
    const opds = await listOpds(deps.db);
    const datasets: OpenDataCatalogue['dcat:dataset'] = [];
    let latest: Date | null = null;
    for (const opd of opds) {
      const context: DatasetContext = { opd, now, origin, timeZone: deps.settings.timeZone };
      for (const published of datasetsOf(modules)) {
        if (!(await publishes(deps.db, published, context))) continue;
        const { dataset } = published;
        const modified = await dataset.modified(deps.db, context);
        if (modified && (!latest || modified > latest)) latest = modified;
        const base = `${origin}/api/v1/opds/${opd.slug}/datasets/${dataset.id}`;
        const download = (format: 'CSV' | 'JSON', mediaType: string, suffix: string) => ({
          '@type': 'dcat:Distribution' as const,
          'dct:title': `${dataset.title} (${format})`,
          'dct:format': format,
          'dcat:mediaType': mediaType,
          'dcat:downloadURL': `${base}.${suffix}`,
          'dcat:accessURL': `${base}.${suffix}`,
          'dct:license': OPEN_DATA_LICENSE,
        });
        datasets.push({
          '@id': `${base}`,
          '@type': 'dcat:Dataset',
          'dct:identifier': `${opd.slug}/${dataset.id}`,
          'dct:title': `${dataset.title} — ${opd.name}`,
          'dct:description': dataset.description,
          'dcat:keyword': [...dataset.keywords],
          'dct:language': 'id',
          'dct:license': OPEN_DATA_LICENSE,
          'dct:accessRights': 'public',
          'dct:modified': iso(modified),
          'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': opd.name, 'dct:identifier': opd.slug },
          'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': opd.name, 'vcard:hasURL': origin },
          'dcat:landingPage': `${origin}/api/v1/datasets`,
          'dcat:distribution': [download('CSV', 'text/csv', 'csv'), download('JSON', 'application/json', 'json')],
          'opd:columns': dataset.columns.map((column) => ({ name: column.name, description: column.description })),
        });
      }
    }
    return {
      body: {
        '@context': CONTEXT,
        '@id': `${origin}/api/v1/datasets`,
        '@type': 'dcat:Catalog' as const,
        'dct:title': 'Katalog data terbuka',
        'dct:description':
          'Data publik setiap OPD yang memakai opd-kit: ruas jalan dan kondisinya, agenda DPRD, inovasi daerah, program CSR, standar pelayanan dan indeks kepuasan masyarakat. Setiap set data tersedia sebagai CSV dan JSON.',
        'dct:language': 'id',
        'dct:license': OPEN_DATA_LICENSE,
        'dct:modified': iso(latest),
        'foaf:homepage': origin,
        'dcat:dataset': datasets,
      },
      headers: { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' },
    };
  },
});

const csv = route({
  endpoint: endpoints.csv,
  summary: 'Download an open dataset as CSV',
  description:
    'One dataset of one OPD (see the catalogue at `/api/v1/datasets`), UTF-8 with a BOM, CRLF, every field quoted, a leading =, +, -, @, tab or CR neutralised with an apostrophe (formula injection); yes/no as `ya`/`tidak`.',
  async handler({ c, deps, params, now }) {
    const opd = c.get('opd');
    const context: DatasetContext = { opd, now, origin: publicBaseOf(c), timeZone: deps.settings.timeZone };
    const dataset = await findDataset(deps.db, deps.modules, opd, params.dataset, context);
    const rows = await dataset.rows(deps.db, context);
    const header = dataset.columns.map((column) => column.name);
    const cell = (value: unknown) => (value === null || value === undefined ? null : typeof value === 'boolean' ? (value ? 'ya' : 'tidak') : (value as string | number));
    const table = { header, rows: rows.map((row) => header.map((name) => cell(row[name]))) };
    return {
      body: toCsv(table),
      headers: { 'Content-Disposition': `attachment; filename="${opd.slug}-${dataset.id}.csv"`, 'Access-Control-Allow-Origin': '*' },
    };
  },
});

const json = route({
  endpoint: endpoints.json,
  summary: 'Download an open dataset as JSON',
  description: 'One dataset of one OPD (see the catalogue at `/api/v1/datasets`): its columns with their meaning and its rows, one object per row keyed by column.',
  async handler({ c, deps, params, now }) {
    const opd = c.get('opd');
    const context: DatasetContext = { opd, now, origin: publicBaseOf(c), timeZone: deps.settings.timeZone };
    const dataset = await findDataset(deps.db, deps.modules, opd, params.dataset, context);
    const [rows, modified] = await Promise.all([dataset.rows(deps.db, context), dataset.modified(deps.db, context)]);
    const names = dataset.columns.map((column) => column.name);
    return {
      body: {
        dataset: dataset.id,
        opd: opd.slug,
        modified: iso(modified),
        columns: dataset.columns.map((column) => ({ name: column.name, description: column.description })),
        rows: rows.map((row) => Object.fromEntries(names.map((name) => [name, row[name] ?? null]))),
      },
      headers: { 'Access-Control-Allow-Origin': '*' },
    };
  },
});

/** The open data module (a spine part: on for every OPD, each dataset follows its own module's switch). */
export const openDataModule = defineModule({
  id: 'opendata',
  perOpd: false,
  routes: [catalogue, csv, json],
  openapi: {
    tag: {
      name: 'Open data',
      description:
        'Satu Data Indonesia: every public dataset of every OPD as CSV and JSON, and a DCAT catalogue (JSON-LD) a CKAN portal harvests.',
    },
  },
});
