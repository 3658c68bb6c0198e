/**
 * SIP BENAR's DEMO DATA — SYNTHETIC. The companies are fictional (each name ends in “(demo)”;
 * no programme is attributed to a real company), the figures are made up, and the desa names
 * are ones that exist or plausibly do in Kabupaten Lahat's 24 kecamatan; points are
 * approximate (a kecamatan's rough centre, spread a little per desa). Every row is `is_demo`.
 *
 * Bappeda's board gets six companies (mining, plantation, energy, banking), 48 programmes over
 * three budget years (two years back to this one) in every kecamatan, with spending entries;
 * three programmes whose spending passed the commitment (each with the reason on the entry
 * that passed it), three second programmes in a desa, field and year already funded (each
 * with its written double-funding reason), and village proposals: some funded, some approved
 * and waiting, some submitted, one rejected. Idempotent: nothing is added twice.
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CsrProgramStatus, CsrSector } from '../../../../src/schemas/csr.js';
import type { Database } from '../../db/schema.js';
import type { SeedContext } from '../../http/module.js';
import { readEvidence } from '../../media/evidence.js';
import { csrDb } from './tables.js';

/** The OPD whose board the demo fills. */
export const DEMO_CSR_OPD = 'bappeda';

/** The demo companies: `[name, sector]`, all fictional. */
export const DEMO_COMPANIES: ReadonlyArray<readonly [string, CsrSector]> = [
  ['PT Serelo Batu Hitam (demo)', 'pertambangan'],
  ['PT Sungai Kikim Mineral (demo)', 'pertambangan'],
  ['PT Sawit Pasemah Makmur (demo)', 'perkebunan'],
  ['PT Karet Gumay Sentosa (demo)', 'perkebunan'],
  ['PT Daya Air Lematang (demo)', 'energi'],
  ['PT Bank Bumi Seganti (demo)', 'perbankan'],
];

/** Lahat's 24 kecamatan with two desa each and a rough centre `[lon, lat]`. */
export const DEMO_PLACES: ReadonlyArray<readonly [string, readonly [string, string], readonly [number, number]]> = [
  ['Lahat', ['Pagar Agung', 'Manggul'], [103.53, -3.79]],
  ['Lahat Selatan', ['Tanjung Payang', 'Ulak Mas'], [103.55, -3.83]],
  ['Merapi Barat', ['Ulak Pandan', 'Lebuay Bandung'], [103.64, -3.71]],
  ['Merapi Timur', ['Gedung Agung', 'Prabu Menang'], [103.74, -3.67]],
  ['Merapi Selatan', ['Payo', 'Karang Endah'], [103.68, -3.78]],
  ['Pulau Pinang', ['Pulau Pinang', 'Karang Dalam'], [103.5, -3.86]],
  ['Gumay Talang', ['Sukacinta', 'Tanjung Dalam'], [103.43, -3.86]],
  ['Gumay Ulu', ['Tinggi Hari', 'Penantian'], [103.4, -3.93]],
  ['Kikim Barat', ['Sukaraja', 'Saung Naga'], [103.82, -3.76]],
  ['Kikim Timur', ['Bunga Mas', 'Pagar Jati'], [103.95, -3.7]],
  ['Kikim Selatan', ['Pagar Batu', 'Nanjungan'], [103.88, -3.86]],
  ['Kikim Tengah', ['Tanjung Aur', 'Pandan Arang'], [103.9, -3.78]],
  ['Pseksu', ['Lesung Batu', 'Rantau Dedap'], [103.33, -3.96]],
  ['Jarai', ['Jarai', 'Serambi'], [103.25, -4.02]],
  ['Pajar Bulan', ['Pajar Bulan', 'Tanjung Agung'], [103.28, -4.1]],
  ['Muara Payang', ['Muara Payang', 'Talang Tinggi'], [103.2, -4.08]],
  ['Sukamerindu', ['Sukamerindu', 'Sumber Jaya'], [103.22, -4.15]],
  ['Kota Agung', ['Kota Agung', 'Lubuk Sepang'], [103.45, -4.05]],
  ['Mulak Ulu', ['Talang Padang', 'Muara Tiga'], [103.5, -4.17]],
  ['Mulak Sebingkai', ['Padang Bindu', 'Lawang Agung'], [103.55, -4.1]],
  ['Tanjung Sakti Pumi', ['Tanjung Bulan', 'Pagar Jati Pumi'], [103.15, -4.24]],
  ['Tanjung Sakti Pumu', ['Tanjung Sakti', 'Gunung Kerto'], [103.18, -4.3]],
  ['Tanjung Tebat', ['Tanjung Tebat', 'Sukajadi'], [103.4, -4.12]],
  ['Pagar Gunung', ['Pagar Gunung', 'Rimba Sujud'], [103.3, -4.15]],
];

