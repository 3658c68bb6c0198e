/**
 * The export of an OPD's (or the regency's) standards in force in the shape SIPPN takes them,
 * so a unit need not type them twice into sippn.menpan.go.id.
 *
 * What we followed, and what is ours:
 * - SIPPN (Sistem Informasi Pelayanan Publik Nasional, PermenPAN-RB 13/2017 on its operation)
 *   keeps one *jenis layanan* per service of a unit; its admin form has four parts — the
 *   service's description, requirements, procedure, and provider and location — and it takes
 *   many services at once from an Excel template (KemenPAN-RB's SIPP guide "Panduan Import
 *   Jenis Layanan"). Its public page of a service shows, in this order, requirements,
 *   procedure, time, cost, product and complaints.
 * - The components and their names are PermenPAN-RB 15/2014's (Lampiran: the six of service
 *   delivery, then the eight of the unit's management), in that order; SIPPN publishes the
 *   standard by these components.
 * - Our assumption: the template's exact column names were not available to us, so each column
 *   is named as the regulation and SIPPN's pages name the component, with the identity, the
 *   hours, the place and the pledge around them; lists are numbered lines, amounts whole
 *   rupiah. The decree number of the standard (SIPPN's "No. SK") is not kept here: fill it in
 *   SIPPN. SIPPN's *instansi* is the account that imports (the Pemda); `unitPelayanan` is the OPD.
 *
 * @module
 */
import { indonesianTimeZones, type IndonesianTimeZone } from '../../../../src/schemas/opds.js';
import { serviceCategoryNames, type ServiceCategory, type ServicePledge } from '../../../../src/schemas/services.js';
import type { SippnExport, SippnService } from '../../../../src/schemas/services-staff.js';
import type { CsvTable } from '../../http/csv.js';
import type { VersionRow } from './standards.js';

/** The shape's name and version. */
export const SIPPN_FORMAT = 'sippn-jenis-layanan/1';

/** What the shape follows, said in the export itself. */
export const SIPPN_SOURCE =
  'Bentuk jenis layanan SIPPN (sippn.menpan.go.id; PermenPAN-RB 13/2017): 14 komponen standar pelayanan PermenPAN-RB 15/2014 dalam urutan lampirannya (6 komponen penyampaian pelayanan, lalu 8 komponen pengelolaan pelayanan), dengan identitas layanan, waktu, lokasi dan maklumat pelayanan. Nama kolom mengikuti nama komponen; Nomor SK standar pelayanan diisi di SIPPN.';

/** Each key's label as SIPPN and the regulation write it, in order: the CSV's header. */
export const SIPPN_LABELS: Readonly<Record<keyof SippnService, string>> = {
  unitPelayanan: 'Unit Pelayanan',
  kodeUnit: 'Kode Unit',
  namaLayanan: 'Nama Layanan',
  kodeLayanan: 'Kode Layanan',
  deskripsiLayanan: 'Deskripsi Layanan',
  kategoriLayanan: 'Kategori Layanan',
  berlakuSejak: 'Berlaku Sejak',
  versiStandar: 'Versi Standar',
  persyaratan: 'Persyaratan',
  sistemMekanismeProsedur: 'Sistem, Mekanisme, dan Prosedur',
  jangkaWaktuPenyelesaian: 'Jangka Waktu Penyelesaian',
  jangkaWaktuHariKerja: 'Jangka Waktu (hari kerja)',
  biayaTarif: 'Biaya/Tarif',
  biayaRupiah: 'Biaya (rupiah)',
  dasarHukumBiaya: 'Dasar Hukum Biaya/Tarif',
  produkPelayanan: 'Produk Pelayanan',
  penangananPengaduanSaranMasukan: 'Penanganan Pengaduan, Saran, dan Masukan',
  dasarHukum: 'Dasar Hukum',
  saranaPrasaranaFasilitas: 'Sarana dan Prasarana, dan/atau Fasilitas',
  kompetensiPelaksana: 'Kompetensi Pelaksana',
  pengawasanInternal: 'Pengawasan Internal',
  jumlahPelaksana: 'Jumlah Pelaksana',
  jaminanPelayanan: 'Jaminan Pelayanan',
  jaminanKeamananKeselamatan: 'Jaminan Keamanan dan Keselamatan Pelayanan',
  evaluasiKinerjaPelaksana: 'Evaluasi Kinerja Pelaksana',
  waktuPelayanan: 'Waktu Pelayanan',
  lokasiPelayanan: 'Lokasi Pelayanan',
  alamatPelayanan: 'Alamat',
  caraPelayanan: 'Cara Pelayanan',
  tautanLayananDaring: 'Tautan Layanan Daring',
  maklumatPelayanan: 'Maklumat Pelayanan',
};

