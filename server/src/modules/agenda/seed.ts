/**
 * e-Agenda's DEMO DATA for Kabupaten Lahat — SYNTHETIC, not the real agenda of the DPRD: three
 * months (2 November 2026 – 29 January 2027) of what a regency council's agenda looks like —
 * plenaries on the 2027 budget (APBD) and the regional regulations programme (Propemperda),
 * commission hearings with the OPDs, the Badan Anggaran on the APBD, a working visit to
 * Makassar (in WITA), a reses week, closed meetings of the Badan Kehormatan and the Pimpinan,
 * one event postponed and one cancelled. The council's note says it is synthetic, and so does
 * every event's description. The body names follow the usual make-up of a regency DPRD.
 *
 * Written through the same functions as the staff routes (`schedule.ts`), so each event has
 * its change log and sequence as a real one would. Seeded for the demo Sekretariat DPRD
 * (`sekretariat-dprd`) when it has no council yet; idempotent.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { SeedContext } from '../../http/module.js';
import type { AgendaEventInput, EventKind, IndonesianTimeZone } from '../../../../src/schemas/index.js';
import { bodiesOf } from './queries.js';
import { cancelEvent, postponeEvent, scheduleEvent, type WriteContext } from './schedule.js';
import { agendaDb } from './tables.js';
import { readMoment } from './time.js';

/** The demo OPD that publishes the council's agenda. */
export const DEMO_AGENDA_OPD = 'sekretariat-dprd';

/** The demo council's name. */
export const DEMO_COUNCIL_NAME = 'DPRD Kabupaten Lahat';

/** The domain of the demo events' UIDs. */
export const DEMO_UID_DOMAIN = 'sekretariat-dprd.lahat.demo';

/** The note on the demo agenda. */
export const DEMO_AGENDA_NOTE =
  'Data sintetis untuk demo: agenda DPRD Kabupaten Lahat 2 November 2026 – 29 Januari 2027 ini dibuat-buat; susunan alat kelengkapan mengikuti DPRD kabupaten pada umumnya.';

/** The demo council's bodies, in its order: `[id, name, description]`. */
export const DEMO_BODIES: ReadonlyArray<readonly [string, string, string | null]> = [
  ['paripurna', 'Paripurna', 'Rapat seluruh anggota DPRD'],
  ['pimpinan', 'Pimpinan DPRD', 'Ketua dan wakil ketua DPRD'],
  ['bamus', 'Badan Musyawarah', 'Jadwal dan acara DPRD'],
  ['komisi-1', 'Komisi I', 'Pemerintahan, hukum dan perizinan'],
  ['komisi-2', 'Komisi II', 'Perekonomian dan keuangan'],
  ['komisi-3', 'Komisi III', 'Pembangunan dan infrastruktur'],
  ['komisi-4', 'Komisi IV', 'Kesejahteraan rakyat'],
  ['banggar', 'Badan Anggaran', 'Anggaran pendapatan dan belanja daerah'],
  ['bapemperda', 'Badan Pembentukan Peraturan Daerah', 'Program dan rancangan peraturan daerah'],
  ['bk', 'Badan Kehormatan', 'Kode etik dan tata tertib anggota'],
];

const HALL = 'Ruang Rapat Paripurna, Gedung DPRD Kabupaten Lahat';
const room = (name: string) => `Ruang Rapat ${name}, Gedung DPRD Kabupaten Lahat`;
const docs = (slug: string, ...titles: string[]) =>
  titles.map((title) => ({ title, url: `https://${DEMO_UID_DOMAIN}/dokumen/${slug}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')}.pdf` }));

/** A demo event: its day, times (WIB unless `zone`), or days for an all-day one. */
export interface DemoEvent {
  key: string;
  day: string;
  /** `HH:MM` start and end, local; absent for an all-day event. */
  time?: readonly [string, string];
  /** The last day of an all-day event. */
  lastDay?: string;
  body: string;
  kind: EventKind;
  title: string;
  place: string | null;
  description?: string;
  documents?: AgendaEventInput['documents'];
  status?: 'tentative' | 'confirmed';
  openToPublic?: boolean;
  onlineUrl?: string;
  zone?: IndonesianTimeZone;
}

