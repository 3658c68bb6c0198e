/**
 * The Indonesian copy of `<opd-csr-board>` (the default language); the kit's own copy (retry,
 * server failure, waits, dates) is in `widgets/shared/i18n/`. Every key here must exist in
 * `en.ts`; the type {@link CsrBoardMessages} makes the compiler check that.
 *
 * Amounts arrive already written (`Rp 1,2 miliar`, `Rp 1.234.567`): the widget formats them
 * with `Intl` in the language's locale.
 *
 * @module
 */
import type { CatalogOf } from '../../shared/i18n/catalog.js';

const num = (n: number): string => n.toLocaleString('id-ID');

/** The CSR board's Indonesian copy. */
export const id = {
  'unit.percent': (n: string) => `${n}\u00a0%`,

  'board.title': 'Dana CSR untuk pembangunan daerah',
  'board.titleYear': (year: number) => `Dana CSR untuk pembangunan daerah ${year}`,
  'board.intro': 'Perusahaan mana mendanai program apa, di mana, berapa yang dijanjikan dan berapa yang sudah terealisasi.',
  'board.loading': 'Memuat data dana CSR…',
  'board.demo': 'Data contoh (fiktif) untuk demo, bukan data resmi.',
  'board.widget': 'Papan dana CSR ini',
  'board.unavailable': 'Data dana CSR tidak tersedia di server ini.',
  'board.offline': 'Data dana CSR tidak dapat dimuat: tidak ada koneksi. Periksa koneksi internet Anda, lalu coba lagi.',
  'board.badYear': (year: string) => `Papan ini diatur dengan tahun "${year}" yang tidak dikenal. Hubungi pengelola situs.`,

  'figure.committed': 'Dana dijanjikan',
  'figure.spent': 'Dana terealisasi',
  'figure.spentShare': (share: string) => `${share} dari dana dijanjikan`,
  'figure.programs': 'Program',
  'figure.programsNote': 'disetujui, berjalan, selesai atau ditunda',
  'figure.beneficiaries': 'Penerima manfaat',
  'figure.beneficiariesNote': 'orang, dari program yang menghitungnya',
  'figure.unfunded': 'Kebutuhan desa belum didanai',
  'figure.unfundedNote': (cost: string) => `usulan, perkiraan biaya ${cost}`,
  'figure.exact': (amount: string) => `Tepatnya ${amount}`,

  'over.title': (n: number) => (n === 1 ? '1 program melebihi dana yang dijanjikan' : `${num(n)} program melebihi dana yang dijanjikan`),
  'over.none': 'Tidak ada program yang realisasinya melebihi dana yang dijanjikan.',
  'over.row': (spent: string, committed: string, by: string) => `terealisasi ${spent} dari ${committed} yang dijanjikan: lebih ${by}`,
  'over.flag': 'Melebihi anggaran',
  'over.by': (by: string) => `lebih ${by}`,

  'chart.section': 'Grafik dana dijanjikan dan terealisasi',
  'chart.field': 'Dana per bidang',
  'chart.kecamatan': 'Dana per kecamatan',
  'chart.company': 'Dana per perusahaan',
  'chart.legendCommitted': 'Dijanjikan (batang atas, terang)',
  'chart.legendSpent': 'Terealisasi (batang bawah, gelap)',
  'chart.label': (title: string, rows: number, top: string) => `Grafik batang ${title.toLowerCase()}: dijanjikan dan terealisasi untuk ${num(rows)} baris. ${top} Angkanya ada di tabel di bawah grafik.`,
  'chart.top': (name: string, committed: string, spent: string) => `Terbesar: ${name}, dijanjikan ${committed}, terealisasi ${spent}.`,
  'chart.empty': 'Belum ada program yang dihitung.',
  'chart.table': 'Lihat sebagai tabel',
  'chart.showAll': (n: number) => `Tampilkan semua (${num(n)})`,
  'chart.showLess': 'Tampilkan lebih sedikit',

  'table.name': 'Nama',
  'table.field': 'Bidang',
  'table.kecamatan': 'Kecamatan',
  'table.company': 'Perusahaan',
  'table.programs': 'Program',
  'table.committed': 'Dijanjikan (Rp)',
  'table.spent': 'Terealisasi (Rp)',
  'table.share': 'Realisasi',
  'table.total': 'Jumlah',

  'list.title': 'Daftar program',
  'list.landmark': 'Saring program',
  'list.loading': 'Memuat program…',
  'list.count': (n: number) => (n === 0 ? 'Tidak ada program yang cocok' : `${num(n)} program`),
  'list.shown': (shown: number, total: number) => `Menampilkan ${num(shown)} dari ${num(total)}.`,
  'list.more': 'Muat lebih banyak',
  'list.moreLoading': 'Memuat…',
  'list.moreFailed': 'Program berikutnya tidak dapat dimuat.',
  'list.added': (added: number, shown: number, total: number) => `${num(added)} program lagi dimuat; ${num(shown)} dari ${num(total)} ditampilkan.`,
  'list.empty': 'Belum ada program.',
  'list.emptyFiltered': 'Tidak ada program yang cocok dengan saringan ini. Ubah atau hapus saringan.',
  'list.failed': 'Daftar program tidak dapat dimuat.',
  'list.place': (desa: string, kecamatan: string) => `Desa ${desa}, Kec. ${kecamatan}`,
  'list.money': (spent: string, committed: string) => `Terealisasi ${spent} dari ${committed}`,

  'filter.field': 'Bidang',
  'filter.allFields': 'Semua bidang',
  'filter.kecamatan': 'Kecamatan',
  'filter.allKecamatan': 'Semua kecamatan',
  'filter.company': 'Perusahaan',
  'filter.allCompanies': 'Semua perusahaan',
  'filter.status': 'Status',
  'filter.allStatuses': 'Semua status',
  'filter.year': 'Tahun anggaran',
  'filter.allYears': 'Semua tahun',
  'filter.clear': 'Hapus saringan',
  'filter.option': (name: string, programs: number, needs: number) => `${name} (${num(programs)} program${needs > 0 ? `, ${num(needs)} usulan` : ''})`,

  'view.label': 'Tampilkan sebagai',
  'view.list': 'Daftar',
  'view.map': 'Peta',
  'map.loading': 'Memuat peta…',
  'map.failed': 'Peta tidak dapat dimuat. Program yang sama ada di daftar.',
  'map.here': (n: number) => `${num(n)} program di titik ini`,

  'status.proposed': 'Diusulkan',
  'status.approved': 'Disetujui',
  'status.running': 'Berjalan',
  'status.done': 'Selesai',
  'status.postponed': 'Ditunda',
  'status.cancelled': 'Dibatalkan',

  'sector.pertambangan': 'Pertambangan',
  'sector.perkebunan': 'Perkebunan',
  'sector.energi': 'Energi',
  'sector.perbankan': 'Perbankan',
  'sector.telekomunikasi': 'Telekomunikasi',
  'sector.manufaktur': 'Manufaktur',
  'sector.perdagangan': 'Perdagangan',
  'sector.lainnya': 'Lainnya',

  'detail.close': 'Tutup',
  'detail.loading': 'Memuat rincian program…',
  'detail.failed': 'Rincian program tidak dapat dimuat.',
  'detail.company': 'Perusahaan',
  'detail.field': 'Bidang',
  'detail.place': 'Lokasi',
  'detail.year': 'Tahun anggaran',
  'detail.status': 'Status',
  'detail.committed': 'Dana dijanjikan',
  'detail.spent': 'Dana terealisasi',
  'detail.beneficiaries': 'Penerima manfaat',
  'detail.people': (n: number) => `${num(n)} orang`,
  'detail.rpjmd': 'Prioritas RPJMD',
  'detail.sdg': 'Tujuan SDGs',
  'detail.sdgGoal': (n: number) => `Tujuan ${n}`,
  'detail.none': 'Tidak diisi.',
  'detail.description': 'Uraian',
  'detail.spending': 'Realisasi dana',
  'detail.noSpending': 'Belum ada realisasi yang dicatat.',
  'detail.date': 'Tanggal',
  'detail.what': 'Untuk',
  'detail.amount': 'Jumlah (Rp)',
  'detail.evidence': 'Bukti',
  'detail.noEvidence': 'belum ada bukti',
  'detail.evidenceFile': (n: number, kind: string) => `Bukti ${n} (${kind})`,
  'detail.newWindow': '(membuka tab baru)',
  'detail.total': 'Jumlah realisasi',
  'detail.overspent': (by: string) => `Realisasi melebihi dana yang dijanjikan sebesar ${by}.`,
} as const;

/** The shape every language of the CSR board's copy must have. */
export type CsrBoardMessages = CatalogOf<typeof id>;
