/**
 * The Indonesian copy of `<opd-satisfaction-index>` (the default language); the kit's own copy
 * (retry, server failure, waits) is in `widgets/shared/i18n/`. Every key here must exist in
 * `en.ts`; the type {@link SatisfactionIndexMessages} makes the compiler check that. Figures
 * arrive already written in the language (`83,33`). Category names are the API's
 * (PermenPAN-RB 14/2017, Indonesian).
 *
 * @module
 */
import type { CatalogOf } from '../../shared/i18n/catalog.js';

/** The index board's Indonesian copy. */
export const id = {
  'loading': 'Memuat Indeks Kepuasan Masyarakat…',
  'offline': 'Indeks kepuasan tidak dapat dimuat karena tidak ada koneksi. Periksa koneksi internet Anda, lalu coba lagi.',
  'unavailable': 'Indeks kepuasan masyarakat tidak tersedia untuk OPD ini.',
  'config.thisWidget': 'Papan indeks ini',
  'badYear': (year: string) => `Papan indeks ini belum diatur dengan benar: tahun "${year}" tidak dapat dipakai. Hubungi pengelola situs.`,
  'unknownService': (service: string) => `Papan indeks ini belum diatur dengan benar: layanan “${service}” tidak ada pada OPD ini. Hubungi pengelola situs.`,

  'title': (year: number) => `Indeks Kepuasan Masyarakat ${year}`,
  'title.service': (service: string, year: number) => `Indeks Kepuasan Masyarakat ${service} ${year}`,
  'ikm': 'IKM',
  'grade': (grade: string, name: string) => `Mutu ${grade} (${name})`,
  'respondents': (n: string) => `dari ${n} responden`,
  'none': 'Belum ada responden survei kepuasan pada tahun ini.',
  'sentence': (ikm: string, grade: string, name: string, n: string) => `IKM ${ikm}, mutu ${grade} (${name}), dari ${n} responden`,

  'elements.title': 'Nilai per unsur pelayanan',
  'elements.element': 'Unsur',
  'elements.mean': 'Rata-rata (1–4)',
  'elements.ikm': 'Nilai (25–100)',
  'periods.title': 'Perkembangan per periode',
  'periods.semesters': 'Per semester',
  'periods.quarters': 'Per triwulan',
  'periods.period': 'Periode',
  'periods.semester': (n: number) => `Semester ${n}`,
  'periods.quarter': (n: number) => `Triwulan ${n}`,
  'periods.ikm': 'IKM (mutu)',
  'periods.respondents': 'Responden',
  'services.title': 'IKM per layanan',
  'services.service': 'Layanan',
  'empty': '—',
  'noValue': 'belum ada',

  'how.title': 'Cara menghitung IKM',
  'how.text':
    'Menurut PermenPAN-RB No. 14 Tahun 2017: rata-rata nilai setiap unsur (1–4) dibobot, lalu dikali 25 sehingga menjadi 25–100. Mutu ditentukan dari nilai IKM yang sudah dibulatkan dua desimal, sehingga celah antarrentang (misalnya 76,60 dan 76,61) tidak pernah terjadi.',
  'how.categories': 'Rentang mutu pelayanan',
  'how.model': (model: string) => `Model survei: ${model}.`,
} as const;

/** The shape every language of the index board's copy must have. */
export type SatisfactionIndexMessages = CatalogOf<typeof id>;