/** The demo agenda. */
export const DEMO_EVENTS: readonly DemoEvent[] = [
  { key: 'nota-keuangan', day: '2026-11-02', time: ['10:00', '12:00'], body: 'paripurna', kind: 'rapat-paripurna', title: 'Penyampaian Nota Keuangan dan Raperda APBD Kabupaten Lahat Tahun Anggaran 2027', place: HALL, description: 'Bupati Lahat menyampaikan nota keuangan atas Rancangan Peraturan Daerah tentang APBD Tahun Anggaran 2027.', documents: docs('2026-11-02', 'Undangan', 'Susunan acara'), onlineUrl: 'https://www.youtube.com/@dprd-lahat-demo/live' },
  { key: 'banggar-tapd-1', day: '2026-11-03', time: ['09:00', '15:00'], body: 'banggar', kind: 'rapat-kerja', title: 'Pembahasan Raperda APBD 2027 bersama TAPD', place: room('Badan Anggaran'), description: 'Rapat kerja Badan Anggaran dengan Tim Anggaran Pemerintah Daerah (TAPD).' },
  { key: 'pu-fraksi', day: '2026-11-04', time: ['10:00', '12:30'], body: 'paripurna', kind: 'rapat-paripurna', title: 'Pemandangan Umum Fraksi-fraksi atas Raperda APBD 2027', place: HALL, onlineUrl: 'https://www.youtube.com/@dprd-lahat-demo/live' },
  { key: 'jawaban-bupati', day: '2026-11-06', time: ['10:00', '12:00'], body: 'paripurna', kind: 'rapat-paripurna', title: 'Jawaban Bupati atas Pemandangan Umum Fraksi-fraksi', place: HALL },
  { key: 'k1-rka', day: '2026-11-09', time: ['09:00', '14:00'], body: 'komisi-1', kind: 'rapat-kerja', title: 'Pembahasan RKA 2027 bersama Satpol PP, Bagian Hukum dan DPMPTSP', place: room('Komisi I') },
  { key: 'k2-rka', day: '2026-11-10', time: ['09:00', '14:00'], body: 'komisi-2', kind: 'rapat-kerja', title: 'Pembahasan RKA 2027 bersama BPKAD, Bapenda dan Dinas Perdagangan', place: room('Komisi II') },
  { key: 'k3-rka', day: '2026-11-11', time: ['09:00', '14:00'], body: 'komisi-3', kind: 'rapat-kerja', title: 'Pembahasan RKA 2027 bersama Dinas PUPR, Dinas Perkim dan Dinas Perhubungan', place: room('Komisi III') },
  { key: 'k4-rka', day: '2026-11-12', time: ['09:00', '14:00'], body: 'komisi-4', kind: 'rapat-kerja', title: 'Pembahasan RKA 2027 bersama Dinas Kesehatan, Dinas Pendidikan dan RSUD Lahat', place: room('Komisi IV') },
  { key: 'banggar-sinkron', day: '2026-11-16', time: ['09:00', '16:00'], body: 'banggar', kind: 'rapat-gabungan', title: 'Sinkronisasi Hasil Pembahasan Komisi atas Raperda APBD 2027', place: room('Badan Anggaran') },
  { key: 'konsultasi-prov', day: '2026-11-19', time: ['09:00', '12:00'], body: 'banggar', kind: 'konsultasi', title: 'Konsultasi Raperda APBD 2027 ke Pemerintah Provinsi Sumatera Selatan', place: 'Kantor Gubernur Sumatera Selatan, Palembang' },
  { key: 'bamus-des', day: '2026-11-23', time: ['10:00', '11:30'], body: 'bamus', kind: 'rapat-kerja', title: 'Penyusunan Jadwal Kegiatan DPRD Desember 2026', place: room('Badan Musyawarah') },
  { key: 'persetujuan-apbd', day: '2026-11-26', time: ['13:00', '16:00'], body: 'paripurna', kind: 'rapat-paripurna', title: 'Pendapat Akhir Fraksi dan Persetujuan Bersama Raperda APBD 2027', place: HALL, documents: docs('2026-11-26', 'Undangan', 'Rancangan keputusan DPRD'), onlineUrl: 'https://www.youtube.com/@dprd-lahat-demo/live' },
  { key: 'bapemperda-harmonisasi', day: '2026-11-27', time: ['09:00', '12:00'], body: 'bapemperda', kind: 'rapat-kerja', title: 'Harmonisasi Program Pembentukan Peraturan Daerah (Propemperda) 2027', place: room('Bapemperda') },
  { key: 'rdp-jalan', day: '2026-12-01', time: ['10:00', '12:00'], body: 'komisi-3', kind: 'rapat-dengar-pendapat', title: 'Rapat Dengar Pendapat tentang Jalan Rusak di Kecamatan Merapi Barat', place: room('Komisi III'), description: 'Bersama Dinas PUPR, Camat Merapi Barat dan perwakilan warga.' },
  { key: 'k4-dinkes', day: '2026-12-03', time: ['09:00', '12:00'], body: 'komisi-4', kind: 'rapat-kerja', title: 'Rapat Kerja dengan Dinas Kesehatan tentang Layanan Puskesmas', place: room('Komisi IV') },
  { key: 'bk-internal', day: '2026-12-04', time: ['09:00', '11:00'], body: 'bk', kind: 'rapat-komisi', title: 'Rapat Internal Badan Kehormatan', place: room('Badan Kehormatan'), openToPublic: false },
  { key: 'propemperda', day: '2026-12-07', time: ['10:00', '12:00'], body: 'paripurna', kind: 'rapat-paripurna', title: 'Penetapan Propemperda Kabupaten Lahat Tahun 2027', place: HALL, documents: docs('2026-12-07', 'Undangan', 'Rancangan Propemperda 2027'), onlineUrl: 'https://www.youtube.com/@dprd-lahat-demo/live' },
  { key: 'k2-rdp-pasar', day: '2026-12-08', time: ['13:00', '15:00'], body: 'komisi-2', kind: 'rapat-dengar-pendapat', title: 'Rapat Dengar Pendapat dengan Pedagang Pasar Lematang', place: room('Komisi II') },
  { key: 'k1-kunker', day: '2026-12-08', time: ['08:00', '15:00'], body: 'komisi-1', kind: 'kunjungan-kerja', title: 'Kunjungan Kerja ke Kantor Camat Kota Agung: Pemantauan Pelayanan Administrasi', place: 'Kantor Camat Kota Agung' },
  { key: 'bapemperda-pendidikan', day: '2026-12-09', time: ['09:00', '12:00'], body: 'bapemperda', kind: 'rapat-kerja', title: 'Pembahasan Raperda Penyelenggaraan Pendidikan bersama Dinas Pendidikan', place: room('Bapemperda') },
  { key: 'k3-makassar', day: '2026-12-10', time: ['09:00', '15:00'], zone: 'Asia/Makassar', body: 'komisi-3', kind: 'kunjungan-kerja', title: 'Kunjungan Kerja ke Dinas PU Kota Makassar: Pengelolaan Drainase Perkotaan', place: 'Kantor Dinas Pekerjaan Umum Kota Makassar' },
  { key: 'reses', day: '2026-12-14', lastDay: '2026-12-19', body: 'paripurna', kind: 'reses', title: 'Reses Masa Sidang I Tahun 2026–2027', place: 'Daerah pemilihan masing-masing anggota', description: 'Anggota DPRD menyerap aspirasi masyarakat di daerah pemilihan masing-masing.' },
  { key: 'laporan-reses', day: '2026-12-21', time: ['10:00', '12:00'], body: 'paripurna', kind: 'rapat-paripurna', title: 'Penyampaian Laporan Hasil Reses Masa Sidang I', place: HALL },
  { key: 'pimpinan-bupati', day: '2026-12-22', time: ['14:00', '16:00'], body: 'pimpinan', kind: 'rapat-kerja', title: 'Rapat Pimpinan DPRD dengan Bupati Lahat', place: room('Pimpinan'), openToPublic: false },
  { key: 'banggar-evaluasi', day: '2026-12-23', time: ['09:00', '15:00'], body: 'banggar', kind: 'rapat-kerja', title: 'Penyempurnaan Raperda APBD 2027 sesuai Hasil Evaluasi Gubernur', place: room('Badan Anggaran') },
  { key: 'penutupan', day: '2026-12-28', time: ['10:00', '11:30'], body: 'paripurna', kind: 'rapat-paripurna', title: 'Penutupan Masa Sidang I Tahun 2026–2027', place: HALL },
  { key: 'bamus-jan', day: '2027-01-04', time: ['10:00', '11:30'], body: 'bamus', kind: 'rapat-kerja', title: 'Penetapan Jadwal Kegiatan Masa Sidang II', place: room('Badan Musyawarah') },
  { key: 'pembukaan', day: '2027-01-06', time: ['10:00', '11:30'], body: 'paripurna', kind: 'rapat-paripurna', title: 'Pembukaan Masa Sidang II Tahun 2026–2027', place: HALL },
  { key: 'k1-evaluasi', day: '2027-01-11', time: ['09:00', '13:00'], body: 'komisi-1', kind: 'rapat-kerja', title: 'Evaluasi Kinerja 2026 bersama OPD Mitra Komisi I', place: room('Komisi I'), status: 'tentative' },
  { key: 'k2-evaluasi', day: '2027-01-12', time: ['09:00', '13:00'], body: 'komisi-2', kind: 'rapat-kerja', title: 'Evaluasi Kinerja 2026 bersama OPD Mitra Komisi II', place: room('Komisi II'), status: 'tentative' },
  { key: 'k3-evaluasi', day: '2027-01-13', time: ['09:00', '13:00'], body: 'komisi-3', kind: 'rapat-kerja', title: 'Evaluasi Kinerja 2026 bersama Dinas PUPR dan Dinas Perkim', place: room('Komisi III'), status: 'tentative' },
  { key: 'k4-evaluasi', day: '2027-01-14', time: ['09:00', '13:00'], body: 'komisi-4', kind: 'rapat-kerja', title: 'Evaluasi Kinerja 2026 bersama OPD Mitra Komisi IV', place: room('Komisi IV'), status: 'tentative' },
  { key: 'k4-rdp-dtks', day: '2027-01-20', time: ['10:00', '12:00'], body: 'komisi-4', kind: 'rapat-dengar-pendapat', title: 'Rapat Dengar Pendapat tentang Data Penerima Bantuan Sosial (DTKS)', place: room('Komisi IV'), status: 'tentative' },
  { key: 'k2-kunker', day: '2027-01-25', time: ['08:30', '14:00'], body: 'komisi-2', kind: 'kunjungan-kerja', title: 'Kunjungan Kerja ke Pasar Bawah Lahat', place: 'Pasar Bawah, Kelurahan Pasar Lama, Lahat', status: 'tentative' },
  { key: 'bk-jan', day: '2027-01-27', time: ['09:00', '11:00'], body: 'bk', kind: 'rapat-komisi', title: 'Rapat Internal Badan Kehormatan', place: room('Badan Kehormatan'), openToPublic: false, status: 'tentative' },
  { key: 'raperda-jan', day: '2027-01-29', time: ['10:00', '12:00'], body: 'paripurna', kind: 'rapat-paripurna', title: 'Penyampaian Raperda Penyelenggaraan Pendidikan oleh Bupati', place: HALL, status: 'tentative' },
];

