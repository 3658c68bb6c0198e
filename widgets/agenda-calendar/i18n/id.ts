/**
 * The Indonesian copy of `<opd-agenda-calendar>` (the default language); the kit's own copy
 * (retry, server failure, waits, a missing `opd`) is in `widgets/shared/i18n/`. Every key here
 * must exist in `en.ts`; the type {@link AgendaCalendarMessages} makes the compiler check that.
 *
 * Day and month names are not here: they come from `Intl.DateTimeFormat` in the language.
 * Times arrive written (`10.00`), zones as their abbreviation (`WIB`).
 *
 * @module
 */
import type { CatalogOf } from '../../shared/i18n/catalog.js';

let numbers: Intl.NumberFormat | undefined;
// A day's count is below 1,000 (written alike in every language we ship): no formatter, whose
// first making costs a month's render several milliseconds; a larger number gets one, kept.
const num = (n: number): string => (Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : (numbers ??= new Intl.NumberFormat('id-ID')).format(n));

/** The council calendar's Indonesian copy. */
export const id = {
  // The kit's `config.missingOpd` starts with it: "Kalender ini belum diatur: …".
  'config.thisWidget': 'Kalender agenda ini',

  'cal.label': (council: string) => `Agenda ${council}`,
  'cal.loading': 'Memuat agenda…',
  'cal.loadingRange': (range: string) => `Memuat agenda ${range}…`,
  'cal.shown': (range: string, n: number) => `Menampilkan agenda ${range}: ${n === 0 ? 'tidak ada kegiatan' : `${num(n)} kegiatan`}.`,
  'cal.offline': 'Agenda tidak dapat dimuat: tidak ada koneksi. Periksa koneksi internet Anda, lalu coba lagi.',
  'cal.unknownOpd': (slug: string) => `Kalender ini belum diatur dengan benar: OPD "${slug}" tidak dikenal. Hubungi pengelola situs.`,
  'cal.unavailable': 'Agenda DPRD (e-Agenda) tidak tersedia untuk OPD ini.',
  'cal.empty': 'Tidak ada agenda pada periode ini.',
  'cal.emptyFiltered': 'Tidak ada agenda yang cocok dengan saringan pada periode ini.',
  'cal.synthetic': 'Data contoh (sintetis) untuk demo, bukan agenda resmi.',
  'cal.timesIn': (zone: string, name: string) => `Waktu dalam ${zone} (${name}).`,

  'nav.previousMonth': 'Bulan sebelumnya',
  'nav.nextMonth': 'Bulan berikutnya',
  'nav.previousWeek': 'Minggu sebelumnya',
  'nav.nextWeek': 'Minggu berikutnya',
  'nav.today': 'Hari ini',

  'view.label': 'Tampilan',
  'view.month': 'Bulan',
  'view.week': 'Minggu',
  'view.list': 'Daftar',

  'filter.title': 'Saring agenda',
  'filter.body': 'Alat kelengkapan',
  'filter.kind': 'Jenis kegiatan',
  'filter.allBodies': 'Semua alat kelengkapan',
  'filter.allKinds': 'Semua jenis',

  'grid.today': 'hari ini',
  'grid.none': 'Tidak ada agenda',
  'grid.count': (n: number) => `${num(n)} agenda`,
  'grid.more': (n: number) => `+${num(n)} lainnya`,
  'grid.moreLabel': (n: number, day: string) => `${num(n)} agenda lainnya pada ${day}`,
  'grid.help': 'Gunakan tombol panah untuk berpindah hari, Page Up dan Page Down untuk berpindah bulan, Enter untuk membuka agenda hari itu.',
  'grid.helpWeek': 'Gunakan tombol panah untuk berpindah hari, Page Up dan Page Down untuk berpindah minggu, Enter untuk membuka agenda hari itu.',

  'event.allDay': 'Sepanjang hari',
  'event.cancelled': 'Dibatalkan',
  'event.closed': 'Tertutup untuk umum',
  'event.closedShort': 'Tertutup',
  'event.tentative': 'Belum pasti',
  'event.passed': 'Selesai',
  'event.confirmed': 'Terjadwal',
  'event.postponed': 'Diundur',
  'event.broughtForward': 'Dimajukan',

  'dialog.unavailable': 'Rincian agenda tidak dapat dibuka: tidak ada koneksi. Periksa koneksi internet Anda, lalu coba lagi.',

  'subscribe.title': 'Langganan di aplikasi kalender',
  'subscribe.titleBody': (body: string) => `Langganan agenda ${body}`,
  'subscribe.webcal': 'Buka di aplikasi kalender (webcal)',
  'subscribe.google': 'Tambahkan ke Google Kalender',
  'subscribe.ics': 'Alamat feed (.ics)',
  'subscribe.hint': 'Kalender Anda akan ikut berubah bila agenda diundur atau dibatalkan.',
} as const;

/**
 * The shape every language of the council calendar's copy must have. The kinds' names
 * (`kind.rapat-paripurna`, …) are not in the Indonesian copy: the council read gives them in
 * Indonesian (`kinds`), and the calendar shows those where its language has none.
 */
export type AgendaCalendarMessages = CatalogOf<typeof id>;
