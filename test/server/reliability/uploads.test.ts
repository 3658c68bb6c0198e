/**
 * Hostile uploads on every upload route — the road report photo (public), an innovation's
 * evidence and a CSR spending entry's evidence (staff): one byte over the route's limit and
 * 5 MB + 1 byte (with and without `Content-Length`), pixel floods, files whose content is not
 * what their `Content-Type` says (an .exe as PNG, a PDF as JPEG, HTML as PNG), broken and
 * empty files. Each is refused with problem+json naming the upload's field; a file whose name
 * lies but whose content is an accepted type is stored as what its content is.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jpegWithGps, png, text } from '../../helpers/photo-files.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

const MB = 1024 * 1024;
const PDF = text('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n');
const EXE = Buffer.concat([text('MZ'), Buffer.alloc(62), text('PE\0\0'), Buffer.alloc(200, 0x90)]);

/** A baseline JPEG whose frame header claims `width` × `height` (a pixel flood when huge). */
function floodJpeg(width: number, height: number): Buffer {
  return jpegWithGps(width, height);
}

interface UploadRoute {
  name: string;
  field: string;
  limit: number;
  path: string;
  token?: string;
  /** The media types it takes, told by content. */
  takesPdf: boolean;
}

interface Hostile {
  name: string;
  body: Buffer;
  contentType: string;
  /** Send without Content-Length (chunked): the limit counted while reading. */
  chunked?: boolean;
  status: (route: UploadRoute) => number;
}

const hostile = (route: UploadRoute): Hostile[] => [
  { name: 'one byte over the limit', body: Buffer.concat([jpegWithGps(), Buffer.alloc(route.limit + 1 - jpegWithGps().length)]), contentType: 'image/jpeg', status: () => 413 },
  { name: 'one byte over the limit, chunked', body: Buffer.alloc(route.limit + 1, 0xff), contentType: 'image/jpeg', chunked: true, status: () => 413 },
  { name: '5 MB + 1 byte', body: Buffer.concat([PDF, Buffer.alloc(5 * MB + 1 - PDF.length)]), contentType: 'application/pdf', status: () => 413 },
  { name: 'pixel-flood PNG (100,000 × 100,000)', body: png(100_000, 100_000), contentType: 'image/png', status: () => 415 },
  { name: 'pixel-flood PNG (8,000 × 8,000: 64 MP)', body: png(8_000, 8_000), contentType: 'image/png', status: () => 415 },
  { name: 'pixel-flood JPEG (60,000 × 60,000)', body: floodJpeg(60_000, 60_000), contentType: 'image/jpeg', status: () => 415 },
  { name: 'an .exe sent as image/png', body: EXE, contentType: 'image/png', status: () => 415 },
  { name: 'HTML with a script sent as image/png', body: text('<html><script>alert(1)</script></html>'), contentType: 'image/png', status: () => 415 },
  { name: 'SVG with a script sent as image/jpeg', body: text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), contentType: 'image/jpeg', status: () => 415 },
  { name: 'a PDF sent as image/jpeg', body: PDF, contentType: 'image/jpeg', status: (r) => (r.takesPdf ? 201 : 415) },
  { name: 'a PDF with JavaScript sent as application/pdf', body: Buffer.concat([text('%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n'), text('startxref\n9\n%%EOF\n')]), contentType: 'application/pdf', status: () => 415 },
  { name: 'a truncated PNG (signature only)', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), contentType: 'image/png', status: () => 415 },
  { name: 'a truncated JPEG', body: jpegWithGps().subarray(0, 40), contentType: 'image/jpeg', status: () => 415 },
  { name: 'a ZIP sent as image/jpeg', body: Buffer.concat([text('PK\x03\x04'), Buffer.alloc(100)]), contentType: 'image/jpeg', status: () => 415 },
  { name: 'an empty body', body: Buffer.alloc(0), contentType: 'image/jpeg', status: () => 415 },
];

