/**
 * Questions in every state a citizen can find them in, asked through the SDK on the test
 * server, for the status widget's tests (`consultation-status*.test.ts`). Not a test file.
 *
 * @module
 */
import { createClient } from '../../src/index.js';
import { ok, testConfig } from './helpers.js';

/** The OPD with the longest name of the demo seed, and its longest category. */
export const LONG_OPD = 'dpmptsp';

/** One question per state, by tracking code. */
export interface StatusFixtures {
  /** The OPD's name, as the API gives it. */
  opdName: string;
  /** Its English name, if the API gives one. */
  opdNameEn: string | undefined;
  /** The category's name. */
  categoryName: string;
  /** Just received, nobody has looked at it yet. */
  received: string;
  /** Staff are working on it (with a long public note). */
  inProgress: string;
  /** Answered (a long answer with a long link in it). */
  answered: string;
  /** Closed by staff without a written answer. */
  closedUnanswered: string;
  /** Answered, then closed. */
  closedAnswered: string;
  /** Asked ten days ago and never answered (from the runner). */
  overdue: string;
}

/** A note staff might leave, with a long unbroken word. */
export const LONG_NOTE =
  'Berkas sedang diverifikasi oleh Bidang Pelayanan Perizinan; lihat https://dpmptsp.lahatkab.go.id/layanan/persyaratan-persetujuan-bangunan-gedung-terbaru';

/** An answer with line breaks and a long link. */
export const LONG_ANSWER =
  'Terima kasih. Persyaratan PBG dapat dilihat di https://simbg.pu.go.id/Main/persyaratan-persetujuan-bangunan-gedung-dan-sertifikat-laik-fungsi\n\nSalam, DPMPTSP';

let made: Promise<StatusFixtures> | undefined;

/** Asks (once per test file) one question per state at {@link LONG_OPD}. */
export function statusFixtures(): Promise<StatusFixtures> {
  made ??= make();
  return made;
}

async function make(): Promise<StatusFixtures> {
  const { api, staffToken, overdueCode } = testConfig();
  const opd = (await (await fetch(`${api}/api/v1/opds/${LONG_OPD}`)).json()) as {
    name: string;
    nameEn?: string;
    consultationCategories: { id: string; name: string }[];
  };
  const category = [...opd.consultationCategories].sort((a, b) => b.name.length - a.name.length)[0];
  ok(category, `${LONG_OPD} has no categories`);
  const citizen = createClient({ baseUrl: api, opd: LONG_OPD });
  const staff = createClient({ baseUrl: api, opd: LONG_OPD, token: staffToken });
  const ask = async (subject: string): Promise<string> =>
    (
      await citizen.consultations.create({
        name: 'Siti Aminah',
        phone: '0812 3333 4444',
        category: category.id,
        subject,
        message: 'Apa saja persyaratan Persetujuan Bangunan Gedung untuk rumah tinggal?',
        consent: true,
      })
    ).trackingCode;
  const [received, inProgress, answered, closedUnanswered, closedAnswered] = await Promise.all([
    ask('Status diterima'),
    ask('Status diproses'),
    ask('Status dijawab'),
    ask('Status ditutup tanpa jawaban'),
    ask('Status ditutup setelah dijawab'),
  ]);
  await staff.consultations.setStatus(inProgress, 'in_progress', { note: LONG_NOTE });
  await staff.consultations.answer(answered, LONG_ANSWER);
  await staff.consultations.setStatus(closedUnanswered, 'closed');
  await staff.consultations.answer(closedAnswered, LONG_ANSWER);
  await staff.consultations.setStatus(closedAnswered, 'closed');
  return {
    opdName: opd.name,
    opdNameEn: opd.nameEn,
    categoryName: category.name,
    received,
    inProgress,
    answered,
    closedUnanswered,
    closedAnswered,
    overdue: overdueCode,
  };
}
