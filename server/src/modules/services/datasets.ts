/**
 * Layanan's open data (`opendata/contract.ts`): the OPD's service standards in force today, one
 * row per service, as the public API shows them (`toService`: the six published components of
 * PermenPAN-RB 15/2014, channels, hours, location, the pledge — never the eight internal ones),
 * and the satisfaction index (IKM) per service and year as the public satisfaction endpoint
 * computes it (`satisfactionOf`: respondent counts and figures, never a suggestion's text).
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import { dayIn, startOfDayIn } from '../../calendar/working-days.js';
import type { Database } from '../../db/schema.js';
import type { DatasetContext, OpenDataset } from '../../opendata/contract.js';
import { modelOn, satisfactionOf } from './satisfaction.js';
import { inForceVersions, pledgesOf, toService, type VersionRow } from './standards.js';
import { servicesDb } from './tables.js';

/** The OPD's services in force today in the regency's time zone, by name (as the satisfaction endpoint lists them). */
async function inForce(db: Kysely<Database>, { opd, now, timeZone }: DatasetContext): Promise<VersionRow[]> {
  const rows = (await inForceVersions(servicesDb(db), dayIn(now, timeZone)).where('s.opd_slug', '=', opd.slug).execute()) as VersionRow[];
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

/** Whether the OPD has a service whose standard is in force (published) today. */
async function hasPublishedService(db: Kysely<Database>, context: DatasetContext): Promise<boolean> {
  return (await inForce(db, context)).length > 0;
}

/** The latest change of what the public sees of the OPD's standards: a version written or taking effect, the pledge. */
async function standardsChanged(db: Kysely<Database>, { opd, now, timeZone }: DatasetContext): Promise<Date | null> {
  const services = servicesDb(db);
  const today = dayIn(now, timeZone);
  const versions = await services
    .selectFrom('service_versions as v')
    .innerJoin('services as s', 's.id', 'v.service_id')
    .select(['v.created_at', sql<string>`to_char(v.effective_on, 'YYYY-MM-DD')`.as('effective_on')])
    .where('s.opd_slug', '=', opd.slug)
    .where(sql<boolean>`v.effective_on <= ${today}::date`)
    .execute();
  const pledge = await services.selectFrom('service_pledges').select('updated_at').where('opd_slug', '=', opd.slug).executeTakeFirst();
  const times = [
    ...versions.flatMap((version) => [new Date(version.created_at), startOfDayIn(version.effective_on, timeZone)]),
    ...(pledge ? [new Date(pledge.updated_at)] : []),
  ].filter((time) => time <= now);
  return times.length === 0 ? null : new Date(Math.max(...times.map((time) => time.getTime())));
}

const DAY_NAMES = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];

/** ISO weekdays as Indonesian names, runs joined (`[1,2,3,4,5]` → `Senin–Jumat`). */
function daysText(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const day of sorted) {
    const last = runs.at(-1);
    if (last && day === last.at(-1)! + 1) last.push(day);
    else runs.push([day]);
  }
  return runs.map((run) => (run.length > 2 ? `${DAY_NAMES[run[0]! - 1]}–${DAY_NAMES[run.at(-1)! - 1]}` : run.map((day) => DAY_NAMES[day - 1]).join(', '))).join(', ');
}

/** Opening hours as one line: `Senin–Kamis 08.00–15.00; Jumat 08.00–11.30`. */
function hoursText(hours: readonly { days: number[]; opens: string; closes: string }[]): string | null {
  if (hours.length === 0) return null;
  return hours.map((slot) => `${daysText(slot.days)} ${slot.opens.replace(':', '.')}–${slot.closes.replace(':', '.')}`).join('; ');
}

