/**
 * One OPD One Innovation's DEMO DATA — SYNTHETIC, not real innovations of any regency. The
 * issue's case is Bandar Lampung's Bappeda asking all 40 of its OPDs for at least one
 * innovation by June; our demo regency is Lahat, whose demo has 8 OPDs. A second demo regency
 * is out of scope, so the seed adds 32 synthetic OPDs with the names a regency's OPDs usually
 * have (marked `is_demo`, with the innovation module on) to make 40, and registers innovations
 * across them: most OPDs with a verified one, some with one waiting for review, returned or
 * still a draft, and 6 with none at all. Evidence files are tiny placeholder PDFs.
 *
 * Also: the settings (Bappeda reviews; the deadline the next 30 June, its year the assessment
 * year) and two demo accounts, `bappeda@lahat.demo` (the reviewer) and `diskominfo@lahat.demo`,
 * with the demo password. Idempotent: nothing is added twice.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { InnovationStage, InnovationType } from '../../../../src/schemas/innovations.js';
import { DEMO_PASSWORD } from '../../auth/seed.js';
import { addUser } from '../../auth/users.js';
import { dayIn } from '../../calendar/working-days.js';
import type { Database } from '../../db/schema.js';
import type { SeedContext } from '../../http/module.js';
import { DEMO_ORIGINS } from '../../tenancy/seed.js';
import { innovationsDb } from './tables.js';

/** The synthetic OPDs that make the demo regency's 40: `[slug, name, English name]`. */
export const SYNTHETIC_OPDS: ReadonlyArray<readonly [string, string, string]> = [
  ['sekretariat-daerah', 'Sekretariat Daerah', 'Regional Secretariat'],
  ['inspektorat', 'Inspektorat Daerah', 'Regional Inspectorate'],
  ['dinas-pendidikan', 'Dinas Pendidikan', 'Education Office'],
  ['dinsos', 'Dinas Sosial', 'Social Affairs Office'],
  ['dinas-perhubungan', 'Dinas Perhubungan', 'Transport Office'],
  ['dinas-lingkungan-hidup', 'Dinas Lingkungan Hidup', 'Environment Office'],
  ['disdukcapil', 'Dinas Kependudukan dan Pencatatan Sipil', 'Population and Civil Registry Office'],
  ['dinas-pertanian', 'Dinas Pertanian', 'Agriculture Office'],
  ['dinas-ketahanan-pangan', 'Dinas Ketahanan Pangan', 'Food Security Office'],
  ['dinas-pariwisata', 'Dinas Pariwisata', 'Tourism Office'],
  ['dinas-koperasi-ukm', 'Dinas Koperasi dan Usaha Kecil Menengah', 'Cooperatives and SME Office'],
  ['dinas-perdagangan', 'Dinas Perdagangan', 'Trade Office'],
  ['dinas-tenaga-kerja', 'Dinas Tenaga Kerja dan Transmigrasi', 'Manpower and Transmigration Office'],
  ['dinas-perkim', 'Dinas Perumahan dan Kawasan Permukiman', 'Housing and Settlements Office'],
  ['dinas-pmd', 'Dinas Pemberdayaan Masyarakat dan Desa', 'Community and Village Empowerment Office'],
  ['dinas-p3a', 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 'Women’s Empowerment and Child Protection Office'],
  ['dinas-ppkb', 'Dinas Pengendalian Penduduk dan Keluarga Berencana', 'Population Control and Family Planning Office'],
  ['dinas-perpustakaan', 'Dinas Perpustakaan dan Kearsipan', 'Library and Archives Office'],
  ['dinas-pora', 'Dinas Pemuda dan Olahraga', 'Youth and Sports Office'],
  ['satpol-pp', 'Satuan Polisi Pamong Praja', 'Civil Service Police Unit'],
  ['bpbd', 'Badan Penanggulangan Bencana Daerah (BPBD)', 'Regional Disaster Management Agency (BPBD)'],
  ['bkpsdm', 'Badan Kepegawaian dan Pengembangan SDM (BKPSDM)', 'Civil Service and HR Development Agency (BKPSDM)'],
  ['bapenda', 'Badan Pendapatan Daerah (Bapenda)', 'Regional Revenue Agency (Bapenda)'],
  ['kesbangpol', 'Badan Kesatuan Bangsa dan Politik', 'National Unity and Politics Agency'],
  ['dinas-perkebunan', 'Dinas Perkebunan', 'Plantations Office'],
  ['dinas-peternakan', 'Dinas Peternakan dan Kesehatan Hewan', 'Livestock and Animal Health Office'],
  ['damkar', 'Dinas Pemadam Kebakaran dan Penyelamatan', 'Fire and Rescue Office'],
  ['dinas-kebudayaan', 'Dinas Kebudayaan', 'Culture Office'],
  ['dinas-perindustrian', 'Dinas Perindustrian', 'Industry Office'],
  ['dinas-kelautan', 'Dinas Kelautan dan Perikanan', 'Marine Affairs and Fisheries Office'],
  ['kecamatan-lahat', 'Kecamatan Lahat', 'Lahat District'],
  ['kecamatan-merapi-barat', 'Kecamatan Merapi Barat', 'West Merapi District'],
];

