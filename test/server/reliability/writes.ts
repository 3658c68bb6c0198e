/**
 * One write of every module, public and staff, as a citizen or an officer makes it over HTTP,
 * and a way to tell afterwards whether an acknowledged write is still there. The reliability
 * tests cycle through {@link WRITES} with several writers at once, record every write the
 * server acknowledged (2xx), break something (kill -9, a lost database), and then check each.
 *
 * Staff writes are made as the demo regency admin (`admin@lahat.demo`), who may write in every
 * OPD; each module writes in a demo OPD that runs it.
 *
 * @module
 */
import { signIn } from '../../helpers/server.js';

/** A write the server answered with 2xx: what it was and how to find it again. */
export interface Acknowledged {
  /** The module, e.g. `siap`. */
  module: string;
  /** The write's name, e.g. `question` or `staff answer`. */
  write: string;
  /** Its id or tracking code as the server answered it. */
  id: string;
  /** True when the server still holds it exactly (asked over HTTP). */
  check(base: string, token: string): Promise<boolean>;
}

/** What a write is given: the server, a staff token, a sequence number unique in the run. */
export interface WriteContext {
  base: string;
  token: string;
  n: number;
}

/** One kind of write: makes it, and answers its acknowledgement (or undefined when not acknowledged). */
export interface Write {
  module: string;
  write: string;
  access: 'public' | 'staff';
  run(ctx: WriteContext): Promise<Acknowledged | undefined>;
}

/** An answer that is not 2xx: the status, to tell a refusal (4xx, 503) from a failure (5xx other than 503). */
export class Unacknowledged extends Error {
  constructor(readonly status: number, readonly body: string) {
    super(`answered ${status}: ${body.slice(0, 300)}`);
  }
}

const json = (token?: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'Content-Type': 'application/json',
  ...(token ? { Authorization: `Bearer ${token}` } : {}),
  ...extra,
});