/** The OPD's service standards in force. */
export const serviceStandardsDataset: OpenDataset = {
  id: 'service-standards',
  title: 'Standar pelayanan yang berlaku',
  description:
    'Setiap layanan perangkat daerah ini dengan standar pelayanan yang berlaku hari ini (PermenPAN-RB 15/2014), seperti mal pelayanan publik menampilkannya: persyaratan, sistem, mekanisme dan prosedur, jangka waktu penyelesaian, biaya/tarif (rupiah utuh; 0 bila gratis), produk pelayanan, penanganan pengaduan, saluran daring dan luring, jam layanan, lokasi dan maklumat pelayanan. Satu baris per layanan; komponen internal tidak diterbitkan.',
  keywords: ['standar pelayanan', 'pelayanan publik', 'mal pelayanan publik', 'maklumat pelayanan', 'Layanan'],
  columns: [
    { name: 'kode_layanan', description: 'Kode layanan di perangkat daerah ini (slug, tetap).' },
    { name: 'nama_layanan', description: 'Nama layanan.' },
    { name: 'perangkat_daerah', description: 'Perangkat daerah penyelenggara.' },
    { name: 'kategori', description: 'Kategori: perizinan, kependudukan, kesehatan, pajak-retribusi, sosial, pendidikan, ketenagakerjaan, lainnya.' },
    { name: 'ringkasan', description: 'Ringkasan layanan.' },
    { name: 'daring', description: 'ya bila dapat diajukan secara daring.' },
    { name: 'luring', description: 'ya bila dilayani di loket.' },
    { name: 'tautan_daring', description: 'Alamat layanan daring.' },
    { name: 'persyaratan', description: 'Persyaratan, dipisah titik koma.' },
    { name: 'prosedur', description: 'Sistem, mekanisme dan prosedur, langkah demi langkah, dipisah titik koma.' },
    { name: 'jangka_waktu', description: 'Jangka waktu penyelesaian seperti ditulis unit layanan.' },
    { name: 'jangka_waktu_hari_kerja', description: 'Jangka waktu penyelesaian, hari kerja (kosong bila tidak dinyatakan dalam hari kerja).' },
    { name: 'gratis', description: 'ya bila tanpa biaya.' },
    { name: 'biaya_rupiah', description: 'Biaya/tarif, rupiah utuh; 0 bila gratis; kosong bila tarifnya dijelaskan di keterangan_biaya.' },
    { name: 'keterangan_biaya', description: 'Keterangan biaya/tarif.' },
    { name: 'dasar_hukum_biaya', description: 'Dasar hukum biaya/tarif.' },
    { name: 'produk', description: 'Produk pelayanan.' },
    { name: 'pengaduan', description: 'Penanganan pengaduan, saran dan masukan: salurannya, dipisah titik koma.' },
    { name: 'jam_layanan', description: 'Jam layanan, waktu setempat (hari jam buka–jam tutup), dipisah titik koma.' },
    { name: 'keterangan_jam', description: 'Keterangan jam layanan.' },
    { name: 'lokasi', description: 'Tempat layanan.' },
    { name: 'alamat', description: 'Alamat tempat layanan.' },
    { name: 'maklumat_pelayanan', description: 'Maklumat pelayanan perangkat daerah.' },
    { name: 'versi', description: 'Nomor versi standar yang berlaku.' },
    { name: 'berlaku_sejak', description: 'Tanggal standar ini mulai berlaku, YYYY-MM-DD.' },
    { name: 'data_contoh', description: 'ya untuk data contoh (demo), bukan data sebenarnya.' },
    { name: 'halaman', description: 'Alamat standar layanan ini di API publik.' },
  ],
  publishedBy: hasPublishedService,
  async rows(db, context) {
    const rows = await inForce(db, context);
    const pledge = (await pledgesOf(servicesDb(db), [context.opd.slug])).get(context.opd.slug) ?? null;
    return rows.map((row) => {
      const service = toService(row, pledge);
      return {
        kode_layanan: service.slug,
        nama_layanan: service.name,
        perangkat_daerah: service.opd.name,
        kategori: service.category,
        ringkasan: service.summary,
        daring: service.online,
        luring: service.offline,
        tautan_daring: service.onlineUrl,
        persyaratan: service.requirements.join('; '),
        prosedur: service.procedure.join('; '),
        jangka_waktu: service.duration.text,
        jangka_waktu_hari_kerja: service.duration.workingDays,
        gratis: service.cost.free,
        biaya_rupiah: service.cost.free ? 0 : service.cost.amount,
        keterangan_biaya: service.cost.note,
        dasar_hukum_biaya: service.cost.legalBasis,
        produk: service.product,
        pengaduan: service.complaints.join('; '),
        jam_layanan: hoursText(service.hours),
        keterangan_jam: service.hoursNote,
        lokasi: service.location.name,
        alamat: service.location.address,
        maklumat_pelayanan: service.pledge?.text ?? null,
        versi: service.version.number,
        berlaku_sejak: service.version.effectiveOn,
        data_contoh: service.isDemo,
        halaman: `${context.origin}/api/v1/opds/${service.opd.slug}/services/${service.slug}`,
      };
    });
  },
  modified: standardsChanged,
};

