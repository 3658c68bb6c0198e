/**
 * Perjaka's DEMO DATA for Kabupaten Lahat — SYNTHETIC, not the real network. What is real:
 * the regency roads set by the regent's decree total 1,339.15 km, their kemantapan was
 * 78.35 % in 2022 and the target for 2023 is 83 % (Kepala Dinas PU PR Lahat Mirza Azhari at the
 * launch of Perjaka, *pengawasan pemeliharaan ruas jalan kabupaten melalui digital board*,
 * Lahat, 10 October 2023), and the 24 kecamatan names. Everything else is made up by a seeded
 * generator (no `Math.random`, the same data on every run): 214 segments totalling exactly
 * 1,339.15 km inside Lahat's area (lat −4.4…−3.4, lon 102.9…103.9), their geometry, a 2022
 * survey summing to 78.35 %, a 2021 survey (invented, for the trend), and works by made-up
 * contractors. The network row says so (`synthetic`, `note`), as does each survey's note.
 *
 * Seeded for the demo Dinas PUPR (`dinas-pupr`) when it has no network yet; idempotent.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { SeedContext } from '../../http/module.js';
import type { Bounds } from './geometry.js';
import type { ClassMetres } from './measure.js';
import type { RoadGeometry, RoadSurface, WorkKind, WorkStatus } from '../../../../src/schemas/roads.js';
import { roadsDb } from './tables.js';
import { seededRandom } from '../../random.js';

/** The demo OPD that runs Perjaka. */
export const DEMO_ROADS_OPD = 'dinas-pupr';

/** The network's length by decree, in metres: 1,339.15 km. */
export const DEMO_NETWORK_METRES = 1_339_150;

/** How many segments the demo network has. */
export const DEMO_SEGMENT_COUNT = 214;

/** Steady metres of the 2022 survey: 78.35 % of 1,339,150 m is 1,049,224.025 m; 1,049,224 m rounds to 78.35 %. */
export const DEMO_2022_STEADY_METRES = 1_049_224;

/** Steady metres of the invented 2021 survey (75.92 %), only so the trend has a second year. */
export const DEMO_2021_STEADY_METRES = 1_016_683;

/** The demo targets, in hundredths of a percent: 83 % for 2023. */
export const DEMO_TARGETS: ReadonlyArray<{ year: number; hundredths: number }> = [{ year: 2023, hundredths: 8300 }];

/** Lahat's area as the demo uses it: `[west, south, east, north]`. */
export const LAHAT_BOUNDS: Bounds = [102.9, -4.4, 103.9, -3.4];

/** The note on the demo network, shown with the summary. */
export const DEMO_NETWORK_NOTE =
  'Data sintetis untuk demo. Nyata: panjang jalan kabupaten ber-SK 1.339,15 km, kemantapan 78,35 % (2022) dan target 83 % (2023), dari peluncuran Perjaka oleh Dinas PU PR Lahat, 10 Oktober 2023, serta nama 24 kecamatan. Ruas, nomor, geometri, survei per ruas, survei 2021 dan penanganan dibuat-buat.';

/**
 * The 24 kecamatan of Kabupaten Lahat with a made-up centre each (lat, lon) inside the regency's
 * box, placed roughly where they lie (Kikim to the north-east, Tanjung Sakti to the south-west).
 */
export const LAHAT_KECAMATAN: ReadonlyArray<{ name: string; lat: number; lon: number; weight: number }> = [
  { name: 'Lahat', lat: -3.79, lon: 103.54, weight: 3 },
  { name: 'Lahat Selatan', lat: -3.84, lon: 103.53, weight: 2 },
  { name: 'Pulau Pinang', lat: -3.87, lon: 103.46, weight: 2 },
  { name: 'Gumay Talang', lat: -3.76, lon: 103.4, weight: 2 },
  { name: 'Gumay Ulu', lat: -3.88, lon: 103.34, weight: 1 },
  { name: 'Pseksu', lat: -3.67, lon: 103.5, weight: 2 },
  { name: 'Merapi Barat', lat: -3.72, lon: 103.62, weight: 2 },
  { name: 'Merapi Timur', lat: -3.69, lon: 103.72, weight: 2 },
  { name: 'Merapi Selatan', lat: -3.8, lon: 103.67, weight: 2 },
  { name: 'Kikim Barat', lat: -3.6, lon: 103.6, weight: 2 },
  { name: 'Kikim Tengah', lat: -3.55, lon: 103.7, weight: 2 },
  { name: 'Kikim Timur', lat: -3.5, lon: 103.8, weight: 3 },
  { name: 'Kikim Selatan', lat: -3.64, lon: 103.8, weight: 2 },
  { name: 'Sukamerindu', lat: -3.93, lon: 103.44, weight: 1 },
  { name: 'Pagar Gunung', lat: -3.97, lon: 103.31, weight: 2 },
  { name: 'Kota Agung', lat: -4.02, lon: 103.4, weight: 2 },
  { name: 'Mulak Ulu', lat: -4.05, lon: 103.52, weight: 2 },
  { name: 'Mulak Sebingkai', lat: -4.0, lon: 103.58, weight: 1 },
  { name: 'Tanjung Tebat', lat: -3.96, lon: 103.56, weight: 2 },
  { name: 'Jarai', lat: -4.05, lon: 103.22, weight: 2 },
  { name: 'Pajar Bulan', lat: -4.12, lon: 103.17, weight: 2 },
  { name: 'Muara Payang', lat: -4.14, lon: 103.26, weight: 1 },
  { name: 'Tanjung Sakti Pumi', lat: -4.24, lon: 103.08, weight: 2 },
  { name: 'Tanjung Sakti Pumu', lat: -4.26, lon: 103.16, weight: 2 },
];

