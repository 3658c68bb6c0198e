/**
 * The Indonesian copy of the embed snippet page (`#/embed`). Every key must exist in `en.ts`.
 *
 * @module
 */
import type { CatalogOf } from '../../../../shared/i18n/catalog.js';

/** The embed page's Indonesian copy. */
export const id = {
  'embed.intro': 'Pilih widget dan pengaturannya, lihat hasilnya, lalu salin kodenya ke halaman situs OPD. Satu baris skrip dan satu elemen sudah cukup.',
  'embed.options': 'Pengaturan',
  'embed.widget': 'Widget',
  'embed.widget.form': 'Formulir pertanyaan (SIAP) — warga bertanya dan mendapat kode pelacakan',
  'embed.widget.status': 'Status pertanyaan (SIAP) — warga melacak pertanyaannya dengan kode',
  'embed.lang': 'Bahasa widget',
  'embed.lang.id': 'Bahasa Indonesia',
  'embed.lang.en': 'English',
  'embed.statusHref': 'Alamat halaman status (tidak wajib)',
  'embed.statusHrefHint': 'Halaman situs Anda yang memuat widget status, misalnya /layanan/status. Kosongkan bila keduanya di halaman yang sama.',
  'embed.pin': 'Kunci ke rilis ini (Subresource Integrity)',
  'embed.pinHint': 'Peramban menolak berkas widget yang berubah sedikit pun. Setelah opd-kit diperbarui, salin kode baru agar situs mendapat perbaikannya; tanpa kunci, situs selalu memuat rilis terbaru.',
  'embed.pinFailed': 'Rilis ini tidak dapat dikunci: daftar integritas (/cdn/integrity.json) tidak terbaca. Kode di bawah memuat rilis terbaru.',
  'embed.code': 'Kode untuk disalin',
  'embed.copy': 'Salin kode',
  'embed.origins': (opd: string) => `Widget hanya bekerja di situs yang terdaftar untuk ${opd}: admin OPD menambahkan alamat situsnya di Pengaturan OPD (alamat situs yang diizinkan).`,
  'embed.siapOff': (opd: string) => `SIAP belum aktif untuk ${opd}: formulirnya akan memberi tahu warga bahwa layanan belum tersedia.`,
  'embed.preview': 'Pratinjau',
  'embed.previewNote': 'Pratinjau ini tersambung ke layanan sungguhan: pertanyaan yang dikirim dari sini benar-benar masuk ke kotak masuk OPD.',
  'embed.previewFailed': 'Pratinjau tidak dapat dimuat. Periksa koneksi internet Anda.',
} as const;

/** The shape every language of the embed page's copy must have. */
export type EmbedMessages = CatalogOf<typeof id>;