describe('hostile uploads on every upload route', () => {
  let server: TestServer;
  const routes: UploadRoute[] = [];
  let tried = 0;

  before(async () => {
    server = await startTestServer({ store: 'pglite', settings: { rateLimitPerMinute: 100_000 } });
    const token = await server.tokenFor();
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as Record<string, unknown>;
    };
    const draft = await post('/api/v1/opds/diskominfo/innovations', {
      name: 'Inovasi Uji Unggahan',
      type: 'pelayanan-publik',
      digital: false,
      stage: 'uji-coba',
      stageDates: { inisiatif: '2024-08-01', 'uji-coba': '2025-01-15' },
      startDate: '2024-08-01',
      problem: 'Warga datang berulang kali.',
      solution: 'Loket terjadwal.',
      benefits: 'Perjalanan berkurang.',
      budgetSource: 'APBD',
      contact: { name: 'Petugas Uji', phone: '081234567890', email: 'unggah@example.com' },
    });
    const companies = (await (await fetch(`${server.url}/api/v1/opds/bappeda/csr/companies`)).json()) as { data: { id: number }[] };
    const program = await post('/api/v1/opds/bappeda/csr/programs', { title: 'Program uji unggahan', field: 'pendidikan', kecamatan: 'Jarai', desa: 'Uji Unggahan', year: 2025, committed: 100_000_000, status: 'running', companyId: companies.data[0]!.id });
    const withSpending = (await post(`/api/v1/opds/bappeda/csr/programs/${String(program.id)}/spending`, { date: '2025-02-01', amount: 2_000_000, description: 'Kuitansi' })) as { spending: { id: number }[] };
    routes.push(
      { name: 'road report photo', field: 'photo', limit: 5 * MB, path: '/api/v1/opds/dinas-pupr/road-report-photos', takesPdf: false },
      { name: 'innovation evidence', field: 'file', limit: 2 * MB, path: `/api/v1/opds/diskominfo/innovations/${String(draft.id)}/evidence/regulasi`, token, takesPdf: true },
      { name: 'CSR spending evidence', field: 'file', limit: 2 * MB, path: `/api/v1/opds/bappeda/csr/spending/${withSpending.spending[0]!.id}/evidence`, token, takesPdf: true },
    );
  });
  after(async () => {
    await server?.close();
  });

  const send = async (route: UploadRoute, input: Hostile) => {
    const headers: Record<string, string> = { 'Content-Type': input.contentType };
    if (route.token) headers.Authorization = `Bearer ${route.token}`;
    const body = input.chunked
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            for (let at = 0; at < input.body.length; at += 64 * 1024) controller.enqueue(input.body.subarray(at, at + 64 * 1024));
            controller.close();
          },
        })
      : (input.body as Uint8Array<ArrayBuffer>);
    const response = await fetch(`${server.url}${route.path}`, { method: 'POST', headers, body, ...(input.chunked ? { duplex: 'half' } : {}) } as RequestInit);
    return { response, text: await response.text() };
  };

  for (const name of ['road report photo', 'innovation evidence', 'CSR spending evidence']) {
    it(`refuses every hostile file on the ${name} route with problem+json naming the field`, async () => {
      const route = routes.find((r) => r.name === name)!;
      for (const input of hostile(route)) {
        tried++;
        const { response, text: answer } = await send(route, input);
        const expected = input.status(route);
        assert.equal(response.status, expected, `${input.name}: ${answer.slice(0, 300)}`);
        if (expected === 201) {
          // Not refused, and not stored as what it claimed: as what its content is.
          assert.match(answer, /application\/pdf/, `${input.name}: stored as a PDF`);
          continue;
        }
        assert.equal(response.headers.get('content-type'), 'application/problem+json', input.name);
        const problem = JSON.parse(answer) as { type: string; errors?: { path: string; message: string }[] };
        assert.equal(problem.type, expected === 413 ? '/problems/payload-too-large' : '/problems/unsupported-media-type', input.name);
        assert.deepEqual(problem.errors?.map((e) => e.path), [route.field], `${input.name}: names the field`);
        assert.ok(problem.errors![0]!.message.length > 10, input.name);
      }
    });
  }

  it('stays up and takes a good file afterwards', async (t) => {
    t.diagnostic(`hostile uploads tried: ${tried} over ${routes.length} routes, 0 answered 5xx`);
    const photo = routes[0]!;
    const response = await fetch(`${server.url}${photo.path}`, { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: jpegWithGps() as Uint8Array<ArrayBuffer> });
    assert.equal(response.status, 201);
    // A JPEG sent as PNG is stored as the JPEG it is.
    assert.equal(((await response.json()) as { mediaType: string }).mediaType, 'image/jpeg');
  });
});
