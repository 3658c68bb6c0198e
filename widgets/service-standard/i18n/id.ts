/**
 * The Indonesian copy of `<opd-service-standard>` (the default language): the standard's own
 * copy ({@link standardId}, shared with the directory's details) and the card's loading and
 * error messages. Every key must exist in `en.ts`; {@link ServiceStandardCardMessages} makes
 * the compiler check that.
 *
 * @module
 */
import type { CatalogOf } from '../../shared/i18n/catalog.js';
import { standardId } from './standard-id.js';

/** The service card's Indonesian copy. */
export const id = {
  ...standardId,
  'card.loading': 'Memuat standar pelayanan…',
  'card.missing': 'Kartu layanan ini belum diatur: atribut opd dan service wajib diisi.',
  'card.notFound': 'Layanan ini tidak ditemukan atau standar pelayanannya belum berlaku.',
  'card.offline': 'Standar pelayanan tidak dapat dimuat: tidak ada koneksi. Periksa koneksi internet Anda, lalu coba lagi.',
  'card.problem': (problem: string) => `Standar pelayanan tidak dapat dimuat: ${problem}`,
  'card.unavailable': 'Standar pelayanan tidak tersedia di server ini.',
} as const;

/** The shape every language of the service card's copy must have. */
export type ServiceStandardCardMessages = CatalogOf<typeof id>;
