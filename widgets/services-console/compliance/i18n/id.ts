/**
 * The Indonesian copy of Layanan's regency-wide compliance page (`#/layanan/compliance`). Every
 * key must exist in `en.ts`.
 *
 * @module
 */
import type { CatalogOf } from '../../../shared/i18n/catalog.js';

const num = (value: number): string => value.toLocaleString('id-ID');

/** The compliance page's Indonesian copy. */
export const id = {
  'page.title': 'Kepatuhan standar pelayanan se-kabupaten',
  'page.intro': 'Setiap standar yang berlaku hari ini diperiksa terhadap daftar periksa kabupaten. Klik komponen yang kurang untuk membuka standar layanan itu tepat di komponennya.',
  'page.loading': 'Memeriksa standar…',
  'page.summary': (complete: number, services: number, percent: string, day: string) => `${num(complete)} dari ${num(services)} layanan memuat semua komponen (${percent} %), per ${day}.`,
  'page.checklist': (name: string, source: string) => `Daftar periksa: ${name}. ${source}${/[.!?]$/.test(source) ? '' : '.'}`,
  'opds.caption': 'Kepatuhan per OPD',
  'opds.opd': 'OPD',
  'opds.services': 'Layanan berlaku',
  'opds.complete': 'Lengkap',
  'opds.percent': 'Persen',
  'opds.missing': 'Komponen yang paling sering kurang',
  'opds.none': 'Belum ada layanan',
  'items.title': 'Layanan yang belum lengkap',
  'items.caption': 'Layanan yang belum lengkap dan komponen yang kurang',
  'items.service': 'Layanan',
  'items.opd': 'OPD',
  'items.missing': 'Komponen yang kurang',
  'items.allComplete': 'Semua layanan yang berlaku sudah lengkap.',
  'items.ownOnly': 'Komponen yang kurang pada layanan OPD Anda dapat diklik untuk dilengkapi.',
  'items.gapLink': (component: string, service: string) => `Isi ${component} untuk ${service}`,
  'items.missingCount': (component: string, count: number) => `${component} (${num(count)})`,
  'export.title': 'Ekspor ke SIPPN',
  'export.introRegency': 'Standar yang berlaku hari ini dari semua OPD, satu baris per layanan dengan label SIPPN (sippn.menpan.go.id) sebagai kepala kolom: CSV untuk impor Excel SIPPN, JSON untuk sistem lain. Setiap unduhan dicatat di log audit.',
  'export.introOpd': (opd: string) => `Standar ${opd} yang berlaku hari ini, satu baris per layanan dengan label SIPPN (sippn.menpan.go.id) sebagai kepala kolom: CSV untuk impor Excel SIPPN, JSON untuk sistem lain. Setiap unduhan dicatat di log audit.`,
  'export.csv': 'Unduh CSV',
  'export.json': 'Unduh JSON',
  'export.busy': 'Menyiapkan berkas…',
  'export.done': 'Berkas SIPPN sudah diunduh.',
} as const;

/** The shape every language of the compliance page's copy must have. */
export type ServiceComplianceMessages = CatalogOf<typeof id>;