/** What each field's programmes are, `[title, rpjmdPriority, sdg]`. */
const WORKS: Readonly<Record<string, ReadonlyArray<readonly [string, string, number]>>> = {
  pendidikan: [
    ['Rehabilitasi ruang kelas SD', 'Peningkatan kualitas SDM', 4],
    ['Beasiswa siswa berprestasi dari keluarga prasejahtera', 'Peningkatan kualitas SDM', 4],
  ],
  kesehatan: [
    ['Pembangunan posyandu dan alat ukur stunting', 'Penurunan stunting', 3],
    ['Mobil ambulans desa', 'Akses layanan kesehatan', 3],
  ],
  infrastruktur: [
    ['Pengerasan jalan usaha tani', 'Infrastruktur dasar merata', 9],
    ['Jembatan gantung antar-dusun', 'Infrastruktur dasar merata', 9],
    ['Sarana air bersih perpipaan', 'Infrastruktur dasar merata', 6],
  ],
  ekonomi: [
    ['Pelatihan dan modal usaha UMKM kopi', 'Ekonomi kerakyatan', 8],
    ['Bibit karet unggul untuk kelompok tani', 'Ekonomi kerakyatan', 8],
  ],
  lingkungan: [
    ['Penanaman pohon di sempadan Sungai Lematang', 'Lingkungan lestari', 15],
    ['Bank sampah desa', 'Lingkungan lestari', 12],
  ],
  sosial: [
    ['Bedah rumah tidak layak huni', 'Penanggulangan kemiskinan', 1],
    ['Paket sembako lansia dan disabilitas', 'Penanggulangan kemiskinan', 2],
  ],
};

const FIELDS = ['pendidikan', 'kesehatan', 'infrastruktur', 'ekonomi', 'lingkungan', 'sosial'] as const;

/** One demo programme as planned. */
export interface DemoProgram {
  title: string;
  company: number;
  field: string;
  kecamatan: string;
  desa: string;
  point: [number, number];
  /** Years before the seed's year: 0, 1 or 2. */
  yearsBack: number;
  committed: number;
  /** The spending entries' amounts (whole rupiah). */
  spending: number[];
  beneficiaries: number;
  status: CsrProgramStatus;
  rpjmdPriority: string;
  sdg: number;
  /** Why it is not double funding (a second programme in a funded desa, field and year). */
  doubleFundingReason?: string;
  /** Why the last entry passed the commitment. */
  overBudgetReason?: string;
}

const round = (n: number, to = 500_000) => Math.round(n / to) * to;

