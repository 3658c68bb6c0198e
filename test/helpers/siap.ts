/**
 * SIAP's test fixtures: a citizen, their question, and asking it through an API suite. The
 * spine suites use them too, SIAP's being the routes that write. Importing this file
 * registers SIAP's personal data (the citizen's and the demo questions') for the sweep, and
 * the staff's internal remark, which no public response may show either.
 *
 * @module
 */
import assert from 'node:assert/strict';
import { DEMO_CONSULTATIONS } from '../../server/src/modules/consultations/seed.js';
import type { ApiSuite } from './api.js';
import { registerPersonalData } from './personal-data.js';

/** A citizen whose name and contact must never show up in a public response. */
export const citizen = {
  name: 'Siti Rahmawati Penanya',
  email: 'siti.rahmawati.penanya@example.com',
  phone: '0812-3456-7890',
  normalizedPhone: '+6281234567890',
};

/** A staff member's internal note on a status change: staff views only, never public. */
export const internalRemark = 'Catatan internal: penanya sudah tiga kali menelepon loket, cek berkas SPM di Bidang Perbendaharaan';

registerPersonalData({
  module: 'siap',
  values: [
    internalRemark,
    citizen.name,
    citizen.email,
    citizen.phone,
    citizen.normalizedPhone,
    ...DEMO_CONSULTATIONS.flatMap((demo) => [demo.name, demo.email, demo.phone].filter((v): v is string => Boolean(v))),
  ],
  // The demo questions are public through their codes; make sure those are looked at too.
  publicPaths: DEMO_CONSULTATIONS.map((demo) => `/api/v1/consultations/${demo.trackingCode}`),
});

/** The citizen's question to BPKAD, with `overrides` (`undefined` leaves a field out). */
export function question(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: citizen.name,
    email: citizen.email,
    category: 'sp2d-pencairan',
    subject: 'Kapan SP2D belanja modal terbit?',
    message: 'SPM kami sudah diajukan tanggal 2 Oktober 2023. Berapa lama biasanya SP2D terbit?',
    consent: true,
    ...overrides,
  };
}

/** SIAP requests of one suite. */
export interface SiapRequests {
  /** Asks `body` (an object, or a string sent as it is) of `opd` as a citizen (a recorded public request). */
  ask(body: unknown, headers?: Record<string, string>, opd?: string): Promise<Response>;
  /** Asks {@link question} with `overrides`, asserts 201 and returns the tracking code. */
  newConsultation(overrides?: Record<string, unknown>): Promise<string>;
  /** How many consultations the database holds. */
  countConsultations(): Promise<number>;
}

/** SIAP's requests through `api`. */
export function siapRequests(api: ApiSuite): SiapRequests {
  const ask: SiapRequests['ask'] = (body, headers = {}, opd = 'bpkad') =>
    api.publicRequest(`/api/v1/opds/${opd}/consultations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    ask,
    async newConsultation(overrides = {}) {
      const response = await ask(question(overrides));
      assert.equal(response.status, 201);
      return ((await response.json()) as { trackingCode: string }).trackingCode;
    },
    async countConsultations() {
      const row = await api.server.db
        .selectFrom('consultations')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