/** A demo innovation: `[opd, status, name, type, digital, stage, problem, solution, benefits, evidence indicators]`. */
type DemoInnovation = readonly [string, 'draft' | 'submitted' | 'verified' | 'returned', string, InnovationType, boolean, InnovationStage, string, string, string, number];

const P = 'pelayanan-publik' as const;
const G = 'tata-kelola' as const;
const O = 'lainnya' as const;

/** The demo innovations; the last number is how many evidence indicators have a file. */
export const DEMO_INNOVATIONS: readonly DemoInnovation[] = [
  ['bpkad', 'verified', 'SIAP: Sistem Informasi Antrean dan Pertanyaan BPKAD', P, true, 'penerapan', 'Bendahara OPD dan rekanan datang berulang kali ke kantor untuk pertanyaan sederhana soal SP2D dan pencairan, antrean panjang.', 'Pertanyaan diajukan daring dengan kode pelacakan, dijawab petugas dalam tiga hari kerja; pertanyaan umum dijawab lewat basis pengetahuan.', 'Kunjungan tatap muka berkurang, jawaban tercatat dan bisa dilacak.', 14],
  ['dinas-pupr', 'verified', 'Perjaka: Peta Jalan Kabupaten dan Lapor Perbaikan Jalan', P, true, 'penerapan', 'Warga tidak tahu kondisi ruas jalan kabupaten dan laporan kerusakan jalan tersebar di media sosial tanpa tindak lanjut.', 'Papan kondisi jalan per ruas dengan kemantapan tahunan, dan laporan kerusakan dengan foto dan lokasi yang diteruskan ke petugas untuk perbaikan.', 'Perbaikan jalan lebih cepat diprioritaskan dan transparan.', 16],
  ['bappeda', 'verified', 'Satu OPD Satu Inovasi: Pendampingan Inovasi Perangkat Daerah', G, false, 'penerapan', 'Banyak perangkat daerah belum pernah menyusun proposal inovasi dan bukti dukung untuk penilaian indeks inovasi daerah.', 'Klinik inovasi bulanan oleh Bappeda: pendampingan penyusunan profil inovasi, bukti dukung per indikator dan verifikasi sebelum dilaporkan.', 'Setiap OPD memiliki minimal satu inovasi terverifikasi.', 18],
  ['diskominfo', 'verified', 'Satu Data Lahat', G, true, 'penerapan', 'Data sektoral tiap OPD tidak seragam dan sulit dibagi pakai untuk perencanaan.', 'Portal satu data dengan standar metadata, walidata di tiap OPD dan jadwal pemutakhiran.', 'Perencanaan memakai data yang sama dan mutakhir.', 12],
  ['dpmptsp', 'verified', 'Mal Pelayanan Publik Keliling', P, false, 'penerapan', 'Warga kecamatan jauh harus menempuh perjalanan berjam-jam untuk mengurus izin usaha dan dokumen kependudukan.', 'Mobil layanan terpadu yang terjadwal ke kecamatan, membawa layanan perizinan, kependudukan dan pajak dalam satu kunjungan.', 'Biaya dan waktu perjalanan warga berkurang.', 11],
  ['dinas-kesehatan', 'verified', 'Posyandu Digital Ibu dan Anak', P, true, 'penerapan', 'Pencatatan tumbuh kembang balita di posyandu masih manual sehingga kasus gizi buruk terlambat terdeteksi.', 'Kader posyandu mencatat berat dan tinggi badan di aplikasi; puskesmas menerima peringatan dini stunting.', 'Deteksi dini stunting dan rujukan lebih cepat.', 15],
  ['rsud', 'submitted', 'Antrean Daring Poliklinik RSUD', P, true, 'uji-coba', 'Pasien rawat jalan antre sejak subuh untuk mendapat nomor poliklinik.', 'Pendaftaran dan nomor antrean poliklinik lewat WhatsApp dan web dengan perkiraan jam layanan.', 'Waktu tunggu di rumah sakit berkurang.', 8],
  ['sekretariat-dprd', 'verified', 'e-Agenda DPRD', G, true, 'penerapan', 'Jadwal rapat DPRD hanya diumumkan lewat surat sehingga publik dan OPD sering tidak tahu perubahan jadwal.', 'Agenda daring yang bisa dilanggan di aplikasi kalender, dengan catatan perubahan dan penundaan.', 'Keterbukaan jadwal dan kehadiran OPD lebih baik.', 9],
  ['sekretariat-daerah', 'verified', 'Naskah Dinas Elektronik', G, true, 'penerapan', 'Surat menyurat antar-OPD memakan waktu berhari-hari dan kertas dalam jumlah besar.', 'Tata naskah dinas elektronik dengan tanda tangan elektronik tersertifikasi.', 'Disposisi lebih cepat dan hemat kertas.', 13],
  ['inspektorat', 'verified', 'Klinik Konsultasi Pengawasan Desa', G, false, 'uji-coba', 'Aparat desa sering keliru menyusun laporan pertanggungjawaban dana desa.', 'Jadwal konsultasi tatap muka dan pendampingan oleh auditor sebelum laporan disampaikan.', 'Temuan pemeriksaan dana desa berkurang.', 7],
  ['dinas-pendidikan', 'verified', 'Sekolah Penggerak Literasi Desa', O, false, 'penerapan', 'Minat baca siswa sekolah dasar di desa rendah dan buku bacaan terbatas.', 'Pojok baca di balai desa yang dikelola guru dan relawan, dengan pertukaran buku antarsekolah.', 'Kemampuan literasi dasar siswa meningkat.', 10],
  ['dinsos', 'verified', 'Data Terpadu Kesejahteraan Sosial Berbasis Desa', G, true, 'penerapan', 'Bantuan sosial salah sasaran karena data penerima tidak diperbarui.', 'Musyawarah desa memutakhirkan data penerima bantuan langsung di aplikasi, diverifikasi pendamping sosial.', 'Bantuan lebih tepat sasaran.', 9],
  ['dinas-perhubungan', 'verified', 'Uji KIR Tanpa Antre', P, true, 'uji-coba', 'Pemilik angkutan menunggu seharian untuk uji berkala kendaraan.', 'Pendaftaran uji berkala daring dengan jadwal per jam dan pengingat masa berlaku.', 'Waktu tunggu uji kendaraan berkurang.', 6],
  ['dinas-lingkungan-hidup', 'verified', 'Bank Sampah Sekolah', O, false, 'penerapan', 'Sampah plastik dari sekolah dibakar atau dibuang ke sungai.', 'Bank sampah di setiap sekolah dengan tabungan siswa dari sampah terpilah, dijual ke pengepul.', 'Sampah berkurang dan siswa belajar memilah sampah.', 12],
  ['disdukcapil', 'verified', 'Adminduk Jemput Bola di Desa', P, false, 'penerapan', 'Lansia dan penyandang disabilitas sulit datang ke kantor untuk perekaman KTP elektronik.', 'Petugas datang ke rumah dan desa dengan alat perekaman keliling, terjadwal bersama kepala desa.', 'Cakupan KTP elektronik dan akta kelahiran meningkat.', 10],
  ['dinas-pertanian', 'verified', 'Kartu Tani Digital', P, true, 'uji-coba', 'Petani tidak mendapat pupuk bersubsidi sesuai kebutuhan karena kuota tidak tercatat.', 'Kartu tani dengan kuota pupuk per petani yang bisa dicek di kios resmi.', 'Distribusi pupuk bersubsidi lebih tepat.', 8],
  ['dinas-ketahanan-pangan', 'returned', 'Lumbung Pangan Desa', O, false, 'inisiatif', 'Harga beras melonjak saat paceklik di desa terpencil.', 'Lumbung pangan yang dikelola kelompok wanita tani dengan cadangan gabah.', 'Cadangan pangan desa tersedia saat paceklik.', 3],
  ['dinas-pariwisata', 'verified', 'Kampung Kopi Semendé', O, false, 'penerapan', 'Kopi robusta petani dijual mentah dengan harga rendah dan wisatawan tidak singgah.', 'Paket wisata kebun kopi dengan pelatihan pascapanen dan kedai kopi desa.', 'Pendapatan petani kopi dan kunjungan wisata meningkat.', 9],
  ['dinas-koperasi-ukm', 'verified', 'Klinik UMKM Naik Kelas', O, false, 'penerapan', 'Pelaku UMKM tidak memiliki izin edar dan kemasan yang layak untuk pasar modern.', 'Pendampingan perizinan, sertifikasi halal dan desain kemasan dalam satu klinik.', 'Produk UMKM masuk toko modern.', 11],
  ['dinas-perdagangan', 'submitted', 'Info Harga Pangan Harian', P, true, 'uji-coba', 'Warga dan pedagang tidak mengetahui harga wajar bahan pokok.', 'Harga harian bahan pokok di pasar tradisional diumumkan lewat web dan papan digital.', 'Harga lebih stabil dan transparan.', 5],
  ['dinas-tenaga-kerja', 'verified', 'Bursa Kerja Daring', P, true, 'penerapan', 'Pencari kerja lokal tidak mengetahui lowongan di perusahaan tambang dan perkebunan.', 'Bursa kerja daring yang menghubungkan pencari kerja dengan lowongan perusahaan di kabupaten.', 'Penyerapan tenaga kerja lokal meningkat.', 10],
  ['dinas-perkim', 'verified', 'Bedah Rumah Gotong Royong', O, false, 'penerapan', 'Rumah tidak layak huni masih banyak dan anggaran terbatas.', 'Perbaikan rumah tidak layak huni dengan gotong royong warga, dana desa dan CSR.', 'Lebih banyak rumah diperbaiki dengan anggaran yang sama.', 7],
  ['dinas-pmd', 'verified', 'Siskeudes Pendampingan Daring', G, true, 'penerapan', 'Operator desa kesulitan menggunakan aplikasi keuangan desa.', 'Kelas daring dan layanan bantuan lewat grup percakapan dengan pendamping desa.', 'Laporan keuangan desa tepat waktu.', 8],
  ['dinas-p3a', 'draft', 'Ruang Aman Anak', P, false, 'inisiatif', 'Anak korban kekerasan tidak tahu ke mana harus melapor.', 'Pos pengaduan di sekolah dan desa yang terhubung dengan unit layanan perlindungan anak.', 'Kasus kekerasan anak tertangani lebih cepat.', 0],
  ['dinas-perpustakaan', 'verified', 'Perpustakaan Keliling Desa', P, false, 'penerapan', 'Desa terpencil tidak memiliki perpustakaan.', 'Mobil perpustakaan keliling terjadwal ke desa dengan layanan pinjam buku.', 'Akses bacaan warga desa meningkat.', 6],
  ['satpol-pp', 'verified', 'Lapor Tibum', P, true, 'uji-coba', 'Pengaduan ketertiban umum tidak tercatat dan tidak ada kabar tindak lanjut.', 'Pengaduan ketertiban lewat WhatsApp dengan nomor tiket dan kabar tindak lanjut.', 'Pengaduan tertangani dan terpantau.', 5],
  ['bpbd', 'verified', 'Desa Tangguh Bencana', O, false, 'penerapan', 'Desa di lereng rawan longsor belum memiliki rencana evakuasi.', 'Pelatihan relawan, peta jalur evakuasi dan sirene peringatan dini di desa rawan.', 'Warga siap saat bencana.', 9],
  ['bkpsdm', 'verified', 'Layanan Kenaikan Pangkat Tanpa Berkas', G, true, 'penerapan', 'Usulan kenaikan pangkat ASN memerlukan berkas fisik yang sering hilang.', 'Usulan dan verifikasi kenaikan pangkat secara elektronik dengan berkas digital.', 'Kenaikan pangkat tepat waktu.', 12],
  ['bapenda', 'verified', 'Bayar Pajak Daerah di Desa', P, true, 'penerapan', 'Wajib pajak PBB di desa harus ke kota untuk membayar.', 'Pembayaran pajak daerah lewat agen bank dan kanal digital di desa.', 'Penerimaan pajak daerah meningkat.', 13],
  ['dinas-perkebunan', 'verified', 'Sekolah Lapang Karet Rakyat', O, false, 'uji-coba', 'Produktivitas kebun karet rakyat rendah karena bibit dan sadap yang salah.', 'Sekolah lapang petani karet tentang bibit unggul dan teknik sadap.', 'Produktivitas karet meningkat.', 6],
  ['dinas-peternakan', 'submitted', 'Inseminasi Buatan Terjadwal', P, false, 'uji-coba', 'Peternak sapi menunggu lama petugas inseminasi.', 'Jadwal layanan inseminasi buatan per desa dan pemesanan lewat telepon.', 'Kelahiran pedet meningkat.', 4],
  ['damkar', 'verified', 'Respon Cepat Kebakaran Lahan', P, false, 'penerapan', 'Kebakaran lahan di musim kemarau terlambat ditangani.', 'Pos siaga di kecamatan rawan dan pelaporan titik api oleh masyarakat peduli api.', 'Waktu tanggap kebakaran lebih singkat.', 7],
  ['dinas-kebudayaan', 'verified', 'Digitalisasi Naskah dan Tradisi Lahat', O, true, 'uji-coba', 'Naskah kuno dan tradisi lisan terancam hilang.', 'Pemindaian naskah dan perekaman tradisi lisan yang disimpan dalam arsip digital terbuka.', 'Warisan budaya terdokumentasi.', 5],
  ['kecamatan-lahat', 'verified', 'Layanan Kecamatan Satu Meja', P, false, 'penerapan', 'Warga berpindah-pindah meja untuk mengurus surat di kecamatan.', 'Satu meja layanan untuk semua surat kecamatan dengan standar waktu.', 'Layanan kecamatan lebih cepat.', 6],
];

