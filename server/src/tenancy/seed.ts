/**
 * DEMO DATA for Kabupaten Lahat — not real records: the agencies (OPD), with their real
 * names (and English ones) so the demo reads like the real thing, every row marked `is_demo`. Each module
 * seeds its own demo data for these OPDs.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { ModuleName } from '../../../src/schemas/index.js';
import type { Database } from '../db/schema.js';

/** The origins the demo OPD websites run on (the demo page `npm start` serves). */
export const DEMO_ORIGINS = ['http://localhost:8080', 'http://127.0.0.1:8080'];

/** A demo agency, its English name and the modules it has on. */
export interface DemoOpd {
  slug: string;
  name: string;
  nameEn: string;
  modules: ModuleName[];
}

/** The demo agencies of Kabupaten Lahat. */
export const DEMO_OPDS: readonly DemoOpd[] = [
  {
    slug: 'bpkad',
    name: 'Badan Pengelolaan Keuangan dan Aset Daerah (BPKAD)',
    nameEn: 'Regional Finance and Asset Management Agency (BPKAD)',
    modules: ['siap'],
  },
  {
    slug: 'dinas-pupr',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang (PUPR)',
    nameEn: 'Public Works and Spatial Planning Office (PUPR)',
    modules: ['perjaka', 'siap'],
  },
  {
    slug: 'bappeda',
    name: 'Badan Perencanaan Pembangunan Daerah (Bappeda)',
    nameEn: 'Regional Development Planning Agency (Bappeda)',
    modules: ['csr', 'innovation', 'siap'],
  },
  {
    slug: 'sekretariat-dprd',
    name: 'Sekretariat DPRD',
    nameEn: 'Secretariat of the Regional People’s Representative Council (DPRD)',
    modules: ['agenda'],
  },
  {
    slug: 'dpmptsp',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP)',
    nameEn: 'Investment and One-Stop Integrated Services Office (DPMPTSP)',
    modules: ['siap', 'layanan'],
  },
  { slug: 'dinas-kesehatan', name: 'Dinas Kesehatan', nameEn: 'Health Office', modules: ['siap', 'layanan'] },
  {
    slug: 'disdukcapil',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    nameEn: 'Population and Civil Registry Office',
    modules: ['innovation', 'layanan', 'siap'],
  },
  {
    slug: 'rsud',
    name: 'Rumah Sakit Umum Daerah (RSUD) Lahat',
    nameEn: 'Lahat Regional General Hospital (RSUD)',
    modules: ['siap', 'layanan'],
  },
  {
    slug: 'diskominfo',
    name: 'Dinas Komunikasi dan Informatika (Diskominfo)',
    nameEn: 'Communication and Informatics Office (Diskominfo)',
    modules: ['innovation', 'siap'],
  },
];

/**
 * Adds the demo agencies that are not there yet, and gives the English name to a demo agency
 * of an older demo database that has none (one whose name is still the demo one; not counted).
 */
export async function seedOpds(db: Kysely<Database>, now: Date): Promise<Record<string, number>> {
  let opds = 0;
  for (const opd of DEMO_OPDS) {
    await db
      .updateTable('opds')
      .set({ name_en: opd.nameEn })
      .where('slug', '=', opd.slug)
      .where('is_demo', '=', true)
      .where('name', '=', opd.name)
      .where('name_en', 'is', null)
      .execute();
    const inserted = await db
      .insertInto('opds')
      .values({
        slug: opd.slug,
        name: opd.name,
        name_en: opd.nameEn,
        modules: JSON.stringify(opd.modules),
        allowed_origins: JSON.stringify(DEMO_ORIGINS),
        is_demo: true,
        created_at: now,
      })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returning('slug')
      .executeTakeFirst();
    if (inserted) opds += 1;
  }
  return { opds };
}
