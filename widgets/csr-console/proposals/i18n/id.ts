/**
 * The Indonesian copy of SIP BENAR's village proposals page (`#/csr/proposals`). Every key must exist in `en.ts`.
 *
 * @module
 */
import type { CatalogOf } from '../../../shared/i18n/catalog.js';
import { csrCommonId } from '../../shared/i18n/id.js';

const num = (value: number): string => value.toLocaleString('id-ID');

/** The proposals page's Indonesian copy. */
export const id = {
  ...csrCommonId,
  'views.label': 'Bagian halaman',
  'views.list': 'Usulan',
  'views.new': 'Catat usulan',
  'list.title': 'Usulan desa',
  'list.waiting': (count: number) => (count ? `${num(count)} usulan menunggu keputusan forum CSR.` : 'Tidak ada usulan yang menunggu keputusan forum.'),
  'list.filters': 'Cari dan saring usulan',
  'list.searchHint': 'Judul, pengusul, kecamatan, desa atau nomor.',
  'list.status': 'Status',
  'list.estimate': (cost: string) => `Perkiraan ${cost}`,
  'list.none': 'Tidak ada usulan yang cocok.',
  'pick.title': 'Pilih usulan',
  'pick.intro': 'Pilih usulan dari daftar untuk mencatat keputusan forum CSR, atau catat usulan baru dari desa.',
  'one.back': '← Semua usulan',
  'one.missingTitle': (proposalId: number) => `Usulan ${num(proposalId)}`,
  'one.missing': 'Usulan ini tidak ada di OPD ini.',
  'one.contact': 'Narahubung (hanya staf)',
  'decision.title': 'Keputusan forum CSR',
  'decision.legend': 'Keputusan',
  'decision.approve': 'Setujui dan pasangkan dengan perusahaan',
  'decision.reject': 'Tolak',
  'decision.company': 'Perusahaan',
  'decision.companyHint': 'Perusahaan yang bersedia mendanai, sesuai berita acara forum.',
  'decision.note': 'Catatan forum (tidak wajib)',
  'decision.reason': 'Alasan penolakan',
  'decision.reasonHint': 'Paling sedikit 5 karakter; disampaikan kepada pengusul.',
  'decision.submit': 'Simpan keputusan',
  'decision.approvedWith': (company: string) => `Disetujui forum dengan ${company}.`,
  'decision.rejected': 'Ditolak forum.',
  'decision.makeProgram': 'Jadikan program',
  'decision.openProgram': (programId: number) => `Buka program ${num(programId)}`,
  'new.title': 'Catat usulan desa',
  'new.intro': 'Kebutuhan yang diajukan desa atau kecamatan. Narahubung hanya terlihat oleh staf.',
  'new.submit': 'Simpan usulan',
  'form.title': 'Judul usulan',
  'form.field': 'Bidang',
  'form.kecamatan': 'Kecamatan',
  'form.desa': 'Desa',
  'form.year': 'Tahun yang diusulkan',
  'form.estimatedCost': 'Perkiraan biaya (tidak wajib)',
  'form.beneficiaries': 'Penerima manfaat (tidak wajib)',
  'form.proposer': 'Pengusul',
  'form.proposerHint': 'Mis. Pemerintah Desa Tanjung Payang.',
  'form.contactName': 'Nama narahubung',
  'form.contactPhone': 'Telepon narahubung',
  'form.submittedOn': 'Tanggal diajukan',
  'form.description': 'Keterangan',
  'done.approved': (title: string, company: string) => `“${title}” disetujui dengan ${company}. Jadikan program untuk mencatat anggarannya.`,
  'done.rejected': (title: string) => `“${title}” ditolak; alasannya tersimpan.`,
  'done.recorded': (title: string) => `Usulan “${title}” tercatat.`,
  'error.offlineKept': 'Server tidak dapat dihubungi. Isian Anda tetap di sini; coba lagi setelah koneksi kembali.',
  'error.decided': 'Usulan ini sudah diputuskan. Muat ulang halaman.',
  'error.decision': 'Pilih setujui atau tolak',
  'error.companyId': 'Pilih perusahaan yang mendanai',
  'error.note': 'Tuliskan alasan penolakan, paling sedikit 5 karakter',
  'error.title': 'Tuliskan judul usulan, paling sedikit 3 karakter',
  'error.field': 'Pilih bidang',
  'error.kecamatan': 'Tuliskan kecamatan',
  'error.desa': 'Tuliskan desa',
  'error.year': 'Tuliskan tahun, mis. 2027',
  'error.estimatedCost': 'Tuliskan perkiraan biaya dalam rupiah utuh, mis. 150.000.000',
  'error.beneficiaries': 'Tuliskan jumlah penerima manfaat sebagai bilangan bulat',
  'error.proposer': 'Tuliskan pengusul (desa atau kecamatan), paling sedikit 3 karakter',
  'error.contactName': 'Tuliskan nama narahubung, paling sedikit 2 karakter',
  'error.contactPhone': 'Tuliskan nomor telepon dengan angka, mis. 0812 3456 7890',
  'error.submittedOn': 'Tuliskan tanggal usulan diajukan',
  'error.description': 'Periksa keterangan',
} as const;

/** The proposals page's copy, as every language must have it. */
export type CsrProposalsMessages = CatalogOf<typeof id>;
