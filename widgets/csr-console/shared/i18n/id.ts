/**
 * The Indonesian copy both SIP BENAR console pages use: statuses, sectors, money, the
 * exports. Each page spreads it into its own catalog. Every key must exist in `en.ts`.
 *
 * @module
 */
import type { CatalogOf } from '../../../shared/i18n/catalog.js';

/** SIP BENAR's shared Indonesian console copy. */
export const csrCommonId = {
  'status.proposed': 'Diusulkan',
  'status.approved': 'Disetujui',
  'status.running': 'Berjalan',
  'status.done': 'Selesai',
  'status.postponed': 'Ditunda',
  'status.cancelled': 'Dibatalkan',
  'proposal.submitted': 'Menunggu keputusan forum',
  'proposal.approved': 'Disetujui forum',
  'proposal.rejected': 'Ditolak forum',
  'proposal.funded': 'Sudah jadi program',
  'sector.pertambangan': 'Pertambangan',
  'sector.perkebunan': 'Perkebunan',
  'sector.energi': 'Energi',
  'sector.perbankan': 'Perbankan',
  'sector.telekomunikasi': 'Telekomunikasi',
  'sector.manufaktur': 'Manufaktur',
  'sector.perdagangan': 'Perdagangan',
  'sector.lainnya': 'Lainnya',
  'common.pick': 'Pilih…',
  'common.all': 'Semua',
  'common.retry': 'Coba lagi',
  'common.pickOpd': 'Pilih OPD di atas untuk membuka SIP BENAR-nya.',
  'common.summaryTitle': 'Ada masalah',
  'common.errorPrefix': 'Kesalahan:',
  'common.rupiahHint': 'Rupiah utuh, boleh diketik 1250000 atau 1.250.000.',
  'common.rupiahShown': (shown: string) => `Terbaca: ${shown}`,
  'common.rupiahUnread': 'Belum terbaca sebagai rupiah utuh.',
  'common.search': 'Cari',
  'common.filterCount': (shown: number, all: number) => `${shown.toLocaleString('id-ID')} dari ${all.toLocaleString('id-ID')} ditampilkan.`,
  'common.none': '—',
} as const;

/** The shape every language of the shared copy must have. */
export type CsrCommonMessages = CatalogOf<typeof csrCommonId>;
