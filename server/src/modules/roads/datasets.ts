/**
 * Perjaka's open data (`opendata/contract.ts`): the regency road network with the condition of
 * every survey, one row per segment and survey year (a segment not surveyed yet has one row
 * with its condition empty), from the same views as `GET /api/v1/opds/{opd}/roads/segments`.
 *
 * @module
 */
import { sql } from 'kysely';
import { latestAt, type DatasetCell, type OpenDataset } from '../../opendata/contract.js';
import { roadsDb } from './tables.js';
import { segmentPage, surveysOfOpd } from './queries.js';
import { conditionOf, toSegment, type SurveyFacts } from './views.js';

/** Road segments and their condition, per survey year. */
export const roadConditionDataset: OpenDataset = {
  id: 'road-conditions',
  title: 'Ruas jalan kabupaten dan kondisinya per tahun survei',
  description:
    'Setiap ruas jalan kabupaten menurut SK penetapan ruas (nomor, nama, kecamatan yang dilalui, panjang, permukaan, lebar) dengan kondisinya pada setiap survei: km baik, sedang, rusak ringan dan rusak berat, kemantapan ((baik + sedang) / panjang yang disurvei) dan kondisi yang paling panjang. Satu baris per ruas dan tahun survei; ruas yang belum disurvei satu baris tanpa kondisi.',
  keywords: ['jalan', 'kondisi jalan', 'kemantapan jalan', 'infrastruktur', 'Perjaka'],
  columns: [
    { name: 'nomor_ruas', description: 'Nomor ruas menurut SK penetapan ruas jalan kabupaten.' },
    { name: 'nama_ruas', description: 'Nama ruas (pangkal – ujung).' },
    { name: 'kecamatan', description: 'Kecamatan yang dilalui, dipisah titik koma.' },
    { name: 'panjang_km', description: 'Panjang ruas menurut SK, km.' },
    { name: 'permukaan', description: 'Jenis permukaan: aspal, beton, kerikil, tanah.' },
    { name: 'lebar_m', description: 'Lebar jalan, meter (kosong bila tidak tercatat).' },
    { name: 'tahun_survei', description: 'Tahun survei kondisi (kosong: belum disurvei).' },
    { name: 'baik_km', description: 'Panjang dalam kondisi baik, km.' },
    { name: 'sedang_km', description: 'Panjang dalam kondisi sedang, km.' },
    { name: 'rusak_ringan_km', description: 'Panjang dalam kondisi rusak ringan, km.' },
    { name: 'rusak_berat_km', description: 'Panjang dalam kondisi rusak berat, km.' },
    { name: 'kemantapan_persen', description: '(Baik + sedang) / panjang yang disurvei, persen dengan dua desimal.' },
    { name: 'kondisi_dominan', description: 'Kondisi dengan km terpanjang: baik, sedang, rusakRingan, rusakBerat.' },
  ],
  async rows(db, { opd }) {
    const roads = roadsDb(db);
    const [segments, surveys] = await Promise.all([segmentPage(roads, opd.slug, {}), surveysOfOpd(roads, opd.slug)]);
    const bySegment = new Map<number, SurveyFacts[]>();
    for (const survey of surveys) bySegment.set(survey.segment_id, [...(bySegment.get(survey.segment_id) ?? []), survey]);
    return segments.flatMap((row): Record<string, DatasetCell>[] => {
      const segment = toSegment(row, undefined);
      const base = {
        nomor_ruas: segment.number,
        nama_ruas: segment.name,
        kecamatan: segment.kecamatan.join('; '),
        panjang_km: segment.lengthKm,
        permukaan: segment.surface,
        lebar_m: segment.widthM,
      };
      const years = [...(bySegment.get(row.id) ?? [])].sort((a, b) => a.year - b.year);
      if (years.length === 0) {
        return [{ ...base, tahun_survei: null, baik_km: null, sedang_km: null, rusak_ringan_km: null, rusak_berat_km: null, kemantapan_persen: null, kondisi_dominan: null }];
      }
      return years.map((survey) => {
        const condition = conditionOf(survey);
        return {
          ...base,
          tahun_survei: condition.year,
          baik_km: condition.km.baik,
          sedang_km: condition.km.sedang,
          rusak_ringan_km: condition.km.rusakRingan,
          rusak_berat_km: condition.km.rusakBerat,
          kemantapan_persen: condition.kemantapan,
          kondisi_dominan: condition.dominant,
        };
      });
    });
  },
  async modified(db, { opd }) {
    return latestAt(db, sql<{ at: Date | null }>`
      select greatest(
        (select max(updated_at) from road_segments where opd_slug = ${opd.slug}),
        (select max(s.updated_at) from road_surveys s join road_segments r on r.id = s.segment_id where r.opd_slug = ${opd.slug})
      ) as at`);
  },
};
