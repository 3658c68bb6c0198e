/**
 * Fixtures the Layanan server tests share: a plain DPMPTSP service the tests make, in force since January 2025.
 *
 * @module
 */
import type { ServiceCreateInput } from '../../../src/schemas/services-staff.js';

/** A DPMPTSP service with `slug`, free, at one counter, in force since 2 January 2025. */
export const testService = (slug: string): ServiceCreateInput => ({
  slug,
  name: `Layanan uji ${slug}`,
  category: 'lainnya',
  online: false,
  offline: true,
  requirements: ['KTP-el'],
  procedure: ['Datang ke loket'],
  duration: { text: '1 hari kerja', workingDays: 1 },
  cost: { free: true, legalBasis: 'Uji' },
  product: 'Surat uji',
  complaints: ['Kotak saran'],
  hours: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '15:00' }],
  location: { name: 'Loket uji', address: null },
  effectiveOn: '2025-01-02',
});