/** The 48 demo programmes, worked out from the tables above (the same every run). */
export function demoPrograms(): DemoProgram[] {
  const out: DemoProgram[] = [];
  for (let i = 0; i < 45; i++) {
    const [kecamatan, desas, [lon, lat]] = DEMO_PLACES[i % DEMO_PLACES.length]!;
    const desaIndex = Math.floor(i / DEMO_PLACES.length) % 2;
    const field = FIELDS[(i * 5 + desaIndex) % FIELDS.length]!;
    const works = WORKS[field]!;
    const [work, priority, sdg] = works[i % works.length]!;
    const yearsBack = i % 3 === 0 ? 2 : i % 3 === 1 ? 1 : 0;
    const committed = round(75_000_000 + ((i * 37_000_000) % 850_000_000));
    const status: CsrProgramStatus =
      i === 7 ? 'cancelled' : i === 13 ? 'postponed' : yearsBack === 2 ? 'done' : yearsBack === 1 ? (i % 2 ? 'done' : 'running') : i % 4 === 0 ? 'proposed' : i % 4 === 1 ? 'approved' : 'running';
    const share = status === 'done' ? [0.55, 0.4] : status === 'running' || status === 'postponed' ? [0.45] : [];
    const spending = share.map((s) => round(committed * s, 100_000));
    out.push({
      title: `${work} ${desas[desaIndex]}`,
      company: (i * 7 + yearsBack) % DEMO_COMPANIES.length,
      field,
      kecamatan,
      desa: desas[desaIndex]!,
      point: [Math.round((lon + (desaIndex ? 0.018 : -0.015)) * 10000) / 10000, Math.round((lat + (desaIndex ? -0.012 : 0.01)) * 10000) / 10000],
      yearsBack,
      committed,
      spending,
      beneficiaries: 40 + ((i * 53) % 900),
      status,
      rpjmdPriority: priority,
      sdg,
    });
  }
  // Three over budget: one more entry each, passing the commitment, with its reason.
  const overReasons = [
    'Harga semen dan besi naik setelah kontrak; tambahan disetujui direksi perusahaan, tercatat dalam adendum (contoh demo).',
    'Volume pekerjaan bertambah karena longsor di ruas yang sama; perusahaan menanggung selisihnya (contoh demo).',
    'Jumlah penerima bertambah setelah pendataan ulang desa; perusahaan menambah dana (contoh demo).',
  ];
  out
    .filter((p) => p.status === 'done')
    .slice(0, 3)
    .forEach((p, k) => {
      const already = p.spending.reduce((s, a) => s + a, 0);
      p.spending.push(p.committed - already + round(p.committed * (0.04 + 0.03 * k), 100_000));
      p.overBudgetReason = overReasons[k];
    });
  // Three second programmes in a desa, field and year already funded, with their reasons.
  const doubleReasons = [
    'Program pertama membangun gedung posyandu; program ini hanya pengadaan alat ukur, tidak tumpang tindih (contoh demo).',
    'Ruas jalan berbeda: program pertama dusun I, program ini dusun III; dibahas di forum CSR (contoh demo).',
    'Dua perusahaan berbagi biaya satu kegiatan dengan porsi yang tertulis dalam berita acara forum (contoh demo).',
  ];
  for (const [k, index] of [4, 10, 19].entries()) {
    const first = out[index]!;
    out.push({
      ...first,
      title: `${first.title} (tahap lanjutan)`,
      company: (first.company + 1) % DEMO_COMPANIES.length,
      committed: round(first.committed * 0.4),
      spending: first.status === 'done' || first.status === 'running' ? [round(first.committed * 0.2, 100_000)] : [],
      status: first.status === 'cancelled' || first.status === 'proposed' ? 'approved' : first.status,
      doubleFundingReason: doubleReasons[k]!,
      overBudgetReason: undefined,
    });
  }
  return out;
}

/** The demo village proposals: `[kecamatan index, desa index, field, title, estimated cost, beneficiaries, status]`; `funded` ones become programmes. */
export const DEMO_PROPOSALS: ReadonlyArray<readonly [number, 0 | 1, string, string, number, number, 'submitted' | 'approved' | 'rejected' | 'funded']> = [
  [13, 1, 'infrastruktur', 'Sumur bor dan tandon air bersih', 180_000_000, 420, 'submitted'],
  [20, 0, 'pendidikan', 'Perpustakaan dan pojok baca SD', 65_000_000, 260, 'submitted'],
  [16, 1, 'kesehatan', 'Posyandu lansia dan timbangan digital', 45_000_000, 150, 'submitted'],
  [9, 1, 'ekonomi', 'Mesin pengolah kopi bubuk kelompok wanita tani', 120_000_000, 60, 'approved'],
  [23, 1, 'infrastruktur', 'Jembatan beton penghubung kebun', 640_000_000, 900, 'approved'],
  [6, 0, 'lingkungan', 'Tempat pengolahan sampah terpadu', 210_000_000, 1200, 'submitted'],
  [2, 1, 'sosial', 'Renovasi balai desa sebagai posko bencana', 150_000_000, 800, 'rejected'],
  [11, 0, 'pendidikan', 'Laboratorium komputer SMP', 230_000_000, 320, 'funded'],
  [18, 1, 'kesehatan', 'Pustu dan rumah bidan desa', 390_000_000, 1500, 'funded'],
];

/** A PDF string literal's text: Latin-1 only (the standard font's encoding), `\`, `(` and `)` escaped. */
const pdfText = (line: string) => line.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);

/**
 * A one-page A4 PDF with `lines` of text (Helvetica, 11 pt), the demo's stand-in for a scanned
 * receipt: a real PDF any reader opens, with its cross-reference table, that the server's
 * evidence reader accepts as an upload.
 */
