/**
 * The satisfaction survey (SKM) as data: the model of PermenPAN-RB 14/2017 (nine elements,
 * scored 1–4, equal weights; the index is the weighted mean × 25 and its categories A–D), the
 * one-use tokens the counter hands out (stored as SHA-256 hashes, bound to a service, with an
 * expiry; after use only `used` is kept), and the responses with their scores. A response
 * keeps the service, the model and the day — no time of day, no address, no token.
 *
 * A later model is another row and its elements, effective from its day: no code changes.
 * The 2004 table of 14 elements (KepMenPAN 25/2004) still circulates; it is not this one.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** The model's id. */
export const SKM_2017 = 'permenpanrb-14-2017';

/** The categories of the converted index (25–100): the regulation's ranges, both ends included, compared with the index rounded to two decimals. */
export const SKM_2017_CATEGORIES = [
  { grade: 'A', name: 'Sangat baik', min: 88.31, max: 100 },
  { grade: 'B', name: 'Baik', min: 76.61, max: 88.3 },
  { grade: 'C', name: 'Kurang baik', min: 65, max: 76.6 },
  { grade: 'D', name: 'Tidak baik', min: 25, max: 64.99 },
];

/** `[id, name, question, answers]` of the nine elements, in the regulation's order. */
export const SKM_2017_ELEMENTS: ReadonlyArray<readonly [string, string, string, readonly [string, string, string, string]]> = [
  ['persyaratan', 'Persyaratan', 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?', ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai']],
  ['prosedur', 'Sistem, mekanisme dan prosedur', 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?', ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah']],
  ['waktu', 'Waktu penyelesaian', 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?', ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat']],
  ['biaya', 'Biaya/tarif', 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?', ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']],
  ['produk', 'Produk spesifikasi jenis pelayanan', 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?', ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai']],
  ['kompetensi', 'Kompetensi pelaksana', 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?', ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten']],
  ['perilaku', 'Perilaku pelaksana', 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?', ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah']],
  ['pengaduan', 'Penanganan pengaduan, saran dan masukan', 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?', ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik']],
  ['sarana', 'Sarana dan prasarana', 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?', ['Buruk', 'Cukup', 'Baik', 'Sangat baik']],
];

/** Creates the survey tables and adds the 2017 model. */
export const satisfactionSurveyTables: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('survey_models')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('effective_on', 'date', (c) => c.notNull())
      .addColumn('scale', 'jsonb', (c) => c.notNull())
      .addColumn('conversion', 'numeric', (c) => c.notNull())
      .addColumn('categories', 'jsonb', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('survey_elements')
      .addColumn('model_id', 'text', (c) => c.notNull().references('survey_models.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('answers', 'jsonb', (c) => c.notNull())
      .addColumn('weight', 'numeric', (c) => c.notNull().check(sql`weight > 0`))
      .addPrimaryKeyConstraint('survey_elements_pkey', ['model_id', 'id'])
      .execute();

    await db.schema
      .createTable('survey_tokens')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('used', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('survey_responses')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
      .addColumn('model_id', 'text', (c) => c.notNull().references('survey_models.id'))
      .addColumn('answered_on', 'date', (c) => c.notNull())
      .addColumn('suggestion', 'text')
      .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
      .execute();
    await db.schema.createIndex('survey_responses_service_idx').on('survey_responses').columns(['service_id', 'answered_on']).execute();
    await db.schema
      .createTable('survey_scores')
      .addColumn('response_id', 'integer', (c) => c.notNull().references('survey_responses.id').onDelete('cascade'))
      .addColumn('element_id', 'text', (c) => c.notNull())
      .addColumn('score', 'smallint', (c) => c.notNull().check(sql`score between 1 and 4`))
      .addPrimaryKeyConstraint('survey_scores_pkey', ['response_id', 'element_id'])
      .execute();

    const scale = [1, 2, 3, 4].map((value) => ({ value, label: ['Tidak baik', 'Kurang baik', 'Baik', 'Sangat baik'][value - 1] }));
    await sql`insert into survey_models (id, name, source, effective_on, scale, conversion, categories) values (
      ${SKM_2017}, 'Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017)',
      'Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik: 9 unsur, skala 1–4, nilai penimbang sama (1/9), IKM = rata-rata tertimbang × 25',
      '2017-01-01', ${JSON.stringify(scale)}::jsonb, 25, ${JSON.stringify(SKM_2017_CATEGORIES)}::jsonb)`.execute(db);
    let number = 0;
    for (const [id, name, question, answers] of SKM_2017_ELEMENTS) {
      await sql`insert into survey_elements (model_id, id, number, name, question, answers, weight)
        values (${SKM_2017}, ${id}, ${++number}, ${name}, ${question}, ${JSON.stringify(answers)}::jsonb, 1)`.execute(db);
    }
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('survey_scores').execute();
    await db.schema.dropTable('survey_responses').execute();
    await db.schema.dropTable('survey_tokens').execute();
    await db.schema.dropTable('survey_elements').execute();
    await db.schema.dropTable('survey_models').execute();
  },
};