const WEEKDAYS = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];

/** `1, 2, 3, 4` → `Senin–Kamis`; `1, 3` → `Senin, Rabu`. */
function dayRange(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const consecutive = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  const name = (d: number) => WEEKDAYS[d - 1] ?? String(d);
  if (sorted.length > 2 && consecutive) return `${name(sorted[0]!)}–${name(sorted.at(-1)!)}`;
  return sorted.map(name).join(', ');
}

/** The opening hours in words: `Senin–Kamis 08.00–15.30 WIB; Jumat 08.00–11.30 WIB`, then the note. */
function hoursText(row: VersionRow, timeZone: IndonesianTimeZone): string {
  const zone = indonesianTimeZones[timeZone].abbreviation;
  const dot = (time: string) => time.replace(':', '.');
  const hours = row.hours.map((h) => `${dayRange(h.days)} ${dot(h.opens)}–${dot(h.closes)} ${zone}`).join('; ');
  return [hours, row.hours_note].filter(Boolean).join('. ') || '-';
}

/** The cost in words: free, an amount in rupiah, and/or the tariff's note. */
function costText(row: VersionRow): string {
  if (row.cost_free) return ['Tidak dipungut biaya', row.cost_note].filter(Boolean).join('. ');
  const amount = row.cost_amount === null ? null : `Rp ${row.cost_amount.toLocaleString('id-ID')}`;
  return [amount, row.cost_note].filter(Boolean).join('. ') || '-';
}

/** The facilities, those for persons with disabilities on their own line. */
function facilitiesText(row: VersionRow): string | null {
  const parts = [row.facilities, row.facilities_disability ? `Sarana bagi pengguna berkebutuhan khusus (disabilitas): ${row.facilities_disability}` : null].filter(Boolean);
  return parts.length > 0 ? parts.join('\n') : null;
}

/** One service's record. */
export function toSippn(row: VersionRow, pledge: ServicePledge | null, timeZone: IndonesianTimeZone): SippnService {
  return {
    unitPelayanan: row.opd_name,
    kodeUnit: row.opd_slug,
    namaLayanan: row.name,
    kodeLayanan: row.slug,
    deskripsiLayanan: row.summary,
    kategoriLayanan: serviceCategoryNames[row.category as ServiceCategory] ?? row.category,
    berlakuSejak: row.effective_on,
    versiStandar: row.number,
    persyaratan: row.requirements,
    sistemMekanismeProsedur: row.procedure,
    jangkaWaktuPenyelesaian: row.duration_text,
    jangkaWaktuHariKerja: row.duration_days,
    biayaTarif: costText(row),
    biayaRupiah: row.cost_free ? 0 : row.cost_amount,
    dasarHukumBiaya: row.cost_basis,
    produkPelayanan: row.product,
    penangananPengaduanSaranMasukan: row.complaints,
    dasarHukum: row.legal_basis,
    saranaPrasaranaFasilitas: facilitiesText(row),
    kompetensiPelaksana: row.competence,
    pengawasanInternal: row.internal_oversight,
    jumlahPelaksana: row.staff_count,
    jaminanPelayanan: row.service_guarantee,
    jaminanKeamananKeselamatan: row.security_guarantee,
    evaluasiKinerjaPelaksana: row.performance_evaluation,
    waktuPelayanan: hoursText(row, timeZone),
    lokasiPelayanan: row.location_name,
    alamatPelayanan: row.location_address,
    caraPelayanan: row.online && row.offline ? 'Daring dan luring' : row.online ? 'Daring' : 'Luring',
    tautanLayananDaring: row.online_url,
    maklumatPelayanan: pledge ? [pledge.text, pledge.by].join('\n') : null,
  };
}

/** The export of `records`, read on `day`. */
export function sippnExportOf(records: SippnService[], day: string, now: Date): SippnExport {
  return { format: SIPPN_FORMAT, sumber: SIPPN_SOURCE, tanggal: day, dibuatPada: now.toISOString(), label: { ...SIPPN_LABELS }, layanan: records };
}

/** The same as a flat table: one row per service, SIPPN's labels as the header, lists as numbered lines. */
export function sippnTable(records: readonly SippnService[]): CsvTable {
  const keys = Object.keys(SIPPN_LABELS) as Array<keyof SippnService>;
  const cell = (value: SippnService[keyof SippnService]): string | number | null =>
    Array.isArray(value) ? value.map((item, i) => `${i + 1}. ${item}`).join('\n') : (value as string | number | null);
  return { header: keys.map((k) => SIPPN_LABELS[k]), rows: records.map((r) => keys.map((k) => cell(r[k]))) };
}
