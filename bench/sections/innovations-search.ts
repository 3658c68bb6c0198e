/**
 * The innovation catalogue's search with 10,000 innovations (issue 18): the server's answer
 * time for real Indonesian queries — whole words, prefixes, typos, two words, filters, a second
 * page, no words — over HTTP on PGlite and on PostgreSQL, p50 and p95 per query and over all.
 *
 * The 10,000 are synthetic, verified, spread over the 40 demo OPDs, their names and texts drawn
 * from a vocabulary of regional-innovation words (so "perbaikan", "baik", "posyandu" each match
 * hundreds), inserted in one statement per 1,000 rows after the demo seed; the search trigger
 * fills their search columns as it does for any write.
 *
 * One of `npm run bench`'s sections, alone with `BENCH_ONLY=innovations-search npm run bench`
 * (or `node --import tsx bench/sections/innovations-search.ts`, which only prints the table; a
 * few minutes on 2 cores); `BENCH_SEARCH_ROUNDS` (default 30) requests per query and store,
 * after 3 untimed.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import { seededRandom } from '../../server/src/random.js';
import { startTestServer } from '../../test/helpers/server.js';
import { median, ms, table } from '../lib/report.js';
import type { Figure } from '../lib/results.js';

/** How many innovations the catalogue holds. */
export const INNOVATIONS = 10_000;

const rounds = Math.max(1, Math.round(Number(process.env.BENCH_SEARCH_ROUNDS) || 30));

/** The queries timed: what a citizen types. */
export const QUERIES: ReadonlyArray<readonly [string, string]> = [
  ['word', 'q=perbaikan'],
  ['short word', 'q=baik'],
  ['prefix', 'q=pendidik'],
  ['typo', 'q=posyndu'],
  ['two words', 'q=layanan%20desa'],
  ['word + filters', 'q=sampah&type=lainnya&digital=false'],
  ['no words, filter', 'stage=penerapan'],
  ['no words', ''],
];

const WORDS = {
  lead: ['Perbaikan', 'Pelayanan', 'Layanan', 'Sistem', 'Gerakan', 'Kampung', 'Program', 'Aplikasi', 'Klinik', 'Pojok', 'Sekolah', 'Posyandu', 'Bank', 'Rumah', 'Gerai'],
  topic: ['Jalan Desa', 'Kesehatan Ibu', 'Pendidikan Anak', 'Sampah Pasar', 'Pajak Daerah', 'Administrasi Kependudukan', 'Air Bersih', 'Pertanian Organik', 'UMKM', 'Literasi', 'Perizinan', 'Bencana', 'Gizi Balita', 'Kopi Rakyat', 'Pengaduan'],
  tail: ['Digital', 'Keliling', 'Terpadu', 'Cepat', 'Ramah', 'Tanpa Antre', 'Berbasis Desa', 'Daring', 'Mandiri', 'Baik'],
  problem: ['Warga menunggu lama untuk', 'Data tidak lengkap sehingga', 'Desa terpencil sulit menjangkau', 'Biaya perjalanan tinggi untuk', 'Pelayanan yang baik belum merata untuk', 'Laporan kerusakan tidak ditindaklanjuti untuk'],
  solution: ['petugas datang ke desa sesuai jadwal', 'pendaftaran daring dengan nomor antrean', 'kader desa dilatih mencatat di aplikasi', 'pos layanan terpadu di kecamatan', 'perbaikan dilakukan regu reaksi cepat', 'sosialisasi bersama tokoh masyarakat'],
};

