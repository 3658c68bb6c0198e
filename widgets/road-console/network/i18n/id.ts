/**
 * The Indonesian copy of Perjaka's road data page (`#/perjaka/data`). Every key must exist in `en.ts`.
 *
 * @module
 */
import type { CatalogOf } from '../../../shared/i18n/catalog.js';

const num = (value: number): string => value.toLocaleString('id-ID');

/** The road data page's Indonesian copy. */
export const id = {
  'page.pickOpd': 'Pilih OPD di atas untuk melihat data jalannya.',
  'views.label': 'Bagian data jalan',
  'views.segments': 'Ruas jalan',
  'views.targets': 'Target kemantapan',
  'views.imports': 'Impor data',

  'class.baik': 'Baik',
  'class.sedang': 'Sedang',
  'class.rusakRingan': 'Rusak Ringan',
  'class.rusakBerat': 'Rusak Berat',
  'surface.aspal': 'Aspal',
  'surface.beton': 'Beton',
  'surface.kerikil': 'Kerikil',
  'surface.tanah': 'Tanah',
  'unit.km': (value: string) => `${value} km`,
  'unit.m': (value: string) => `${value} m`,

  'segments.title': 'Ruas jalan kabupaten',
  'segments.intro': 'Ruas menurut nomor dalam SK bupati. Cari dengan nomor, nama atau kecamatan, lalu buka ruas untuk melihat dan mengisi surveinya.',
  'segments.search': 'Cari ruas',
  'segments.searchHint': 'Nomor, nama atau kecamatan, misalnya 012, Poros atau Jarai. Tekan Enter untuk membuka ruas bila hanya satu yang cocok.',
  'segments.loading': 'Memuat ruas jalan…',
  'segments.none': 'Belum ada ruas jalan. Impor ruas dari berkas GeoJSON atau CSV di bagian Impor data.',
  'segments.noMatch': (query: string) => `Tidak ada ruas yang cocok dengan “${query}”.`,
  'segments.count': (found: number, all: number) => (found === all ? `${num(all)} ruas.` : `${num(found)} dari ${num(all)} ruas cocok.`),
  'segments.counting': (read: number) => `${num(read)} ruas dimuat, sisanya menyusul…`,
  'segments.caption': (from: number, to: number, total: number) => `Ruas ${num(from)}–${num(to)} dari ${num(total)}`,
  'segments.number': 'Nomor ruas',
  'segments.name': 'Nama ruas',
  'segments.kecamatan': 'Kecamatan',
  'segments.length': 'Panjang (km)',
  'segments.condition': 'Kondisi terakhir',
  'segments.conditionOf': (year: number, percent: string) => `survei ${year}, kemantapan ${percent} %`,
  'segments.noSurvey': 'Belum disurvei',
  'segments.pages': 'Halaman daftar ruas',
  'segments.pageOf': (page: number, pages: number) => `Halaman ${num(page)} dari ${num(pages)}`,

  'segment.back': 'Kembali ke daftar ruas',
  'segment.title': (number: string, name?: string) => (name ? `Ruas ${number}: ${name}` : `Ruas ${number}`),
  'segment.notFound': (number: string) => `Ruas ${number} tidak ada di jaringan OPD ini. Periksa nomornya di daftar ruas.`,
  'segment.length': 'Panjang',
  'segment.surface': 'Permukaan',
  'segment.width': 'Lebar',

  'surveys.title': 'Survei kondisi per tahun',
  'surveys.none': 'Ruas ini belum pernah disurvei. Isi survei pertamanya di bawah.',
  'surveys.caption': (number: string) => `Survei ruas ${number} (km per kelas kondisi)`,
  'surveys.year': 'Tahun',
  'surveys.kemantapan': 'Kemantapan',
  'surveys.note': 'Catatan',
  'surveys.actions': 'Tindakan',
  'surveys.edit': 'Ubah',
  'surveys.editWhich': (year: number) => `survei ${year}`,

  'survey.title': (number: string) => `Isi survei ruas ${number}`,
  'survey.intro': (length: string) =>
    `Keempat kelas kondisi harus berjumlah sama dengan panjang ruas, ${length} km, sampai ke meter. Survei yang sudah ada untuk tahun yang sama akan diganti.`,
  'survey.year': 'Tahun survei',
  'survey.yearHint': 'Empat angka, misalnya 2024.',
  'survey.yearReplaces': (year: number) => `Ruas ini sudah punya survei ${year}; menyimpan akan menggantinya.`,
  'survey.classes': 'Panjang per kelas kondisi (km)',
  'survey.classesHint': 'Dalam km dengan paling banyak tiga desimal (meter), misalnya 2,375. Kosong dihitung 0.',
  'survey.classKm': (label: string) => `${label} (km)`,
  'survey.note': 'Catatan (tidak wajib)',
  'survey.noteHint': 'Misalnya cara survei atau petugasnya. Paling panjang 500 karakter.',
  'survey.save': (year: number) => `Simpan survei ${year}`,
  'survey.newYear': 'Survei tahun lain',
  'survey.saved': (year: number, number: string) => `Survei ${year} ruas ${number} tersimpan.`,
  'sum.total': (sum: string, length: string) => `Jumlah: ${sum} km dari panjang ruas ${length} km.`,
  'sum.matches': 'Sudah sama dengan panjang ruas.',
  'sum.short': (gap: string) => `Kurang ${gap} km.`,
  'sum.over': (gap: string) => `Lebih ${gap} km.`,
  'sum.unread': 'Perbaiki angka yang tidak terbaca untuk melihat jumlahnya.',

  'targets.title': 'Kemantapan dan target per tahun',
  'targets.intro': 'Kemantapan adalah (Baik + Sedang) dibagi panjang yang disurvei. Ringkasan kondisi mengukur tiap tahun terhadap targetnya, atau target tahun berikutnya bila tahun itu tidak punya.',
  'targets.none': 'Belum ada survei maupun target.',
  'targets.caption': 'Kemantapan dan target per tahun, terbaru di atas',
  'targets.surveyed': 'Disurvei (km)',
  'targets.target': 'Target',
  'targets.formTitle': 'Tetapkan target tahun',
  'targets.adminsOnly': 'Hanya admin OPD (atau admin kabupaten) yang dapat menetapkan target kemantapan. Minta admin OPD Anda bila target perlu diubah.',
  'targets.year': 'Tahun target',
  'targets.percent': 'Target kemantapan (%)',
  'targets.percentHint': 'Dari 0 sampai 100, paling banyak dua desimal, misalnya 83 atau 83,5.',
  'targets.save': 'Simpan target',
  'targets.saved': (year: number, percent: string) => `Target ${year} tersimpan: ${percent} %.`,

  'import.title': 'Impor ruas dan survei',
  'import.intro':
    'Periksa berkas dulu dengan uji coba: tidak ada yang disimpan, dan setiap masalah ditunjukkan per baris atau fitur dan kolomnya. Bila berkas lolos, impor menyimpan semuanya sekaligus, atau tidak sama sekali bila ada masalah.',
  'import.kind': 'Isi berkas',
  'import.kind.segments': 'Ruas jalan',
  'import.kind.segmentsHint': 'nomor, nama, kecamatan, panjang, permukaan; survei tidak wajib',
  'import.kind.surveys': 'Survei kondisi',
  'import.kind.surveysHint': 'nomor ruas yang sudah ada, tahun, km per kelas',
  'import.format': 'Format berkas',
  'import.format.geojson': 'GeoJSON',
  'import.format.geojsonHint': 'FeatureCollection, koordinat [bujur, lintang]',
  'import.format.csv': 'CSV',
  'import.format.csvHint': 'baris pertama berisi nama kolom; pemisah koma atau titik koma',
  'import.file': 'Pilih berkas',
  'import.fileHint': '.csv, .geojson atau .json, paling besar 5 MB. Atau tempel isinya di bawah.',
  'import.fileChosen': (name: string, kb: string) => `Berkas dipilih: ${name} (${kb} KB).`,
  'import.fileForget': 'Pakai teks tempel saja',
  'import.paste': 'Atau tempel isi berkas',
  'import.pasteHint': 'Isi berkas CSV atau GeoJSON apa adanya.',
  'import.dryRun': 'Uji coba (periksa berkas)',
  'import.checking': 'Memeriksa…',

  'problem.where': 'Tempat',
  'problem.field': 'Kolom',
  'problem.message': 'Masalah',
  'problem.row': (row: number) => `Baris ${num(row)}`,
  'problem.feature': (index: number) => `Fitur ${num(index)}`,
  'problem.header': 'Baris judul',
  'problem.file': 'Seluruh berkas',

  'report.passed': 'Uji coba lolos: berkas dapat diimpor.',
  'report.problems': (count: number) => `Uji coba menemukan ${num(count)} masalah.`,
  'report.problemsTitle': (count: number) => `Uji coba menemukan ${num(count)} masalah`,
  'report.refusedTitle': (count: number) => `Impor ditolak: ${num(count)} masalah`,
  'report.problemsCaption': (count: number) => `${num(count)} masalah, menurut tempatnya di berkas`,
  'report.nothingStored': 'Tidak ada yang disimpan. Perbaiki berkas (pesan dari server dalam bahasa Inggris), lalu jalankan uji coba lagi.',
  'report.fixAndRetry': 'Baris dihitung seperti di lembar kerja: baris judul adalah baris 1. Fitur GeoJSON dihitung dari 0.',
  'report.changed': 'Berkas atau pilihannya berubah sejak diperiksa. Jalankan uji coba lagi sebelum mengimpor.',
  'report.passedTitle': 'Uji coba lolos',
  'report.passedText': (records: number) => `${num(records)} baris atau fitur terbaca tanpa masalah. Belum ada yang disimpan.`,
  'report.doneTitle': 'Impor selesai',
  'report.doneText': (records: number) => `${num(records)} baris atau fitur diimpor dan tersimpan.`,
  'report.imported': (records: number) => `Impor selesai: ${num(records)} baris atau fitur tersimpan.`,
  'report.countsDry': 'Yang akan terjadi bila diimpor',
  'report.countsDone': 'Yang diimpor',
  'report.what': 'Data',
  'report.added': 'Ditambah',
  'report.changedCount': 'Diubah',
  'report.unchanged': 'Tetap',
  'report.segments': 'Ruas',
  'report.surveys': 'Survei',
  'report.ignored': 'Kolom yang tidak dibaca:',
  'report.ignoredNone': 'tidak ada.',
  'report.importNow': 'Impor sekarang',
  'report.confirm': (records: number) => `Impor ${num(records)} baris atau fitur? Semuanya disimpan dalam satu langkah; bila ada yang bermasalah, tidak ada yang disimpan.`,
  'report.confirmYes': 'Ya, impor',
  'report.importing': 'Mengimpor…',
  'report.another': 'Impor berkas lain',

  'error.year.format': 'Tulis tahun survei dengan empat angka, dari 1990 sampai 2100',
  'error.year.invalid': 'Tulis tahun survei dengan empat angka, dari 1990 sampai 2100',
  'error.note.tooLong': 'Catatan paling panjang 500 karakter',
  'error.km': (label: string, code: string) => {
    switch (code) {
      case 'tooSmall':
        return `Km ${label} tidak boleh negatif`;
      case 'tooLarge':
        return `Km ${label} harus di bawah 100.000`;
      case 'invalid':
        return `Tulis km ${label} dengan paling banyak tiga desimal (meter), misalnya 2,375`;
      default:
        return `Tulis km ${label} sebagai angka, misalnya 2,375`;
    }
  },
  'error.sum.short': (sum: string, length: string, gap: string) => `Jumlah keempat kelas ${sum} km, panjang ruas ${length} km: kurang ${gap} km`,
  'error.sum.over': (sum: string, length: string, gap: string) => `Jumlah keempat kelas ${sum} km, panjang ruas ${length} km: lebih ${gap} km`,
  'error.sum.server': (sum: string, length: string) =>
    `Server menolak survei: jumlah keempat kelas (${sum} km) harus sama dengan panjang ruas, yang menurut data terbaru ${length} km. Sesuaikan angkanya, lalu simpan lagi`,
  'error.targetYear.format': 'Tulis tahun target dengan empat angka, dari 1990 sampai 2100',
  'error.targetYear.invalid': 'Tulis tahun target dengan empat angka, dari 1990 sampai 2100',
  'error.percent.required': 'Masukkan target kemantapan dalam persen',
  'error.percent.format': 'Tulis target sebagai angka, misalnya 83 atau 83,5',
  'error.percent.invalid': 'Tulis target dengan paling banyak dua desimal',
  'error.percent.tooSmall': 'Target dari 0 sampai 100 persen',
  'error.percent.tooLarge': 'Target dari 0 sampai 100 persen',
  'error.kind.required': 'Pilih isi berkas: ruas jalan atau survei kondisi',
  'error.kind.notAllowed': 'Pilih isi berkas: ruas jalan atau survei kondisi',
  'error.format.required': 'Pilih format berkas: GeoJSON atau CSV',
  'error.format.notAllowed': 'Pilih format berkas: GeoJSON atau CSV',
  'error.content.required': 'Pilih berkas atau tempel isinya',
  'error.content.tooLong': 'Berkas paling besar 5 MB; bagi menjadi beberapa berkas',
} as const;

/** The shape every language of the road data page's copy must have. */
export type RoadDataMessages = CatalogOf<typeof id>;