/** POSTs (or PATCHes) JSON; the parsed answer on 2xx, else throws {@link Unacknowledged}. A lost connection throws as fetch does. */
export async function send(url: string, body: unknown, token?: string, method = 'POST'): Promise<{ status: number; json: unknown; headers: Headers }> {
  const response = await fetch(url, { method, headers: json(token), body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  if (response.status < 200 || response.status > 299) throw new Unacknowledged(response.status, text);
  return { status: response.status, json: text ? JSON.parse(text) : undefined, headers: response.headers };
}

async function read<T>(url: string, token?: string): Promise<{ status: number; json: T }> {
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, json: parsed as T };
}

const API = '/api/v1';
const SIAP_OPD = 'bpkad';
const ROADS_OPD = 'dinas-pupr';
const AGENDA_OPD = 'sekretariat-dprd';
const INNOVATION_OPD = 'diskominfo';
const CSR_OPD = 'bappeda';
const SERVICES_OPD = 'dpmptsp';
const SERVICE = 'izin-usaha-nib';

/** A tag that ties a stored text to its write, so a check sees this write and not another. */
const tag = (n: number) => `uji-ketahanan-${process.pid}-${n}`;

/** The day `n` days after 2030-01-01, `YYYY-MM-DD`: events of different writes never overlap. */
const dayAfter = (n: number) => new Date(Date.UTC(2030, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** Every module's writes; a module that lands later adds its own here. */
export const WRITES: readonly Write[] = [
  {
    module: 'siap',
    write: 'question',
    access: 'public',
    async run({ base, n }) {
      const { headers } = await send(`${base}${API}/opds/${SIAP_OPD}/consultations`, {
        name: 'Penguji Ketahanan (demo)',
        email: 'ketahanan@example.com',
        category: 'aset-daerah',
        subject: `Pertanyaan ${tag(n)}`,
        message: 'Pertanyaan ini harus tetap ada setelah server dimatikan paksa.',
        consent: true,
      });
      const code = headers.get('location')?.split('/').at(-1) ?? '';
      return {
        module: 'siap',
        write: 'question',
        id: code,
        // The public tracking page shows no subject: staff's view of the question does.
        check: async (b, t) => {
          const found = await read<{ subject: string }>(`${b}${API}/opds/${SIAP_OPD}/consultations/${code}`, t);
          return found.status === 200 && found.json.subject.includes(tag(n));
        },
      };
    },
  },
  {
    module: 'siap',
    write: 'staff answer',
    access: 'staff',
    async run({ base, token, n }) {
      // A question to answer first; only the answer is counted here (the question is counted above).
      const { headers } = await send(`${base}${API}/opds/${SIAP_OPD}/consultations`, {
        name: 'Penguji Ketahanan (demo)',
        email: 'ketahanan@example.com',
        category: 'aset-daerah',
        subject: `Untuk dijawab ${tag(n)}`,
        message: 'Pertanyaan ini akan dijawab petugas sebelum server dimatikan paksa.',
        consent: true,
      });
      const code = headers.get('location')?.split('/').at(-1) ?? '';
      const text = `Jawaban ${tag(n)}`;
      await send(`${base}${API}/opds/${SIAP_OPD}/consultations/${code}/answer`, { text }, token);
      return {
        module: 'siap',
        write: 'staff answer',
        id: code,
        check: async (b) => {
          const found = await read<{ status: string; answer: { text: string } | null }>(`${b}${API}/consultations/${code}`);
          return found.status === 200 && found.json.status === 'answered' && found.json.answer?.text === text;
        },
      };
    },
  },
  {
    module: 'roads',
    write: 'damage report',
    access: 'public',
    async run({ base, token, n }) {
      const { json: receipt } = await send(`${base}${API}/opds/${ROADS_OPD}/road-reports`, {
        service_code: 'jalan-berlubang',
        address_string: `Jl. Uji Ketahanan ${n}, Desa Contoh`,
        description: `Lubang di jalan ${tag(n)}`,
        attribute: { tingkat: 'sedang' },
      });
      const id = String((receipt as { service_request_id: string }).service_request_id);
      return {
        module: 'roads',
        write: 'damage report',
        id,
        check: async (b) => {
          const found = await read<unknown>(`${b}${API}/opds/${ROADS_OPD}/road-report-inbox/${id}`, token);
          return found.status === 200 && JSON.stringify(found.json).includes(tag(n));
        },
      };
    },
  },
  {
    module: 'agenda',
    write: 'event',
    access: 'staff',
    async run({ base, token, n }) {
      const day = dayAfter(n);
      const { json: event } = await send(
        `${base}${API}/opds/${AGENDA_OPD}/events`,
        { title: `Rapat ${tag(n)}`, body: 'komisi-1', kind: 'rapat-komisi', startsAt: `${day}T09:00`, endsAt: `${day}T10:00` },
        token,
      );
      const id = String((event as { id: string | number }).id);
      return {
        module: 'agenda',
        write: 'event',
        id,
        check: async (b, t) => {
          const found = await read<{ title: string }>(`${b}${API}/opds/${AGENDA_OPD}/agenda/events/${id}`, t);
          return found.status === 200 && found.json.title.includes(tag(n));
        },
      };
    },
  },
  {
    module: 'innovation',
    write: 'draft',
    access: 'staff',
    async run({ base, token, n }) {
      const { json: draft } = await send(
        `${base}${API}/opds/${INNOVATION_OPD}/innovations`,
        {
          name: `Inovasi ${tag(n)}`,
          type: 'pelayanan-publik',
          digital: false,
          stage: 'uji-coba',
          stageDates: { inisiatif: '2024-08-01', 'uji-coba': '2025-01-15' },
          startDate: '2024-08-01',
          problem: 'Warga datang ke kantor berulang kali untuk pertanyaan yang sama.',
          solution: 'Loket konsultasi terjadwal di kecamatan sebulan sekali.',
          benefits: 'Perjalanan warga berkurang.',
          budgetSource: 'APBD',
          contact: { name: 'Petugas Uji Ketahanan', phone: '081234567890', email: 'ketahanan@example.com' },
        },
        token,
      );
      const id = String((draft as { id: string | number }).id);
      return {
        module: 'innovation',
        write: 'draft',
        id,
        check: async (b, t) => {
          const found = await read<{ name: string }>(`${b}${API}/opds/${INNOVATION_OPD}/innovations/${id}`, t);
          return found.status === 200 && found.json.name.includes(tag(n));
        },
      };
    },
  },
  {
    module: 'csr',
    write: 'proposal',
    access: 'staff',
    async run({ base, token, n }) {
      const { json: proposal } = await send(
        `${base}${API}/opds/${CSR_OPD}/csr/proposals`,
        {
          title: `Usulan ${tag(n)}`,
          field: 'kesehatan',
          kecamatan: 'Mulak Ulu',
          desa: 'Muara Tiga',
          year: 2026,
          proposer: 'Pemerintah Desa Muara Tiga',
          submittedOn: '2026-02-01',
        },
        token,
      );
      const id = String((proposal as { id: string | number }).id);
      return {
        module: 'csr',
        write: 'proposal',
        id,
        check: async (b, t) => {
          // No read of one proposal: page through the OPD's list.
          let cursor: string | null = null;
          do {
            const found: { status: number; json: { data: { id: unknown; title: string }[]; nextCursor: string | null } } = await read(`${b}${API}/opds/${CSR_OPD}/csr/proposals?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, t);
            if (found.status !== 200) return false;
            const hit = found.json.data.find((p) => String(p.id) === id);
            if (hit) return hit.title.includes(tag(n));
            cursor = found.json.nextCursor;
          } while (cursor);
          return false;
        },
      };
    },
  },
  {
    module: 'layanan',
    write: 'survey tokens',
    access: 'staff',
    async run({ base, token }) {
      const { json: batch } = await send(`${base}${API}/opds/${SERVICES_OPD}/services/${SERVICE}/survey-tokens`, { count: 1 }, token);
      const issued = surveyTokensOf(batch);
      return {
        module: 'layanan',
        write: 'survey tokens',
        id: issued,
        // A token the server forgot answers 404/422 as unknown; one it kept is taken (201), once.
        check: async (b) => {
          try {
            await send(`${b}${API}/opds/${SERVICES_OPD}/services/${SERVICE}/survey`, { token: issued, scores: SCORES });
            return true;
          } catch {
            return false;
          }
        },
      };
    },
  },
  {
    module: 'layanan',
    write: 'survey response',
    access: 'public',
    async run({ base, token }) {
      const { json: batch } = await send(`${base}${API}/opds/${SERVICES_OPD}/services/${SERVICE}/survey-tokens`, { count: 1 }, token);
      const issued = surveyTokensOf(batch);
      await send(`${base}${API}/opds/${SERVICES_OPD}/services/${SERVICE}/survey`, { token: issued, scores: SCORES });
      return {
        module: 'layanan',
        write: 'survey response',
        id: issued,
        // The receipt has no id: the response is there when its token is spent.
        check: async (b) => {
          const again = await fetch(`${b}${API}/opds/${SERVICES_OPD}/services/${SERVICE}/survey`, {
            method: 'POST',
            headers: json(),
            body: JSON.stringify({ token: issued, scores: SCORES }),
          });
          const problem = (await again.json()) as { type?: string };
          return again.status === 409 && problem.type === '/problems/survey-token-used';
        },
      };
    },
  },
];

const SCORES = Object.fromEntries(
  ['persyaratan', 'prosedur', 'waktu', 'biaya', 'produk', 'kompetensi', 'perilaku', 'pengaduan', 'sarana'].map((element) => [element, 3]),
);

function surveyTokensOf(batch: unknown): string {
  const tokens = (batch as { tokens: (string | { token: string })[] }).tokens;
  const first = tokens[0]!;
  return typeof first === 'string' ? first : first.token;
}

/** Signs in the demo regency admin, who may write in every OPD. */
export async function adminToken(base: string): Promise<string> {
  return (await signIn(base, 'admin@lahat.demo')).token;
}