/** A demo segment as generated. */
export interface DemoSegment {
  number: string;
  name: string;
  kecamatan: string[];
  lengthM: number;
  surface: RoadSurface;
  widthCm: number;
  geometry: RoadGeometry;
  surveys: Array<{ year: number; metres: ClassMetres; note: string }>;
}

/** A demo works entry. */
export interface DemoWork {
  number: string;
  year: number;
  kind: WorkKind;
  status: WorkStatus;
  description: string;
  budgetRupiah: number;
  contractor: string;
  startOn: string;
  endOn: string;
  lengthM: number;
}

const ROAD_KINDS = ['Poros', 'Lingkar', 'Akses Desa', 'Penghubung', 'Simpang', 'Lintas'];
const CONTRACTORS = ['CV Contoh Karya (demo)', 'CV Sampel Mandiri (demo)', 'PT Fiktif Konstruksi (demo)', 'CV Uji Coba Jaya (demo)', 'PT Rekaan Beton (demo)'];
const MARGIN = 0.02;

/** Splits `total` into `parts` shares of whole `step`s, each at least `min`, in proportion to `weights`. */
function apportion(total: number, weights: readonly number[], step: number, min: number): number[] {
  const units = total / step;
  const minUnits = min / step;
  const free = units - minUnits * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => minUnits + Math.floor((free * w) / sum));
  let rest = units - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % shares.length, rest--) shares[i]! += 1;
  return shares.map((n) => n * step);
}

/** Moves the steady metres of `steady` (one per segment, each within 0…length) until they sum to `target`. */
function adjustTo(steady: number[], lengths: readonly number[], target: number, random: () => number): void {
  let gap = target - steady.reduce((a, b) => a + b, 0);
  // A Fisher–Yates shuffle, so which segments give or take does not follow their order.
  const order = steady.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  while (gap !== 0) {
    for (const i of order) {
      if (gap === 0) break;
      const room = gap > 0 ? lengths[i]! - steady[i]! : steady[i]!;
      const move = Math.min(Math.abs(gap), room, Math.max(10, Math.round(lengths[i]! * 0.15)));
      steady[i]! += gap > 0 ? move : -move;
      gap += gap > 0 ? -move : move;
    }
  }
}

/** One year's classes for every segment, with the steady total exactly `steadyTotal`. */
function surveyYear(lengths: readonly number[], steadyTotal: number, random: () => number): ClassMetres[] {
  const steady = lengths.map((length) => {
    const draw = random();
    const share = draw < 0.55 ? 0.85 + random() * 0.15 : draw < 0.85 ? 0.5 + random() * 0.35 : random() * 0.5;
    return Math.round(length * share);
  });
  adjustTo(steady, lengths, steadyTotal, random);
  return lengths.map((length, i) => {
    const s = steady[i]!;
    const baik = Math.round(s * (0.45 + random() * 0.4));
    const unsteady = length - s;
    const rusakRingan = Math.round(unsteady * (0.4 + random() * 0.4));
    return { baik, sedang: s - baik, rusakRingan, rusakBerat: unsteady - rusakRingan };
  });
}

