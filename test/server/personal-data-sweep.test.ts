/**
 * The global personal-data sweep (issue 22, item 3), on both stores: a unique secret goes into
 * every personal field of every module through the API (a citizen's name, e-mail and phone in
 * SIAP and Perjaka, a reporter's device id, a company's, a village proposal's and an
 * innovation's contact person, a new staff member's name and e-mail, staff-only remarks and
 * survey suggestions), and the secrets the server hands out (a webhook's signing secret, an
 * Open311 key, staff tokens). Then every public GET operation of the OpenAPI document is called
 * without a token, with its path values taken from the records just written and from the
 * server's own lists, with its query parameters filled and with bad ones (the error answers);
 * with them the open-data downloads the DCAT catalogue lists, the ICS feeds, Open311's JSON and
 * XML, and the public media links found. No byte of any answer may hold any secret, in any
 * spelling the server stores it in (a phone's digits, `+62…`).
 *
 * Per-suite sweeps (`test/helpers/personal-data.ts`) check the responses each suite happens to
 * see; this one asks every public endpoint, so an endpoint added later is swept the day it lands.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeConnections, harvest, send } from './fuzz/harness.js';
import { operationsOf, type FuzzRequest, type OpenApiDocument, type Operation } from './fuzz/requests.js';
import { resolved, type JsonSchema } from './fuzz/schema-values.js';
import { RECORD_OPDS, writeEveryField, type WrittenRecords } from '../helpers/every-field.js';
import { STORES } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** Fields that are not a person's data but must stay off public answers all the same (staff-only text). */
const STAFF_ONLY_TEXT = new Set([
  'siap.status.internalNote',
  'siap.note.text',
  'siap.template.title',
  'siap.template.text',
  'perjaka.report.device_id',
  'layanan.survey.suggestion',
  'layanan.service.internal.legalBasis',
  'layanan.service.internal.facilities',
  'layanan.service.internal.competence',
  'webhooks.webhook.description',
]);

/** Letters only, so a secret name passes a name check and cannot be found by chance in a number. */
function letters(n: number): string {
  let out = '';
  for (let k = n + 1; k > 0; k = Math.floor(k / 26)) out += String.fromCharCode(97 + (k % 26));
  return out;
}