/** How many OPDs of the 40 the demo leaves without any innovation. */
export const DEMO_OPDS_WITHOUT_INNOVATION = 40 - new Set(DEMO_INNOVATIONS.map((i) => i[0])).size;

/** The initiators the demo innovations cycle through: mostly OPDs and their staff, as in a real regency. */
const DEMO_INITIATORS = ['opd', 'asn', 'opd', 'kepala-daerah', 'masyarakat', 'asn', 'anggota-dprd'] as const;

/** A tiny placeholder PDF naming what it stands for (readable by any PDF reader). */
export function placeholderPdf(title: string): Uint8Array {
  const text = title.replace(/[()\\]/g, ' ').slice(0, 80);
  const stream = `BT /F1 12 Tf 40 780 Td (Bukti dukung (contoh sintetis): ${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/** The assessment year and deadline of the demo: the next 30 June (today's, if not passed). */
export function demoDeadline(now: Date, timeZone: SeedContext['timeZone']): { year: number; deadline: string } {
  const today = dayIn(now, timeZone);
  const year = Number(today.slice(0, 4));
  const deadline = `${year}-06-30`;
  return today <= deadline ? { year, deadline } : { year: year + 1, deadline: `${year + 1}-06-30` };
}

/** Adds the demo OPDs, accounts, settings and innovations that are not there yet. */
export async function seedInnovations(spine: Kysely<Database>, { now, timeZone }: SeedContext): Promise<Record<string, number>> {
  const db = innovationsDb(spine);
  let opds = 0;
  for (const [slug, name, nameEn] of SYNTHETIC_OPDS) {
    const added = await db
      .insertInto('opds')
      .values({ slug, name, name_en: nameEn, modules: JSON.stringify(['innovation']), allowed_origins: JSON.stringify(DEMO_ORIGINS), is_demo: true, created_at: now })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returning('slug')
      .executeTakeFirst();
    if (added) opds++;
  }

  let users = 0;
  for (const [email, name, opd] of [
    ['bappeda@lahat.demo', 'Verifikator Bappeda (demo)', 'bappeda'],
    ['diskominfo@lahat.demo', 'Petugas Diskominfo (demo)', 'diskominfo'],
  ] as const) {
    const exists = await db.selectFrom('staff_users').select('id').where('email', '=', email).executeTakeFirst();
    const hasOpd = await db.selectFrom('opds').select('slug').where('slug', '=', opd).executeTakeFirst();
    if (exists || !hasOpd) continue;
    await addUser(spine, { email, name, role: 'opd_staff', opd, password: DEMO_PASSWORD, mustChangePassword: false, isDemo: true }, now);
    users++;
  }

  const { year, deadline } = demoDeadline(now, timeZone);
  const settings = await db
    .insertInto('innovation_settings')
    .values({ id: 'regency', reviewer_opd: 'bappeda', deadline, year, updated_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();

  let innovations = 0;
  let files = 0;
  const already = await db.selectFrom('innovations').select('id').where('synthetic', '=', true).limit(1).executeTakeFirst();
  if (!already) {
    const model = await db.selectFrom('innovation_indicators').select(['id', 'name']).where('part', '=', 'innovation').where('evidence', '=', true).where('year', '<=', year).orderBy('year', 'desc').orderBy('number').execute();
    const present = new Set((await db.selectFrom('opds').select('slug').execute()).map((o) => o.slug));
    let n = 0;
    for (const [opd, status, name, type, digital, stage, problem, solution, benefits, evidenceCount] of DEMO_INNOVATIONS) {
      if (!present.has(opd)) continue;
      n++;
      const dayOf = (monthsBack: number) => new Date(Date.UTC(year - 1, 6 - monthsBack, 1 + (n % 27))).toISOString().slice(0, 10);
      const stages = { inisiatif: dayOf(14), 'uji-coba': stage === 'inisiatif' ? null : dayOf(8), penerapan: stage === 'penerapan' ? dayOf(3) : null };
      const submittedAt = status === 'draft' ? null : new Date(now.getTime() - (40 - n) * 86_400_000);
      const row = await db
        .insertInto('innovations')
        .values({
          opd_slug: opd,
          year,
          name,
          type,
          digital,
          stage,
          initiative_on: stages.inisiatif,
          trial_on: stages['uji-coba'],
          applied_on: stages.penerapan,
          started_on: stages.inisiatif,
          problem: `${problem} (Data sintetis untuk demo.)`,
          solution,
          benefits,
          results: status === 'verified' ? 'Hasil pemantauan triwulan menunjukkan perbaikan layanan (angka sintetis).' : null,
          budget_source: n % 5 === 0 ? 'Tanpa anggaran khusus' : n % 4 === 0 ? 'APBD dan CSR' : 'APBD',
          initiator: DEMO_INITIATORS[n % DEMO_INITIATORS.length]!,
          covid19: false,
          goal: 'Layanan lebih cepat, mudah dan terjangkau bagi warga (tujuan sintetis untuk demo).',
          contact_name: `Koordinator Inovasi ${opd.toUpperCase().replace(/-/g, ' ')} (demo)`,
          contact_phone: `0812 0000 ${String(1000 + n).slice(-4)}`,
          contact_email: `inovasi.${opd}@lahat.demo`,
          status,
          review_comment: status === 'returned' ? 'Lengkapi bukti dukung regulasi (SK kepala daerah) dan tanggal uji coba.' : null,
          submitted_at: submittedAt,
          verified_at: status === 'verified' ? new Date(submittedAt!.getTime() + 3 * 86_400_000) : null,
          synthetic: true,
          created_at: new Date(now.getTime() - (60 - n) * 86_400_000),
          updated_at: now,
          created_by: null,
          updated_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      innovations++;
      if (status !== 'draft' && submittedAt) {
        await db.insertInto('innovation_reviews').values({ innovation_id: row.id, at: submittedAt, action: 'submitted', comment: null, actor_id: null, actor_name: `Petugas ${opd} (demo)` }).execute();
        if (status === 'verified' || status === 'returned') {
          await db
            .insertInto('innovation_reviews')
            .values({ innovation_id: row.id, at: new Date(submittedAt.getTime() + 3 * 86_400_000), action: status, comment: status === 'returned' ? 'Lengkapi bukti dukung regulasi (SK kepala daerah) dan tanggal uji coba.' : null, actor_id: null, actor_name: 'Verifikator Bappeda (demo)' })
            .execute();
        }
      }
      // Evidence for the first `evidenceCount` indicators, rotated per innovation so gaps differ.
      for (let k = 0; k < Math.min(evidenceCount, model.length); k++) {
        const indicator = model[(k + n) % model.length]!;
        const bytes = placeholderPdf(`${indicator.name} - ${name}`);
        const id = createHash('sha256').update(`demo-evidence:${row.id}:${indicator.id}`).digest('hex').replace(/[^a-z0-9]/g, '').slice(0, 20);
        await db
          .insertInto('innovation_evidence')
          .values({ id, innovation_id: row.id, indicator_id: indicator.id, title: `${indicator.name} (contoh)`, media_type: 'application/pdf', byte_size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), data: bytes, created_at: now, created_by: null })
          .execute();
        files++;
      }
    }
  }
  return { opds, 'staff users': users, settings: settings ? 1 : 0, innovations, 'evidence files': files };
}