/** A made-up line of about `lengthM` metres from `start` toward `heading` (radians from north), kept inside Lahat's box. */
function walk(start: { lat: number; lon: number }, heading: number, lengthM: number, random: () => number): RoadGeometry {
  const [west, south, east, north] = LAHAT_BOUNDS;
  const vertices = Math.max(2, Math.min(40, Math.round(lengthM / 400) + 1));
  const step = lengthM / (vertices - 1);
  let { lat, lon } = start;
  let h = heading;
  const coordinates: Array<[number, number]> = [[round6(lon), round6(lat)]];
  for (let i = 1; i < vertices; i++) {
    h += (random() - 0.5) * 0.6;
    let nextLat = lat + (step * Math.cos(h)) / 111_320;
    let nextLon = lon + (step * Math.sin(h)) / (111_320 * Math.cos((lat * Math.PI) / 180));
    if (nextLat < south + MARGIN || nextLat > north - MARGIN || nextLon < west + MARGIN || nextLon > east - MARGIN) {
      h += Math.PI;
      nextLat = lat + (step * Math.cos(h)) / 111_320;
      nextLon = lon + (step * Math.sin(h)) / (111_320 * Math.cos((lat * Math.PI) / 180));
    }
    lat = nextLat;
    lon = nextLon;
    coordinates.push([round6(lon), round6(lat)]);
  }
  return { type: 'LineString', coordinates };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The demo network, the same on every call: segments with geometry and two surveys, and works. */
export function demoNetwork(): { segments: DemoSegment[]; works: DemoWork[] } {
  const random = seededRandom(20231010);
  // Which kecamatan each segment starts in, by weight; one in six runs on into a neighbour.
  const pool = LAHAT_KECAMATAN.flatMap((k, index) => Array.from({ length: k.weight }, () => index));
  const homes = Array.from({ length: DEMO_SEGMENT_COUNT }, (_, i) => (i < LAHAT_KECAMATAN.length ? i : pool[Math.floor(random() * pool.length)]!));
  homes.sort((a, b) => a - b);
  const weights = homes.map(() => 0.3 + random() ** 1.6 * 3);
  // Lengths in whole decametres (the decree gives km to two decimals), at least 0.8 km each.
  const lengths = apportion(DEMO_NETWORK_METRES, weights, 10, 800);
  const years = [
    { year: 2021, steady: DEMO_2021_STEADY_METRES, note: 'Survei sintetis (demo), bukan data resmi' },
    { year: 2022, steady: DEMO_2022_STEADY_METRES, note: 'Survei sintetis (demo); jumlahnya mengikuti kemantapan resmi 2022 (78,35 %)' },
  ];
  const classes = years.map((y) => surveyYear(lengths, y.steady, random));
  const counters = new Map<number, number>();
  const segments = homes.map((home, i): DemoSegment => {
    const kecamatan = LAHAT_KECAMATAN[home]!;
    const nth = (counters.get(home) ?? 0) + 1;
    counters.set(home, nth);
    const crosses = random() < 1 / 6;
    const neighbour = crosses
      ? LAHAT_KECAMATAN.map((k, index) => ({ index, d: (k.lat - kecamatan.lat) ** 2 + (k.lon - kecamatan.lon) ** 2 }))
          .filter((k) => k.index !== home)
          .sort((a, b) => a.d - b.d)[Math.floor(random() * 2)]!.index
      : undefined;
    const to = neighbour === undefined ? undefined : LAHAT_KECAMATAN[neighbour]!;
    const start = { lat: kecamatan.lat + (random() - 0.5) * 0.06, lon: kecamatan.lon + (random() - 0.5) * 0.06 };
    const heading = to ? Math.atan2(to.lon - start.lon, to.lat - start.lat) : random() * 2 * Math.PI;
    const lengthM = lengths[i]!;
    const surfaceDraw = random();
    const surface: RoadSurface = surfaceDraw < 0.7 ? 'aspal' : surfaceDraw < 0.8 ? 'beton' : surfaceDraw < 0.93 ? 'kerikil' : 'tanah';
    return {
      number: String(i + 1).padStart(3, '0'),
      name: to ? `Jl. Penghubung ${kecamatan.name} – ${to.name}` : `Jl. ${ROAD_KINDS[Math.floor(random() * ROAD_KINDS.length)]} ${kecamatan.name} ${nth}`,
      kecamatan: to ? [kecamatan.name, to.name] : [kecamatan.name],
      lengthM,
      surface,
      widthCm: [300, 350, 400, 450, 500, 600][Math.floor(random() * 6)]!,
      geometry: walk(start, heading, lengthM, random),
      surveys: years.map((y, index) => ({ year: y.year, metres: classes[index]![i]!, note: y.note })),
    };
  });
  // Works on the worst segments of 2022: done in 2022, ongoing and planned in 2023.
  const worst = segments
    .map((s, i) => ({ s, bad: classes[1]![i]!.rusakBerat + classes[1]![i]!.rusakRingan }))
    .sort((a, b) => b.bad - a.bad || a.s.number.localeCompare(b.s.number))
    .slice(0, 24);
  const works = worst.map(({ s }, index): DemoWork => {
    const year = index < 8 ? 2022 : 2023;
    const status: WorkStatus = index < 8 ? 'done' : index < 16 ? 'ongoing' : 'planned';
    const kind: WorkKind = (['rehabilitasi', 'berkala', 'rekonstruksi', 'rutin'] as const)[index % 4]!;
    const lengthM = Math.min(s.lengthM, Math.round((0.3 + random() * 0.5) * s.lengthM / 10) * 10 || 10);
    const perKm = { rutin: 60_000_000, berkala: 450_000_000, rehabilitasi: 1_200_000_000, rekonstruksi: 2_500_000_000 }[kind];
    const month = 3 + (index % 6);
    return {
      number: s.number,
      year,
      kind,
      status,
      description: `Penanganan ${kind} ${s.name} sepanjang ${(lengthM / 1000).toFixed(2).replace('.', ',')} km (demo)`,
      budgetRupiah: Math.round((perKm * lengthM) / 1000 / 1_000_000) * 1_000_000,
      contractor: CONTRACTORS[index % CONTRACTORS.length]!,
      startOn: `${year}-${String(month).padStart(2, '0')}-01`,
      endOn: `${year}-${String(month + 4).padStart(2, '0')}-30`,
      lengthM,
    };
  });
  return { segments, works };
}

/** Adds the demo network to the demo Dinas PUPR when it has none yet. */
export async function seedRoads(base: Kysely<Database>, { now }: SeedContext): Promise<Record<string, number>> {
  const db = roadsDb(base);
  const counts = { 'road segments': 0, 'road surveys': 0, 'road works': 0 };
  const opd = await db.selectFrom('opds').select('slug').where('slug', '=', DEMO_ROADS_OPD).where('is_demo', '=', true).executeTakeFirst();
  if (!opd) return counts;
  const has = await db.selectFrom('road_networks').select('opd_slug').where('opd_slug', '=', DEMO_ROADS_OPD).executeTakeFirst();
  if (has) return counts;

  const { segments, works } = demoNetwork();
  await db
    .insertInto('road_networks')
    .values({
      opd_slug: DEMO_ROADS_OPD,
      decree: 'Keputusan Bupati Lahat tentang penetapan ruas jalan kabupaten (demo: nomor dan isi sintetis)',
      note: DEMO_NETWORK_NOTE,
      synthetic: true,
      bounds: JSON.stringify(LAHAT_BOUNDS),
      updated_at: now,
    })
    .execute();
  const ids = new Map<string, number>();
  for (let i = 0; i < segments.length; i += 100) {
    const rows = await db
      .insertInto('road_segments')
      .values(
        segments.slice(i, i + 100).map((s) => ({
          opd_slug: DEMO_ROADS_OPD,
          number: s.number,
          name: s.name,
          kecamatan: JSON.stringify(s.kecamatan),
          length_m: s.lengthM,
          surface: s.surface,
          width_cm: s.widthCm,
          geometry: JSON.stringify(s.geometry),
          created_at: now,
          updated_at: now,
          updated_by: null,
        })),
      )
      .returning(['id', 'number'])
      .execute();
    for (const row of rows) ids.set(row.number, row.id);
  }
  counts['road segments'] = segments.length;
  const surveys = segments.flatMap((s) =>
    s.surveys.map((survey) => ({
      segment_id: ids.get(s.number)!,
      opd_slug: DEMO_ROADS_OPD,
      year: survey.year,
      length_m: s.lengthM,
      baik_m: survey.metres.baik,
      sedang_m: survey.metres.sedang,
      rusak_ringan_m: survey.metres.rusakRingan,
      rusak_berat_m: survey.metres.rusakBerat,
      note: survey.note,
      updated_at: now,
      updated_by: null,
    })),
  );
  for (let i = 0; i < surveys.length; i += 200) await db.insertInto('road_surveys').values(surveys.slice(i, i + 200)).execute();
  counts['road surveys'] = surveys.length;
  await db
    .insertInto('road_works')
    .values(
      works.map((w) => ({
        opd_slug: DEMO_ROADS_OPD,
        segment_id: ids.get(w.number)!,
        year: w.year,
        kind: w.kind,
        status: w.status,
        description: w.description,
        budget_rupiah: w.budgetRupiah,
        contractor: w.contractor,
        start_on: w.startOn,
        end_on: w.endOn,
        length_m: w.lengthM,
        created_at: now,
      })),
    )
    .execute();
  counts['road works'] = works.length;
  await db
    .insertInto('road_targets')
    .values(DEMO_TARGETS.map((t) => ({ opd_slug: DEMO_ROADS_OPD, year: t.year, percent_hundredths: t.hundredths, updated_at: now, updated_by: null })))
    .onConflict((oc) => oc.columns(['opd_slug', 'year']).doNothing())
    .execute();
  return counts;
}
