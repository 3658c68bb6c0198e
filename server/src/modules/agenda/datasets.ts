/**
 * e-Agenda's open data (`opendata/contract.ts`): every event of the council, one row each, as
 * the public API shows it (`toEvent` with the public's view: a meeting closed to the public
 * has no online link and no documents). At most the feed's {@link FEED_MAX_EVENTS} events.
 *
 * @module
 */
import { sql } from 'kysely';
import { latestAt, type OpenDataset } from '../../opendata/contract.js';
import { bodiesOf, changesOf, councilOf, FEED_MAX_EVENTS, feedEvents } from './queries.js';
import { agendaDb } from './tables.js';
import { toEvent } from './views.js';

/** The council's agenda. */
export const agendaEventsDataset: OpenDataset = {
  id: 'agenda-events',
  title: 'Agenda DPRD',
  description: `Setiap kegiatan DPRD yang diumumkan: rapat paripurna, rapat komisi, rapat dengar pendapat, kunjungan kerja, reses, dengan alat kelengkapan, jenis, waktu (ISO 8601 dengan zona waktunya), tempat, status (kegiatan yang dibatalkan tetap tercatat sebagai dibatalkan), terbuka atau tertutup untuk umum, dokumen dan nomor perubahannya (SEQUENCE iCalendar). Paling banyak ${FEED_MAX_EVENTS} kegiatan.`,
  keywords: ['DPRD', 'agenda', 'rapat paripurna', 'legislatif', 'e-Agenda'],
  columns: [
    { name: 'id', description: 'Nomor kegiatan (tetap, juga UID iCalendar-nya).' },
    { name: 'judul', description: 'Judul kegiatan.' },
    { name: 'alat_kelengkapan', description: 'Alat kelengkapan DPRD: Paripurna, Komisi I–IV, Badan Anggaran, …' },
    { name: 'jenis', description: 'Jenis kegiatan (rapat-paripurna, rapat-komisi, rdp, kunjungan-kerja, reses, …).' },
    { name: 'status', description: 'tentative, confirmed, cancelled, atau passed (sudah berlalu).' },
    { name: 'terbuka_untuk_umum', description: 'ya bila warga boleh hadir.' },
    { name: 'sepanjang_hari', description: 'ya untuk kegiatan sehari penuh atau beberapa hari (reses).' },
    { name: 'mulai', description: 'Waktu mulai, ISO 8601 UTC.' },
    { name: 'selesai', description: 'Waktu selesai, ISO 8601 UTC.' },
    { name: 'zona_waktu', description: 'Zona waktu kegiatan (Asia/Jakarta, Asia/Makassar, Asia/Jayapura).' },
    { name: 'tempat', description: 'Tempat kegiatan.' },
    { name: 'tautan_daring', description: 'Tautan rapat daring (kosong untuk rapat tertutup).' },
    { name: 'deskripsi', description: 'Keterangan kegiatan.' },
    { name: 'jumlah_dokumen', description: 'Banyak dokumen (undangan, agenda, notulen) yang diumumkan.' },
    { name: 'urutan_perubahan', description: 'Bertambah satu setiap kali kegiatan diubah (SEQUENCE).' },
    { name: 'alasan_batal', description: 'Alasan pembatalan, bila dibatalkan.' },
    { name: 'halaman', description: 'Alamat halaman kegiatan.' },
    { name: 'ics', description: 'Alamat berkas .ics kegiatan ini.' },
    { name: 'diperbarui', description: 'Terakhir diubah, ISO 8601 UTC.' },
  ],
  async rows(db, { opd, now, origin, timeZone }) {
    const agenda = agendaDb(db);
    const [council, bodies, rows] = await Promise.all([
      councilOf(agenda, opd, timeZone),
      bodiesOf(agenda, opd.slug),
      // Every event (ending after 1970), in start order, as a feed lists them.
      feedEvents(agenda, opd.slug, new Date(0)),
    ]);
    const byId = new Map(bodies.map((body) => [body.id, body]));
    const changes = await changesOf(agenda, rows.map((row) => row.id));
    return rows.map((row) => {
      const event = toEvent(row, { bodies: byId, changes: changes.get(row.id) ?? [], council, base: { origin }, now, staff: false });
      return {
        id: event.id,
        judul: event.title,
        alat_kelengkapan: event.body.name,
        jenis: event.kind,
        status: event.status,
        terbuka_untuk_umum: event.openToPublic,
        sepanjang_hari: event.allDay,
        mulai: event.startsAt,
        selesai: event.endsAt,
        zona_waktu: event.timeZone,
        tempat: event.place,
        tautan_daring: event.onlineUrl,
        deskripsi: event.description,
        jumlah_dokumen: event.documents.length,
        urutan_perubahan: event.sequence,
        alasan_batal: event.cancelReason,
        halaman: event.url,
        ics: event.icsUrl,
        diperbarui: event.updatedAt,
      };
    });
  },
  async modified(db, { opd }) {
    return latestAt(db, sql<{ at: Date | null }>`select max(updated_at) as at from agenda_events where opd_slug = ${opd.slug}`);
  },
};
