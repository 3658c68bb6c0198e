/**
 * The report services a Dinas PUPR takes reports under, and how an OPD gets them: the four
 * defaults — jalan berlubang, longsor, drainase tersumbat, jembatan rusak — with their Open311
 * attributes are added the first time anything reads an OPD's services and it has none at all
 * (a real OPD that switches Perjaka on, not only the demo one; whatever way it was switched on:
 * the console, `PUT …/modules`, a new OPD, the admin CLI). An OPD that has retired every service
 * (`active` false) keeps them retired: the defaults come only where no service was ever stored.
 *
 * @module
 */
import type { Open311Attribute } from '../../../../src/schemas/open311.js';
import type { RoadsDb, ServiceRow } from './tables.js';

const severity: Open311Attribute = {
  variable: true,
  code: 'tingkat',
  datatype: 'singlevaluelist',
  required: true,
  datatype_description: null,
  order: 1,
  description: 'Seberapa parah kerusakannya?',
  values: [
    { key: 'ringan', name: 'Ringan: masih bisa dilalui dengan pelan' },
    { key: 'sedang', name: 'Sedang: kendaraan harus menghindar' },
    { key: 'berat', name: 'Berat: berbahaya atau tidak bisa dilalui' },
  ],
};

/** The services every Dinas PUPR starts with, in order. */
export const ROAD_REPORT_SERVICES: ReadonlyArray<{ code: string; name: string; description: string; keywords: string; group: string; notice: string; attributes: Open311Attribute[] }> = [
  {
    code: 'jalan-berlubang',
    name: 'Jalan berlubang',
    description: 'Lubang atau retak pada badan jalan kabupaten.',
    keywords: 'lubang, retak, aspal rusak, pothole',
    group: 'jalan',
    notice: 'Petugas Dinas PUPR memeriksa laporan dalam 3 hari kerja dan menjadwalkan penambalan.',
    attributes: [
      severity,
      { variable: true, code: 'lebar', datatype: 'number', required: false, datatype_description: 'Perkiraan lebar lubang dalam sentimeter', order: 2, description: 'Kira-kira berapa lebar lubangnya (cm)?', values: [] },
    ],
  },
  {
    code: 'longsor',
    name: 'Longsor',
    description: 'Tanah longsor yang menutup atau menggerus badan jalan.',
    keywords: 'longsor, tanah runtuh, tebing, amblas',
    group: 'jalan',
    notice: 'Laporan longsor ditangani segera; bila jalan tertutup, hindari lokasi dan ikuti arahan petugas.',
    attributes: [
      severity,
      {
        variable: true,
        code: 'akses',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 2,
        description: 'Apakah jalan masih bisa dilalui?',
        values: [
          { key: 'terbuka', name: 'Masih bisa dilalui' },
          { key: 'sebagian', name: 'Sebagian tertutup' },
          { key: 'tertutup', name: 'Tertutup total' },
        ],
      },
    ],
  },
  {
    code: 'drainase-tersumbat',
    name: 'Drainase tersumbat',
    description: 'Saluran air atau gorong-gorong di tepi jalan tersumbat sehingga air menggenangi jalan.',
    keywords: 'drainase, got, gorong-gorong, genangan, banjir',
    group: 'drainase',
    notice: 'Petugas memeriksa saluran dalam 3 hari kerja.',
    attributes: [
      {
        variable: true,
        code: 'genangan',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: null,
        order: 1,
        description: 'Apakah air menggenangi jalan?',
        values: [
          { key: 'tidak', name: 'Tidak' },
          { key: 'ya', name: 'Ya' },
        ],
      },
    ],
  },
  {
    code: 'jembatan-rusak',
    name: 'Jembatan rusak',
    description: 'Kerusakan pada jembatan di ruas jalan kabupaten: lantai, sandaran, atau pondasi.',
    keywords: 'jembatan, lantai jembatan, sandaran, oprit',
    group: 'jembatan',
    notice: 'Kerusakan jembatan diperiksa tim teknis; bila membahayakan, jembatan ditutup sementara.',
    attributes: [
      severity,
      {
        variable: true,
        code: 'bagian',
        datatype: 'multivaluelist',
        required: false,
        datatype_description: null,
        order: 2,
        description: 'Bagian mana yang rusak?',
        values: [
          { key: 'lantai', name: 'Lantai jembatan' },
          { key: 'sandaran', name: 'Sandaran / pagar' },
          { key: 'pondasi', name: 'Pondasi / tiang' },
          { key: 'oprit', name: 'Oprit (jalan pendekat)' },
        ],
      },
    ],
  },
];

/** Adds the default services to `opd` (those it has already stay as they are). */
export async function addDefaultServices(db: RoadsDb, opd: string): Promise<void> {
  await db
    .insertInto('road_report_services')
    .values(ROAD_REPORT_SERVICES.map((s, i) => ({ opd_slug: opd, code: s.code, name: s.name, description: s.description, keywords: s.keywords, group_name: s.group, notice: s.notice, attributes: JSON.stringify(s.attributes), sort: i + 1 })))
    .onConflict((oc) => oc.columns(['opd_slug', 'code']).doNothing())
    .execute();
}

/**
 * The active services of `opd` in order; an OPD that never had any gets the defaults first
 * (two instances doing so at once add them once: the insert skips codes already there).
 */
export async function servicesOf(db: RoadsDb, opd: string): Promise<ServiceRow[]> {
  const active = () => db.selectFrom('road_report_services').selectAll().where('opd_slug', '=', opd).where('active', '=', true).orderBy('sort').orderBy('code').execute();
  const rows = await active();
  if (rows.length > 0) return rows;
  const any = await db.selectFrom('road_report_services').select('code').where('opd_slug', '=', opd).limit(1).executeTakeFirst();
  if (any) return rows;
  await addDefaultServices(db, opd);
  return active();
}