/** The years the OPD's services have survey responses in, oldest first. */
async function surveyYears(db: Kysely<Database>, opd: string): Promise<number[]> {
  const rows = await servicesDb(db)
    .selectFrom('survey_responses as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .select(sql<number>`extract(year from r.answered_on)::int`.as('year'))
    .where('s.opd_slug', '=', opd)
    .groupBy(sql`extract(year from r.answered_on)`)
    .orderBy(sql`extract(year from r.answered_on)`)
    .execute();
  return rows.map((row) => Number(row.year));
}

/** The OPD's satisfaction index per service and year. */
export const satisfactionIndexDataset: OpenDataset = {
  id: 'satisfaction-index',
  title: 'Indeks kepuasan masyarakat (IKM) per layanan',
  description:
    'Indeks kepuasan masyarakat setiap layanan yang berlaku per tahun, dari survei kepuasan masyarakat (SKM, PermenPAN-RB 14/2017: sembilan unsur bernilai 1–4) dengan model survei yang berlaku di akhir tahun itu: banyak responden, nilai rata-rata tertimbang, IKM (rata-rata × 25, dua desimal), mutu (A–D) dan kategorinya, juga IKM per semester. Satu baris per layanan dan tahun yang memiliki responden. Tanpa saran responden dan tanpa data pribadi.',
  keywords: ['indeks kepuasan masyarakat', 'IKM', 'survei kepuasan masyarakat', 'SKM', 'pelayanan publik'],
  columns: [
    { name: 'tahun', description: 'Tahun survei.' },
    { name: 'kode_layanan', description: 'Kode layanan (kolom kode_layanan pada set data standar pelayanan).' },
    { name: 'nama_layanan', description: 'Nama layanan.' },
    { name: 'model_survei', description: 'Model survei yang dipakai menghitung (yang berlaku di akhir tahun).' },
    { name: 'responden', description: 'Banyak responden dalam tahun itu.' },
    { name: 'nilai_rata_rata', description: 'Rata-rata tertimbang nilai unsur, skala 1–4, empat desimal.' },
    { name: 'ikm', description: 'Indeks kepuasan masyarakat: nilai_rata_rata × 25, skala 25–100, dua desimal.' },
    { name: 'mutu', description: 'Mutu pelayanan: A, B, C, atau D.' },
    { name: 'kategori', description: 'Kinerja unit pelayanan: sangat baik, baik, kurang baik, tidak baik.' },
    { name: 'ikm_semester_1', description: 'IKM Januari–Juni, dua desimal (kosong tanpa responden).' },
    { name: 'ikm_semester_2', description: 'IKM Juli–Desember, dua desimal (kosong tanpa responden).' },
  ],
  publishedBy: hasPublishedService,
  async rows(db, context) {
    const services = servicesDb(db);
    const inForceNow = (await inForce(db, context)).map((row) => ({ id: row.service_id, slug: row.slug, name: row.name }));
    const rows = [];
    for (const year of await surveyYears(db, context.opd.slug)) {
      const model = await modelOn(services, `${year}-12-31`);
      if (!model) continue;
      const report = await satisfactionOf(services, { slug: context.opd.slug, name: context.opd.name }, year, model, inForceNow);
      for (const service of report.services.filter((candidate) => candidate.respondents > 0)) {
        rows.push({
          tahun: year,
          kode_layanan: service.slug,
          nama_layanan: service.name,
          model_survei: report.model.name,
          responden: service.respondents,
          nilai_rata_rata: service.mean,
          ikm: service.ikm,
          mutu: service.grade,
          kategori: service.category,
          ikm_semester_1: service.semesters.find((semester) => semester.period === 1)?.ikm ?? null,
          ikm_semester_2: service.semesters.find((semester) => semester.period === 2)?.ikm ?? null,
        });
      }
    }
    return rows;
  },
  async modified(db, context) {
    // The day of the latest response (responses carry their day only), or a service's name changing.
    const row = await servicesDb(db)
      .selectFrom('survey_responses as r')
      .innerJoin('services as s', 's.id', 'r.service_id')
      .select(sql<string | null>`to_char(max(r.answered_on), 'YYYY-MM-DD')`.as('day'))
      .where('s.opd_slug', '=', context.opd.slug)
      .executeTakeFirst();
    const answered = row?.day ? startOfDayIn(row.day, context.timeZone) : null;
    const standards = await standardsChanged(db, context);
    if (!answered) return standards;
    return standards && standards > answered ? standards : answered;
  },
};