export function demoReceiptPdf(lines: readonly string[]): Uint8Array {
  const stream = `BT /F1 11 Tf 56 780 Td 16 TL ${lines.map((line) => `(${pdfText(line)}) '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/** An evidence file's id (20 lower-case letters and digits, as uploads get): random, prefixed `demo`. */
const evidenceId = (spendingId: number) => `demo${String(spendingId).padStart(6, '0')}${randomBytes(8).toString('hex').slice(0, 10)}`;

/** Adds the demo companies, programmes, spending entries (each with a receipt PDF) and proposals when Bappeda's board has none. */
export async function seedCsr(spine: Kysely<Database>, { now }: SeedContext): Promise<Record<string, number>> {
  const db = csrDb(spine);
  const counts = { companies: 0, programmes: 0, 'spending entries': 0, 'evidence files': 0, proposals: 0 };
  const opd = await db.selectFrom('opds').select('slug').where('slug', '=', DEMO_CSR_OPD).where('is_demo', '=', true).executeTakeFirst();
  if (!opd) return counts;
  const already = await db.selectFrom('csr_companies').select('id').where('opd_slug', '=', DEMO_CSR_OPD).where('is_demo', '=', true).limit(1).executeTakeFirst();
  if (already) return counts;
  const year = Number(now.toISOString().slice(0, 4));
  const at = (daysBack: number) => new Date(now.getTime() - daysBack * 86_400_000);

  const companyIds: number[] = [];
  for (const [k, [name, sector]] of DEMO_COMPANIES.entries()) {
    const row = await db
      .insertInto('csr_companies')
      .values({ opd_slug: DEMO_CSR_OPD, name, sector, contact_name: `Humas CSR ${name.replace(/^PT /, '').replace(' (demo)', '')} (demo)`, contact_phone: `0812 0000 ${String(3000 + k)}`, contact_email: `csr${k + 1}@perusahaan.demo`, is_demo: true, created_at: at(800), updated_at: at(800), created_by: null, updated_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    companyIds.push(row.id);
    counts.companies++;
  }

  const programIds: number[] = [];
  const firstAt = new Map<string, { id: number; title: string; company: string }>();
  for (const [n, p] of demoPrograms().entries()) {
    const programYear = year - p.yearsBack;
    const key = `${p.field}:${programYear}:${p.kecamatan}:${p.desa}`;
    const earlier = p.doubleFundingReason ? firstAt.get(key) : undefined;
    const row = await db
      .insertInto('csr_programs')
      .values({
        opd_slug: DEMO_CSR_OPD,
        company_id: companyIds[p.company]!,
        proposal_id: null,
        title: p.title,
        description: `${p.title}, didanai CSR ${DEMO_COMPANIES[p.company]![0]} (data sintetis untuk demo).`,
        field: p.field,
        kecamatan: p.kecamatan,
        desa: p.desa,
        lon: p.point[0],
        lat: p.point[1],
        year: programYear,
        committed: p.committed,
        beneficiaries: p.beneficiaries,
        status: p.status,
        rpjmd_priority: p.rpjmdPriority,
        sdg: p.sdg,
        double_funding_with: earlier ? JSON.stringify([earlier]) : null,
        double_funding_reason: earlier ? p.doubleFundingReason! : null,
        double_funding_by: earlier ? 'Sekretariat Forum CSR (demo)' : null,
        double_funding_at: earlier ? at(200 - n) : null,
        over_budget_reason: null,
        is_demo: true,
        created_at: at(700 - n * 10),
        updated_at: at(30),
        created_by: null,
        updated_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    programIds.push(row.id);
    counts.programmes++;
    if (!firstAt.has(key) && p.status !== 'cancelled') firstAt.set(key, { id: row.id, title: p.title, company: DEMO_COMPANIES[p.company]![0] });
    for (const [k, amount] of p.spending.entries()) {
      const last = k === p.spending.length - 1;
      const spentOn = `${programYear}-${String(3 + k * 4).padStart(2, '0')}-${String(5 + (n % 20)).padStart(2, '0')}`;
      const description = k === 0 ? 'Termin pertama: bahan dan upah kerja (contoh)' : last && p.overBudgetReason ? 'Tambahan pekerjaan di luar kontrak awal (contoh)' : `Termin ${k + 1}: penyelesaian pekerjaan (contoh)`;
      const spending = await db
        .insertInto('csr_spending')
        .values({
          program_id: row.id,
          spent_on: spentOn,
          amount,
          description,
          over_budget_reason: last && p.overBudgetReason ? p.overBudgetReason : null,
          is_demo: true,
          created_at: at(300 - n),
          created_by: null,
          created_by_name: 'Sekretariat Forum CSR (demo)',
          updated_at: at(300 - n),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      counts['spending entries']++;
      const receipt = readEvidence(
        demoReceiptPdf([
          'BUKTI REALISASI DANA CSR - CONTOH SINTETIS UNTUK DEMO',
          'Bukan dokumen asli: perusahaan dan angka dibuat untuk demo.',
          '',
          `Program: ${p.title}`,
          `Lokasi: Desa ${p.desa}, Kecamatan ${p.kecamatan}, Kabupaten Lahat`,
          `Perusahaan: ${DEMO_COMPANIES[p.company]![0]}`,
          `Tanggal: ${spentOn}`,
          `Uraian: ${description}`,
          `Jumlah: Rp ${amount.toLocaleString('id-ID')}`,
          '',
          'Diverifikasi: Sekretariat Forum CSR Kabupaten Lahat (demo)',
        ]),
      );
      await db
        .insertInto('csr_evidence')
        .values({
          id: evidenceId(spending.id),
          spending_id: spending.id,
          media_type: receipt.mediaType,
          byte_size: receipt.bytes.length,
          sha256: createHash('sha256').update(receipt.bytes).digest('hex'),
          data: receipt.bytes,
          is_demo: true,
          created_at: at(300 - n),
          created_by: null,
        })
        .execute();
      counts['evidence files']++;
    }
  }

  for (const [k, [kec, desaIndex, field, title, cost, beneficiaries, status]] of DEMO_PROPOSALS.entries()) {
    const [kecamatan, desas, [lon, lat]] = DEMO_PLACES[kec]!;
    const desa = desas[desaIndex]!;
    const decided = status !== 'submitted';
    const company = status === 'approved' || status === 'funded' ? companyIds[k % companyIds.length]! : null;
    const row = await db
      .insertInto('csr_proposals')
      .values({
        opd_slug: DEMO_CSR_OPD,
        title: `${title} ${desa}`,
        description: `Usulan Pemerintah Desa ${desa} dari musrenbang desa (data sintetis untuk demo).`,
        field,
        kecamatan,
        desa,
        lon: Math.round((lon + 0.005) * 10000) / 10000,
        lat: Math.round((lat - 0.005) * 10000) / 10000,
        year,
        estimated_cost: cost,
        beneficiaries,
        proposer: `Pemerintah Desa ${desa}`,
        contact_name: `Kepala Desa ${desa} (demo)`,
        contact_phone: `0812 0000 ${String(4000 + k)}`,
        submitted_on: `${year - 1}-${String(9 + (k % 3)).padStart(2, '0')}-${String(3 + k).padStart(2, '0')}`,
        status,
        decision_note: status === 'rejected' ? 'Sudah didanai APBDes tahun berjalan; diusulkan kembali bila ada kekurangan (contoh demo).' : decided ? 'Disetujui forum CSR (contoh demo).' : null,
        decided_at: decided ? at(60 - k) : null,
        decided_by: decided ? 'Forum CSR Kabupaten Lahat (demo)' : null,
        company_id: company,
        is_demo: true,
        created_at: at(120 - k),
        updated_at: at(60 - k),
        created_by: null,
        updated_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    counts.proposals++;
    if (status === 'funded') {
      const budget = Math.round(cost / 1_000_000) * 1_000_000;
      const program = await db
        .insertInto('csr_programs')
        .values({
          opd_slug: DEMO_CSR_OPD,
          company_id: company!,
          proposal_id: row.id,
          title: `${title} ${desa}`,
          description: `Program dari usulan Desa ${desa} (data sintetis untuk demo).`,
          field,
          kecamatan,
          desa,
          lon: Math.round((lon + 0.005) * 10000) / 10000,
          lat: Math.round((lat - 0.005) * 10000) / 10000,
          year,
          committed: budget,
          beneficiaries,
          status: 'approved',
          rpjmd_priority: field === 'pendidikan' ? 'Peningkatan kualitas SDM' : 'Akses layanan kesehatan',
          sdg: field === 'pendidikan' ? 4 : 3,
          double_funding_with: null,
          double_funding_reason: null,
          double_funding_by: null,
          double_funding_at: null,
          over_budget_reason: null,
          is_demo: true,
          created_at: at(50 - k),
          updated_at: at(50 - k),
          created_by: null,
          updated_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      programIds.push(program.id);
      counts.programmes++;
    }
  }
  return counts;
}