/** p-th percentile (0–100) of `values`, nearest rank. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Adds the synthetic innovations (verified, year 2025) in batches. */
export async function fill(db: Kysely<Record<string, Record<string, unknown>>>): Promise<void> {
  const random = seededRandom(18);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const opds = (await db.selectFrom('opds').select('slug').execute()).map((o) => String(o.slug));
  const types = ['pelayanan-publik', 'tata-kelola', 'lainnya'];
  const stages = ['inisiatif', 'uji-coba', 'penerapan'];
  const now = new Date();
  for (let batch = 0; batch < INNOVATIONS / 1000; batch++) {
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const topic = pick(WORDS.topic);
      return {
        opd_slug: pick(opds),
        year: 2025,
        name: `${pick(WORDS.lead)} ${topic} ${pick(WORDS.tail)} ${batch * 1000 + i + 1}`,
        problem: `${pick(WORDS.problem)} ${topic.toLowerCase()} di Kabupaten Lahat (sintetis).`,
        solution: `Inovasi: ${pick(WORDS.solution)}, ${pick(WORDS.solution)}.`,
        type: pick(types),
        digital: random() < 0.5,
        stage: pick(stages),
        status: 'verified',
        initiative_on: '2024-02-01',
        verified_at: now,
        synthetic: true,
        created_at: now,
        updated_at: now,
      };
    });
    await db.insertInto('innovations').values(rows).execute();
  }
}

/** Measures one store. */
async function measureStore(store: 'pglite' | 'postgres'): Promise<Map<string, number[]>> {
  const server = await startTestServer({ store });
  try {
    const db = server.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const filling = performance.now();
    await fill(db);
    console.error(`innovations-search: ${store}: ${INNOVATIONS} innovations in ${Math.round(performance.now() - filling)} ms`);
    const second = (await (await fetch(`${server.url}/api/v1/innovations?q=layanan&limit=20`)).json()) as { nextCursor: string | null };
    const queries = [...QUERIES, ['second page', `q=layanan&cursor=${encodeURIComponent(second.nextCursor ?? '')}`] as const];
    const times = new Map<string, number[]>(queries.map(([label]) => [label, []]));
    for (let round = -3; round < rounds; round++) {
      for (const [label, query] of queries) {
        const started = performance.now();
        const response = await fetch(`${server.url}/api/v1/innovations?limit=20${query ? `&${query}` : ''}`);
        const body = (await response.json()) as { total?: number };
        const took = performance.now() - started;
        if (response.status !== 200) throw new Error(`${store} ${label}: ${response.status} ${JSON.stringify(body)}`);
        if (round >= 0) times.get(label)!.push(took);
        if (round === 0) console.error(`innovations-search: ${store} ${label}: ${body.total} matches`);
      }
    }
    return times;
  } finally {
    await server.close();
  }
}

/** The section: figures per store (p50/p95 over every query) and a table per query. */
export async function innovationsSearchSection(): Promise<{ markdown: string; figures: Figure[]; details: Record<string, unknown> }> {
  const figures: Figure[] = [];
  const rows: string[][] = [];
  const details: Record<string, unknown> = {};
  for (const store of ['pglite', 'postgres'] as const) {
    const times = await measureStore(store);
    const all = [...times.values()].flat();
    figures.push(
      { id: `innovations-search.${store}.p50`, label: `search p50 over ${INNOVATIONS} innovations, ${store}`, value: Math.round(median(all) * 10) / 10, unit: 'ms' },
      { id: `innovations-search.${store}.p95`, label: `search p95 over ${INNOVATIONS} innovations, ${store}`, value: Math.round(percentile(all, 95) * 10) / 10, unit: 'ms' },
    );
    for (const [label, values] of times) rows.push([store, label, ms(median(values)), ms(percentile(values, 95))]);
    details[store] = Object.fromEntries([...times].map(([label, values]) => [label, { p50: median(values), p95: percentile(values, 95), n: values.length }]));
  }
  const markdown = [
    '## Innovation search (10,000 innovations)',
    '',
    `Server answer time over HTTP (client on the same machine), ${rounds} requests per query and store, pages of 20.`,
    '',
    table(['store', 'query', 'p50', 'p95'], rows),
    '',
    table(['figure', 'value'], figures.map((f) => [f.label, ms(f.value)])),
  ].join('\n');
  return { markdown, figures, details };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { markdown } = await innovationsSearchSection();
  console.log(markdown);
}
