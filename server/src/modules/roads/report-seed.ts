/**
 * Perjaka's report services and DEMO reports for the demo Dinas PUPR. The four services —
 * jalan berlubang, longsor, drainase tersumbat, jembatan rusak — with their Open311 attributes
 * (`services.ts`: every OPD with Perjaka on gets them) are what a Dinas PUPR takes reports
 * under; the reports are SYNTHETIC (`synthetic` set, no
 * reporter contact), placed on segments of the synthetic demo network. The first carries the
 * demo's drawn photo (`demo-photo.ts`, `synthetic` too), stored through the same cleaning as an
 * upload ({@link cleanPhoto}). Idempotent.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { RoadGeometry } from '../../../../src/schemas/roads.js';
import type { Database } from '../../db/schema.js';
import type { SeedContext } from '../../http/module.js';
import { DEMO_ROADS_OPD } from './seed.js';
import { addDefaultServices, ROAD_REPORT_SERVICES } from './services.js';
import { DEMO_PHOTO_JPEG_BASE64 } from './demo-photo.js';
import { cleanPhoto } from './photos.js';
import { roadsDb, type RoadsDb } from './tables.js';

/** The demo photo's id: fixed, so its media URL is the same on every demo database. */
export const DEMO_PHOTO_ID = 'contohsintetis0001';

/** Stores the demo's drawn photo as an upload is stored (cleaned, bytes in the database), marked synthetic; its id. */
async function storeDemoPhoto(db: RoadsDb, at: Date): Promise<string> {
  const photo = cleanPhoto(new Uint8Array(Buffer.from(DEMO_PHOTO_JPEG_BASE64, 'base64')));
  await db
    .insertInto('road_report_photos')
    .values({ id: DEMO_PHOTO_ID, opd_slug: DEMO_ROADS_OPD, media_type: photo.mediaType, data: photo.bytes, width: photo.width, height: photo.height, byte_size: photo.bytes.length, created_at: at, synthetic: true })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return DEMO_PHOTO_ID;
}

/** The demo reports: on the n-th demo segment, how long ago (days), and what was done. */
const DEMO_REPORTS: ReadonlyArray<{ segment: number; service: string; days: number; description: string; photo?: true; attributes: Record<string, string | string[]>; status?: 'closed'; resolution?: string; update?: { role: string; author: string; text: string } }> = [
  { segment: 3, service: 'jalan-berlubang', days: 2, description: 'Lubang besar di tengah jalan dekat tikungan, sudah ada motor yang jatuh. (contoh data sintetis)', attributes: { tingkat: 'berat', lebar: '80' }, photo: true },
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
  await addDefaultServices(db, DEMO_ROADS_OPD);
  counts['report services'] = ROAD_REPORT_SERVICES.length;
  const segments = await db.selectFrom('road_segments').select(['id', 'geometry']).where('opd_slug', '=', DEMO_ROADS_OPD).orderBy('number').execute();
  for (const report of DEMO_REPORTS) {
    const segment = segments[report.segment];
    const geometry = segment?.geometry as RoadGeometry | null | undefined;
    if (!segment || !geometry) continue;
    const line = geometry.type === 'LineString' ? geometry.coordinates : geometry.coordinates[0]!;
    const [lon, lat] = line[Math.floor(line.length / 2)]!;
    const at = new Date(now.getTime() - report.days * 86_400_000);
    const photoId = report.photo ? await storeDemoPhoto(db, at) : null;
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
        photo_id: photoId,
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