/** The demo's postponement: the Propemperda plenary moves from Monday 7 to Wednesday 9 December, 13.00. */
export const DEMO_POSTPONED = {
  key: 'propemperda',
  startsAt: '2026-12-09T13:00',
  endsAt: '2026-12-09T15:00',
  reason: 'menunggu hasil fasilitasi Propemperda dari Biro Hukum Provinsi Sumatera Selatan',
  at: '2026-12-02T09:30',
} as const;

/** The demo's cancellation: Komisi IV's meeting with the Dinas Kesehatan. */
export const DEMO_CANCELLED = {
  key: 'k4-dinkes',
  reason: 'Kepala Dinas Kesehatan mengikuti rapat koordinasi di Palembang; rapat akan dijadwalkan ulang',
  at: '2026-12-02T08:00',
} as const;

const SYNTHETIC = 'Data sintetis untuk demo.';

/** The latest the demo events were announced: the evening before the demo's "today", 2 December 2026. */
export const DEMO_ANNOUNCED_BY = '2026-12-01T16:00';

/** WIB moment of a local time text. */
const wib = (text: string) => readMoment(text, 'Asia/Jakarta')!.at;

/** Adds the demo council, its bodies and its agenda when the demo Sekretariat DPRD has none. */
export async function seedAgenda(base: Kysely<Database>, { now }: SeedContext): Promise<Record<string, number>> {
  const db = agendaDb(base);
  const opd = await db.selectFrom('opds').select('slug').where('slug', '=', DEMO_AGENDA_OPD).where('is_demo', '=', true).executeTakeFirst();
  if (!opd) return { events: 0 };
  const inserted = await db
    .insertInto('agenda_councils')
    .values({ opd_slug: DEMO_AGENDA_OPD, name: DEMO_COUNCIL_NAME, time_zone: 'Asia/Jakarta', uid_domain: DEMO_UID_DOMAIN, email: `sekretariat@${DEMO_UID_DOMAIN}`, event_url: null, note: DEMO_AGENDA_NOTE, synthetic: true, updated_at: now })
    .onConflict((oc) => oc.column('opd_slug').doNothing())
    .returning('opd_slug')
    .executeTakeFirst();
  if (!inserted) return { events: 0 };
  await db
    .insertInto('agenda_bodies')
    .values(DEMO_BODIES.map(([id, name, description], position) => ({ opd_slug: DEMO_AGENDA_OPD, id, name, description, position: position * 10, active: true, updated_at: now })))
    .execute();
  const bodies = await bodiesOf(db, DEMO_AGENDA_OPD);
  const ids = new Map<string, number>();
  for (const event of DEMO_EVENTS) {
    // Announced two weeks ahead at 09.00 WIB, as the Sekretariat would; what lies further
    // ahead, on the demo's "today" before the morning's changes (1 December 2026).
    const announced = new Date(Math.min(wib(`${event.day}T09:00`).getTime() - 14 * 86_400_000, wib(DEMO_ANNOUNCED_BY).getTime()));
    const context: WriteContext = { opd: DEMO_AGENDA_OPD, councilZone: 'Asia/Jakarta', bodies, actorId: null, now: announced };
    const timing = event.time
      ? { startsAt: `${event.day}T${event.time[0]}`, endsAt: `${event.day}T${event.time[1]}`, timeZone: event.zone }
      : { allDay: true, startDate: event.day, endDate: event.lastDay ?? event.day };
    const row = await scheduleEvent(
      db,
      {
        title: event.title,
        body: event.body,
        kind: event.kind,
        ...timing,
        status: event.status ?? 'confirmed',
        openToPublic: event.openToPublic ?? true,
        place: event.place,
        onlineUrl: event.onlineUrl ?? null,
        description: event.description ? `${event.description} ${SYNTHETIC}` : SYNTHETIC,
        documents: event.documents ?? [],
      },
      context,
    );
    ids.set(event.key, row.id);
  }
  const change = (at: string): WriteContext => ({ opd: DEMO_AGENDA_OPD, councilZone: 'Asia/Jakarta', bodies, actorId: null, now: wib(at) });
  await postponeEvent(db, ids.get(DEMO_POSTPONED.key)!, { startsAt: DEMO_POSTPONED.startsAt, endsAt: DEMO_POSTPONED.endsAt, reason: DEMO_POSTPONED.reason }, change(DEMO_POSTPONED.at));
  await cancelEvent(db, ids.get(DEMO_CANCELLED.key)!, DEMO_CANCELLED.reason, change(DEMO_CANCELLED.at));
  return { events: DEMO_EVENTS.length };
}
