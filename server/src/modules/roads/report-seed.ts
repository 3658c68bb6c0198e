/**
 * Perjaka's report services and DEMO reports for the demo Dinas PUPR. The four services —
 * jalan berlubang, longsor, drainase tersumbat, jembatan rusak — with their Open311 attributes
 * are what a Dinas PUPR takes reports under; the reports are SYNTHETIC (`synthetic` set, no
 * reporter contact), placed on segments of the synthetic demo network. Idempotent.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { Open311Attribute } from '../../../../src/schemas/open311.js';
import type { RoadGeometry } from '../../../../src/schemas/roads.js';
import type { Database } from '../../db/schema.js';
import type { SeedContext } from '../../http/module.js';
import { DEMO_ROADS_OPD } from './seed.js';
import { roadsDb } from './tables.js';

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

/** The services seeded for a Dinas PUPR, in order. */
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

/** The demo reports: on the n-th demo segment, how long ago (days), and what was done. */
const DEMO_REPORTS: ReadonlyArray<{ segment: number; service: string; days: number; description: string; attributes: Record<string, string | string[]>; status?: 'closed'; resolution?: string; update?: { role: string; author: string; text: string } }> = [
  { segment: 3, service: 'jalan-berlubang', days: 2, description: 'Lubang besar di tengah jalan dekat tikungan, sudah ada motor yang jatuh. (contoh data sintetis)', attributes: { tingkat: 'berat', lebar: '80' } },
  { segment: 17, service: 'longsor', days: 6, description: 'Tebing longsor menutup separuh jalan setelah hujan semalam. (contoh data sintetis)', attributes: { tingkat: 'sedang', akses: 'sebagian' }, update: { role: 'camat', author: 'Camat (demo)', text: 'Warga sudah bergotong royong membersihkan sebagian material longsor. (contoh data sintetis)' } },
  { segment: 42, service: 'drainase-tersumbat', days: 12, description: 'Gorong-gorong tersumbat sampah, air meluap ke jalan. (contoh data sintetis)', attributes: { genangan: 'ya' }, status: 'closed', resolution: 'fixed', update: { role: 'petugas', author: 'Dinas PUPR (demo)', text: 'Saluran sudah dibersihkan petugas. (contoh data sintetis)' } },
  { segment: 88, service: 'jembatan-rusak', days: 20, description: 'Papan lantai jembatan kayu lepas dua buah. (contoh data sintetis)', attributes: { tingkat: 'sedang', bagian: ['lantai'] }, update: { role: 'kontraktor', author: 'CV Kontraktor (demo)', text: 'Penggantian lantai dijadwalkan minggu depan. (contoh data sintetis)' } },
  { segment: 120, service: 'jalan-berlubang', days: 30, description: 'Jalan retak dan berlubang sepanjang kira-kira 50 meter. (contoh data sintetis)', attributes: { tingkat: 'ringan' }, status: 'closed', resolution: 'not_regency_road' },
];

/** Adds the services and the demo reports to the demo Dinas PUPR when it has none yet. */
export async function seedRoadReports(base: Kysely<Database>, { now }: SeedContext): Promise<Record<string, number>> {
  const db = roadsDb(base);
  const counts = { 'report services': 0, 'road reports': 0 };
  const opd = await db.selectFrom('opds').select('slug').where('slug', '=', DEMO_ROADS_OPD).where('is_demo', '=', true).executeTakeFirst();
  if (!opd) return counts;
  const has = await db.selectFrom('road_report_services').select('code').where('opd_slug', '=', DEMO_ROADS_OPD).executeTakeFirst();
  if (has) return counts;
  await db
    .insertInto('road_report_services')
    .values(ROAD_REPORT_SERVICES.map((s, i) => ({ opd_slug: DEMO_ROADS_OPD, code: s.code, name: s.name, description: s.description, keywords: s.keywords, group_name: s.group, notice: s.notice, attributes: JSON.stringify(s.attributes), sort: i + 1 })))
    .execute();
  counts['report services'] = ROAD_REPORT_SERVICES.length;
  const segments = await db.selectFrom('road_segments').select(['id', 'geometry']).where('opd_slug', '=', DEMO_ROADS_OPD).orderBy('number').execute();
  for (const report of DEMO_REPORTS) {
    const segment = segments[report.segment];
    const geometry = segment?.geometry as RoadGeometry | null | undefined;
    if (!segment || !geometry) continue;
    const line = geometry.type === 'LineString' ? geometry.coordinates : geometry.coordinates[0]!;
    const [lon, lat] = line[Math.floor(line.length / 2)]!;
    const at = new Date(now.getTime() - report.days * 86_400_000);
    const row = await db
      .insertInto('road_reports')
      .values({
        opd_slug: DEMO_ROADS_OPD,
        service_code: report.service,
        status: report.status ?? 'open',
        resolution: report.resolution ?? null,
        status_notes: null,
        description: report.description,
        address: null,
        address_id: null,
        lat,
        lon,
        photo_id: null,
        attributes: JSON.stringify(report.attributes),
        segment_id: segment.id,
        segment_distance_m: 0,
        duplicate_of: null,
        reporter_first_name: null,
        reporter_last_name: null,
        reporter_email: null,
        reporter_phone: null,
        reporter_device_id: null,
        consent_at: null,
        api_key_id: null,
        public_description: null,
        moderation_reason: null,
        moderated_at: null,
        moderated_by: null,
        expected_at: null,
        requested_at: at,
        updated_at: report.update ? new Date(at.getTime() + 86_400_000) : at,
        synthetic: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (report.update) {
      await db
        .insertInto('road_report_updates')
        .values({ report_id: Number(row.id), opd_slug: DEMO_ROADS_OPD, status: report.status ?? 'open', resolution: report.resolution ?? null, description: report.update.text, photo_id: null, role: report.update.role, author: report.update.author, api_key_id: null, staff_id: null, created_at: new Date(at.getTime() + 86_400_000) })
        .execute();
    }
    counts['road reports']++;
  }
  return counts;
}