for (const store of STORES) {
  describe(`no public answer carries personal data (${store})`, () => {
    let server: TestServer;
    let doc: OpenApiDocument;
    let written: WrittenRecords;
    /** Secret → the field it went into. */
    const secrets = new Map<string, string>();

    before(async () => {
      server = await startTestServer({ store });
      const run = Date.now().toString(36).replace(/[0-9]/g, (d) => letters(Number(d)));
      let n = 0;
      const secretName = (field: string) => {
        const name = `Rahasia${run}${letters(n++)}`.replace(/^./, (c) => c.toUpperCase());
        secrets.set(name, field);
        return `${name} Pribadi`;
      };
      written = await writeEveryField(server.url, server.tokenFor, {
        text: (field, max) => {
          if (!STAFF_ONLY_TEXT.has(field)) return `Teks ${field}`.slice(0, max);
          const secret = `rahasia-${run}-${letters(n++)}`;
          secrets.set(secret, field);
          return `Catatan ${secret}`.slice(0, max);
        },
        name: secretName,
        email: (field) => {
          const email = `rahasia.${run}.${letters(n++)}@pribadi.test`;
          secrets.set(email, field);
          return email;
        },
        phone: (field) => {
          const digits = String(7_100_000 + 7919 * n++).slice(0, 7);
          const phone = `0812 ${digits.slice(0, 3)} ${digits.slice(3)}`;
          // As sent, and as stored: the national number's digits without 0 or +62.
          secrets.set(phone, field);
          secrets.set(`812${digits}`, field);
          return phone;
        },
      });
      secrets.set(written.webhookSecret, 'webhooks.webhook.secret');
      secrets.set(written.open311Key, 'perjaka.open311-key.key');
      for (const email of ['admin@lahat.demo', 'bpkad@lahat.demo', 'pupr@lahat.demo', 'bappeda@lahat.demo', 'dpmptsp@lahat.demo']) {
        secrets.set(await server.tokenFor(email), `accounts.token.${email}`);
        secrets.set(email, 'accounts.user.email');
      }
      doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as OpenApiDocument;
    });

    after(async () => {
      closeConnections();
      await server?.close();
    });

    it('shows no secret of any personal field in any byte of any public answer', async (t) => {
      assert.ok(written.webhookSecret.length > 8 && written.open311Key.length > 8, 'the server handed out a webhook secret and an Open311 key');
      const adminToken = await server.tokenFor('admin@lahat.demo');
      const callers = { authorization: async () => `Bearer ${adminToken}`, ids: new Set<string>(), renew: async () => {} };
      const template: FuzzRequest = { headers: {}, body: undefined } as unknown as FuzzRequest;
      const known = await harvest(server.url, doc, callers, template);
      const own: Record<string, string[]> = {
        trackingCode: [written.trackingCode],
        id: [written.roadReportId, written.agendaEventId, written.innovationId, String(written.csrProgramId)],
        number: [written.roadSegment],
        service: [written.serviceSlug],
      };
      const opds = [...new Set([...Object.values(RECORD_OPDS), 'diskominfo', 'disdukcapil'])];

      const publicGets = operationsOf(doc).filter((op) => op.method === 'GET' && op.access === 'public');
      const targets = new Set<string>();
      for (const op of publicGets) for (const target of targetsOf(op, opds, (p) => [...(own[p] ?? []), ...known(p).slice(0, 3)], doc)) targets.add(target);

      // What the catalogue and the Open311 discovery point at, and the ICS feeds and media links answers name.
      const catalogue = await (await fetch(`${server.url}/api/v1/datasets`)).text();
      for (const match of catalogue.matchAll(/"(?:downloadURL|accessURL|@id)"\s*:\s*"(https?:\/\/[^"]+)"/g)) targets.add(new URL(match[1]!).pathname);
      const roads = RECORD_OPDS.perjaka;
      for (const format of ['json', 'xml']) {
        targets.add(`/open311/v2/discovery.${format}`);
        targets.add(`/open311/v2/services.${format}?jurisdiction_id=${roads}`);
        targets.add(`/open311/v2/requests.${format}?jurisdiction_id=${roads}`);
        targets.add(`/open311/v2/requests.${format}?jurisdiction_id=${roads}&start_date=2000-01-01T00:00:00Z`);
        targets.add(`/open311/v2/requests/${written.roadReportId}.${format}?jurisdiction_id=${roads}`);
        targets.add(`/open311/v2/servicerequestupdates.${format}?jurisdiction_id=${roads}`);
        targets.add(`/open311/v2/requests.${format}?jurisdiction_id=${roads}&service_request_id=zzz`);
      }
      targets.add('/healthz');

      const seen: Array<{ target: string; status: number; text: string }> = [];
      const media = new Set<string>();
      const ask = async (target: string) => {
        const answer = await send(server.url, { ...template, method: 'GET', target } as FuzzRequest, undefined);
        seen.push({ target, status: answer.status, text: answer.text });
        for (const m of answer.text.matchAll(/(?:https?:\/\/[^/"\s]+)?(\/media\/[\w./-]+)/g)) media.add(m[1]!);
      };
      for (const target of targets) await ask(target);
      for (const target of media) if (!targets.has(target)) await ask(target);

      const leaks: string[] = [];
      for (const { target, text } of seen) {
        for (const [secret, field] of secrets) if (text.includes(secret)) leaks.push(`${target} shows ${field} (${secret})`);
      }
      const statuses = new Map<number, number>();
      for (const { status } of seen) statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const personalFields = written.fields.filter((f) => f.kind !== 'text' || STAFF_ONLY_TEXT.has(f.field)).length;
      t.diagnostic(
        `${publicGets.length} public GET operations, ${seen.length} answers (${[...statuses].map(([s, n]) => `${s}: ${n}`).join(', ')}), ${personalFields} personal or staff-only fields and ${secrets.size} secrets, ${leaks.length} leaks`,
      );
      assert.deepEqual(leaks, [], 'no secret in a public answer');
      assert.equal(
        seen.filter((s) => s.status >= 500).map((s) => `${s.target}: ${s.status}`).join('\n'),
        '',
        'no public read fails',
      );
      // The sweep reached the records it seeded: each module's public answers name them.
      const ok = seen.filter((s) => s.status === 200);
      assert.ok(ok.length > publicGets.length, `more 200s (${ok.length}) than operations (${publicGets.length})`);
      for (const [what, needle] of [
        ['the question', written.trackingCode],
        ['the damage report', `Teks perjaka.report.description`],
        ['the agenda event', 'Teks agenda.event.title'],
        ['the CSR programme', 'Teks csr.program.title'],
        ['the service', 'Teks layanan.service.name'],
      ] as const) {
        assert.ok(ok.some((s) => s.text.includes(needle)), `a public answer shows ${what}`);
      }
    });
  });
}

/** The targets of one operation: each path value from `values`, its query filled, and with bad values. */
function targetsOf(op: Operation, opds: string[], values: (parameter: string) => string[], doc: OpenApiDocument): string[] {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  let paths = [op.path];
  for (const param of pathParams) {
    const options = param.name === 'opd' ? opds : values(param.name);
    const picked = [...options.slice(0, 4), 'tidak-ada-zz9'];
    paths = paths.flatMap((path) => picked.map((value) => path.replace(`{${param.name}}`, encodeURIComponent(value))));
  }
  const query = op.parameters.filter((p) => p.in === 'query');
  const filled = query
    .map((p) => {
      const schema = p.schema ? resolved(p.schema, doc.components.schemas) : ({} as JsonSchema);
      const choice = schema.enum?.[0] ?? (schema.anyOf?.map((s) => resolved(s, doc.components.schemas)).find((s) => s.enum)?.enum?.[0]);
      const value = choice !== undefined ? String(choice) : p.name === 'year' ? '2025' : p.name === 'limit' ? '100' : p.name === 'cursor' ? '' : p.name === 'q' ? 'jalan' : undefined;
      return value === undefined || value === '' ? '' : `${p.name}=${encodeURIComponent(value)}`;
    })
    .filter(Boolean)
    .join('&');
  const bad = query.map((p) => `${p.name}=%00%3Cx%3E`).join('&');
  return paths.flatMap((path) => [path, ...(filled ? [`${path}?${filled}`] : []), ...(bad ? [`${path}?${bad}`] : [])]);
}
