/**
 * The kit's own Indonesian copy (the default language): what every widget may say whatever
 * its module — the error summary, generic notices, waits, dates, a form's draft and sending.
 * A widget's own copy lives in its folder (`widgets/<name>/i18n/id.ts`). Every key here must
 * exist in `en.ts`; the type {@link KitMessages} makes the compiler check that.
 *
 * Plain language, second person ("Anda"), GOV.UK style: say what to do, not what is wrong.
 *
 * @module
 */
import type { CatalogOf } from './catalog.js';

const num = (value: number): string => value.toLocaleString('id-ID');

/** The kit's Indonesian copy. */
export const id = {
  'lang.tag': 'id-ID',
  'error.prefix': 'Kesalahan:',
  'error.generic': (label: string) => `Periksa kembali isian ${label}`,
  'summary.title': 'Ada masalah',
  'retry': 'Coba lagi',
  // `widget`: the widget as the sentence's subject, from its own copy, e.g. `Formulir ini`, `Peta ini`.
  'config.missingOpd': (widget: string) =>
    `${widget} belum diatur: atribut opd (nama singkat OPD) belum diisi. Hubungi pengelola situs.`,
  'server.error': (requestId: string) =>
    `Maaf, terjadi gangguan di server kami.${requestId ? ` Kode laporan: ${requestId}.` : ''} Coba lagi beberapa saat lagi.`,
  'rateLimited': (wait: string) =>
    `Terlalu banyak permintaan dari jaringan Anda. Tunggu ${wait}, lalu coba lagi.`,
  'wait.seconds': (n: number) => `${num(n)} detik`,
  'wait.minutes': (n: number) => `${num(n)} menit`,
  // `zone`: WIB, WITA or WIT.
  'time.at': (date: string, time: string, zone: string) => `${date} pukul ${time} ${zone}`,

  // Any form.
  'form.sending': 'Mengirim…',
  'form.resend': 'Kirim ulang',
  'form.draftDiscard': 'Hapus draf dan mulai dari awal',
  'form.draftDiscarded': 'Draf dihapus.',
  'form.countLeft': (n: number) => `Sisa ${num(n)} karakter`,
  'form.countOver': (n: number) => `Kelebihan ${num(n)} karakter`,
  // A rate limit: the notice, then its countdown (`wait`: `59 detik`), which updates each second.
  'form.rateLimited': 'Terlalu banyak permintaan dari jaringan Anda. Isian Anda tetap tersimpan.',
  'form.rateLimitedWait': (wait: string) => `Tunggu ${wait}: formulir akan dikirim ulang otomatis.`,
  // An earlier version was stored and the form holds changes not sent: the button that drops them
  // (what is stored, and the button that sends the changes as new, name the widget's thing: its own copy).
  'form.dropChanges': 'Tidak perlu, hapus versi yang diubah',
} as const;

/** The shape every language of the kit's copy must have: the same keys, the same parameters. */
export type KitMessages = CatalogOf<typeof id>;
