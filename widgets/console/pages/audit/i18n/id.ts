/**
 * The Indonesian copy of the audit log page (`#/audit`). Every key must exist in `en.ts`.
 *
 * @module
 */
import type { CatalogOf } from '../../../../shared/i18n/catalog.js';

/** The audit page's Indonesian copy. */
export const id = {
  'audit.intro': 'Siapa melihat atau mengubah data warga dan pengaturan, kapan, di OPD mana (UU 27/2022). Terbaru di atas.',
  'filters.title': 'Saring',
  'filters.actor': 'Orang',
  'filters.actorHint': 'Alamat e-mail atau id pengguna',
  'filters.action': 'Tindakan',
  'filters.actionAny': 'Semua tindakan',
  'filters.subject': 'Subjek',
  'filters.subjectHint': 'Persis seperti di log, misalnya kode pelacakan SIAP-7K3F-9QX2',
  'filters.opd': 'OPD',
  'filters.opdAny': 'Semua OPD',
  'filters.from': 'Dari tanggal',
  'filters.to': 'Sampai tanggal',
  'filters.apply': 'Terapkan',
  'filters.clear': 'Hapus saringan',
  'log.caption': 'Catatan audit',
  'log.at': 'Waktu',
  'log.actor': 'Orang',
  'log.action': 'Tindakan',
  'log.subject': 'Subjek',
  'log.opd': 'OPD',
  'log.detail': 'Rincian',
  'log.loading': 'Memuat log audit…',
  'log.empty': 'Tidak ada catatan yang cocok dengan saringan ini.',
  'log.csv': 'Unduh CSV',
  'log.csvHint': 'Semua catatan yang cocok dengan saringan, bukan hanya halaman ini.',
  'log.csvLoading': 'Menyiapkan CSV…',
  'log.csvDone': 'CSV sudah diunduh.',
  'action.auth.login': 'Masuk ke konsol',
  'action.auth.password': 'Mengganti kata sandi',
  'action.consultation.view': 'Membuka pertanyaan (data warga)',
  'action.consultation.list': 'Melihat daftar pertanyaan (data warga)',
  'action.consultation.answer': 'Menjawab pertanyaan',
  'action.consultation.status': 'Mengubah status pertanyaan',
  'action.consultation.assign': 'Menugaskan pertanyaan',
  'action.consultation.note': 'Menambah catatan internal',
  'action.consultation-categories.set': 'Mengubah kategori pertanyaan',
  'action.answer-template.create': 'Menambah templat jawaban',
  'action.answer-template.update': 'Mengubah templat jawaban',
  'action.answer-template.delete': 'Menghapus templat jawaban',
  'action.user.create': 'Menambah pengguna',
  'action.user.update': 'Mengubah pengguna',
  'action.user.password-reset': 'Mengatur ulang kata sandi pengguna',
  'action.opd.create': 'Menambah OPD',
  'action.opd.update': 'Mengubah profil OPD',
  'action.opd.modules': 'Mengubah modul OPD',
  'action.holiday.put': 'Mengubah hari libur',
  'action.holiday.remove': 'Menghapus hari libur',
  'action.personal-data.export': 'Mengekspor data pribadi warga',
  'action.personal-data.erase': 'Menghapus data pribadi warga',
  'action.privacy.settings': 'Mengubah pengaturan privasi',
  'action.retention.erase': 'Menghapus kontak warga setelah masa simpan',
  'action.audit.export': 'Mengunduh log audit',
  'error.from.format': 'Masukkan tanggal mulai yang benar',
  'error.to.format': 'Masukkan tanggal akhir yang benar',
  'error.range': 'Tanggal akhir harus sama dengan atau sesudah tanggal mulai',
} as const;

/** The shape every language of the audit page's copy must have. */
export type AuditMessages = CatalogOf<typeof id>;
