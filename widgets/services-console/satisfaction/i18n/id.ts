/**
 * The Indonesian copy of Layanan's satisfaction survey page (`#/layanan/satisfaction`). Every
 * key must exist in `en.ts`. The categories follow PermenPAN-RB 14/2017.
 *
 * @module
 */
import type { CatalogOf } from '../../../shared/i18n/catalog.js';

const num = (value: number): string => value.toLocaleString('id-ID');

/** The SKM page's Indonesian copy. */
export const id = {
  'tokens.title': 'Kode survei untuk loket',
  'tokens.intro': 'Setiap kode berlaku untuk satu jawaban survei satu layanan. Cetak atau salin kode, lalu berikan satu kode kepada setiap warga sesudah dilayani. Kode hanya ditampilkan sekali: server menyimpan sidiknya saja.',
  'tokens.service': 'Layanan',
  'tokens.count': 'Jumlah kode',
  'tokens.countHint': 'Paling banyak 200 sekaligus.',
  'tokens.validDays': 'Berlaku (hari)',
  'tokens.validDaysHint': 'Kosongkan untuk 30 hari.',
  'tokens.submit': 'Buat kode',
  'tokens.sending': 'Membuat…',
  'tokens.pick': 'Pilih layanan',
  'tokens.noServices': 'Belum ada layanan yang berlaku untuk disurvei.',
  'tokens.made': (count: number, service: string, until: string) => `${num(count)} kode untuk ${service}, berlaku sampai ${until}.`,
  'tokens.listLabel': (service: string) => `Kode survei ${service}`,
  'tokens.print': 'Cetak kode',
  'tokens.copyAll': 'Salin semua kode',
  'tokens.slip': (service: string) => `Survei kepuasan: ${service}`,

  'report.title': 'Indeks kepuasan masyarakat (IKM)',
  'report.year': 'Tahun',
  'report.show': 'Tampilkan',
  'report.loading': 'Menghitung IKM…',
  'report.rounding': 'IKM = rata-rata tertimbang nilai unsur × 25. Kategori ditentukan dari IKM yang dibulatkan dua desimal, sehingga celah antarrentang pada tabel peraturan (misalnya 76,60 dan 76,61) tidak membuat IKM tanpa kategori.',
  'report.overall': (opd: string, year: number) => `IKM ${opd} tahun ${year}`,
  'report.respondents': (count: number) => `${num(count)} responden`,
  'report.noResponses': 'Belum ada jawaban survei pada tahun ini.',
  'report.categories': 'Kategori',
  'report.servicesCaption': 'IKM per layanan',
  'report.elementsCaption': 'Nilai per unsur pelayanan',
  'report.periodsCaption': 'IKM per semester dan triwulan',
  'report.service': 'Layanan',
  'report.element': 'Unsur',
  'report.period': 'Periode',
  'report.count': 'Responden',
  'report.mean': 'Nilai rata-rata',
  'report.ikm': 'IKM',
  'report.grade': 'Mutu',
  'report.semester': (n: number) => `Semester ${n}`,
  'report.quarter': (n: number) => `Triwulan ${n}`,
  'report.gradeOf': (grade: string, category: string) => `${grade} (${category})`,

  'suggestions.title': 'Saran masyarakat',
  'suggestions.intro': 'Saran yang ditulis warga bersama jawabannya, tanpa nama atau kontak. Setiap pembacaan dicatat di log audit, karena teks bebas dapat memuat nama orang.',
  'suggestions.show': (year: number) => `Tampilkan saran tahun ${year}`,
  'suggestions.loading': 'Memuat saran…',
  'suggestions.none': (year: number) => `Tidak ada saran pada tahun ${year}.`,
  'suggestions.count': (count: number, year: number) => `${num(count)} saran tahun ${year}, triwulan terbaru di atas.`,
  'suggestions.meta': (service: string, quarter: number) => `${service} · triwulan ${quarter}`,

  'error.service.required': 'Pilih layanan yang disurvei',
  'error.count.required': 'Tuliskan jumlah kode',
  'error.count.tooSmall': 'Buat sedikitnya 1 kode',
  'error.count.tooLarge': 'Paling banyak 200 kode sekaligus',
  'error.count.invalid': 'Tuliskan jumlah kode sebagai bilangan bulat',
  'error.validDays.tooSmall': 'Kode berlaku sedikitnya 1 hari',
  'error.validDays.tooLarge': 'Kode berlaku paling lama 366 hari',
  'error.validDays.invalid': 'Tuliskan jumlah hari sebagai bilangan bulat',
  'error.year.invalid': 'Tuliskan tahun dari 2017 sampai 2100, misalnya 2026',
} as const;

/** The shape every language of the SKM page's copy must have. */
export type ServiceSatisfactionMessages = CatalogOf<typeof id>;
